"""M11: WASM.md documents the module interface and the memory model.

WASM.md must name every export of the built module (and of the build manifest),
every import group of src/host.h, no ``feather_host_*`` function that host.h does
not declare, every field of both hosts' memory statistics, and the parts of the
memory model (the two arenas, scratch and persistent, materialize and wrap, the
reset). The README links it.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from toolchain import ROOT
from toolchain.manifest import load_manifest

pytestmark = pytest.mark.milestone("M11")

WASM_MD = ROOT / "WASM.md"
HOST_H = ROOT / "src" / "host.h"

# host.h's section lines: /* ---------------------------------------------- string */
_GROUP = re.compile(r"^/\* -{8,} (.+?) \*/$", re.MULTILINE)
_HOST_FN = re.compile(r"\bfeather_host_[a-z0-9_]+\b")
_DECLARED = re.compile(r"^FEATHER_HOST\((feather_host_[a-z0-9_]+)\)$", re.MULTILINE)


def doc() -> str:
    assert WASM_MD.is_file(), "WASM.md is missing"
    return WASM_MD.read_text(encoding="utf-8")


def named(text: str, name: str) -> bool:
    """name appears as code (`name`) in text."""
    return f"`{name}`" in text


def module_exports() -> set[str]:
    """The exports the manifest links, plus those of the built module when it exists."""
    manifest = load_manifest(ROOT / "build.toml")
    names = {e.name for e in manifest.exports}
    if manifest.wasm_path.is_file():
        from toolchain.introspect import read_module

        exports, _imports = read_module(manifest.wasm_path)
        names |= {e.name for e in exports}
    return names


def import_groups() -> list[str]:
    groups = _GROUP.findall(HOST_H.read_text(encoding="utf-8"))
    assert groups, "no '/* ---- group */' lines found in src/host.h"
    return groups


def test_names_every_export_of_the_module() -> None:
    text = doc()
    exports = module_exports()
    assert len(exports) >= 10
    missing = sorted(name for name in exports if not named(text, name))
    assert not missing, f"WASM.md does not name these exports: {missing}"


def test_names_every_import_group_of_host_h() -> None:
    text = doc()
    missing = [g for g in import_groups() if f"| **{g}** |" not in text]
    assert not missing, f"WASM.md's import table has no row for these host.h groups: {missing}"


def test_counts_agree_with_the_module_and_host_h() -> None:
    text = doc()
    exports = re.search(r"^(\d+) functions, in `build.toml`", text, re.MULTILINE)
    imports = re.search(r"as `host.h` orders them \((\d+) functions\)", text)
    assert exports and imports, "WASM.md no longer states how many exports and imports"
    manifest = load_manifest(ROOT / "build.toml")
    if manifest.wasm_path.is_file():
        from toolchain.introspect import read_module

        built, _imports = read_module(manifest.wasm_path)
        n_exports = len([e for e in built if e.kind == "func"])
    else:
        n_exports = len(manifest.linked_exports())
    assert int(exports.group(1)) == n_exports, f"the module has {n_exports} exports"
    declared = _DECLARED.findall(HOST_H.read_text(encoding="utf-8"))
    assert int(imports.group(1)) == len(declared), f"host.h declares {len(declared)} imports"


def test_names_only_imports_host_h_declares() -> None:
    declared = set(_DECLARED.findall(HOST_H.read_text(encoding="utf-8")))
    assert len(declared) >= 40
    stale = sorted(set(_HOST_FN.findall(doc())) - declared)
    assert not stale, f"WASM.md names imports src/host.h does not declare: {stale}"


def _python_stats_keys() -> set[str]:
    """The keys of the dict Interp.memory_stats returns (read from the source)."""
    tree = ast.parse((ROOT / "host" / "feather_tcl" / "interp.py").read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "memory_stats":
            for sub in ast.walk(node):
                if isinstance(sub, ast.Return) and isinstance(sub.value, ast.Dict):
                    keys = sub.value.keys
                    return {k.value for k in keys if isinstance(k, ast.Constant)}
    raise AssertionError("Interp.memory_stats returning a dict literal not found")


def _js_stats_keys() -> set[str]:
    """The fields of interface MemoryStats in js/feather.d.ts."""
    text = (ROOT / "js" / "feather.d.ts").read_text(encoding="utf-8")
    match = re.search(r"interface MemoryStats \{(.*?)\n\}", text, re.DOTALL)
    assert match, "interface MemoryStats not found in js/feather.d.ts"
    return set(re.findall(r"^\s*(\w+)\??:", match.group(1), re.MULTILINE))


@pytest.mark.parametrize("host", ["python", "js"])
def test_names_every_memory_stats_field(host: str) -> None:
    keys = _python_stats_keys() if host == "python" else _js_stats_keys()
    assert len(keys) >= 5
    text = doc()
    missing = sorted(k for k in keys if not named(text, k))
    assert not missing, f"WASM.md does not name these {host} memory stats fields: {missing}"


@pytest.mark.parametrize(
    "phrase",
    [
        "scratch arena",
        "handle table",
        "Persistent",
        "materialize",
        "wrap",
        "copy-on-write",
        "feather_arena_reset",
        "eval depth",
        "nested",
        "pinned",
        "command epoch",
        "trap",
    ],
)
def test_documents_the_memory_model(phrase: str) -> None:
    assert phrase.lower() in doc().lower(), f"WASM.md never mentions {phrase!r}"


def test_readme_links_wasm_md() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(WASM.md)" in readme, "README.md does not link WASM.md"


def test_doc_paths_exist() -> None:
    """Every repository path WASM.md cites in backquotes exists."""
    cited = set(re.findall(r"`((?:src|js|host|tests|toolchain)/[\w./-]+)`", doc()))
    assert cited, "WASM.md cites no repository path"
    missing = sorted(p for p in cited if not (ROOT / p.rstrip("/")).exists())
    assert not missing, f"WASM.md cites paths that do not exist: {missing}"


def test_this_file_is_where_wasm_md_says() -> None:
    assert "tests/docs/test_wasm_md.py" in doc()
    assert Path(__file__).resolve() == ROOT / "tests" / "docs" / "test_wasm_md.py"
