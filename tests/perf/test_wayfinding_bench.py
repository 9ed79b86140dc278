"""Wayfinding benchmarks (DESIGN.md §6 and issue 5): search per keystroke with 1,000 exhibitors
(goal ≤ 20 ms) and the shortest route (goal ≤ 5 ms), each printed next to the raw library doing
the bare minimum on the same data in the same run.

    ./run bench -k wayfinding          (or: pytest tests/perf/test_wayfinding_bench.py -s)
"""

from __future__ import annotations

import random
import statistics
import time

import networkx as nx
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from kiosk.wayfinding.routing import Router
from tests.helpers.wayfinding import wayfinder_with_exhibitors

TYPED = ["karakoram telecom", "H2-B14", "washroom", "prayer room", "نماز گاہ", "深圳电子",
         "softwre", "fintech", "hall 5", "mehran pay solutions", "information", "b120"]


def _stats(samples_ms: list[float]) -> str:
    s = sorted(samples_ms)
    p95 = s[min(len(s) - 1, int(len(s) * 0.95))]
    return (f"median {statistics.median(s):6.2f} ms  p95 {p95:6.2f} ms  max {s[-1]:6.2f} ms  "
            f"(n={len(s)})")


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def test_search_per_keystroke_with_1000_exhibitors(tmp_path):
    start = time.perf_counter()
    finder = wayfinder_with_exhibitors(tmp_path, "karachi", 1000)
    built = (time.perf_counter() - start) * 1000
    index = finder.index
    distance = finder.distance_from(finder.here())
    keystrokes = [word[:n] for word in TYPED for n in range(1, len(word) + 1)]
    for text in keystrokes[:20]:  # warm caches
        index.search(text)
    ours = [_timed(lambda t=t: index.search(t, limit=30, distance=distance)) for t in keystrokes]
    raw = [_timed(lambda t=t: process.extract(default_process(t), index.choices,
                                              scorer=fuzz.WRatio, processor=None, limit=80))
           for t in keystrokes]
    print(f"\nwayfinding search, Karachi, {len(finder.exhibitors)} exhibitors, "
          f"{len(index.choices)} indexed names; open+index {built:.0f} ms")
    print(f"  SearchIndex.search per keystroke : {_stats(ours)}   goal <= 20 ms")
    print(f"  raw rapidfuzz extract (WRatio)   : {_stats(raw)}")
    assert len(ours) == len(keystrokes)


def test_shortest_route(tmp_path):
    finder = wayfinder_with_exhibitors(tmp_path, "karachi", 200)
    venue = finder.venue
    router = Router(venue)
    rng = random.Random(5)
    kiosks = venue.kiosks
    booths = rng.sample(venue.booths, 300)
    pairs = [(rng.choice(kiosks), b) for b in booths]
    for k, b in pairs[:10]:
        router.route(k, b)
    ours = [_timed(lambda k=k, b=b: router.route(k, b)) for k, b in pairs]
    step_free = [_timed(lambda k=k, b=b: router.route(k, b, accessible=True)) for k, b in pairs]
    groups = ["washroom", "prayer_women", "food", "exit", "information"]
    nearest = [_timed(lambda k=k, g=g: router.nearest(k, g)) for k in kiosks for g in groups
               for _ in range(20)]
    graph = router.graph.full
    raw = [_timed(lambda k=k, b=b: nx.dijkstra_path(graph, k.nodes[0], b.nodes[0]))
           for k, b in pairs]
    raw_bi = [_timed(lambda k=k, b=b: nx.bidirectional_dijkstra(graph, k.nodes[0], b.nodes[0]))
              for k, b in pairs]
    steps = [_timed(lambda k=k, b=b: router.route(k, b).steps("ur")) for k, b in pairs[:100]]
    print(f"\nwayfinding routes, Karachi: {graph.number_of_nodes()} nodes, "
          f"{graph.number_of_edges()} edges")
    print(f"  Router.route (shortest)          : {_stats(ours)}   goal <= 5 ms")
    print(f"  Router.route (step-free)         : {_stats(step_free)}")
    print(f"  Router.nearest (group)           : {_stats(nearest)}")
    print(f"  route + Urdu directions          : {_stats(steps)}")
    print(f"  raw networkx dijkstra_path       : {_stats(raw)}")
    print(f"  raw networkx bidirectional       : {_stats(raw_bi)}")
    assert all(router.route(k, b).metres > 0 for k, b in pairs[:5])


def _station(folder, per_level: int = 135, levels: int = 3):
    """A venue like a railway station: per level a long concourse with rooms off both sides,
    a staircase and a lift in the same place on every level; no network, no relationships."""
    import json

    from tests.helpers.imdf import feature, line, names, polygon, uid

    folder.mkdir(parents=True, exist_ok=True)
    n = 1000
    files = {k: [] for k in ("address", "venue", "building", "footprint", "level", "unit",
                             "opening")}
    files["address"].append(feature(uid(1), "address", None, address="Station Road",
                                    locality="Lahore", country="PK"))
    rooms_per_side = (per_level - 3) // 2
    width = rooms_per_side * 6
    files["venue"].append(feature(uid(2), "venue", polygon(-10, -40, width + 10, 40),
                                  category="transitstation", name=names("Station", "اسٹیشن", "车站"),
                                  display_point={"type": "Point",
                                                 "coordinates": [74.3, 31.5]}, address_id=uid(1)))
    files["building"].append(feature(uid(3), "building", None, category="transit"))
    files["footprint"].append(feature(uid(4), "footprint", polygon(0, -30, width, 30),
                                      category="ground", name=None, building_ids=[uid(3)]))
    for lvl in range(levels):
        lid = uid(10 + lvl)
        files["level"].append(feature(lid, "level", polygon(0, -30, width, 30),
                                      category="unspecified", ordinal=lvl, outdoor=False,
                                      name={"en": f"Level {lvl}"}, building_ids=[uid(3)]))
        files["unit"].append(feature(uid(n), "unit", polygon(0, -3, width, 3), category="walkway",
                                     name={"en": f"Concourse {lvl}"}, level_id=lid))
        n += 1
        files["unit"].append(feature(uid(n), "unit", polygon(width, -3, width + 6, 3),
                                     category="stairs", name=None, level_id=lid))
        n += 1
        files["unit"].append(feature(uid(n), "unit", polygon(-6, -3, 0, 3),
                                     category="elevator", name=None, level_id=lid))
        n += 1
        for side in (-1, 1):
            for i in range(rooms_per_side):
                x0 = i * 6
                y0, y1 = (3, 15) if side > 0 else (-15, -3)
                files["unit"].append(feature(uid(n), "unit", polygon(x0, y0, x0 + 6, y1),
                                             category="room", name={"en": f"Room {lvl}-{side}-{i}"},
                                             level_id=lid))
                n += 1
                wall = 3 if side > 0 else -3
                files["opening"].append(feature(uid(n), "opening",
                                                line((x0 + 2, wall), (x0 + 4, wall)),
                                                category="pedestrian", level_id=lid))
                n += 1
    for ftype, items in files.items():
        (folder / f"{ftype}.geojson").write_text(json.dumps(
            {"type": "FeatureCollection", "features": items}))
    (folder / "manifest.json").write_text(json.dumps(
        {"version": "1.0.0", "created": "2026-11-01T00:00:00Z", "language": "en"}))
    return folder, len(files["unit"])


def test_derive_network_for_a_400_unit_three_level_venue(tmp_path):
    import shapely

    from kiosk.wayfinding import network
    from kiosk.wayfinding.venue import load_venue

    folder, units = _station(tmp_path / "station")
    start = time.perf_counter()
    venue = load_venue(folder)
    load_ms = (time.perf_counter() - start) * 1000
    derive = [_timed(lambda: network.derive(venue)) for _ in range(3)]
    # The raw libraries' floor: every unit's pairwise adjacency with shapely, into networkx.
    polys = [shapely.Polygon(p.polygon) for p in venue.places.values()
             if p.feature_type == "unit" and p.polygon]

    def raw():
        tree = shapely.STRtree(polys)
        a, b = tree.query(polys, predicate="intersects")
        g = nx.Graph()
        g.add_edges_from((int(i), int(j), {"weight": polys[i].centroid.distance(polys[j].centroid)})
                         for i, j in zip(a, b) if i < j)
        return g
    raw_ms = [_timed(raw) for _ in range(3)]
    router = Router(venue)
    rng = random.Random(7)
    rooms = [p for p in venue.places.values() if p.feature_type == "unit" and p.nodes]
    pairs = [(rng.choice(rooms), rng.choice(rooms)) for _ in range(300)]
    for a, b in pairs[:10]:
        router.route(a, b)
    ours = [_timed(lambda a=a, b=b: router.route(a, b)) for a, b in pairs]
    step_free = [_timed(lambda a=a, b=b: router.route(a, b, accessible=True)) for a, b in pairs]
    graph = router.graph.full
    raw_route = [_timed(lambda a=a, b=b: nx.dijkstra_path(graph, a.nodes[0], b.nodes[0]))
                 for a, b in pairs]
    print(f"\nderived network, {units} units on 3 levels: {len(venue.nodes)} nodes, "
          f"{len(venue.edges)} edges; first load_venue (with derivation) {load_ms:.0f} ms")
    print(f"  network.derive                   : {_stats(derive)}   goal <= 2000 ms")
    print(f"  raw shapely STRtree + networkx   : {_stats(raw_ms)}   (unit adjacency only)")
    print(f"  Router.route (shortest)          : {_stats(ours)}   goal <= 5 ms")
    print(f"  Router.route (step-free)         : {_stats(step_free)}")
    print(f"  raw networkx dijkstra_path       : {_stats(raw_route)}")
    assert units >= 400 and len(venue.ordinals) == 3
    assert all(len(router.route(a, b).levels) >= 1 for a, b in pairs[:5])
