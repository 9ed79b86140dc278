"""Wayfinding commands: route, maps check, exhibitors import."""

from __future__ import annotations

from pathlib import Path

from kiosk.commands import emit
from kiosk.core.errors import KioskError

VENUES = ("lahore", "karachi")


def register(commands) -> None:
    p = commands.add_parser(
        "route", help="walking directions from a kiosk to a hall, booth, exhibitor or facility",
        description="Find QUERY as a visitor would type it (\"hall 2\", \"b14\", \"prayer\", an "
        "exhibitor's name) and print the shortest walking route from the kiosk, with distance, "
        "walking time and step-by-step directions. A place that cannot be reached (or not "
        "without steps, with --accessible) is a one-line answer and exit status 1.")
    p.add_argument("--venue", metavar="VENUE",
                   help="a venue name under the maps folder (lahore, karachi) or the path of an "
                   "IMDF folder or zipped archive (default: the kiosk's, with --kiosk)")
    p.add_argument("--event", type=Path, metavar="DIR",
                   help="an event folder, so that its exhibitors can be found")
    p.add_argument("--kiosk", type=Path, metavar="KIOSKDIR",
                   help="a kiosk folder: its venue, its exhibitors and its spot on the map")
    p.add_argument("--from", dest="origin", metavar="QUERY",
                   help="where to start: a kiosk, a name, a booth, an IMDF category or a feature "
                   "id (default: the kiosk's anchor, else the main-gate kiosk)")
    p.add_argument("--to", required=True, metavar="QUERY",
                   help="where to go: a name, a booth, an exhibitor, an IMDF category "
                   "(restroom.wheelchair: the nearest one) or a feature id")
    p.add_argument("--accessible", action="store_true", help="a step-free route (no stairs)")
    p.add_argument("--lang", choices=["en", "ur", "zh"], default="en",
                   help="language of the directions (default en)")
    p.add_argument("--maps", type=Path, metavar="DIR",
                   help="folder holding the venue maps (default $KIOSK_MAPS, else maps/)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_route)

    maps = commands.add_parser("maps", help="check a venue's IMDF map (folder or archive)")
    maps_cmds = maps.add_subparsers(dest="maps_command", metavar="ACTION")
    maps_cmds.required = True
    p = maps_cmds.add_parser(
        "check", help="validate an IMDF archive (standard, references, geometry, routing)",
        description="Validate an IMDF archive (a folder, ARCHIVE.imdf or ARCHIVE.zip): errors for "
        "what breaks IMDF or routing (missing files or properties, ids, dangling references, "
        "invalid geometry, places the kiosk's own network cannot reach); warnings for kiosk "
        "wishes (no kiosk.geojson, unnamed units, labels not in the manifest's or the kiosk's "
        "languages, places a derived network cannot join). Exit status 1 on any error.")
    p.add_argument("dir", metavar="DIR", help="a venue folder or zipped IMDF archive, or a venue "
                   "name under the maps folder")
    p.add_argument("--maps", type=Path, metavar="DIR", help="folder holding the venue maps")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_maps_check)

    ex = commands.add_parser("exhibitors", help="import this edition's exhibitors onto booths")
    ex_cmds = ex.add_subparsers(dest="exhibitors_command", metavar="ACTION")
    ex_cmds.required = True
    p = ex_cmds.add_parser(
        "import", help="read a CSV of exhibitors into the event folder (replaces the venue's list)",
        description="Read a CSV (name, booth, hall, category, description, optional name_ur and "
        "name_zh) and keep its exhibitors as IMDF occupants in EVENT/exhibitors/VENUE/; kiosks "
        "get them with `kiosk init`. Rows naming an unknown booth are reported by line.")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--event", required=True, type=Path, metavar="DIR")
    p.add_argument("--venue", required=True, choices=VENUES)
    p.add_argument("--maps", type=Path, metavar="DIR", help="folder holding the venue maps")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_exhibitors_import)


def _open(args):
    from kiosk.wayfinding import Wayfinder

    venue, anchor, exhibitors_dir = args.venue, "", None
    if args.kiosk:
        from kiosk.organiser.kioskdir import EXHIBITORS, KioskFolder

        folder = KioskFolder.open(args.kiosk)
        if venue and venue != folder.model.venue:
            raise KioskError(f"kiosk {folder.model.kiosk_id} stands at {folder.model.venue}, "
                             f"not {venue}")
        venue, anchor = folder.model.venue, folder.model.anchor
        exhibitors_dir = folder.path / EXHIBITORS
    if args.event:
        from kiosk.organiser.eventdir import EventFolder
        from kiosk.organiser.kioskdir import EXHIBITORS

        event = EventFolder.open(args.event)
        if venue and venue not in event.rules.venues:
            raise KioskError(f"{venue} is not a venue of {event.rules.name}")
        exhibitors_dir = event.path / EXHIBITORS
    if not venue:
        raise KioskError("say which venue: --venue NAME|PATH (or --kiosk KIOSKDIR)")
    return Wayfinder.open(venue, exhibitors_dir=exhibitors_dir, maps=args.maps), anchor


def cmd_route(args) -> int:
    wayfinder, anchor = _open(args)
    venue = wayfinder.venue
    if args.origin:
        try:
            origin = venue.kiosk_place(args.origin) if venue.kiosks else None
        except KioskError:
            origin = None
        if origin is None:
            origin = wayfinder.find(args.origin).place
    elif not venue.kiosks:
        raise KioskError(f"the map of {venue.name()} has no kiosk: say where to start with "
                         "--from QUERY")
    else:
        origin = wayfinder.here(anchor)
    if not args.to.strip():
        raise KioskError("--to needs something to look for")
    target = wayfinder.find(args.to, origin)
    route = wayfinder.route_to(target, origin, accessible=args.accessible)
    data = route.to_json(args.lang)
    how = " step-free" if args.accessible else ""
    lines = [f"{data['from']} → {data['to']}: {data['metres']} m, about {data['minutes']} min"
             f"{how} walk"]
    lines += [f"  {n}. {step}" for n, step in enumerate(data["steps"], start=1)]
    if len(data["levels"]) > 1:
        lines.append("  levels: " + " → ".join(venue.level_name(o, args.lang)
                                                for o in data["levels"]))
    if not args.accessible and "stairs" in route.uses:
        lines.append("  (this way has stairs; --accessible finds a step-free one)")
    emit(data, args.json, "\n".join(lines))
    return 0


def cmd_maps_check(args) -> int:
    from kiosk.wayfinding.validate import check_venue
    from kiosk.wayfinding.venue import venue_dir

    folder = Path(args.dir)
    if not folder.exists():
        folder = venue_dir(args.dir, args.maps)
    report = check_venue(folder)
    c = report.counts
    if report.ok:
        how = "derived from the geometry" if c.get("derived") else "from the kiosk's network file"
        text = (f"{folder}: fit for the kiosks: {c.get('levels', 1)} level(s), "
                f"{c.get('unit', 0)} units, {c.get('section', 0)} sections, "
                f"{c.get('amenity', 0)} amenities, {c.get('kiosks', 0)} kiosks, "
                f"{c.get('nav_nodes', 0)} nav nodes {how}")
        if report.warnings:
            text += f"\n{len(report.warnings)} warning(s):\n" + "\n".join(
                f"  {w}" for w in report.warnings[:50])
    else:
        text = f"{folder}: {len(report.errors)} problem(s):\n" + "\n".join(
            f"  {e}" for e in report.errors)
    emit(report.to_json(), args.json, text)
    return 0 if report.ok else 1


def cmd_exhibitors_import(args) -> int:
    from kiosk.organiser.eventdir import EventFolder
    from kiosk.organiser.kioskdir import EXHIBITORS
    from kiosk.wayfinding.exhibitors import import_exhibitors
    from kiosk.wayfinding.venue import load_venue

    event = EventFolder.open(args.event)
    rules = event.rules
    if args.venue not in rules.venues:
        raise KioskError(f"{args.venue} is not a venue of {rules.name} ({', '.join(rules.venues)})")
    venue = load_venue(args.venue, args.maps)
    validity = {"start": rules.days[0].isoformat(), "end": rules.days[-1].isoformat()}
    result = import_exhibitors(args.file, venue, event.path / EXHIBITORS, validity=validity)
    lines = [f"Imported {result.imported} exhibitors for {venue.name()}, rejected "
             f"{len(result.rejected)}; provision kiosks again (`kiosk init`) to pass them on"]
    lines += [f"  line {r['line']}: {r['reason']}" for r in result.rejected[:50]]
    if len(result.rejected) > 50:
        lines.append(f"  ... and {len(result.rejected) - 50} more (use --json for all)")
    lines += [f"  line {w['line']}: note: {w['reason']}" for w in result.warnings[:20]]
    emit(result.to_json(), args.json, "\n".join(lines))
    return 0
