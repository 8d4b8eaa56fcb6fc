"""Fixtures for toolchain tests: the real manifest, zig, and small throwaway projects."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from toolchain import ROOT
from toolchain.manifest import Export, Manifest, load_manifest
from toolchain.zig import Zig, default_zig


@pytest.fixture(scope="session")
def zig() -> Zig:
    return default_zig()


@pytest.fixture(scope="session")
def manifest() -> Manifest:
    return load_manifest(ROOT / "build.toml")


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def small_project(base: Manifest, root: Path, exports: dict[str, str]) -> Manifest:
    """The real manifest's flags over the sources in ``root``/src, linking ``exports``."""
    return replace(
        base,
        root=root,
        level="M2",
        sources=("src/*.c",),
        include=("src",),
        out_dir="build",
        copies=("host/feather.wasm",),
        exports=tuple(Export(name, gate) for name, gate in exports.items()),
    )


def arena_only(base: Manifest, out_dir: Path, max_memory: int) -> Manifest:
    """The real manifest building src/arena.c alone, with a small memory maximum."""
    return replace(
        base,
        level="M2",
        sources=("src/arena.c",),
        out_dir=str(out_dir),
        copies=(),
        max_memory=max_memory,
        exports=base.exports_through("M2"),
    )


ARENA_MAX_MEMORY = 4 * 1024 * 1024


@pytest.fixture(scope="session")
def arena_wasm(tmp_path_factory: pytest.TempPathFactory, manifest: Manifest, zig: Zig) -> Path:
    """feather.wasm built from src/arena.c alone, with a 4 MiB memory maximum."""
    from toolchain.build import build

    project = arena_only(manifest, tmp_path_factory.mktemp("arena"), ARENA_MAX_MEMORY)
    return build(project, zig=zig, log=lambda _: None).wasm
