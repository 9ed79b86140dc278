"""The hub's figures: its headcount and the staff dashboard over every kiosk's scans.

Both are counted from the hub's scan log copied into the kiosk's own derived tables
(kiosk.sync.hub_copy), by the same SQL as a kiosk and a merged file (kiosk.storage.headcount_sql,
kiosk.storage.dashboard_sql). The hub adds only what the copy does not hold, read in the same
snapshot as the rows copied: the names of the latest scans' holders and how many kiosks it knows.
A dashboard asks from its own thread, never the GUI's.
"""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import datetime

import psycopg

from kiosk.core.dashboard import DashboardData, HallMap
from kiosk.core.errors import KioskError
from kiosk.core.headcount import Headcount
from kiosk.storage.dashboard_sql import dashboard
from kiosk.storage.headcount_sql import headcount
from kiosk.sync.hub import HubClient, redact
from kiosk.sync.hub_copy import HubCopy


def hub_dashboard(hub: HubClient, copy: HubCopy, at: datetime, tz_name: str, halls: HallMap, *,
                  recent: int = 20) -> DashboardData:
    """Every kiosk's figures from the hub; raises HubError when it cannot be reached."""
    started = time.perf_counter()
    source = f"hub {redact(hub.url)}"
    with copy.snapshot(hub) as conn:
        data = dashboard(conn, at, tz_name, halls, scope="hub", source=source, recent=recent)
        try:
            ids = sorted({s.attendee_id for s in data.recent if s.attendee_id})
            names = {}
            if ids:
                names = dict(hub.conn.execute(
                    "SELECT id, name FROM attendees WHERE id = ANY(%s)", (ids,)).fetchall())
            data.kiosks = hub.conn.execute("SELECT count(*) FROM kiosks").fetchone()[0]
        except psycopg.Error as exc:
            raise hub._fail(exc, "reading the dashboard") from None
    data.recent = [replace(s, name=names.get(s.attendee_id, s.name) or "") for s in data.recent]
    data.seconds = time.perf_counter() - started
    return data


def hub_headcount_at(hub: HubClient, copy: HubCopy, at: datetime, tz_name: str) -> Headcount:
    """The hub's headcount at ``at``: every kiosk's scans, counted as a kiosk counts its own."""
    with copy.snapshot(hub) as conn:
        count = headcount(conn, at, tz_name)
    count.source = f"hub {redact(hub.url)}"
    return count


def hub_headcount(url: str, at_text: str | None = None, *,
                  copy: HubCopy | None = None) -> Headcount:
    """`kiosk headcount --hub URL`: the hub's figures, in the time zone of the hub's event,
    from the copy kept in the cache folder (or ``copy``)."""
    from kiosk.config import parse_event
    from kiosk.core.timeutil import parse_moment, utcnow

    with HubClient.connect(url) as hub:
        info = hub.info()
        if not info.event_toml:
            raise KioskError("the hub holds no event yet: push from a kiosk or run "
                             "`kiosk hub publish URL --event DIR`")
        tz = parse_event(info.event_toml, "the hub's event").timezone
        at = parse_moment(at_text, tz) if at_text else utcnow()
        own = copy is None
        copy = copy or HubCopy.kept(hub)
        try:
            return hub_headcount_at(hub, copy, at, tz)
        finally:
            if own:
                copy.close()
