"""The build manifest (build.toml): compiler flags, memory layout, outputs and gated exports."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

GATES: tuple[str, ...] = tuple(f"M{n}" for n in range(1, 13))
"""The milestone gates, in order: M1 ... M12."""

WASM_PAGE = 65536
_GATE_RE = re.compile(r"M(\d+)")


class ManifestError(ValueError):
    """build.toml is malformed: the message names the file and the key."""


def gate_index(gate: str) -> int:
    """Position of ``gate`` in GATES; ValueError for a name that is not a gate."""
    if gate not in GATES:
        raise ValueError(f"unknown gate {gate!r} (gates are {GATES[0]}..{GATES[-1]})")
    return GATES.index(gate)


@dataclass(frozen=True)
class Export:
    name: str
    gate: str


@dataclass(frozen=True)
class Manifest:
    """Everything the build needs; paths are resolved against ``root``."""

    root: Path
    level: str
    target: str
    std: str
    optimize: str
    defines: tuple[str, ...]
    warnings: tuple[str, ...]
    sources: tuple[str, ...]
    include: tuple[str, ...]
    stack_size: int
    initial_memory: int
    max_memory: int
    import_undefined: bool
    strip_debug: bool
    out_dir: str
    wasm_name: str
    copies: tuple[str, ...]
    exports: tuple[Export, ...]
    # Link-time optimisation: objects are LLVM bitcode that wasm-ld optimises
    # together; the sources in lto_exclude (paths relative to root) are
    # compiled to plain objects, outside it.
    lto: bool = False
    lto_exclude: tuple[str, ...] = ()

    @property
    def build_dir(self) -> Path:
        return self.root / self.out_dir

    @property
    def obj_dir(self) -> Path:
        return self.build_dir / "obj"

    @property
    def wasm_path(self) -> Path:
        return self.build_dir / self.wasm_name

    @property
    def copy_paths(self) -> tuple[Path, ...]:
        return tuple(self.root / copy for copy in self.copies)

    def source_files(self) -> list[Path]:
        """Every C source matched by the ``sources`` globs, sorted, without duplicates."""
        found = {path for pattern in self.sources for path in self.root.glob(pattern)}
        return sorted(path for path in found if path.is_file())

    def exports_through(self, gate: str) -> tuple[Export, ...]:
        """Exports required by ``gate``: those whose gate is at or below it."""
        limit = gate_index(gate)
        return tuple(e for e in self.exports if gate_index(e.gate) <= limit)

    def linked_exports(self) -> tuple[Export, ...]:
        """Exports the core implements now: those at or below ``level``."""
        return self.exports_through(self.level)

    def compile_flags(self, source: Path | None = None) -> list[str]:
        """Flags for ``zig cc`` (no file names): those every translation unit shares, and
        with ``source`` its own (-flto unless lto_exclude names it)."""
        flags = ["-target", self.target, f"-std={self.std}", self.optimize]
        flags += [f"-D{define}" for define in self.defines]
        flags += list(self.warnings)
        flags += [f"-I{self.root / inc}" for inc in self.include]
        if source is not None and self.lto and not self.lto_excludes(source):
            flags.append("-flto")
        return flags

    def lto_excludes(self, source: Path) -> bool:
        """Is ``source`` compiled outside link-time optimisation?"""
        resolved = source.resolve()
        return any((self.root / path).resolve() == resolved for path in self.lto_exclude)

    def lto_level(self) -> str:
        """wasm-ld's --lto-O level matching ``optimize`` (-O0..-O3; -Os/-Oz: 2)."""
        digit = self.optimize.removeprefix("-O")
        return digit if digit in {"0", "1", "2", "3"} else "2"

    def link_flags(self) -> list[str]:
        """Flags for ``zig wasm-ld`` (no object or output names)."""
        flags = [
            "--no-entry",
            "--import-memory",
            "--stack-first",
            "-z",
            f"stack-size={self.stack_size}",
            f"--initial-memory={self.initial_memory}",
            f"--max-memory={self.max_memory}",
        ]
        if self.import_undefined:
            flags.append("--import-undefined")
        if self.strip_debug:
            flags.append("--strip-debug")
        if self.lto:
            flags.append(f"--lto-O{self.lto_level()}")
        flags += [f"--export={export.name}" for export in self.linked_exports()]
        return flags


# -- parsing ------------------------------------------------------------------------------------

_Check = Callable[[Any], bool]


def _is_str(value: Any) -> bool:
    return isinstance(value, str) and value != ""


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_str(item) for item in value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


_KINDS: dict[_Check, str] = {
    _is_str: "a non-empty string",
    _is_str_list: "a list of non-empty strings",
    _is_int: "a positive integer",
    _is_bool: "true or false",
}

_SCHEMA: dict[str, dict[str, _Check]] = {
    "compile": {
        "target": _is_str,
        "std": _is_str,
        "optimize": _is_str,
        "defines": _is_str_list,
        "warnings": _is_str_list,
        "sources": _is_str_list,
        "include": _is_str_list,
        "lto": _is_bool,
        "lto_exclude": _is_str_list,
    },
    "link": {
        "stack_size": _is_int,
        "initial_memory": _is_int,
        "max_memory": _is_int,
        "import_undefined": _is_bool,
        "strip_debug": _is_bool,
    },
    "output": {"dir": _is_str, "wasm": _is_str, "copies": _is_str_list},
}
_TOP_LEVEL = {"level", "exports", *_SCHEMA}
# Keys a table may leave out (the Manifest field's default then applies).
_OPTIONAL = {"compile.lto", "compile.lto_exclude"}


def _table(path: Path, data: dict[str, Any], name: str) -> dict[str, Any]:
    """The validated ``[name]`` table: every key known, present and of the right kind."""
    if name not in data:
        raise ManifestError(f"{path}: missing table [{name}]")
    table = data[name]
    if not isinstance(table, dict):
        raise ManifestError(f"{path}: {name} must be a table")
    schema = _SCHEMA[name]
    for key in table:
        if key not in schema:
            known = ", ".join(schema)
            raise ManifestError(f"{path}: unknown key '{name}.{key}' (known keys: {known})")
    for key, check in schema.items():
        if key not in table:
            if f"{name}.{key}" in _OPTIONAL:
                continue
            raise ManifestError(f"{path}: missing key '{name}.{key}'")
        if not check(table[key]):
            raise ManifestError(f"{path}: '{name}.{key}' must be {_KINDS[check]}")
    return table


def _gate(path: Path, key: str, value: Any) -> str:
    if not isinstance(value, str) or value not in GATES:
        raise ManifestError(
            f"{path}: '{key}' must name a gate {GATES[0]}..{GATES[-1]}, not {value!r}"
        )
    return value


def _exports(path: Path, data: dict[str, Any]) -> tuple[Export, ...]:
    if "exports" not in data:
        raise ManifestError(
            f"{path}: missing export list: add an [exports] table mapping each export "
            'to the gate that requires it, e.g. feather_arena_alloc = "M2"'
        )
    table = data["exports"]
    if not isinstance(table, dict) or not table:
        raise ManifestError(f'{path}: [exports] must be a non-empty table of name = "Mk"')
    return tuple(Export(name, _gate(path, f"exports.{name}", gate)) for name, gate in table.items())


def _check_memory(path: Path, link: dict[str, Any]) -> None:
    for key in ("initial_memory", "max_memory"):
        if link[key] % WASM_PAGE:
            raise ManifestError(f"{path}: 'link.{key}' must be a multiple of {WASM_PAGE}")
    if link["initial_memory"] > link["max_memory"]:
        raise ManifestError(f"{path}: 'link.initial_memory' exceeds 'link.max_memory'")
    if link["stack_size"] >= link["initial_memory"]:
        raise ManifestError(f"{path}: 'link.stack_size' must be below 'link.initial_memory'")


def parse_manifest(path: Path, data: dict[str, Any]) -> Manifest:
    """Validate parsed TOML ``data`` read from ``path``."""
    for key in data:
        if key not in _TOP_LEVEL:
            known = ", ".join(sorted(_TOP_LEVEL))
            raise ManifestError(f"{path}: unknown key '{key}' (known keys: {known})")
    if "level" not in data:
        raise ManifestError(f"{path}: missing key 'level' (the highest gate the core implements)")
    level = _gate(path, "level", data["level"])
    exports = _exports(path, data)
    compile_ = _table(path, data, "compile")
    link = _table(path, data, "link")
    output = _table(path, data, "output")
    _check_memory(path, link)
    return Manifest(
        root=path.resolve().parent,
        level=level,
        target=compile_["target"],
        std=compile_["std"],
        optimize=compile_["optimize"],
        defines=tuple(compile_["defines"]),
        warnings=tuple(compile_["warnings"]),
        sources=tuple(compile_["sources"]),
        include=tuple(compile_["include"]),
        stack_size=link["stack_size"],
        initial_memory=link["initial_memory"],
        max_memory=link["max_memory"],
        import_undefined=link["import_undefined"],
        strip_debug=link["strip_debug"],
        out_dir=output["dir"],
        wasm_name=output["wasm"],
        copies=tuple(output["copies"]),
        exports=exports,
        lto=compile_.get("lto", False),
        lto_exclude=tuple(compile_.get("lto_exclude", [])),
    )


def load_manifest(path: Path) -> Manifest:
    """Read and validate the manifest at ``path``."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ManifestError(f"{path}: no such manifest") from None
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"{path}: invalid TOML: {error}") from None
    return parse_manifest(path, data)
