"""The feather command: files with argv, -c, stdin, the REPL (through a pty)."""

from __future__ import annotations

import io
import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from feather_tcl.cli import main, make_interp, repl
from tests.host.conftest import ROOT, needs_tclsh, needs_wasm

pytestmark = [needs_wasm, pytest.mark.milestone("M10")]


def feather(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "host"), HOME=str(ROOT / "build"))
    return subprocess.run(
        [sys.executable, "-m", "feather_tcl", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@needs_tclsh
def test_file_gets_argv_like_tclsh(tmp_path: Path) -> None:
    script = tmp_path / "args.tcl"
    script.write_text('puts "$argc|$argv|$tcl_interactive"\nputs $argv0\n')
    done = feather(str(script), "a", "b c", "{")
    real = subprocess.run(
        ["tclsh", str(script), "a", "b c", "{"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout == real.stdout
    assert feather("-c", "set argv0").stdout == "feather\n"


def test_file_error_exits_1_with_error_info(tmp_path: Path) -> None:
    script = tmp_path / "bad.tcl"
    script.write_text("puts before\nproc f {} {error oops}\nf\nputs after\n")
    done = feather(str(script))
    assert done.returncode == 1
    assert done.stdout == "before\n"
    assert done.stderr.startswith('oops\n    while executing\n"error oops"')
    assert '(procedure "f" line 1)' in done.stderr


def test_missing_file(tmp_path: Path) -> None:
    done = feather(str(tmp_path / "nope.tcl"))
    assert done.returncode == 1
    assert "couldn't read file" in done.stderr


def test_dash_c_prints_the_result() -> None:
    done = feather("-c", "set x 41; incr x")
    assert (done.returncode, done.stdout) == (0, "42\n")
    quiet = feather("-c", "puts hi")
    assert quiet.stdout == "hi\n"  # an empty result prints nothing
    bad = feather("-c", "error nope")
    assert bad.returncode == 1 and bad.stderr.startswith("nope")


def test_stdin_script_is_evaluated_whole() -> None:
    done = feather(stdin="proc f {} {\n  return ok\n}\nputs [f]\nset x 1\n")
    assert done.returncode == 0
    assert done.stdout == "ok\n"
    bad = feather(stdin="puts one\nerror two\nputs three\n")
    assert bad.returncode == 1 and bad.stdout == "one\n"


def test_exit_code() -> None:
    assert feather("-c", "puts a; exit 3; puts b").returncode == 3
    assert feather("-c", "exit").returncode == 0


def test_help() -> None:
    done = feather("--help")
    assert done.returncode == 0
    assert "usage: feather" in done.stdout and "-c SCRIPT" in done.stdout


def test_repl_function_continuation_errors_results() -> None:
    out = io.StringIO()
    interp = make_interp("feather", [], True, stdout=out)
    lines = "set a 5\nproc f {x} {\nreturn [set x]\n}\nf 7\nerror bad\nputs hi\nset b {}\n"
    assert repl(interp, io.StringIO(lines), out) == 0
    text = out.getvalue()
    assert text == "% 5\n% > > % 7\n% bad\n% hi\n% % "


def test_main_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["-c", "set z 9"]) == 0
    assert capsys.readouterr().out == "9\n"


def _read_until(fd: int, marker: bytes, timeout: float = 30.0) -> bytes:
    data = b""
    end = time.monotonic() + timeout
    while marker not in data:
        left = end - time.monotonic()
        if left <= 0:
            raise AssertionError(f"timed out waiting for {marker!r}; got {data!r}")
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pty")
def test_repl_on_a_terminal(tmp_path: Path) -> None:
    import pty

    pid, fd = pty.fork()
    if pid == 0:  # the child: the feather command on a terminal
        os.environ["PYTHONPATH"] = str(ROOT / "host")
        os.environ["HOME"] = str(tmp_path)
        os.execv(sys.executable, [sys.executable, "-m", "feather_tcl"])
    try:
        _read_until(fd, b"% ")
        os.write(fd, b"set greeting hello\n")
        assert b"hello" in _read_until(fd, b"% ")
        os.write(fd, b"proc two {} {\n")
        _read_until(fd, b"> ")
        os.write(fd, b"return 2\n}\n")
        _read_until(fd, b"% ")
        os.write(fd, b"two\n")
        assert b"2" in _read_until(fd, b"% ")
        os.write(fd, b"nosuch\n")
        assert b'invalid command name "nosuch"' in _read_until(fd, b"% ")
        os.write(fd, b"set greeting\n")
        assert b"hello" in _read_until(fd, b"% ")
        os.write(fd, b"\x04")  # end of input
        _, status = os.waitpid(pid, 0)
        assert os.WEXITSTATUS(status) == 0
        assert "set greeting hello" in (tmp_path / ".feather_history").read_text()
    finally:
        os.close(fd)
