"""The headcount of one source (a kiosk folder, a merged database or the hub), as
`kiosk headcount` prints it; the web dashboard's /api/headcount calls the same function."""

from __future__ import annotations

from pathlib import Path

from kiosk.core.errors import KioskError
from kiosk.core.headcount import Headcount


def headcount_of(*, hub: str | None = None, kiosk: Path | None = None, db: Path | None = None,
                 at_text: str | None = None) -> Headcount:
    """Exactly one of ``hub``, ``kiosk`` or ``db``; ``at_text`` an ISO 8601 moment (default now;
    without an offset it is read in the event's time zone)."""
    from kiosk.core.timeutil import parse_moment, utcnow

    if sum(x is not None for x in (hub, kiosk, db)) != 1:
        raise KioskError("give exactly one of --hub, --kiosk or --db")
    if hub is not None:
        from kiosk.sync.hub_dashboard import hub_headcount

        return hub_headcount(hub, at_text)
    if kiosk is not None:
        from kiosk.organiser.kioskdir import KioskFolder, load_rules

        folder = KioskFolder.open(kiosk)
        with folder.open_store(readonly=True) as store:
            tz = load_rules(store).timezone
            at = parse_moment(at_text, tz) if at_text else utcnow()
            return store.headcount(at, tz)
    from kiosk.storage.kiosk_store import KioskStore

    db = Path(db)
    if not db.exists():
        raise KioskError(f"no database at {db}")
    with KioskStore.open(db, readonly=True) as store:
        tz = "Asia/Karachi"
        text = store.get_meta("event_toml")
        if text:
            from kiosk.config import parse_event

            tz = parse_event(text).timezone
        at = parse_moment(at_text, tz) if at_text else utcnow()
        count = store.headcount(at, tz)
        count.source = f"merged database {db}"
        return count
