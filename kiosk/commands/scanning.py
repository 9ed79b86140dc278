"""Scanning commands: decode."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from kiosk.commands import emit


def register(commands) -> None:
    p = commands.add_parser(
        "decode", help="read the QR codes in image files, as the kiosk's camera would",
        description="Read the QR codes in each IMAGE through the same decoder chain the kiosk's "
        "camera uses, and print them with the time the decoder took. With --json, one object per "
        'image: {"file": ..., "codes": [...], "binary": [...], "ms": ...}; "codes" holds the '
        'codes that are text, "binary" (hex) those whose payload is not text. A file that is '
        "missing or not an image gets a one-line error; the others are still read, and the exit "
        "status is then 1.")
    p.add_argument("images", nargs="+", metavar="IMAGE", type=Path)
    p.add_argument("--json", action="store_true", help="one JSON object per image")
    p.add_argument("--backend", choices=["zxing", "pyzbar"], default="zxing",
                   help="decoder library (default zxing: zxing-cpp)")
    p.add_argument("--raw", action="store_true",
                   help="only the backend's own pass over the whole image, without the kiosk's "
                   "second pass (for comparison)")
    p.set_defaults(handler=cmd_decode)


def _problem(path: Path) -> str | None:
    if not path.exists():
        return "no such file"
    if path.is_dir():
        return "is a folder, not an image"
    return None


def cmd_decode(args) -> int:
    from kiosk.scanning.decoder import DecoderChain
    from kiosk.scanning.sources import read_image

    chain = DecoderChain(args.backend, steps=() if args.raw else None)
    failures = 0
    for path in args.images:
        problem = _problem(path)
        image = None if problem else read_image(path)
        if image is None:
            failures += 1
            print(f"kiosk: error: {path}: {problem or 'not an image this kiosk can read'}",
                  file=sys.stderr, flush=True)
            continue
        started = time.perf_counter()
        found = chain.decode(image)
        ms = round((time.perf_counter() - started) * 1000, 2)
        texts = [d.text for d in found if d.text is not None]
        binary = [bytes(d.code).hex() if isinstance(d.code, bytes) else d.code.encode().hex()
                  for d in found if d.text is None]
        shown = [repr(t) if any(c in t for c in "\r\n\t") else t for t in texts]
        shown += [f"<{len(h) // 2} bytes, not text: {h[:32]}{'...' if len(h) > 32 else ''}>" for h in binary]
        line = f"{path}: {' | '.join(shown) if shown else 'no code'} ({ms:.1f} ms)"
        emit({"file": str(path), "codes": texts, "binary": binary, "ms": ms}, args.json, line)
    return 1 if failures else 0
