"""Roster import of the exports registration systems really produce, checked in at a kiosk.

The header rows below are copied from the systems themselves, not made up:

- PRETIX_CHECKINLIST: pretix's ``CSVCheckinList.iterate_list`` in
  ``src/pretix/plugins/checkinlists/exporters.py`` (the "Check-in list" export), for an event
  with the name scheme "given_family", without subevents or questions, with "Include QR-code
  secret" ticked and pending orders left out: Order code, Attendee name, one column per name
  part ("Attendee name: {part}"), Product ... Valid until, then the attendee's address.
- PRETIX_POSITIONS: pretix's ``OrderListExporter.iterate_positions`` in
  ``src/pretix/base/exporters/orderlist.py`` (the "Order positions" sheet of "Order data"),
  same event: Event slug, Order code, Position ID ... Ticket secret ... Payment providers.
- PRETIX_ORDERS: the first sheet of that workbook (``iterate_orders``), which holds orders,
  not tickets.
- EVENTBRITE: the attendee summary report as Eventbrite exports it (Order #, Order Date,
  First Name, Last Name, Email, Quantity, Price Tier, Ticket Type, Attendee #, Group, Order
  Type, Currency, Total Paid, Fees Paid, Eventbrite Fees, Eventbrite Payment Processing,
  Attendee Status, the home address and the event's own questions); with barcodes shown, the
  report adds "Barcode #".

The rows are our own, with Urdu and Chinese names.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from kiosk.core.errors import KioskError
from kiosk.organiser.roster_import import compose_name, import_roster
from tests.helpers.factories import DAYS, local, make_event, make_kiosk, open_desk

PRETIX_CHECKINLIST = [
    "Order code", "Attendee name", "Attendee name: Given name", "Attendee name: Family name",
    "Product", "Price", "Checked in", "Checked out", "Automatically checked in", "Secret",
    "E-mail", "Phone number", "Company", "Voucher code", "Order date", "Order time",
    "Requires special attention", "Comment", "Seat ID", "Seat name", "Seat zone", "Seat row",
    "Seat number", "Blocked", "Valid from", "Valid until", "Address", "ZIP code", "City",
    "Country", "State",
]

PRETIX_POSITIONS = [
    "Event slug", "Order code", "Position ID", "Status", "Email", "Phone number", "Order date",
    "Order time", "Product", "Variation", "Price", "Tax rate", "Tax rule", "Tax value",
    "Attendee name", "Attendee name: Given name", "Attendee name: Family name", "Attendee email",
    "Company", "Address", "ZIP code", "City", "Country", "State", "Voucher",
    "Pseudonymization ID", "Ticket secret", "Seat ID", "Seat name", "Seat zone", "Seat row",
    "Seat number", "Blocked", "Valid from", "Valid until", "Order comment", "Follow-up date",
    "Company", "Invoice address name", "Invoice address name: Given name",
    "Invoice address name: Family name", "Invoice address street", "Invoice address ZIP code",
    "Invoice address city", "Invoice address country", "Invoice address state", "VAT ID",
    "Sales channel", "Order locale", "E-mail address verified", "External customer ID",
    "Payment providers",
]

PRETIX_ORDERS = [
    "Event slug", "Order code", "Order total", "Status", "Email", "Phone number", "Order date",
    "Order time", "Company", "Name", "Given name", "Family name", "Address", "ZIP code", "City",
    "Country", "State", "Custom address field", "VAT ID", "Date of last payment", "Fees",
    "Order locale", "Invoice numbers", "Sales channel", "Requires special attention", "Comment",
    "Follow-up date", "Positions", "E-mail address verified", "External customer ID",
    "Payment providers",
]

EVENTBRITE = [
    "Order #", "Order Date", "First Name", "Last Name", "Email", "Quantity", "Price Tier",
    "Ticket Type", "Attendee #", "Group", "Order Type", "Currency", "Total Paid", "Fees Paid",
    "Eventbrite Fees", "Eventbrite Payment Processing", "Attendee Status", "Home Address 1",
    "Home Address 2", "Home City", "Home State", "Home Zip", "Home Country", "Job Title",
    "Company",
]
EVENTBRITE_BARCODES = EVENTBRITE[:9] + ["Barcode #"] + EVENTBRITE[9:]

# Ticket secrets as pretix makes them by default: 32 of 'abcdefghjkmnpqrstuvwxyz23456789'.
SECRETS = {
    "ahmed": "h7x2q9kc4mzw8rtpvd3nbf6yjs5ga2ek",
    "xiuying": "p3sk8dwm2rxc7vq9zt4hb6nfyj5ea2gu",
    "aisha": "w9dq3mtk7xz2rc8pvn4bh6fyjs5ea2kg",
    "bilal": "c2vn8qd4kx7mz3wtrp9bh6fyjs5ea2hu",
    "fatima": "m4kt9zc2xq7wd8rvpn3bh6fyjs5ea2ju",
}


def pretix_checkin_rows():
    def row(order, name, given, family, product, secret, email="", attention="No", city=""):
        values = dict.fromkeys(PRETIX_CHECKINLIST, "")
        values.update({"Order code": order, "Attendee name": name,
                       "Attendee name: Given name": given, "Attendee name: Family name": family,
                       "Product": product, "Price": "0.00", "Checked in": "", "Checked out": "",
                       "Automatically checked in": "No", "Secret": secret, "E-mail": email,
                       "Order date": "2026-11-02", "Order time": "10:15:00",
                       "Requires special attention": attention, "City": city,
                       "Country": "PK"})
        return [values[h] for h in PRETIX_CHECKINLIST]

    return [
        # One order of three tickets (pretix: one row per order position).
        row("Q7XKM", "Ahmed Khan", "Ahmed", "Khan", "Visitor pass", SECRETS["ahmed"],
            "ahmed@example.com", city="Islamabad"),
        # pretix joins a given_family name given first: "秀英 李".
        row("Q7XKM", "秀英 李", "秀英", "李", "Visitor pass", SECRETS["xiuying"]),
        row("Q7XKM", "عائشہ ملک", "عائشہ", "ملک", "Exhibitor badge — Karachi", SECRETS["aisha"],
            attention="Yes", city="Lahore"),
        row("B2RTW", "Bilal Ahmed", "Bilal", "Ahmed", "VIP", SECRETS["bilal"]),
    ]


MAP = """
[products]
"Visitor pass" = "visitor"
"Exhibitor badge — Karachi" = { category = "exhibitor", venues = ["karachi"] }
"VIP" = "vip"
"Media – Print" = { category = "media", attention = "Check the press card" }
"""


@pytest.fixture
def empty_event(tmp_path):
    return make_event(tmp_path, roster=None)


def write_csv(path: Path, header, rows, delimiter=",", bom=True) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    return path


def write_map(tmp_path: Path, text: str = MAP) -> Path:
    path = tmp_path / "map.toml"
    path.write_text(text, encoding="utf-8")
    return path


def run(path, event, roster_map=None):
    with event.store() as store:
        report = import_roster(path, store, event.rules, roster_map=roster_map)
        people = {a.id: a for a in store.attendees()}
    return report, people


def check_in_all(tmp_path, event, codes, venue="karachi"):
    kiosk = make_kiosk(tmp_path, event, venue=venue)
    desk, store = open_desk(kiosk)
    try:
        return {code: desk.check_in(code, at=local(DAYS[0], 11)) for code in codes}
    finally:
        store.close()


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_pretix_checkin_list_every_ticket_of_a_multi_ticket_order_gets_in(tmp_path, empty_event,
                                                                          delimiter):
    path = write_csv(tmp_path / "checkin.csv", PRETIX_CHECKINLIST, pretix_checkin_rows(), delimiter)
    report, people = run(path, empty_event, write_map(tmp_path))
    assert report.format == "pretix-checkinlist"
    assert (report.imported, report.rejected) == (4, [])
    assert sorted(people) == ["B2RTW-1", "Q7XKM-1", "Q7XKM-2", "Q7XKM-3"]
    assert people["Q7XKM-1"].code == SECRETS["ahmed"]
    assert people["Q7XKM-1"].venues is None  # "City" is where Ahmed lives, not a venue
    assert people["Q7XKM-3"].category == "exhibitor" and people["Q7XKM-3"].venues == ("karachi",)
    # Names as people write them, in the attendee's script.
    assert people["Q7XKM-2"].name == "李秀英" and people["Q7XKM-2"].name_zh == "李秀英"
    assert people["Q7XKM-3"].name == "عائشہ ملک" and people["Q7XKM-3"].name_ur == "عائشہ ملک"
    assert people["Q7XKM-1"].name_ur == "" and people["Q7XKM-1"].name_zh == ""

    results = check_in_all(tmp_path, empty_event, [SECRETS[k] for k in
                                                   ("ahmed", "xiuying", "aisha", "bilal")])
    assert {code: (r.outcome.value, r.attendee_id) for code, r in results.items()} == {
        SECRETS["ahmed"]: ("accepted", "Q7XKM-1"),
        SECRETS["xiuying"]: ("accepted", "Q7XKM-2"),
        SECRETS["aisha"]: ("accepted", "Q7XKM-3"),
        SECRETS["bilal"]: ("accepted", "B2RTW-1"),
    }
    assert results[SECRETS["xiuying"]].attendee.name == "李秀英"


def test_pretix_checkin_list_as_xlsx(tmp_path, empty_event):
    book = Workbook()
    sheet = book.active
    sheet.title = "Check-in list"
    sheet.append(PRETIX_CHECKINLIST)
    for row in pretix_checkin_rows():
        sheet.append(row)
    path = tmp_path / "checkin.xlsx"
    book.save(path)
    report, people = run(path, empty_event, write_map(tmp_path))
    assert report.format == "pretix-checkinlist" and report.imported == 4
    assert people["Q7XKM-2"].code == SECRETS["xiuying"]


def pretix_position_rows():
    def row(order, pos, status, product, variation, name, given, family, secret, email="",
            company="", blocked=""):
        values = {h: "" for h in PRETIX_POSITIONS}
        values.update({"Event slug": "itcn26", "Order code": order, "Position ID": str(pos),
                       "Status": status, "Email": "buyer@example.com", "Product": product,
                       "Variation": variation, "Price": "0.00", "Attendee name": name,
                       "Attendee name: Given name": given, "Attendee name: Family name": family,
                       "Attendee email": email, "Ticket secret": secret, "Blocked": blocked,
                       "Order date": "2026-11-02", "Order time": "10:15:00",
                       "Pseudonymization ID": f"PSEUDO{order}{pos}", "City": "Karachi",
                       "Sales channel": "web", "Order locale": "en"})
        values_list = []
        seen_company = False
        for h in PRETIX_POSITIONS:
            if h == "Company":  # the first is the attendee's, the second the invoice's
                values_list.append(company if not seen_company else "Invoice Co")
                seen_company = True
            else:
                values_list.append(values[h])
        return values_list

    return [
        row("Q7XKM", 1, "paid", "Visitor pass", "", "Ahmed Khan", "Ahmed", "Khan",
            SECRETS["ahmed"], "ahmed@example.com", company="Ravi Data Labs"),
        row("Q7XKM", 2, "paid", "Visitor pass", "", "秀英 李", "秀英", "李", SECRETS["xiuying"]),
        row("Q7XKM", 3, "paid", "Media", "Print", "Fatima Noor", "Fatima", "Noor",
            SECRETS["fatima"]),
        row("B2RTW", 1, "canceled", "VIP", "", "Bilal Ahmed", "Bilal", "Ahmed", SECRETS["bilal"]),
        row("C9PLD", 1, "paid", "Visitor pass", "", "Blocked Person", "Blocked", "Person",
            SECRETS["aisha"], blocked="Yes"),
        row("D4NQZ", 1, "pending", "Visitor pass", "", "Unpaid Person", "Unpaid", "Person",
            "u8dq3mtk7xz2rc8pvn4bh6fyjs5ea2kg"),
    ]


def test_pretix_order_data_workbook_positions_sheet(tmp_path, empty_event):
    book = Workbook()
    orders = book.active
    orders.title = "Orders"
    orders.append(PRETIX_ORDERS)
    orders.append(["itcn26", "Q7XKM", "0.00", "paid"] + [""] * (len(PRETIX_ORDERS) - 4))
    positions = book.create_sheet("Order positions")
    positions.append(PRETIX_POSITIONS)
    for row in pretix_position_rows():
        positions.append(row)
    book.create_sheet("Order fees").append(["Event slug", "Order code", "Status"])
    path = tmp_path / "orders.xlsx"
    book.save(path)

    report, people = run(path, empty_event, write_map(tmp_path))
    assert report.format == "pretix-orderpositions"
    assert sorted(people) == ["Q7XKM-1", "Q7XKM-2", "Q7XKM-3"]
    assert people["Q7XKM-1"].company == "Ravi Data Labs"  # the attendee's, not the invoice's
    assert people["Q7XKM-1"].email == "ahmed@example.com"
    assert people["Q7XKM-2"].email == "buyer@example.com"  # no attendee e-mail: the order's
    # "Media" with variation "Print" is "Media – Print" in the map, as pretix names it.
    assert people["Q7XKM-3"].category == "media"
    assert people["Q7XKM-3"].attention == "Check the press card"
    reasons = {r["line"]: r["reason"] for r in report.rejected}
    assert sorted(reasons) == [5, 6, 7]
    assert "canceled" in reasons[5] and "blocked" in reasons[6] and "pending" in reasons[7]

    results = check_in_all(tmp_path, empty_event, [SECRETS["ahmed"], SECRETS["xiuying"],
                                                   SECRETS["fatima"], SECRETS["bilal"]])
    assert [r.outcome.value for r in results.values()] == ["accepted", "accepted", "accepted",
                                                           "unknown"]


def eventbrite_rows(barcodes: bool):
    def row(order, attendee, first, last, ticket, barcode, status="Attending"):
        values = dict.fromkeys(EVENTBRITE_BARCODES, "")
        values.update({"Order #": order, "Order Date": "2026-11-02 10:15:00+05:00",
                       "First Name": first, "Last Name": last, "Email": f"{attendee}@example.com",
                       "Quantity": "1", "Ticket Type": ticket, "Attendee #": attendee,
                       "Barcode #": barcode, "Order Type": "Free Order", "Currency": "PKR",
                       "Total Paid": "0", "Attendee Status": status, "Home City": "Lahore"})
        header = EVENTBRITE_BARCODES if barcodes else EVENTBRITE
        return [values[h] for h in header]

    return [
        row("5001234567", "7001234501", "Ahmed", "Khan", "Visitor pass", "700123450193456001"),
        row("5001234567", "7001234502", "秀英", "李", "Visitor pass", "700123450293456001"),
        row("5001234568", "7001234503", "عائشہ", "ملک", "Exhibitor badge — Karachi",
            "700123450393456001"),
        row("5001234569", "7001234504", "Refunded", "Person", "Visitor pass",
            "700123450493456001", status="Not Attending"),
        row("5001234570", "7001234505", "Walk", "In", "Day pass", "700123450593456001"),
    ]


@pytest.mark.parametrize("barcodes", [True, False])
def test_eventbrite_attendee_report(tmp_path, empty_event, barcodes):
    header = EVENTBRITE_BARCODES if barcodes else EVENTBRITE
    path = write_csv(tmp_path / "eventbrite.csv", header, eventbrite_rows(barcodes), bom=False)
    report, people = run(path, empty_event, write_map(tmp_path))
    assert report.format == "eventbrite-attendees"
    assert sorted(people) == ["7001234501", "7001234502", "7001234503"]
    assert people["7001234502"].name == "李秀英"
    assert people["7001234503"].name_ur == "عائشہ ملک"
    reasons = {r["line"]: r["reason"] for r in report.rejected}
    assert sorted(reasons) == [5, 6]
    assert "not attending" in reasons[5]
    # An unmapped ticket type names itself and the line to add; the good rows still import.
    assert "unmapped product 'Day pass'" in reasons[6]
    assert '"Day pass" = "visitor"' in reasons[6] and "[products]" in reasons[6]

    codes = ([r[EVENTBRITE_BARCODES.index("Barcode #")] for r in eventbrite_rows(True)[:3]]
             if barcodes else ["7001234501", "7001234502", "7001234503"])
    results = check_in_all(tmp_path, empty_event, codes)
    assert [(r.outcome.value, r.attendee_id) for r in results.values()] == [
        ("accepted", "7001234501"), ("accepted", "7001234502"), ("accepted", "7001234503")]


def test_without_a_map_an_export_is_read_and_each_product_is_named(tmp_path, empty_event):
    path = write_csv(tmp_path / "checkin.csv", PRETIX_CHECKINLIST, pretix_checkin_rows())
    report, people = run(path, empty_event)
    assert report.format == "pretix-checkinlist"
    assert sorted(people) == ["B2RTW-1"]  # "VIP" is a category as it stands
    assert [r["reason"].split(" (")[0] for r in report.rejected] == [
        "unmapped product 'Visitor pass'", "unmapped product 'Visitor pass'",
        "unmapped product 'Exhibitor badge — Karachi'"]


def test_map_columns_for_any_other_export(tmp_path, empty_event):
    path = write_csv(tmp_path / "other.csv",
                     ["Delegate No", "Delegate", "Pass", "QR", "Note for the door"],
                     [["D-1", "Zainab Butt", "Trade visitor (3 days)", "QRD1", "Wheelchair user"],
                      ["D-2", "王芳", "Press", "QRD2", ""]])
    roster_map = write_map(tmp_path, """
[columns]
id = "Delegate No"
name = "delegate"
category = "Pass"
code = "QR"
attention = "Note for the door"
[products]
"Trade visitor (3 days)" = "visitor"
"Press" = "media"
""")
    report, people = run(path, empty_event, roster_map)
    assert (report.format, report.imported, report.rejected) == ("roster", 2, [])
    assert people["D-1"].code == "QRD1" and people["D-1"].attention == "Wheelchair user"
    assert people["D-2"].category == "media" and people["D-2"].name_zh == "王芳"
    results = check_in_all(tmp_path, empty_event, ["QRD1", "qrd2"])
    assert [r.attendee_id for r in results.values()] == ["D-1", "D-2"]


@pytest.mark.parametrize("text,message", [
    ("[columns]\nbadge = \"X\"\n", "not one of our fields"),
    ("[columns]\nid = \"No such header\"\n", "no such column"),
    ("[products]\n\"Visitor pass\" = \"astronaut\"\n", "astronaut"),
    ("[products]\n\"Visitor pass\" = { category = \"visitor\", venues = [\"islamabad\"] }\n",
     "islamabad"),
    ("[product]\n", "unknown table"),
    ("[products\n", "not a readable TOML"),
])
def test_a_bad_map_is_refused_with_one_clear_error(tmp_path, empty_event, text, message):
    path = write_csv(tmp_path / "checkin.csv", PRETIX_CHECKINLIST, pretix_checkin_rows())
    with pytest.raises(KioskError, match=message):
        run(path, empty_event, write_map(tmp_path, text))
    with empty_event.store() as store:
        assert store.count() == 0


def test_a_ticket_code_is_not_given_to_two_people(tmp_path, empty_event):
    rows = pretix_checkin_rows()
    rows[3][PRETIX_CHECKINLIST.index("Secret")] = SECRETS["ahmed"]
    path = write_csv(tmp_path / "checkin.csv", PRETIX_CHECKINLIST, rows)
    report, people = run(path, empty_event, write_map(tmp_path))
    assert "B2RTW-1" not in people
    assert report.rejected == [{"line": 5, "reason": "duplicate ticket code (first on line 2, Q7XKM-1)"}]


@pytest.mark.parametrize("given,family,full,expected", [
    ("秀英", "李", "秀英 李", "李秀英"),
    ("花子", "山田", "", "山田花子"),
    ("민준", "김", "", "김민준"),
    ("Ahmed", "Khan", "", "Ahmed Khan"),
    ("عائشہ", "ملک", "", "عائشہ ملک"),
    ("Wei", "王", "", "Wei 王"),
    ("", "", "Sana Qureshi", "Sana Qureshi"),
])
def test_names_are_joined_as_their_holders_write_them(given, family, full, expected):
    assert compose_name(given, family, full) == expected


def test_cli_reports_which_export_it_read(tmp_path, empty_event):
    path = write_csv(tmp_path / "checkin.csv", PRETIX_CHECKINLIST, pretix_checkin_rows(), ";")
    proc = subprocess.run([sys.executable, "-m", "kiosk", "roster", "import", str(path), "--event",
                           str(empty_event.path), "--map", str(write_map(tmp_path)), "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["format"] == "pretix-checkinlist"
    assert (out["imported"], out["updated"], out["unchanged"], out["rejected"]) == (4, 0, 0, [])
    bad = subprocess.run([sys.executable, "-m", "kiosk", "roster", "import", str(path), "--event",
                          str(empty_event.path), "--map", str(tmp_path / "missing.toml")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode != 0 and bad.stderr.count("\n") == 1 and "missing.toml" in bad.stderr


def test_pretix_attention_reaches_the_check_in_result(tmp_path, empty_event):
    header = PRETIX_CHECKINLIST + ["Check-in text"]  # a check-in text column beside the flag
    rows = [r + [""] for r in pretix_checkin_rows()]
    rows[0][-1] = "Check the student ID card"
    path = write_csv(tmp_path / "checkin.csv", header, rows)
    report, people = run(path, empty_event, write_map(tmp_path))
    assert report.rejected == []
    assert people["Q7XKM-1"].attention == "Check the student ID card"
    assert people["Q7XKM-3"].attention == "Requires special attention"  # the flag alone
    assert people["Q7XKM-2"].attention == ""
    results = check_in_all(tmp_path, empty_event, [SECRETS["ahmed"], SECRETS["xiuying"]])
    flagged, plain = (r.to_json() for r in results.values())
    assert flagged["outcome"] == "accepted"
    assert flagged["attention"] == "Check the student ID card"
    assert flagged["message"].endswith("Please see a member of staff before you go in.")
    assert plain["attention"] is None and "staff" not in plain["message"]


def test_ticket_codes_pass_where_plain_registration_numbers_do_not(tmp_path):
    event = make_event(tmp_path, roster=None, accept_plain_ids=False)
    path = write_csv(tmp_path / "checkin.csv", PRETIX_CHECKINLIST, pretix_checkin_rows())
    run(path, event, write_map(tmp_path))
    results = check_in_all(tmp_path, event, [SECRETS["ahmed"], "Q7XKM-1"])
    assert [(r.outcome.value, r.reason) for r in results.values()] == [
        ("accepted", "first_entry"), ("invalid", "plain_ids_disabled")]


def test_a_code_may_not_hide_another_attendees_registration_id(tmp_path, empty_event):
    path = write_csv(tmp_path / "r.csv", ["id", "name", "category", "code"],
                     [["V-1", "One", "visitor", "V-2"], ["V-2", "Two", "visitor", ""],
                      ["V-3", "Three", "visitor", "ZQ3"]], bom=False)
    report, people = run(path, empty_event)
    assert sorted(people) == ["V-2", "V-3"]
    assert report.rejected == [{"line": 2, "reason": "ticket code is another attendee's registration id"}]
    later = write_csv(tmp_path / "s.csv", ["id", "name", "category"], [["zq3", "Four", "visitor"]],
                      bom=False)
    report, people = run(later, empty_event)
    assert report.rejected == [{"line": 2, "reason": "registration id is another attendee's ticket code"}]


def test_an_event_database_of_the_previous_schema_is_upgraded(tmp_path):
    import sqlite3

    from kiosk.storage.event_store import EventStore
    from kiosk.storage.schema import EVENT_MIGRATIONS

    db = tmp_path / "event.db"
    conn = sqlite3.connect(db)
    for version, script in EVENT_MIGRATIONS[:2]:
        conn.executescript(script)
        conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("INSERT INTO attendees (id, name, category) VALUES ('OLD-1', 'Old Timer', 'vip')")
    conn.commit()
    conn.close()
    with EventStore.open(db) as store:
        (old,) = list(store.attendees())
    assert (old.id, old.name, old.code, old.attention) == ("OLD-1", "Old Timer", "", "")


def test_a_barcode_column_beside_the_registration_number_is_the_ticket_code(tmp_path, empty_event):
    path = write_csv(tmp_path / "r.csv", ["Registration No", "Full Name", "Category", "Barcode"],
                     [["R-1", "Hina Raza", "Visitor", "8801234567890"]], bom=False)
    report, people = run(path, empty_event)
    assert people["R-1"].code == "8801234567890"
    only = write_csv(tmp_path / "s.csv", ["Barcode", "Full Name", "Category"],
                     [["8809999", "Omar Farooq", "Visitor"]], bom=False)
    report, people = run(only, empty_event)
    assert people["8809999"].code == ""  # the only id there is
