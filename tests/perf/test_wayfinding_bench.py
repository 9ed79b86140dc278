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
