"""M3: the object store — scratch handles, materialize/wrap, value formatting."""

from __future__ import annotations

import random
import struct

import pytest

from feather_tcl.values import (
    Scratch,
    TclDict,
    TclList,
    Text,
    format_double,
    format_list,
    from_python,
    to_str,
)
from tests.host.conftest import needs_tclsh, run_tclsh

pytestmark = pytest.mark.milestone("M3")


def test_store_get_reset() -> None:
    s = Scratch()
    assert s.get(0) is None
    h1 = s.new("a")
    h2 = s.new(42)
    assert (h1, h2) == (1, 2)
    assert s.get(h1) == "a" and s.get(h2) == 42
    assert len(s) == 2
    gen = s.gen
    s.reset()
    assert len(s) == 0
    assert s.get(h1) is None  # a stale handle reads as nothing
    assert s.gen == gen + 1
    assert s.new("b") == 1  # handles restart after a reset


def test_reset_keeps_the_table_object() -> None:
    """The import table holds the scratch list itself: reset clears it in place."""
    s = Scratch()
    table = s.objs
    s.new("x")
    s.reset()
    assert s.objs is table and table == []


@pytest.mark.parametrize(
    "value",
    [
        "hello",
        "",
        "ünïcödé ✓",
        42,
        -(2**70),
        3.5,
        float("inf"),
        TclList(["a", TclList(["b", TclList([1, 2.5])]), ""]),
        TclDict({"k": "v", "n": TclList(["x", TclDict({"deep": 1})])}),
    ],
    ids=["str", "empty", "unicode", "int", "bigint", "float", "inf", "nested-list", "dict"],
)
def test_materialize_reset_wrap_round_trip(value: object) -> None:
    s = Scratch()
    h = s.new(value)  # type: ignore[arg-type]
    before = to_str(value)  # type: ignore[arg-type]
    kept = s.materialize(h)
    s.reset()
    assert s.get(h) is None
    h2 = s.wrap(kept)
    assert to_str(s.get(h2)) == before  # type: ignore[arg-type]
    assert s.get(h2) == value or s.get(h2) is value


def test_wrap_and_materialize_are_o1_no_copy() -> None:
    """Structural, not timed: the same object goes in and out, no element is copied."""
    items: list[object] = [str(i) for i in range(100_000)]
    big = TclList(items)  # type: ignore[arg-type]
    s = Scratch()
    h = s.wrap(big)
    assert s.objs[h - 1] is big
    kept = s.materialize(h)
    assert kept is big and kept.items is items  # type: ignore[union-attr]
    s.reset()
    h2 = s.wrap(kept)
    assert s.get(h2) is big
    assert big.items is items and all(a is b for a, b in zip(big.items, items, strict=True))
    d = TclDict({"a": big})
    assert s.get(s.wrap(d)) is d and d.d["a"] is big


def test_list_append_owns_tail_and_never_changes_older_values() -> None:
    a = TclList(["1", "2"])
    b = a.append(["3"])
    assert b.items is a.items  # a owned its tail: extended in place
    c = a.append(["4"])  # a no longer owns the tail: copy
    assert c.items is not a.items
    assert a.elements() == ["1", "2"]
    assert b.elements() == ["1", "2", "3"]
    assert c.elements() == ["1", "2", "4"]
    assert [to_str(x) for x in (a, b, c)] == ["1 2", "1 2 3", "1 2 4"]


def test_text_append_owns_tail() -> None:
    t = Text(bytearray(b"ab"))
    u = t.append(b"c")
    v = t.append("é".encode())
    assert u.buf is t.buf and v.buf is not t.buf
    assert (to_str(t), to_str(u), to_str(v)) == ("ab", "abc", "abé")


def test_from_python() -> None:
    assert from_python(None) == ""
    assert from_python(True) == "1" and from_python(False) == "0"
    assert from_python(7) == 7 and from_python(2.5) == 2.5
    lst = from_python(["a", ("b c", 1)])
    assert isinstance(lst, TclList)
    assert to_str(lst) == "a {{b c} 1}"


# ---------------------------------------------------------------- against tclsh

_LIST_SCRIPT = r"""
fconfigure stdin -encoding utf-8 -translation lf
while {[gets stdin line] >= 0} {
    set els {}
    foreach h $line { lappend els [encoding convertfrom utf-8 [binary format H* $h]] }
    puts [binary encode hex [encoding convertto utf-8 [list {*}$els]]]
}
"""


def _tclsh_lists(cases: list[list[str]]) -> list[str]:
    lines = [" ".join("{" + e.encode().hex() + "}" for e in c) for c in cases]
    # The data follows the script on stdin: tclsh reads the loop, whose gets reads the rest.
    out = run_tclsh(_LIST_SCRIPT + "\n".join(lines) + "\n")
    answers = out.split("\n")[: len(cases)]
    assert len(answers) == len(cases), "tclsh did not answer every case"
    return [bytes.fromhex(x).decode() for x in answers]


@needs_tclsh
def test_list_quoting_matches_tclsh_examples() -> None:
    cases = [
        [
            "a",
            "b c",
            "",
            "#",
            "#a",
            "{",
            "a\\",
            "}",
            "a{b",
            'a"b',
            "[x",
            "$x",
            "a;b",
            "a}b{",
            "a\\b",
        ],
        ["#a", "b"],
        ['a"{b}', "x]{y}", '#{a"b}', 'a"b c', "}{", "a b\\", "x\n", "\\\n", "##", "aé b"],
        ["{a}", '"', 'x"', "]", "]{", '#a"', "\t", "a\v", "\f", "\r"],
    ]
    assert [format_list(c) for c in cases] == _tclsh_lists(cases)


@needs_tclsh
def test_list_quoting_matches_tclsh_random() -> None:
    rng = random.Random(8675309)
    alphabet = list('ab#{}[]"$; \\\n\t\rxé') + ["\v", "\f"]
    cases = [
        [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6)))
            for _ in range(rng.randint(1, 3))
        ]
        for _ in range(2000)
    ]
    expected = _tclsh_lists(cases)
    mismatches = [
        (c, e, format_list(c)) for c, e in zip(cases, expected, strict=True) if format_list(c) != e
    ]
    assert mismatches == []


@needs_tclsh
def test_double_format_matches_tclsh() -> None:
    rng = random.Random(20240601)
    values = [
        1e20,
        1e16,
        1e17,
        1e-5,
        0.0001,
        1.234e-5,
        1 / 3.0,
        -0.0,
        100.0,
        1e100,
        0.1,
        -1e17,
        1e15,
        12345678901234567.0,
        2.5e-7,
        5e-324,
        1.7976931348623157e308,
        float("inf"),
        float("-inf"),
    ]
    for _ in range(1500):
        kind = rng.randrange(3)
        if kind == 0:
            values.append(rng.uniform(-1e6, 1e6))
        elif kind == 1:
            values.append(10 ** rng.uniform(-30, 30))
        else:
            values.append(struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0])
    values += [
        struct.unpack("<d", bytes.fromhex(h))[0] for h in ("000000000000f87f", "000000000000f8ff")
    ]
    script = (
        "while {[gets stdin line] >= 0} { binary scan [binary format H* $line] q v; puts $v }\n"
    )
    data = "\n".join(struct.pack("<d", v).hex() for v in values) + "\n"
    expected = run_tclsh(script + data).split("\n")[: len(values)]
    assert len(expected) == len(values) and all(expected), "tclsh did not answer every value"
    got = [format_double(v) for v in values]
    assert [(v, e, g) for v, e, g in zip(values, expected, got, strict=True) if e != g] == []


def test_pinned_handles_survive_a_release() -> None:
    from feather_tcl.values import PIN_BASE

    s = Scratch()
    old = s.new("old")
    mark = s.mark()
    dropped = s.new("dropped")
    pinned = s.pin("pinned")
    assert pinned > PIN_BASE and s.get(pinned) == "pinned"
    s.release(mark)
    assert s.get(old) == "old"
    assert s.get(dropped) is None
    assert s.get(pinned) == "pinned"
    assert len(s) == 2
    s.set(pinned, TclList(["pinned"], None, "pinned"))
    assert isinstance(s.get(pinned), TclList)
    again = s.new("again")
    assert again == dropped  # ordinary handles are reused after a release
    s.reset()
    assert s.get(pinned) is None and len(s) == 0
    assert s.high_water >= 3
