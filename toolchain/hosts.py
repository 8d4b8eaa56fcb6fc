"""Ask each host which imports it provides: name -> (param count, result count).

Python: ``feather_tcl.host_imports.provided()`` from host/. JavaScript: ``providedImports()``
exported by js/feather.js, queried through node. A host whose file does not exist yet is
reported as absent, which is not a failure; a host that exists but cannot answer is.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

Arity = tuple[int, int]

_PYTHON_QUERY = """
import json, sys
sys.path.insert(0, sys.argv[1])
from feather_tcl.host_imports import provided
print(json.dumps({name: list(arity) for name, arity in provided().items()}))
"""

_JS_QUERY = """
const m = await import(process.argv[1]);
if (typeof m.providedImports !== "function") {
  console.error("js/feather.js does not export providedImports()");
  process.exit(2);
}
console.log(JSON.stringify(await m.providedImports()));
"""

_TIMEOUT = 120


@dataclass(frozen=True)
class HostReport:
    """What one host provides, or why it could not say."""

    name: str
    provided: dict[str, Arity] | None = None
    absent: str | None = None  # the host does not exist yet: not a failure
    error: str | None = None  # the host exists but did not answer: a failure


def _decode(name: str, stdout: str) -> HostReport:
    try:
        data = json.loads(stdout.strip().splitlines()[-1])
        table = {str(k): (int(v[0]), int(v[1])) for k, v in data.items() if len(v) == 2}
        if len(table) != len(data):
            raise ValueError("every entry must be [params, results]")
    except (ValueError, IndexError, TypeError, AttributeError) as error:
        return HostReport(name, error=f"unreadable import table: {error}")
    return HostReport(name, provided=table)


def _run(name: str, command: list[str], cwd: Path) -> HostReport:
    try:
        result = subprocess.run(
            command, cwd=cwd, capture_output=True, text=True, timeout=_TIMEOUT, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        return HostReport(name, error=str(error))
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        return HostReport(name, error=lines[-1] if lines else f"exit {result.returncode}")
    return _decode(name, result.stdout)


def python_host(root: Path) -> HostReport:
    module = root / "host" / "feather_tcl" / "host_imports.py"
    if not module.is_file():
        return HostReport("python", absent=f"no {module.relative_to(root)} yet")
    return _run("python", [sys.executable, "-c", _PYTHON_QUERY, str(root / "host")], root)


def js_host(root: Path) -> HostReport:
    module = root / "js" / "feather.js"
    if not module.is_file():
        return HostReport("js", absent=f"no {module.relative_to(root)} yet")
    node = shutil.which("node")
    if node is None:
        return HostReport("js", absent="node not found: JS host not checked")
    command = [node, "--input-type=module", "-e", _JS_QUERY, module.resolve().as_uri()]
    return _run("js", command, root)


def all_hosts(root: Path) -> list[HostReport]:
    return [python_host(root), js_host(root)]
