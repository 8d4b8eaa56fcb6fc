"""Nox sessions. Thin: each one installs what it needs and calls ``python -m toolchain``.

``nox -R`` reuses the virtualenvs and skips the installs.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
LINTED = ["toolchain", "host", "tests", "noxfile.py", "setup.py"]

nox.options.sessions = ["build", "tests", "lint"]
nox.options.reuse_venv = "yes"


def install(session: nox.Session) -> None:
    """The project, editable, with its dev tools. No build isolation: an editable install
    builds no wasm, so it needs only setuptools from the build requirements."""
    session.install("setuptools>=70.1")
    session.install("--no-build-isolation", "-e", ".[dev]")


def toolchain(session: nox.Session, *args: str) -> None:
    session.run("python", "-m", "toolchain", *args)


@nox.session
def build(session: nox.Session) -> None:
    """Compile and link feather.wasm, copy it to the hosts, print its size and exports."""
    install(session)
    toolchain(session, "build")
    toolchain(session, "inspect")


@nox.session
def verify(session: nox.Session) -> None:
    """Run the milestone gates: ``nox -s verify -- --through M2`` (also --only, --list)."""
    install(session)
    toolchain(session, "verify", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Build, then every pytest test (arguments go to pytest), then node --test js/test."""
    install(session)
    toolchain(session, "build")
    session.run("python", "-m", "pytest", *session.posargs)
    if (ROOT / "js" / "test").is_dir():
        if shutil.which("node") is None:
            session.warn("node not found: js/test not run")
        else:
            npm_ci(session)
            session.run("node", "--test", "js/test/", external=True)


def npm_ci(session: nox.Session) -> None:
    """The JS host's pinned dev dependencies (playwright-core drives the system Chromium;
    no browser is downloaded)."""
    if shutil.which("npm") is None:
        session.warn("npm not found: the browser and types tests will skip")
        return
    session.run("npm", "ci", "--prefix", "js", "--no-audit", "--no-fund", external=True)


@nox.session(python=False)
def serve(session: nox.Session) -> None:
    """Build, then serve the browser REPL (js/index.html) on http://127.0.0.1:8000
    (``nox -s serve -- PORT`` for another port)."""
    session.run(sys.executable, "-m", "toolchain", "build")
    session.run("node", "js/serve.js", *(session.posargs or ["8000"]), external=True)


@nox.session(python=False)
def oracle(session: nox.Session) -> None:
    """Run the conformance cases (tests/cases/*.tcl) through tclsh 8.6 and record its answers
    in tests/cases/expected/, printing every change (``-- --check`` compares only)."""
    session.run(sys.executable, "-m", "tests.conformance.oracle", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Build, then run bench/run.py: every bench/*.tcl workload on the Python host, the JS
    host and tclsh; prints the table, writes build/bench.json and build/bench.png. Arguments
    go to the runner: ``nox -s bench -- --quick``, ``-- --only fib``, ``-- --hosts js,tclsh``."""
    install(session)
    session.install("matplotlib")
    toolchain(session, "build")
    session.run("python", "bench/run.py", *session.posargs)


@nox.session(name="build-native")
def build_native(session: nox.Session) -> None:
    """Compile src/ for this machine as build/native/libfeather.so: the native backend
    (``Interp(backend="native")``; ``pytest --backend native`` runs the suite on it).
    ``-- --variant asan`` or ``-- --variant fuzz`` builds an instrumented variant."""
    install(session)
    toolchain(session, "build-native", *session.posargs)


@nox.session(name="tests-native")
def tests_native(session: nox.Session) -> None:
    """The whole pytest suite on the native backend: every Interp made without a backend
    is native (``pytest --backend native``; the library is built first, incrementally).
    Arguments go to pytest."""
    install(session)
    toolchain(session, "build")
    toolchain(session, "build-native")
    session.run("python", "-m", "pytest", "--backend", "native", *session.posargs)


@nox.session
def sanitize(session: nox.Session) -> None:
    """The native library with AddressSanitizer and UndefinedBehaviorSanitizer, loaded with
    the system's ASan runtime preloaded: the conformance suite, the host's language and
    memory-model tests and tests/native on the native backend. Any report fails the session
    (arguments go to pytest instead of the default test directories)."""
    install(session)
    toolchain(session, "build")
    session.run("python", "-m", "toolchain.native", "sanitize", *session.posargs)


@nox.session(name="fuzz-native")
def fuzz_native(session: nox.Session) -> None:
    """libFuzzer (atheris) over the parser and expr of the native library built with
    coverage, seeded from tests/cases/*.tcl, each input checked against the WASM backend:
    ``nox -s fuzz-native -- --seconds 1800``. Findings go to build/fuzz/artifacts/."""
    install(session)
    session.install("atheris")
    toolchain(session, "build")
    session.run("python", "-m", "toolchain.native", "fuzz", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Hostile input at scale (issue 7): tests/fuzz with new random inputs each run and
    20,000 batches of 10 generated scripts (``nox -s fuzz -- 100000`` for more); the
    normal test run does 1,000 fixed (derandomized) batches."""
    install(session)
    toolchain(session, "build")
    batches = session.posargs[0] if session.posargs else "20000"
    env = {
        "FEATHER_FUZZ_BATCHES": batches,
        "FEATHER_FUZZ_RANDOM": "1",
        "FEATHER_WATCHDOG_SECONDS": str(600 + int(batches) // 10),
    }
    session.run("python", "-m", "pytest", "tests/fuzz", "-q", "-s", *session.posargs[1:], env=env)


@nox.session
def soak(session: nox.Session) -> None:
    """One interpreter, 1,000,000 evals of mixed workloads (bench/soak.py): linear memory,
    handles, Python objects and resident memory sampled every 10,000 evals into a table;
    fails if any grows after warm-up. ``nox -s soak -- --evals 100000`` for a shorter run.
    CI does not run it."""
    install(session)
    toolchain(session, "build")
    session.run("python", "bench/soak.py", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the Python code."""
    session.install("ruff")
    session.run("ruff", "check", *LINTED)


@nox.session(python=False)
def clean(session: nox.Session) -> None:
    """Remove build/ and the copies of feather.wasm."""
    session.run(sys.executable, "-m", "toolchain", "clean")
