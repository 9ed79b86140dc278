"""Oracles for the hub: its figures as plain aggregates over its scans in PostgreSQL.

The product counts the hub's figures by copying its scans into the kiosk's derived tables
(kiosk.sync.hub_copy). Here the same figures are stated in PostgreSQL's own SQL over the hub's
log, independently of that engine, for the tests to hold the copy to.
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta, timezone

import psycopg

from kiosk.core.dashboard import DashboardData, HallMap, RecentScan
from kiosk.core.headcount import Headcount
from kiosk.core.timeutil import checkout_of, event_day, to_utc_text
from kiosk.sync.hub import _UTC_TEXT, HubClient, redact

_ENTRY = ("accepted", "reentry")
_DAY = "day = %(day)s::date AND at <= %(until)s"
_END_OF_TIME = datetime(9999, 1, 1, tzinfo=timezone.utc)
_QUARTER = ("to_char(date_trunc('hour', {t} AT TIME ZONE %(tz)s) + "
            "floor(extract(minute FROM {t} AT TIME ZONE %(tz)s) / 15) * interval '15 minutes', "
            "'HH24:MI')")


def hub_day_of(hub, at: datetime, tz_name: str) -> str:
    """The event day of ``at`` as the kiosks give their scans theirs: by the hub's event
    (its ``checkout_all_at``, if any), else the local date."""
    try:
        row = hub.conn.execute(
            "SELECT value FROM hub_meta WHERE key = 'event_toml'").fetchone()
    except psycopg.Error as exc:
        raise hub._fail(exc, "reading its event") from None
    return event_day(at, tz_name, checkout_of(row[0] if row else None)).isoformat()

def hub_headcount_sql(hub, at: datetime, tz_name: str) -> Headcount:
    """The headcount as aggregates over the hub's scans in PostgreSQL."""
    day = hub_day_of(hub, at, tz_name)
    result = Headcount(day=day, at=to_utc_text(at), source=f"hub {redact(hub.url)}")
    params = {"day": day, "until": at, "tz": tz_name}
    base = "FROM scans WHERE day = %(day)s::date AND at <= %(until)s"
    # Inside a caller's snapshot (the dashboard's), read in it; else take one of our own.
    nested = hub.conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE
    try:
        with hub.conn.transaction():
            if not nested:
                hub.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for outcome, n in hub.conn.execute(
                    f"SELECT outcome, count(*) {base} GROUP BY outcome", params):
                if outcome in _ENTRY:
                    result.accepted_scans += n
                elif outcome == "exited":
                    result.exit_scans += n
                else:
                    result.refused_scans += n
                    if outcome == "duplicate":
                        result.duplicate_scans += n
            result.inside_now = hub.conn.execute(
                f"""SELECT count(*) FROM (
                        SELECT max(at) FILTER (WHERE outcome IN ('accepted', 'reentry')) AS li,
                               max(at) FILTER (WHERE outcome = 'exited') AS lo
                        {base} AND attendee_id IS NOT NULL GROUP BY attendee_id) t
                    WHERE li IS NOT NULL AND (lo IS NULL OR li > lo)""", params).fetchone()[0]
            rows = hub.conn.execute(
                f"""WITH firsts AS (
                        SELECT DISTINCT ON (attendee_id) attendee_id, at, kiosk_id, gate,
                               category
                        {base} AND attendee_id IS NOT NULL
                          AND outcome IN ('accepted', 'reentry')
                        ORDER BY attendee_id, at, scan_id)
                    SELECT GROUPING(coalesce(category, '')), GROUPING(kiosk_id),
                           GROUPING(coalesce(gate, '')),
                           coalesce(category, ''), kiosk_id, coalesce(gate, ''),
                           to_char(at AT TIME ZONE %(tz)s, 'HH24') || ':00' AS hour,
                           GROUPING(to_char(at AT TIME ZONE %(tz)s, 'HH24') || ':00'),
                           count(*)
                    FROM firsts
                    GROUP BY GROUPING SETS ((coalesce(category, '')), (kiosk_id),
                                            (coalesce(gate, '')),
                                            (to_char(at AT TIME ZONE %(tz)s, 'HH24') || ':00'),
                                            ())""", params).fetchall()
    except psycopg.Error as exc:
        raise hub._fail(exc, "counting heads") from None
    for g_cat, g_kiosk, g_gate, cat, kiosk, gate, hour, g_hour, n in rows:
        if not g_cat:
            result.by_category[cat] = n
        elif not g_kiosk:
            result.by_kiosk[kiosk] = n
        elif not g_gate:
            result.by_gate[gate] = n
        elif not g_hour:
            result.by_hour[hour] = n
        else:
            result.unique_checked_in = n
    return result

def hub_inside_by_gate(hub: HubClient, at: datetime, tz_name: str) -> dict[str, int]:
    params = {"day": hub_day_of(hub, at, tz_name), "until": at}
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
    params = {"day": hub_day_of(hub, at, tz_name), "until": at, "limit": limit}
    rows = hub.conn.execute(
        f"""SELECT {_UTC_TEXT.format('s.at')}, s.outcome, s.reason, s.attendee_id,
                   coalesce(a.name, ''), s.category, s.kiosk_id, s.gate, s.method
            FROM (SELECT * FROM scans WHERE {_DAY} ORDER BY at DESC LIMIT %(limit)s) s
            LEFT JOIN attendees a ON a.id = s.attendee_id ORDER BY s.at DESC""", params).fetchall()
    return [RecentScan(*row) for row in rows]


def hub_dashboard_sql(hub: HubClient, at: datetime, tz_name: str, halls: HallMap, *,
                      recent: int = 20) -> DashboardData:
    """Every figure of the dashboard, as aggregates over the hub's log in one snapshot."""
    started = time.perf_counter()
    source = f"hub {redact(hub.url)}"
    try:
        # One snapshot for every figure, the headcount included: the tiles, the curve and the
        # last scans always agree, however fast kiosks push.
        with hub.conn.transaction():
            hub.conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            count = hub_headcount_sql(hub, at, tz_name)
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
