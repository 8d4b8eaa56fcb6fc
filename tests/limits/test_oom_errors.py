"""Out-of-memory errors from anywhere in the core name the memory limit (issue 7).

With the scratch arena full, a parse error, a builtin's own failure or the
evaluator's generic one all give a non-empty message and errorCode TCL LIMIT MEMORY
(twin of js/test/oom_errors.test.js). Before: a script with too many words for the
arena failed with errorCode NONE (or as a "syntax error"), and a builtin whose
message could not be formatted in the full arena failed with an empty message.
"""

from __future__ import annotations

import pytest

from feather_tcl import Interp, TclError
from tests.host.conftest import needs_wasm
from tests.limits.support import assert_state_kept, set_up_state

pytestmark = needs_wasm

MIB = 2**20
ARENA = "out of memory: the scratch arena reached the memory limit"
HOST = "memory limit of 8 MiB exceeded"  # the host's count of handles came first
CASES = {
    # The parser's word and part tables do not fit: a top-level parse error.
    "parse-words": ("list " + "x " * 400_000, "out of memory"),
    "parse-parts": ("list " + "a$x " * 300_000, "out of memory"),
    # foreach's tables of 100,000 variable lists; a regexp of 100,000 groups.
    "foreach-lists": ("foreach {*}[lrepeat 200000 x {}] {}", (ARENA, HOST)),
    "regexp-compile": ("regexp [string repeat (a) 100000] x", ARENA),
    "regexp-match": ("regexp -all -inline (a)(b)?(c)? [string repeat a 300000]", ARENA),
    "expr-parse": ("expr [string repeat 1+ 300000]1", ARENA),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_out_of_memory_names_the_limit(name: str) -> None:
    script, message = CASES[name]
    interp = Interp(memory_limit=8 * MIB)
    set_up_state(interp)
    with pytest.raises(TclError) as info:
        interp.eval(script)
    assert info.value.result in ((message,) if isinstance(message, str) else message)
    assert info.value.error_code == "TCL LIMIT MEMORY"
    # The next eval is not failed by what the error reporting left in the full arena.
    assert interp.eval("set ::after 1") == "1"
    assert_state_kept(interp)
