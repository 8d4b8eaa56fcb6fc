"""Commands the host adds to every interpreter (embedder-style commands)."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

from feather_tcl.state import TCL_ERROR, TCL_OK
from feather_tcl.values import Value, to_str

__all__ = ["clock", "make_puts"]

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


_CLOCK_SUBCOMMANDS = ("add", "clicks", "format", "microseconds", "milliseconds", "scan", "seconds")


def _unique_prefix(word: str, table: tuple[str, ...]) -> str | None:
    if word in table:
        return word
    found = [t for t in table if word and t.startswith(word)]
    return found[0] if len(found) == 1 else None


def clock(argv: list[Value]) -> tuple[int, Value]:
    """clock seconds|milliseconds|microseconds|clicks: the host's clock (the core has
    none). clock format, scan and add are not supported."""
    args = [to_str(a) for a in argv[1:]]
    if not args:
        return TCL_ERROR, 'wrong # args: should be "clock subcommand ?arg ...?"'
    sub = _unique_prefix(args[0], _CLOCK_SUBCOMMANDS)
    if sub is None:
        return TCL_ERROR, (
            f'unknown or ambiguous subcommand "{args[0]}": must be add, clicks, format, '
            "microseconds, milliseconds, scan, or seconds"
        )
    now_us = time.time_ns() // 1000
    if sub == "clicks":
        if len(args) > 2:
            return TCL_ERROR, 'wrong # args: should be "clock clicks ?-switch?"'
        if len(args) == 2:
            unit = _unique_prefix(args[1], ("-microseconds", "-milliseconds"))
            if unit is None:
                return TCL_ERROR, f'bad option "{args[1]}": must be -milliseconds or -microseconds'
            return TCL_OK, now_us // 1000 if unit == "-milliseconds" else now_us
        return TCL_OK, time.perf_counter_ns()
    if sub in ("format", "scan", "add"):
        return TCL_ERROR, f"clock {sub} is not supported by Feather"
    if len(args) != 1:
        return TCL_ERROR, f'wrong # args: should be "clock {sub}"'
    if sub == "seconds":
        return TCL_OK, now_us // 1_000_000
    if sub == "milliseconds":
        return TCL_OK, now_us // 1000
    return TCL_OK, now_us
