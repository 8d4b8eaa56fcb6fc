"""Commands the host adds to every interpreter (embedder-style commands)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from feather_tcl.state import TCL_ERROR, TCL_OK
from feather_tcl.values import Value, to_str

__all__ = ["make_puts"]

_PUTS_USAGE = 'wrong # args: should be "puts ?-nonewline? ?channelId? string"'


def make_puts(
    stdout: Callable[[], TextIO], stderr: Callable[[], TextIO]
) -> Callable[[list[Value]], tuple[int, Value]]:
    """puts ?-nonewline? ?channelId? string, writing to the interp's streams."""

    def puts(argv: list[Value]) -> tuple[int, Value]:
        args = [to_str(a) for a in argv[1:]]
        newline = True
        channel = "stdout"
        if len(args) == 1:
            text = args[0]
        elif len(args) == 2:
            if args[0] == "-nonewline":
                newline = False
            else:
                channel = args[0]
            text = args[1]
        elif len(args) == 3 and args[0] == "-nonewline":
            newline = False
            channel, text = args[1], args[2]
        else:
            return TCL_ERROR, _PUTS_USAGE
        if channel == "stdout":
            stream = stdout()
        elif channel == "stderr":
            stream = stderr()
        else:
            return TCL_ERROR, f'can not find channel named "{channel}"'
        stream.write(text + "\n" if newline else text)
        return TCL_OK, ""

    return puts
