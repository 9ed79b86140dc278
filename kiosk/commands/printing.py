"""`kiosk print-badge`: print one badge on the kiosk's CUPS printer (or only preview it);
`kiosk walk-ins`: the walk-ins a kiosk registered, as a roster file for the organiser."""

from __future__ import annotations

from pathlib import Path

from kiosk.commands import emit
from kiosk.core.errors import KioskError


def register(commands) -> None:
    p = commands.add_parser(
        "print-badge", help="print one badge on the kiosk's badge printer (CUPS)",
        description="Print the badge of one attendee, named by registration number or by the "
        "badge's QR text, on the CUPS queue in kiosk.toml's [printer], without checking them "
        "in. The print is recorded in kiosk.db and the staff audit log. The CUPS server is the "
        "system's, or the one CUPS_SERVER names. With --json prints {\"job_id\", \"queue\", "
        "\"attendee_id\", \"pages\"} once CUPS has accepted the job.")
    p.add_argument("who", metavar="ID|CODE", help="a registration number or a badge's QR text")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR")
    p.add_argument("--preview", type=Path, metavar="PNG",
                   help="also save the badge as drawn for the printer as a PNG; without a "
                        "[printer] in kiosk.toml, only the preview is made (job_id null)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_print_badge)

    p = commands.add_parser(
        "walk-ins", help="the walk-ins a kiosk registered, as a roster CSV for the organiser",
        description="Write the visitors registered at the kiosk (walk_ins = true in event.toml) "
        "as a CSV that `kiosk roster import` reads (id, name, category, company, email, phone, "
        "registered_at, kiosk; the same as the report's walk_ins.csv, but from one kiosk "
        "without a merge), so the organiser can issue them signed badges for the next day. "
        "With --json prints {\"walk_ins\": n, \"out\": CSV}.")
    p.add_argument("--kiosk", required=True, type=Path, metavar="KIOSKDIR")
    p.add_argument("--out", required=True, type=Path, metavar="CSV")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_walk_ins)


def cmd_walk_ins(args) -> int:
    from kiosk.core.csvsafe import write_rows
    from kiosk.organiser.kioskdir import KioskFolder
    from kiosk.storage.walk_ins import walk_ins

    folder = KioskFolder.open(args.kiosk)
    with folder.open_store(readonly=True) as store:
        rows = walk_ins(store.conn, folder.model.kiosk_id)  # not those pulled from the hub
    if args.out.is_dir():
        raise KioskError(f"{args.out} is a folder; give a file name such as walk-ins.csv")
    tmp = args.out.with_name(args.out.name + ".tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            # Safe to open in a spreadsheet: a name typed as a formula stays text.
            write_rows(fh, ["id", "name", "category", "company", "email", "phone",
                            "registered_at", "kiosk"],
                       ([row["attendee_id"], row["name"], row["category"], row["company"],
                         row["email"], row["phone"], row["at_utc"], row["kiosk_id"]]
                        for row in rows))
        tmp.replace(args.out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise KioskError(f"cannot write {args.out}: {exc}") from exc
    emit({"walk_ins": len(rows), "out": str(args.out)}, args.json,
         f"{len(rows)} walk-in(s) written to {args.out}")
    return 0


def find_holder(store, desk, who: str):
    """(attendee, token or None) for a registration number or a badge's QR text."""
    from kiosk.core.event import normalise_id
    from kiosk.core.tokens import TokenError, canonical, looks_like_token, token_hash

    text = who.strip()
    if not text:
        raise KioskError("give a registration number or a badge's QR text")
    token = None
    if looks_like_token(text):
        try:
            claims = desk.verifier.verify(text)
        except TokenError as exc:
            raise KioskError(f"that badge code is not valid for this event ({exc.reason})") from None
        attendee_id, token = claims.attendee_id, canonical(text)
    else:
        attendee_id = normalise_id(text)
    attendee = store.find_attendee(attendee_id)
    if attendee is None:
        raise KioskError(f"no attendee {attendee_id!r} in this kiosk's roster")
    reason = store.revocation(attendee.id, token_hash(token) if token else None)
    if reason is not None:
        raise KioskError(f"{attendee.id}'s badge is blocked ({reason}); it is not printed")
    return attendee, token


def cmd_print_badge(args) -> int:
    from kiosk.organiser.kioskdir import KioskFolder, build_desk
    from kiosk.services.printing import BadgePrinting, PrinterSettings, PrintTicket

    folder = KioskFolder.open(args.kiosk)
    model = folder.model.printer
    if model is None and args.preview is None:
        raise KioskError(f"{folder.path / 'kiosk.toml'} has no [printer]; add one with a CUPS "
                         "queue (queue = \"...\"), or give --preview PNG")
    settings = PrinterSettings.from_model(model) if model else PrinterSettings(queue="-")
    with folder.open_store() as store:
        desk = build_desk(folder, store)
        printing = BadgePrinting(settings, desk.event, kiosk_id=folder.model.kiosk_id)
        attendee, token = find_holder(store, desk, args.who)
        if model is None:
            ticket = PrintTicket(None, attendee, token or printing.token_for(store.conn, attendee),
                                 "cli", "")
            printing.preview(ticket, args.preview)
            emit({"job_id": None, "queue": None, "attendee_id": attendee.id, "pages": 0},
                 args.json, f"preview of {attendee.id}'s badge saved in {args.preview}")
            return 0
        outcome = printing.print_now(store.conn, attendee, reason="cli", token=token)
    if args.preview is not None and outcome.rendered is not None:
        from kiosk.printing.badge import preview_png

        preview_png(outcome.rendered.pdf, args.preview, dpi=min(outcome.rendered.dpi, 300))
    if not outcome.ok:
        raise KioskError(f"the badge of {attendee.id} was not printed: {outcome.problem}")
    emit(outcome.to_json(), args.json,
         f"{attendee.id} {attendee.name}: job {outcome.queue}-{outcome.job_id} "
         f"({outcome.pages} page{'s' if outcome.pages != 1 else ''})")
    return 0
