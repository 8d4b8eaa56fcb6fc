"""What the Python host provides, for the toolchain's import check.

``provided()`` maps every ``feather_host_*`` import the host implements to its
(parameter count, result count); ``python -m toolchain inspect`` compares it with
the imports of the built module. It reads a static table: no feather.wasm is loaded.
"""

from __future__ import annotations

from feather_tcl.imports import PREFIX, SIGNATURES

__all__ = ["provided"]


def provided() -> dict[str, tuple[int, int]]:
    return {
        PREFIX + name: (len(params), 0 if result is None else 1)
        for name, (params, result) in SIGNATURES.items()
    }
