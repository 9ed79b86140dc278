"""The bundle digest: it sees every change to values and order, and only those."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.sync.digest import ContentHasher

META = {"kiosk_id": "kiosk-1", "event_id": "e"}

values = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1),
                   st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=6))
tables = st.lists(st.tuples(values, values, values), max_size=12)


def digest(rows, meta=META, block=None):
    hasher = ContentHasher(3)
    block = block or max(1, len(rows))
    for i in range(0, len(rows), block):
        hasher.update(rows[i:i + block])
    return hasher.hexdigest(meta)


@given(tables, st.integers(1, 5))
def test_the_digest_does_not_depend_on_how_rows_are_batched(rows, block):
    assert digest(rows, block=block) == digest(rows)


@settings(max_examples=300)
@given(tables, tables)
def test_different_tables_have_different_digests(a, b):
    if a != b or [tuple(map(type, r)) for r in a] != [tuple(map(type, r)) for r in b]:
        assert digest(a) != digest(b)
    else:
        assert digest(a) == digest(b)


@pytest.mark.parametrize("a, b", [
    ([("ab", "c", None)], [("a", "bc", None)]),  # text shifted between columns
    ([("a", None, "x")], [("a", "", "x")]),  # NULL is not empty text
    ([("a\0b", "c", "x")], [("a", "b\0c", "x")]),  # NUL inside text
    ([("a\\0", "c", "x")], [("a\0", "c", "x")]),  # an escape is not what it stands for
    ([(1, "c", "x")], [("1", "c", "x")]),  # a number is not its text
    ([("a", "b", "c"), ("d", "e", "f")], [("d", "e", "f"), ("a", "b", "c")]),  # order counts
])
def test_near_misses_differ(a, b):
    assert digest(a) != digest(b)


def test_the_metadata_is_covered_too():
    rows = [("s1", "kiosk-1", "accepted")]
    assert digest(rows) != digest(rows, meta={**META, "kiosk_id": "kiosk-2"})


def test_values_a_kiosk_never_writes_are_refused():
    with pytest.raises(ValueError):
        ContentHasher(1).update([(object(),)])
