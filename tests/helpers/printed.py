"""Reading what CUPS received: a PDF's text and the QR codes on its first page."""

from __future__ import annotations

from pathlib import Path


def pdf_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def pdf_qr_codes(data: bytes, dpi: int = 300) -> list[str]:
    """The QR codes zxing-cpp reads on the first page rendered at ``dpi``."""
    import numpy as np
    import pypdfium2 as pdfium
    import zxingcpp

    document = pdfium.PdfDocument(data)
    try:
        image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()
    return [r.text for r in zxingcpp.read_barcodes(np.asarray(image),
                                                   formats=zxingcpp.BarcodeFormat.QRCode)]


def pdf_page_mm(data: bytes) -> tuple[float, float]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        w, h = document[0].get_size()
    finally:
        document.close()
    return w / 72 * 25.4, h / 72 * 25.4


def is_pdf(path: Path) -> bool:
    return Path(path).read_bytes()[:5] == b"%PDF-"
