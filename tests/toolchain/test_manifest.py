"""build.toml parsing, gated exports, and the errors a malformed manifest gives."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from toolchain import ROOT
from toolchain.manifest import GATES, Manifest, ManifestError, gate_index, load_manifest

# The real manifest with its level set to M2, whatever level the core has reached.
REAL = re.sub(r'(?m)^level = ".*"$', 'level = "M2"', (ROOT / "build.toml").read_text())
ARENA_EXPORTS = {
    "feather_arena_alloc",
    "feather_arena_reset",
    "feather_arena_used",
    "feather_arena_capacity",
    "feather_arena_high_water",
}


def load_text(tmp_path: Path, text: str) -> Manifest:
    path = tmp_path / "build.toml"
    path.write_text(text)
    return load_manifest(path)


def test_the_real_manifest(manifest: Manifest) -> None:
    assert manifest.target == "wasm32-freestanding"
    assert manifest.defines == ("FEATHER_WASM_BUILD",)
    assert {"-Wall", "-Wextra", "-Werror"} <= set(manifest.warnings)
    assert manifest.sources == ("src/*.c",)
    assert manifest.max_memory >= manifest.initial_memory > manifest.stack_size
    assert {e.name for e in manifest.exports_through("M2")} == ARENA_EXPORTS
    assert {e.name for e in manifest.exports_through("M3")} > ARENA_EXPORTS


def test_gates_are_ordered() -> None:
    assert GATES[0] == "M1" and GATES[-1] == "M12" and len(GATES) == 12
    assert gate_index("M2") < gate_index("M10")
    with pytest.raises(ValueError, match="unknown gate"):
        gate_index("M13")


def test_level_limits_the_linked_exports(tmp_path: Path) -> None:
    m2 = load_text(tmp_path, REAL)
    m3 = load_text(tmp_path, re.sub(r"(?m)^level = .*$", 'level = "M3"', REAL))
    linked_m2 = {e.name for e in m2.linked_exports()}
    assert linked_m2 == {e.name for e in m2.exports_through(m2.level)}
    assert "feather_script_eval" not in linked_m2
    assert "feather_script_eval" in {e.name for e in m3.linked_exports()}
    exported = [f for f in m2.link_flags() if f.startswith("--export=")]
    assert sorted(exported) == sorted(f"--export={n}" for n in linked_m2)


def test_flags_come_from_the_manifest(manifest: Manifest) -> None:
    flags = manifest.compile_flags()
    assert flags[:2] == ["-target", "wasm32-freestanding"]
    assert "-std=c11" in flags and "-DFEATHER_WASM_BUILD" in flags and "-Werror" in flags
    link = manifest.link_flags()
    assert {"--no-entry", "--import-memory", "--stack-first"} <= set(link)
    assert f"stack-size={manifest.stack_size}" in link
    assert f"--max-memory={manifest.max_memory}" in link


def test_sources_are_globbed(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    for name in ("b.c", "a.c", "h.h"):
        (tmp_path / "src" / name).write_text("")
    manifest = load_text(tmp_path, REAL)
    assert [p.name for p in manifest.source_files()] == ["a.c", "b.c"]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ('level = "M2"', 'level = "M2"\nsurprise = 1', r"unknown key 'surprise'"),
        ('std = "c11"', 'stdd = "c11"', r"unknown key 'compile.stdd'"),
        ("[output]", "[outputs]", r"unknown key 'outputs'"),
        ('level = "M2"', 'level = "M99"', r"'level' must name a gate"),
        ('level = "M2"\n', "", r"missing key 'level'"),
        ('_used = "M2"', '_used = "soon"', r"'exports.feather_arena_used' must name a gate"),
        ("stack_size = 1048576", 'stack_size = "big"', r"'link.stack_size' must be a positive"),
        ("max_memory = 268435456", "max_memory = 1000", r"multiple of 65536"),
        ("import_undefined = true\n", "", r"missing key 'link.import_undefined'"),
        ("defines = [", "defines = [1, ", r"'compile.defines' must be a list of non-empty strings"),
    ],
)
def test_manifest_errors(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in REAL
    with pytest.raises(ManifestError, match=message):
        load_text(tmp_path, REAL.replace(old, new, 1))


def test_missing_export_list(tmp_path: Path) -> None:
    without = REAL[: REAL.index("[exports]")]
    with pytest.raises(ManifestError, match=r"missing export list: add an \[exports\] table"):
        load_text(tmp_path, without)


def test_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="invalid TOML"):
        load_text(tmp_path, REAL + "\n[[\n")


def test_missing_manifest(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="no such manifest"):
        load_manifest(tmp_path / "nope.toml")


def test_lto_flags_follow_the_manifest(manifest: Manifest, tmp_path: Path) -> None:
    assert manifest.lto and "src/eval.c" in manifest.lto_exclude
    root = manifest.root
    assert "-flto" in manifest.compile_flags(root / "src" / "obj.c")
    assert "-flto" not in manifest.compile_flags(root / "src" / "eval.c")
    assert "-flto" not in manifest.compile_flags()
    assert "--lto-O2" in manifest.link_flags()
    plain = load_text(tmp_path, re.sub(r"(?m)^lto(_exclude)? = .*\n", "", REAL))
    assert not plain.lto and plain.lto_exclude == ()
    assert "-flto" not in plain.compile_flags(root / "src" / "obj.c")
    assert not any(flag.startswith("--lto") for flag in plain.link_flags())
    with pytest.raises(ManifestError, match=r"'compile.lto' must be true or false"):
        load_text(tmp_path, REAL.replace("lto = true", 'lto = "yes"', 1))
