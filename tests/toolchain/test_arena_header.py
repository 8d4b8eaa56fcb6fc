"""M1: src/arena.h compiles on its own and declares the seed's exact signatures."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.toolchain.conftest import write
from toolchain import ROOT
from toolchain.manifest import Manifest
from toolchain.zig import Zig

pytestmark = pytest.mark.milestone("M1")

HEADER = ROOT / "src" / "arena.h"
SIGNATURES = Path(__file__).parent / "c" / "arena_signatures.c"


def compile_c(
    zig: Zig, manifest: Manifest, out: Path, *args: str
) -> subprocess.CompletedProcess[str]:
    """zig cc -c with the manifest's flags (target, std, defines, warnings as errors)."""
    return zig.run("cc", *manifest.compile_flags(), "-c", *args, "-o", str(out / "out.o"))


def test_header_compiles_alone_for_wasm(zig: Zig, manifest: Manifest, tmp_path: Path) -> None:
    result = compile_c(zig, manifest, tmp_path, "-x", "c", str(HEADER))
    assert result.returncode == 0, result.stderr


def test_header_declares_the_seed_signatures(zig: Zig, manifest: Manifest, tmp_path: Path) -> None:
    result = compile_c(zig, manifest, tmp_path, str(SIGNATURES))
    assert result.returncode == 0, result.stderr


def test_a_wrong_signature_is_caught(zig: Zig, manifest: Manifest, tmp_path: Path) -> None:
    wrong = HEADER.read_text().replace(
        "void *feather_arena_alloc(size_t size);", "void *feather_arena_alloc(unsigned size);"
    )
    assert wrong != HEADER.read_text()
    header = write(tmp_path, "arena.h", wrong)
    result = compile_c(zig, manifest, tmp_path, "-include", str(header), str(SIGNATURES))
    assert result.returncode != 0
    assert "arena_signatures.c:5:" in result.stderr
    assert "incompatible function pointer types" in result.stderr


def test_header_is_freestanding() -> None:
    includes = [line for line in HEADER.read_text().splitlines() if line.startswith("#include")]
    assert includes == ["#include <stddef.h>"]


def test_arena_compiles_natively_too(zig: Zig, manifest: Manifest, tmp_path: Path) -> None:
    """Without FEATHER_WASM_BUILD (the native build) arena.c is a small static-buffer stub."""
    source = ROOT / "src" / "arena.c"
    flags = ["-std=c11", *manifest.warnings, f"-I{ROOT / 'src'}"]
    result = zig.run("cc", *flags, "-c", str(source), "-o", str(tmp_path / "arena.o"))
    assert result.returncode == 0, result.stderr
