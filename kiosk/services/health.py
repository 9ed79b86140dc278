"""What a kiosk says of its own health, in short stable codes that the hub stores and every
dashboard turns into words: the camera (as the camera thread reports it) and the badge printer
(from CUPS's printer and job states).

Camera: ``ok``, ``reconnecting``, ``lost`` (the badge scanner still works), ``none`` (a
scanner-only kiosk). Printer: ``none`` (this kiosk prints nothing), ``ok``, or a comma-separated
list of what needs a person: CUPS's printer-state-reasons that mean so (``media-empty``,
``media-jam``, ``offline`` …, see kiosk.printing.cups.NEEDS_PERSON), ``stopped``,
``not-accepting``, ``no-queue``, ``unreachable`` (CUPS did not answer), ``waiting:N`` (jobs
that have not printed yet) and the warning ``media-low``.
"""

from __future__ import annotations

from kiosk.printing.cups import NEEDS_PERSON, PrinterState

CAMERA_CODES = ("ok", "reconnecting", "lost", "none")


def printer_code(state: PrinterState | BaseException | None) -> str:
    """The printer's health code from a PrinterState (or the error asking CUPS raised)."""
    if state is None:
        return "none"
    if isinstance(state, BaseException):
        return "unreachable"
    if not state.exists:
        return "no-queue"
    codes = [r for r in state.reasons if r in NEEDS_PERSON and r != "paused"]
    if not state.enabled:
        codes.append("stopped")
    if not state.accepting:
        codes.append("not-accepting")
    if state.pending_jobs:
        codes.append(f"waiting:{len(state.pending_jobs)}")
    return ",".join(dict.fromkeys(codes)) or "ok"


def needs_person(code: str | None) -> bool:
    """Whether a camera or printer code asks for staff (``media-low`` and ``waiting`` alone do
    not: the printer is still printing)."""
    if code in (None, "ok", "none"):
        return False
    return any(c not in ("media-low",) and not c.startswith("waiting:")
               for c in code.split(","))
