"""Inspect a built module with wasmtime: exports, imports, and what each host provides."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolchain.hosts import Arity, HostReport
from toolchain.manifest import Manifest
from toolchain.table import render
from toolchain.usage import HostSource, scan

IMPORT_MODULE = "env"


@dataclass(frozen=True)
class Extern:
    """One import or export of the module (``module`` is empty for exports)."""

    module: str
    name: str
    kind: str
    type: str
    arity: Arity | None = None  # functions only


@dataclass
class Report:
    text: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def render(self) -> str:
        lines = list(self.text)
        if self.problems:
            lines.append(f"inspect: {len(self.problems)} problem(s):")
            lines += [f"  - {problem}" for problem in self.problems]
        else:
            lines.append("inspect: OK")
        return "\n".join(lines)


def _describe(extern_type: Any) -> tuple[str, str, Arity | None]:
    import wasmtime

    if isinstance(extern_type, wasmtime.FuncType):
        params = [str(p) for p in extern_type.params]
        results = [str(r) for r in extern_type.results]
        text = f"({', '.join(params)}) -> ({', '.join(results)})"
        return "func", text, (len(params), len(results))
    if isinstance(extern_type, wasmtime.MemoryType):
        limits = extern_type.limits
        top = "unbounded" if limits.max is None else str(limits.max)
        return "memory", f"pages {limits.min}..{top}", None
    if isinstance(extern_type, wasmtime.GlobalType):
        return "global", f"{extern_type.content}{' mut' if extern_type.mutable else ''}", None
    return "table", str(extern_type), None


def read_module(path: Path) -> tuple[list[Extern], list[Extern]]:
    """(exports, imports) of the module at ``path``, in module order."""
    import wasmtime

    module = wasmtime.Module.from_file(wasmtime.Engine(), str(path))
    exports = [Extern("", e.name, *_describe(e.type)) for e in module.exports]
    imports = [Extern(i.module, i.name or "", *_describe(i.type)) for i in module.imports]
    return exports, imports


def _export_section(manifest: Manifest, gate: str, exports: list[Extern], report: Report) -> None:
    gates = {e.name: e.gate for e in manifest.exports}
    present = {e.name for e in exports}
    rows: list[list[object]] = [
        [e.name, e.kind, e.type, gates.get(e.name, "-"), ""] for e in exports
    ]
    for required in manifest.exports_through(gate):
        if required.name not in present:
            rows.append([required.name, "-", "-", required.gate, "MISSING"])
            report.problems.append(
                f"missing export {required.name} (required from {required.gate}, checked at {gate})"
            )
    report.text.append(f"exports ({len(exports)}), required through {gate}:")
    report.text.append(render(["name", "kind", "type", "gate", "status"], rows))


def _host_cell(host: HostReport, item: Extern, report: Report) -> str:
    if host.provided is None:
        return "-"
    if item.arity is None:
        return "n/a"
    provided = host.provided.get(item.name)
    if provided is None:
        report.problems.append(f"{host.name} host does not provide import {item.name}")
        return "MISSING"
    if provided != item.arity:
        report.problems.append(
            f"{host.name} host provides {item.name} with {provided[0]} params/{provided[1]} "
            f"results; the module imports it with {item.arity[0]}/{item.arity[1]}"
        )
        return f"ARITY {provided[0]}->{provided[1]}"
    return "ok"


def _import_section(imports: list[Extern], hosts: list[HostReport], report: Report) -> None:
    rows: list[list[object]] = []
    for item in imports:
        if item.module != IMPORT_MODULE:
            report.problems.append(
                f"import {item.module}.{item.name} is not in module '{IMPORT_MODULE}'"
            )
        cells = [_host_cell(host, item, report) for host in hosts]
        rows.append([item.module, item.name, item.kind, item.type, *cells])
    imported = {item.name for item in imports}
    extras = sorted({n for h in hosts for n in (h.provided or {}) if n not in imported})
    for name in extras:
        cells = []
        for host in hosts:
            if host.provided is not None and name in host.provided:
                report.problems.append(f"{host.name} host provides {name}, not imported")
                cells.append("EXTRA")
            else:
                cells.append("")
        rows.append(["-", name, "-", "-", *cells])
    report.text.append(f"imports ({len(imports)}) and hosts:")
    headers = ["module", "name", "kind", "type", *(host.name for host in hosts)]
    report.text.append(render(headers, rows))
    for host in hosts:
        if host.absent:
            report.text.append(f"  {host.name}: not checked ({host.absent})")
        elif host.error:
            report.text.append(f"  {host.name}: FAILED ({host.error})")
            report.problems.append(f"{host.name} host could not list its imports: {host.error}")
        else:
            report.text.append(f"  {host.name}: {len(host.provided or {})} imports provided")


def _usage_section(
    exports: list[Extern], imports: list[Extern], sources: list[HostSource], report: Report
) -> None:
    usage = scan(
        [e.name for e in exports if e.kind == "func"],
        [i.name for i in imports if i.kind == "func"],
        sources,
    )
    hosts = ", ".join(usage.hosts) or "none found"
    report.text.append(f"host sources ({hosts}): exports called, imports implemented")
    rows: list[list[object]] = [
        ["export", name, ", ".join(by) or "NOBODY"] for name, by in usage.callers.items()
    ]
    rows += [
        ["import", name, ", ".join(by) or "NOBODY"]
        for name, by in usage.implementers.items()
        if len(by) < len(usage.hosts) or not by
    ]
    report.text.append(render(["", "name", "hosts"], rows))
    unused, missing = usage.unused_exports, usage.unimplemented_imports
    report.text.append(f"exports nothing uses: {', '.join(unused) if unused else 'none'}")
    report.text.append(f"imports no host implements: {', '.join(missing) if missing else 'none'}")
    report.problems.extend(usage.problems())


def _shown(path: Path) -> str:
    """``path`` relative to the working directory when it is below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def inspect(
    wasm: Path,
    manifest: Manifest,
    *,
    gate: str | None = None,
    hosts: list[HostReport],
    sources: list[HostSource] | None = None,
) -> Report:
    """Check ``wasm`` against the manifest's exports through ``gate`` and against ``hosts``;
    with ``sources``, also that some host calls every export and every host implements
    every import (toolchain/usage.py)."""
    gate = gate or manifest.level
    report = Report()
    if not wasm.is_file():
        report.problems.append(f"{wasm} does not exist: run `python -m toolchain build` first")
        return report
    exports, imports = read_module(wasm)
    report.text.append(f"{_shown(wasm)}: {wasm.stat().st_size} bytes")
    _export_section(manifest, gate, exports, report)
    _import_section(imports, hosts, report)
    if sources is not None:
        _usage_section(exports, imports, sources, report)
    return report
