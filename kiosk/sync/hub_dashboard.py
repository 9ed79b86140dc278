"""The staff dashboard over every kiosk's scans on the hub (meaning: kiosk.core.dashboard).

The hub keeps no derived tables, so each figure is one aggregate over the day's scans (the
``scans_day_at`` index); a dashboard asks from its own thread, never the GUI's.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import psycopg

from kiosk.core.dashboard import DashboardData, HallMap, RecentScan
from kiosk.sync.hub import _UTC_TEXT, HubClient, redact

_DAY = "day = %(day)s::date AND at <= %(until)s"
_END_OF_TIME = datetime(9999, 1, 1, tzinfo=timezone.utc)
_QUARTER = ("to_char(date_trunc('hour', {t} AT TIME ZONE %(tz)s) + "
            "floor(extract(minute FROM {t} AT TIME ZONE %(tz)s) / 15) * interval '15 minutes', "
            "'HH24:MI')")


def hub_inside_by_gate(hub: HubClient, at: datetime, tz_name: str) -> dict[str, int]:
    params = {"day": hub.day_of(at, tz_name), "until": at}
    rows = hub.conn.execute(
        f"""WITH last_in AS (
                SELECT DISTINCT ON (attendee_id) attendee_id, at, gate FROM scans
                WHERE {_DAY} AND attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry')
                ORDER BY attendee_id, at DESC, gate DESC),
            last_out AS (
                SELECT attendee_id, max(at) AS at FROM scans
                WHERE {_DAY} AND attendee_id IS NOT NULL AND outcome = 'exited'
                GROUP BY attendee_id)
            SELECT i.gate, count(*) FROM last_in i LEFT JOIN last_out o USING (attendee_id)
            WHERE o.at IS NULL OR i.at > o.at GROUP BY i.gate""", params).fetchall()
    return {gate or "": n for gate, n in rows}


def hub_arrivals(hub: HubClient, day: str, tz_name: str, until: datetime | None = None) -> dict[str, int]:
    params = {"day": day, "until": until or _END_OF_TIME, "tz": tz_name}
    rows = hub.conn.execute(
        f"""WITH firsts AS (
                SELECT attendee_id, min(at) AS first FROM scans
                WHERE {_DAY} AND attendee_id IS NOT NULL AND outcome IN ('accepted', 'reentry')
                GROUP BY attendee_id)
            SELECT {_QUARTER.format(t='first')}, count(*) FROM firsts GROUP BY 1""",
        params).fetchall()
    return {quarter: n for quarter, n in rows}


def hub_recent(hub: HubClient, at: datetime, tz_name: str, limit: int = 20) -> list[RecentScan]:
    params = {"day": hub.day_of(at, tz_name), "until": at, "limit": limit}
    rows = hub.conn.execute(
        f"""SELECT {_UTC_TEXT.format('s.at')}, s.outcome, s.reason, s.attendee_id,
                   coalesce(a.name, ''), s.category, s.kiosk_id, s.gate, s.method
            FROM (SELECT * FROM scans WHERE {_DAY} ORDER BY at DESC LIMIT %(limit)s) s
            LEFT JOIN attendees a ON a.id = s.attendee_id ORDER BY s.at DESC""", params).fetchall()
    return [RecentScan(*row) for row in rows]


def hub_dashboard(hub: HubClient, at: datetime, tz_name: str, halls: HallMap, *,
                  recent: int = 20) -> DashboardData:
    """Every kiosk's figures from the hub; raises HubError when it cannot be reached."""
    started = time.perf_counter()
    source = f"hub {redact(hub.url)}"
    try:
        # One snapshot for every figure, the headcount included: the tiles, the curve and the
        # last scans always agree, however fast kiosks push.
        with hub.conn.transaction():
            hub.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            count = hub.headcount(at, tz_name)
            yesterday = (date.fromisoformat(count.day) - timedelta(days=1)).isoformat()
            data = DashboardData(headcount=count, timezone=tz_name, scope="hub", source=source)
            data.inside_by_gate = hub_inside_by_gate(hub, at, tz_name)
            data.arrivals_today = hub_arrivals(hub, count.day, tz_name, until=at)
            data.arrivals_yesterday = hub_arrivals(hub, yesterday, tz_name)
            data.recent = hub_recent(hub, at, tz_name, recent)
            data.kiosks = hub.conn.execute("SELECT count(*) FROM kiosks").fetchone()[0]
    except psycopg.Error as exc:
        raise hub._fail(exc, "reading the dashboard") from None
    data.place_halls(halls)
    data.seconds = time.perf_counter() - started
    return data
