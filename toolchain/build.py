"""Compile src/*.c to objects in parallel and incrementally, link feather.wasm, copy it to hosts.

An object is up to date when its stamp file holds the hash of: the zig version, the compile
flags, and the modification time and contents of the source and of every header it included
(read from the depfile that ``zig cc -MD`` wrote). Headers inside zig's own lib/ are covered by
the zig version.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from toolchain.manifest import Manifest
from toolchain.zig import Zig, default_zig

Log = Callable[[str], None]


class BuildError(RuntimeError):
    """Compilation or linking failed; the message carries the tool's own output."""


@dataclass(frozen=True)
class Unit:
    """One translation unit and the files the build keeps for it."""

    source: Path
    obj: Path

    @property
    def depfile(self) -> Path:
        return self.obj.with_suffix(".d")

    @property
    def stamp(self) -> Path:
        return self.obj.with_suffix(".stamp")


@dataclass
class BuildResult:
    wasm: Path
    sources: list[Path]
    compiled: list[Path] = field(default_factory=list)
    linked: bool = False
    copied: list[Path] = field(default_factory=list)


# -- dependency tracking ------------------------------------------------------------------------


def parse_depfile(text: str) -> list[str]:
    """The prerequisites of a Makefile-style depfile (``target: dep dep \\``), in order."""
    joined = text.replace("\\\r\n", " ").replace("\\\n", " ")
    _, sep, rest = joined.partition(": ")
    if not sep:
        return []
    deps: list[str] = []
    current: list[str] = []
    chars = iter(rest)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            current.append(nxt if nxt in " #" else char + nxt)
        elif char.isspace():
            if current:
                deps.append("".join(current))
                current = []
        else:
            current.append(char)
    if current:
        deps.append("".join(current))
    return deps


def _digest(parts: Iterable[bytes]) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()


def _file_digest_parts(paths: Iterable[Path]) -> Iterable[bytes]:
    """Path, modification time and content of each file, so that a touch counts as a change."""
    for path in paths:
        yield str(path).encode()
        try:
            yield str(path.stat().st_mtime_ns).encode()
            yield path.read_bytes()
        except OSError:
            yield b"\0missing"


def unit_hash(zig: Zig, flags: list[str], unit: Unit) -> str | None:
    """The hash of everything ``unit``'s object depends on, or None without a depfile."""
    try:
        deps = parse_depfile(unit.depfile.read_text())
    except OSError:
        return None
    zig_lib = zig.lib_dir.resolve()
    tracked = [unit.source]
    for dep in deps:
        path = (unit.depfile.parent / dep).resolve()
        if path != unit.source and not path.is_relative_to(zig_lib):
            tracked.append(path)
    header = [zig.version.encode(), json.dumps(flags).encode()]
    return _digest([*header, *_file_digest_parts(tracked)])


def is_fresh(zig: Zig, flags: list[str], unit: Unit) -> bool:
    if not unit.obj.is_file():
        return False
    try:
        recorded = unit.stamp.read_text().strip()
    except OSError:
        return False
    return recorded == unit_hash(zig, flags, unit)


# -- compile ------------------------------------------------------------------------------------


def units(manifest: Manifest) -> list[Unit]:
    sources = manifest.source_files()
    if not sources:
        raise BuildError(f"no C sources match {list(manifest.sources)} under {manifest.root}")
    by_stem: dict[str, Path] = {}
    for source in sources:
        if source.stem in by_stem:
            raise BuildError(
                f"two sources share the object name {source.stem}.o: "
                f"{by_stem[source.stem]} and {source}"
            )
        by_stem[source.stem] = source
    return [Unit(s.resolve(), manifest.obj_dir / f"{s.stem}.o") for s in sources]


def compile_unit(zig: Zig, flags: list[str], unit: Unit) -> str | None:
    """Compile one unit and stamp it; return the compiler's message on failure.

    Outputs are written under temporary names and renamed, so that a concurrent or
    interrupted build never leaves a half-written object behind a valid stamp."""
    unit.stamp.unlink(missing_ok=True)
    tag = f".{os.getpid()}-{threading.get_ident()}.partial"
    obj, dep = unit.obj.with_suffix(tag + ".o"), unit.obj.with_suffix(tag + ".d")
    args = [*flags, "-c", str(unit.source), "-o", str(obj), "-MD", "-MF", str(dep)]
    result = zig.run("cc", *args)
    if result.returncode != 0:
        obj.unlink(missing_ok=True)
        dep.unlink(missing_ok=True)
        unit.obj.unlink(missing_ok=True)
        return (result.stderr + result.stdout).strip() or f"zig cc exited {result.returncode}"
    os.replace(dep, unit.depfile)
    os.replace(obj, unit.obj)
    digest = unit_hash(zig, flags, unit)
    if digest is not None:
        unit.stamp.write_text(digest + "\n")
    return None


def compile_all(
    manifest: Manifest, zig: Zig, *, jobs: int = 2, log: Log = print
) -> tuple[list[Unit], list[Path]]:
    """Bring every object up to date; return all units and the sources compiled now."""
    all_units = units(manifest)
    flags = {unit: manifest.compile_flags(unit.source) for unit in all_units}
    manifest.obj_dir.mkdir(parents=True, exist_ok=True)
    stale = [unit for unit in all_units if not is_fresh(zig, flags[unit], unit)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        errors = list(pool.map(lambda unit: compile_unit(zig, flags[unit], unit), stale))
    failures = [message for message in errors if message is not None]
    for unit, message in zip(stale, errors, strict=True):
        log(f"  {'FAILED' if message else 'cc'} {_rel(manifest, unit.source)}")
    if failures:
        raise BuildError("\n".join(failures))
    return all_units, [unit.source for unit in stale]


# -- link ---------------------------------------------------------------------------------------


_EXPORT_NOT_FOUND = "symbol exported via --export not found"


def link(manifest: Manifest, zig: Zig, objects: list[Unit], *, force: bool = False) -> bool:
    """Link the objects into manifest.wasm_path; False when it was already up to date."""
    flags = manifest.link_flags()
    stamps = [u.stamp.read_bytes() if u.stamp.is_file() else b"?" for u in objects]
    header = [zig.version.encode(), json.dumps(flags).encode()]
    digest = _digest([*header, *(str(u.obj).encode() for u in objects), *stamps])
    link_stamp = manifest.wasm_path.with_suffix(".stamp")
    if not force and manifest.wasm_path.is_file() and link_stamp.is_file():
        if link_stamp.read_text().strip() == digest:
            return False
    link_stamp.unlink(missing_ok=True)
    partial = manifest.wasm_path.with_suffix(".wasm.partial")
    result = zig.run("wasm-ld", *flags, *(str(u.obj) for u in objects), "-o", str(partial))
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        message = (result.stderr + result.stdout).strip()
        if _EXPORT_NOT_FOUND in message:
            message += (
                f"\nhint: build.toml level is {manifest.level}: every export at or below it "
                "must be defined in the sources; raise level only when the core implements them"
            )
        raise BuildError(message or f"wasm-ld exited {result.returncode}")
    os.replace(partial, manifest.wasm_path)
    link_stamp.write_text(digest + "\n")
    return True


def copy_outputs(manifest: Manifest) -> list[Path]:
    """Copy the module to where the hosts load it; return the copies that changed."""
    data = manifest.wasm_path.read_bytes()
    changed = []
    for target in manifest.copy_paths:
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(manifest.wasm_path, target)
        changed.append(target)
    return changed


def _rel(manifest: Manifest, path: Path) -> str:
    try:
        return str(path.relative_to(manifest.root))
    except ValueError:
        return str(path)


def build(
    manifest: Manifest,
    *,
    zig: Zig | None = None,
    jobs: int = 2,
    copy: bool = True,
    log: Log = print,
) -> BuildResult:
    """Compile what changed, link if anything changed, copy the module to the hosts."""
    zig = zig or default_zig()
    objects, compiled = compile_all(manifest, zig, jobs=jobs, log=log)
    linked = link(manifest, zig, objects)
    result = BuildResult(manifest.wasm_path, [u.source for u in objects], compiled, linked)
    if copy:
        result.copied = copy_outputs(manifest)
    log(
        f"zig {zig.version}: compiled {len(compiled)} of {len(objects)} sources, "
        f"{'linked' if linked else 'up to date'} {_rel(manifest, manifest.wasm_path)} "
        f"({manifest.wasm_path.stat().st_size} bytes, level {manifest.level})"
    )
    for target in result.copied:
        log(f"  copied to {_rel(manifest, target)}")
    return result


def clean(manifest: Manifest, log: Log = print) -> None:
    """Remove the build directory and the copies of the module."""
    if manifest.build_dir.is_dir():
        shutil.rmtree(manifest.build_dir)
        log(f"removed {_rel(manifest, manifest.build_dir)}/")
    for target in manifest.copy_paths:
        if target.is_file():
            target.unlink()
            log(f"removed {_rel(manifest, target)}")
