"""CSV cells that are safe to open in a spreadsheet (OWASP's rule against CSV injection).

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel,
LibreOffice and Google Sheets as a formula (``=HYPERLINK(...)``, ``@SUM(...)``, DDE commands);
a leading apostrophe makes it text, and spreadsheets do not show the apostrophe. Numbers that
are Python numbers are left alone; only text is neutralised.
"""

from __future__ import annotations

import csv
from typing import IO, Iterable, Sequence

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def safe_row(row: Sequence) -> list:
    return [safe_cell(v) for v in row]


def write_rows(fh: IO[str], header: Sequence[str] | None, rows: Iterable[Sequence]) -> None:
    """csv.writer with every cell neutralised."""
    writer = csv.writer(fh)
    if header is not None:
        writer.writerow(safe_row(header))
    writer.writerows(safe_row(r) for r in rows)
