"""Feather's build tool: zig from the ziglang wheel, the TOML manifest, wasmtime inspection, gates.

Run it as ``python -m toolchain {build,inspect,verify,clean,zig}``; noxfile.py only calls it.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root: where build.toml, src/ and tests/ live."""
