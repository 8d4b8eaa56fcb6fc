"""Which exports the hosts call and which imports they implement, read from their sources.

``toolchain/hosts.py`` asks each host for its declared import table; this module reads the
code itself, so that the module carries no dead interface: an export that no host's source
names is dead code in the core, and an import that a host declares but defines no function
for fails only when a script reaches it.

- A host *calls* an export when its sources name it as a string (``"feather_script_eval"``,
  how both runtimes call exports by name) or as an attribute (``exports.feather_subst``).
- A host *implements* an import ``feather_host_X`` when its sources define a function or
  method ``X`` (or the full name): ``def X(`` in Python, ``X(...) {`` or ``function X(`` in JS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# host name -> (source directory, file pattern); files directly in the directory only
# (js/test and js/node_modules are not the host).
HOST_SOURCES: dict[str, tuple[str, str]] = {
    "python": ("host/feather_tcl", "*.py"),
    "js": ("js", "*.js"),
}
IMPORT_PREFIX = "feather_host_"


@dataclass(frozen=True)
class HostSource:
    """The text of one host's source files."""

    name: str
    text: str

    def calls(self, export: str) -> bool:
        name = re.escape(export)
        return re.search(rf"""["']{name}["']|\.{name}\b""", self.text) is not None

    def implements(self, imported: str) -> bool:
        names = {imported, imported.removeprefix(IMPORT_PREFIX)}
        pattern = "|".join(re.escape(n) for n in sorted(names))
        python = rf"\bdef (?:{pattern})\("
        js = rf"(?m)^\s*(?:function\s+|async\s+)?(?:{pattern})\s*\([^)]*\)\s*\{{"
        return re.search(python, self.text) is not None or re.search(js, self.text) is not None


def read_sources(root: Path) -> list[HostSource]:
    """Every host of HOST_SOURCES whose directory exists under root."""
    found = []
    for name, (directory, pattern) in HOST_SOURCES.items():
        folder = root / directory
        if folder.is_dir():
            files = sorted(folder.glob(pattern))
            found.append(HostSource(name, "\n".join(f.read_text(encoding="utf-8") for f in files)))
    return found


@dataclass(frozen=True)
class Usage:
    """The outcome of a scan: per export and per import, the hosts that use it."""

    callers: dict[str, list[str]]  # export -> hosts whose sources call it
    implementers: dict[str, list[str]]  # import -> hosts whose sources implement it
    hosts: tuple[str, ...]

    @property
    def unused_exports(self) -> list[str]:
        return [name for name, hosts in self.callers.items() if not hosts]

    @property
    def unimplemented_imports(self) -> list[str]:
        return [name for name, hosts in self.implementers.items() if not hosts]

    def problems(self) -> list[str]:
        out = [f"export {name}: no host calls it" for name in self.unused_exports]
        out += [f"import {name}: no host implements it" for name in self.unimplemented_imports]
        for name, hosts in self.implementers.items():
            out += [
                f"import {name}: the {host} host does not implement it"
                for host in self.hosts
                if hosts and host not in hosts
            ]
        return out


def scan(exports: list[str], imports: list[str], sources: list[HostSource]) -> Usage:
    """Who calls each export and who implements each import (function names only)."""
    return Usage(
        callers={e: [s.name for s in sources if s.calls(e)] for e in exports},
        implementers={i: [s.name for s in sources if s.implements(i)] for i in imports},
        hosts=tuple(s.name for s in sources),
    )
