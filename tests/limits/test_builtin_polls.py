"""Long single builtins poll the time limit (issue 7).

A builtin working through a large list, string or dict counts its own units of work
(a list element, a comparison, a match, 64 bytes of a string) and polls the host
every 1024 of them, as the evaluator does for commands. Under a time limit of 0 the
first poll stops the eval: each script below is a single builtin call followed by
one more command, so without the builtin's own polls it would complete (fewer than
1024 commands). The data stay under 1 MiB, below the size from which the host
itself checks the deadline when it builds a value, so the stop comes from the core.
"""

from __future__ import annotations

import pytest

from feather_tcl import Interp, TclError
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = needs_wasm

N = 40_000  # elements: 8 bytes each in the host, plus their text, < 1 MiB
WORDS = [f"w{(k * 7919) % N}x" for k in range(N)]

# name -> one builtin call doing at least 1024 units of work
SCRIPTS = {
    "lsort": "lsort $L",
    "lsort-dictionary": "lsort -dictionary $L",
    "lsort-integer": "lsort -integer $I",
    "lsort-unique": "lsort -unique $L",
    "lsearch": "lsearch $L nothere",
    "lsearch-all": "lsearch -all $L w5x",
    "lsearch-all-glob": "lsearch -all -glob $L *5*",
    "lrepeat": "lrepeat 100000 x",
    "split": "split $S",
    "split-chars": "split $T {}",
    "join": "join $L ,",
    "concat": "concat $S $S",
    "string-map": "string map {w W x X} $S",
    "string-map-nocase": "string map -nocase {W v} $S",
    "string-repeat": "string repeat abc 300000",
    "string-replace": "string replace $S 0 0 z",
    "string-reverse": "string reverse $S",
    "string-toupper": "string toupper $S",
    "string-is": "string is alpha $T",
    "regexp-all": "regexp -all {w} $S",
    "regexp-one-match": "regexp {(w+)+y} $S",  # one long search: the engine's steps
    "regexp-all-inline": "regexp -all -inline {w[0-9]+} $S",
    "regsub-all": "regsub -all {w([0-9])} $S {v\\1}",
    "regsub-all-literal": "regsub -all w $S v",
    "lreverse": "lreverse $L",
    "llength-parse": 'llength "$S "',  # a new string each time: the core parses it
    "string-first": "string first nothere $S",
    "string-last": "string last nothere $S",
    "string-match": "string match *nothere* $S",
    "string-match-nocase": "string match -nocase *NOTHERE $S",
    "format-width": "format %500000s x",
    "format-zero-pad": "format %0500000d 7",
    "dict-keys": "dict keys $D",
    "dict-values": "dict values $D w*",
    "dict-filter": "dict filter $D key w1*",
    "dict-merge": "dict merge $D {extra 1}",
    # Loops whose empty bodies run no command: each script evaluated is a unit.
    "foreach-empty": "foreach x $L {}",
    "lmap-empty": "lmap x $L {}",
    "dict-for-empty": "dict for {k v} $D {}",
    "time-empty": "time {} 40000",
}


def loaded_interp() -> Interp:
    interp = Interp()
    set_up_state(interp)
    interp.call("set", "L", WORDS)
    interp.call("set", "I", list(range(N, 0, -1)))
    interp.call("set", "S", " ".join(WORDS))
    interp.call("set", "T", "abc" * 100_000)
    interp.eval("set D [dict create {*}$L]; llength $D")
    return interp


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_a_long_builtin_is_stopped_by_the_time_limit(name: str) -> None:
    script = SCRIPTS[name]
    interp = loaded_interp()
    assert interp.eval(f"llength [{script}]; set ::done 1") == "1"  # no limit: it completes
    interp.eval("unset ::done")
    with pytest.raises(TclError) as info:
        interp.eval(f"set r [{script}]; set ::done 1", time_limit=0)
    err = info.value
    assert err.result == "time limit of 0 s exceeded"
    assert err.error_code == "TCL LIMIT TIME"
    # Stopped inside the builtin: the command after it never ran.
    assert interp.eval("info exists ::done") == "0"
    assert script.split()[0] in err.error_info
    # The stop is the eval's outcome even when nothing runs after it.
    with pytest.raises(TclError) as info:
        interp.eval(script, time_limit=0)
    assert info.value.result == "time limit of 0 s exceeded"
    assert info.value.error_code == "TCL LIMIT TIME"
    assert_state_kept(interp)


def test_the_host_checks_the_deadline_while_building_a_huge_list() -> None:
    """The host builds a list of more than CHUNK elements in chunks and checks the
    deadline between them (Limits.tick)."""
    from feather_tcl.limits import CHUNK

    interp = Interp(time_limit=60)
    limits = interp.runtime.limits
    ticks = []
    original = limits.tick

    def counting_tick() -> None:
        ticks.append(1)
        original()

    limits.tick = counting_tick  # type: ignore[method-assign]
    try:
        n = 3 * CHUNK + 5
        interp.call("set", "big", " ".join(["ab"] * n))
        assert interp.eval("llength [split $big]") == str(n)
        assert len(ticks) >= 4  # split's list_from_spans: one tick per chunk
        ticks.clear()
        assert interp.eval("llength [list {*}[split $big]]") == str(n)
        assert len(ticks) >= 8  # and list_new's handles too
        ticks.clear()
        interp.time_limit = None  # no limit: no checks at all
        assert interp.eval("llength [split $big]") == str(n)
        assert ticks == []
    finally:
        limits.tick = original  # type: ignore[method-assign]
