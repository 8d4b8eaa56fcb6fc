"""The native library against the contract: its host functions, exports and symbols."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest

from feather_tcl import _native
from feather_tcl.imports import SIGNATURES
from toolchain import ROOT
from toolchain.native import exported_functions, generate_ops, guarded_exports, host_functions

pytestmark = pytest.mark.milestone("M3")

KIND = {"u": "i32", "i": "i32", "l": "i64", "d": "f64", "p": "i32", "z": "i32"}


def test_every_host_function_of_host_h_is_in_the_ops_table_in_order() -> None:
    names = [fn.short for fn in host_functions(ROOT)]
    assert names == list(SIGNATURES)  # the Python import table lists them in the same order


def test_the_python_import_table_has_the_c_types_of_host_h() -> None:
    for fn in host_functions(ROOT):
        params, result = SIGNATURES[fn.short]
        assert params == tuple(KIND[p.code] for p in fn.params), fn.name
        assert result == (None if fn.result == "void" else KIND[_code(fn.result)]), fn.name


def _code(ctype: str) -> str:
    from toolchain.native import type_code

    return type_code(ctype)


def test_the_library_describes_the_host_functions_of_the_headers(native_lib: Path) -> None:
    text = ctypes.string_at(
        ctypes.addressof(
            ctypes.c_char.in_dll(ctypes.CDLL(str(native_lib)), "feather_native_signatures")
        )
    ).decode()
    assert text == ";".join(fn.signature() for fn in host_functions(ROOT))


def test_the_export_table_of_the_host_matches_the_headers() -> None:
    api = exported_functions(ROOT)
    for name, (args, result) in _native.EXPORTS.items():
        fn = api[name]
        assert "".join(p.code for p in fn.params) == args, name
        assert _code(fn.result) == result, name


def test_every_export_that_can_call_the_host_has_a_guarded_entry(native_lib: Path) -> None:
    from toolchain.manifest import load_manifest

    lib = ctypes.CDLL(str(native_lib))
    for fn in guarded_exports(load_manifest(ROOT / "build.toml")):
        getattr(lib, "feather_native_" + fn.name.removeprefix("feather_"))


def test_the_core_libc_subset_stays_inside_the_library(native_lib: Path) -> None:
    """The core's own memcpy/memset are local: dlsym on the library finds the C library's
    (asked of libc itself: a preloaded sanitizer runtime interposes the global ones)."""
    lib = ctypes.CDLL(str(native_lib))
    libc = ctypes.CDLL("libc.so.6")
    for name in ("memcpy", "memset", "memmove", "memcmp"):
        ours = ctypes.cast(getattr(lib, name), ctypes.c_void_p).value
        theirs = ctypes.cast(getattr(libc, name), ctypes.c_void_p).value
        assert ours == theirs, name


def test_generated_forwarders_cover_every_host_function() -> None:
    functions = host_functions(ROOT)
    text = generate_ops(functions, [])
    for fn in functions:
        assert fn.prototype() + " {" in text
        assert f"native_ops->{fn.short}(" in text
