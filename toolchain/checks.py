"""The kinds of check a gate is made of. Each returns an Outcome; none raises.

A check made with ``planned(name)`` has no body: it fails as "not yet implemented" until
someone replaces it with a real check in toolchain/gates.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from toolchain.build import BuildError, build
from toolchain.hosts import all_hosts
from toolchain.introspect import inspect
from toolchain.manifest import Manifest
from toolchain.usage import read_sources
from toolchain.zig import ZigNotFound

NOT_IMPLEMENTED = "not yet implemented"


@dataclass(frozen=True)
class Context:
    manifest: Manifest

    @property
    def root(self) -> Path:
        return self.manifest.root


@dataclass(frozen=True)
class Outcome:
    ok: bool
    detail: str = ""


@dataclass(frozen=True)
class Check:
    name: str
    body: Callable[[Context], Outcome] | None = None

    @property
    def implemented(self) -> bool:
        return self.body is not None

    def run(self, ctx: Context) -> Outcome:
        if self.body is None:
            return Outcome(False, NOT_IMPLEMENTED)
        return self.body(ctx)


def planned(name: str) -> Check:
    """A check that is named but not written yet: it always fails."""
    return Check(name)


def _command(argv: list[str], ctx: Context) -> Outcome:
    """Run argv in the repository root with its output on the terminal."""
    try:
        code = subprocess.run(argv, cwd=ctx.root, check=False).returncode
    except OSError as error:
        return Outcome(False, str(error))
    return Outcome(code == 0, "" if code == 0 else f"exit status {code}")


def command(name: str, argv: list[str]) -> Check:
    """Any command that must exit 0."""
    return Check(name, lambda ctx: _command(argv, ctx))


def pytest_milestone(gate: str, about: str = "") -> Check:
    """The pytest tests marked ``@pytest.mark.milestone(gate)``; none selected is a failure."""

    def body(ctx: Context) -> Outcome:
        argv = [sys.executable, "-m", "pytest", "--milestone", gate, "-q"]
        outcome = _command(argv, ctx)
        if outcome.detail == "exit status 5":
            return Outcome(False, f"no test is marked milestone({gate!r})")
        return outcome

    suffix = f" ({about})" if about else ""
    return Check(f"pytest --milestone {gate}{suffix}", body)


def node_tests(path: str) -> Check:
    """``node --test`` over a directory of node:test files."""

    def body(ctx: Context) -> Outcome:
        node = shutil.which("node")
        if node is None:
            return Outcome(False, "node not found")
        if not (ctx.root / path).exists():
            return Outcome(False, f"{path} does not exist")
        return _command([node, "--test", path], ctx)

    return Check(f"node --test {path}", body)


def node_milestone(gate: str, path: str = "js/test/milestones.test.js") -> Check:
    """The node:test tests of ``path`` whose names start with ``"<gate>:"``; none is a failure."""

    def body(ctx: Context) -> Outcome:
        node = shutil.which("node")
        if node is None:
            return Outcome(False, "node not found")
        if not (ctx.root / path).exists():
            return Outcome(False, f"{path} does not exist")
        argv = [node, "--test", f"--test-name-pattern=^{gate}:", path]
        proc = subprocess.run(argv, cwd=ctx.root, capture_output=True, text=True, check=False)
        sys.stdout.write(proc.stdout)
        sys.stderr.write(proc.stderr)
        if proc.returncode != 0:
            return Outcome(False, f"exit status {proc.returncode}")
        if "# pass 0" in proc.stdout:
            return Outcome(False, f"no node test is named {gate}:...")
        return Outcome(True)

    return Check(f"node --test {path} ({gate}: tests)", body)


def file_absent(path: str) -> Check:
    def body(ctx: Context) -> Outcome:
        exists = (ctx.root / path).exists()
        return Outcome(not exists, f"{path} exists" if exists else "")

    return Check(f"{path} does not exist", body)


def file_present(path: str) -> Check:
    def body(ctx: Context) -> Outcome:
        exists = (ctx.root / path).is_file()
        return Outcome(exists, "" if exists else f"{path} is missing")

    return Check(f"{path} exists", body)


def wasm_build() -> Check:
    """The manifest's build: compile, link, copy to the hosts."""

    def body(ctx: Context) -> Outcome:
        try:
            build(ctx.manifest)
        except (BuildError, ZigNotFound) as error:
            print(error, file=sys.stderr)
            return Outcome(False, "build failed")
        return Outcome(True)

    return Check("build feather.wasm", body)


def exports_through(gate: str) -> Check:
    """The built module has every manifest export required at ``gate``; imports are in env."""

    def body(ctx: Context) -> Outcome:
        report = inspect(ctx.manifest.wasm_path, ctx.manifest, gate=gate, hosts=[])
        print(report.render())
        return Outcome(report.ok, "; ".join(report.problems))

    return Check(f"module exports everything required through {gate}", body)


def host_imports() -> Check:
    """The module's imports match what every existing host provides."""

    def body(ctx: Context) -> Outcome:
        report = inspect(ctx.manifest.wasm_path, ctx.manifest, hosts=all_hosts(ctx.root))
        print(report.render())
        return Outcome(report.ok, "; ".join(report.problems))

    return Check("hosts provide exactly the module's imports", body)


def host_sources() -> Check:
    """Some host's source calls every export; every host's source implements every import."""

    def body(ctx: Context) -> Outcome:
        report = inspect(
            ctx.manifest.wasm_path, ctx.manifest, hosts=[], sources=read_sources(ctx.root)
        )
        print(report.render())
        return Outcome(report.ok, "; ".join(report.problems))

    return Check("no export nothing uses, no import a host does not implement", body)
