"""The ``feather`` command: run a script file, a -c script, stdin, or a REPL.

feather                    a REPL on a terminal; otherwise stdin is one script
feather FILE [ARG ...]     run FILE with argv, argc and argv0 set as tclsh does
feather -c SCRIPT [ARG ...] evaluate SCRIPT and print its result
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from feather_tcl.errors import TclError
from feather_tcl.interp import PARSE_INCOMPLETE, Interp

__all__ = ["main", "repl"]

HISTORY = Path("~/.feather_history")
PROMPT = "% "
PROMPT2 = "> "


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="feather",
        description="Feather: a sandboxed Tcl interpreter (a C core in WebAssembly).",
        epilog="With no FILE and no -c: a REPL on a terminal, else stdin is evaluated.",
    )
    p.add_argument("-c", dest="command", metavar="SCRIPT", help="evaluate SCRIPT, print the result")
    p.add_argument("file", nargs="?", metavar="FILE", help="a Tcl script to run")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARG", help="arguments for the script")
    return p


def _exit(*args: str) -> None:
    """exit ?returnCode?: ends the program (SystemExit unwinds the eval)."""
    if len(args) > 1:
        raise ValueError('wrong # args: should be "exit ?returnCode?"')
    text = args[0] if args else "0"
    try:
        status = int(text, 0)
    except ValueError:
        raise ValueError(f'expected integer but got "{text}"') from None
    raise SystemExit(status)


def make_interp(
    argv0: str, args: Sequence[str], interactive: bool, stdout: TextIO | None = None
) -> Interp:
    """An interp with exit, argv0, argv, argc and tcl_interactive, as tclsh makes it."""
    interp = Interp(stdout=stdout)
    interp.register("exit", _exit)
    interp.setvar("argv0", argv0)
    interp.setvar("argv", Interp.list(*args))
    interp.setvar("argc", len(args))
    interp.setvar("tcl_interactive", 1 if interactive else 0)
    return interp


def _report(err: TclError, out: TextIO) -> None:
    out.write((err.error_info or err.result) + "\n")
    out.flush()


def run_script(interp: Interp, script: str, print_result: bool = False) -> int:
    try:
        result = interp.eval(script)
    except TclError as err:
        sys.stdout.flush()
        _report(err, sys.stderr)
        return 1
    if print_result and result:
        print(result)
    return 0


def _setup_readline() -> object | None:
    try:
        import readline
    except ImportError:  # pragma: no cover - platform without readline
        return None
    path = HISTORY.expanduser()
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    readline.set_history_length(1000)
    return readline


def _save_history(readline: object | None) -> None:
    if readline is None:
        return
    try:
        readline.write_history_file(HISTORY.expanduser())  # type: ignore[attr-defined]
    except OSError:
        pass


def repl(interp: Interp, stdin: TextIO | None = None, stdout: TextIO | None = None) -> int:
    """Read-eval-print until end of input: continuation lines while the input is
    incomplete, errors printed without ending the session, non-empty results
    printed. Uses readline (history in ~/.feather_history) on a terminal."""
    inp = stdin if stdin is not None else sys.stdin
    out = stdout if stdout is not None else sys.stdout
    terminal = stdin is None and inp.isatty()
    readline = _setup_readline() if terminal else None

    def read(prompt: str) -> str | None:
        if terminal:
            try:
                return input(prompt)
            except EOFError:
                return None
        out.write(prompt)
        out.flush()
        line = inp.readline()
        return None if line == "" else line.rstrip("\n")

    try:
        while True:
            try:
                line = read(PROMPT)
                if line is None:
                    break
                buffer = line
                while interp.parse_status(buffer + "\n") == PARSE_INCOMPLETE:
                    more = read(PROMPT2)
                    if more is None:
                        break
                    buffer += "\n" + more
            except KeyboardInterrupt:
                out.write("\n")
                continue
            if not buffer.strip():
                continue
            try:
                result = interp.eval(buffer)
            except TclError as err:
                out.flush()
                (sys.stderr if terminal else out).write(err.result + "\n")
                continue
            except KeyboardInterrupt:
                out.write("\ninterrupted\n")
                continue
            if result:
                out.write(result + "\n")
            out.flush()
    finally:
        _save_history(readline)
    if terminal:
        out.write("\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    opts = _parser().parse_args(argv)
    try:
        if opts.command is not None:
            args = ([opts.file] if opts.file else []) + list(opts.args)
            interp = make_interp("feather", args, False)
            return run_script(interp, opts.command, print_result=True)
        if opts.file is not None:
            try:
                script = Path(opts.file).read_text(encoding="utf-8")
            except OSError as err:
                print(
                    f'couldn\'t read file "{opts.file}": {os.strerror(err.errno or 0)}',
                    file=sys.stderr,
                )
                return 1
            interp = make_interp(opts.file, opts.args, False)
            return run_script(interp, script)
        if sys.stdin.isatty():
            return repl(make_interp("feather", [], True))
        interp = make_interp("feather", [], False)
        return run_script(interp, sys.stdin.read())
    except SystemExit as done:
        code = done.code
        return code if isinstance(code, int) else (0 if code is None else 1)
