"""The native build: the same src/*.c as a shared library for the host platform.

``python -m toolchain build-native [--variant release|asan|fuzz]`` compiles every source of
the manifest with ``zig cc`` for the machine it runs on (no FEATHER_WASM_BUILD, -fPIC) and
links ``build/native/libfeather.so`` (``build/native-asan/``, ``build/native-fuzz/`` for the
instrumented variants).

In a native build the core calls the ``feather_host_*`` functions of src/host.h directly.
They are defined in one generated file, ``native_ops.c`` (written to the variant's build
directory from src/host.h and the FEATHER_HOST_FUNCTIONS list of src/feather.h; never part of
the WASM build), each forwarding to the FeatherHostOps table the host installs with the
exported ``feather_set_ops``: the core's calls take the same path in both builds (in WASM
the same functions are the module's imports).

The generated file also holds:

- ``feather_native_signatures``: every host function with its C types, in table order, so
  the Python host builds its ctypes table from the library itself and cannot drift;
- one guarded entry ``feather_native_NAME`` per export that takes a FeatherHostOps (the ones
  that can call back into the host): a host whose callback failed sets
  ``feather_native_unwind`` and the next forwarder ``longjmp``s back to the guarded entry,
  which is what a trap does in WASM (the core's frames are abandoned, the host raises).

Only the exports of the manifest (those it links at its level), ``feather_set_ops`` and the
generated symbols are visible (a version script): the core's own memcpy etc. stay local.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from toolchain.build import BuildError, Log, Unit, _digest, compile_unit, is_fresh
from toolchain.manifest import Manifest
from toolchain.zig import Zig, default_zig

WASM_DEFINE = "FEATHER_WASM_BUILD"
LIBRARY = "libfeather.so"

# Flags every native variant shares. -ffreestanding: the core assumes no C library, as in
# WASM (its memcpy is its own). -ffp-contract=off and a baseline CPU: no fused multiply-add,
# so doubles round exactly as in wasm32 (the core's Dekker products depend on it).
COMMON_FLAGS = ("-fPIC", "-ffreestanding", "-ffp-contract=off", "-mcpu=baseline")


@dataclass(frozen=True)
class Variant:
    name: str
    out_dir: str
    optimize: tuple[str, ...]
    sanitize: tuple[str, ...] = ()
    link: tuple[str, ...] = ()
    defs: bool = True  # link with -z defs: no undefined symbol but the C library's
    # Link with zig's ld.lld directly instead of zig cc, which would link its own UBSan
    # runtime (one that cannot recover): the sanitizer runtimes then come from the
    # preloaded system libraries (see sanitizer_runtimes()).
    lld: bool = False


VARIANTS: dict[str, Variant] = {
    "release": Variant("release", "native", ("-O2",)),
    # ASan + UBSan. zig compiles the instrumentation but ships no ASan runtime: the
    # library is loaded with the system's libasan and libubsan preloaded (GCC's, whose
    # ABI, __asan_version_mismatch_check_v8, is the one clang emits), so the __asan_* and
    # __ubsan_* references stay undefined at link time. UBSan checks recover; whether a
    # report stops the process is UBSAN_OPTIONS's halt_on_error (the sanitize session
    # halts; halt_on_error=0 lists every report of a run).
    "asan": Variant(
        "asan",
        "native-asan",
        ("-O1", "-g", "-fno-omit-frame-pointer"),
        (
            # Two flags: zig cc drops "address" from "-fsanitize=address,undefined".
            "-fsanitize=address",
            "-fsanitize=undefined",
        ),
        defs=False,
        lld=True,
    ),
    # Coverage for libFuzzer (inside atheris): inline 8-bit counters, the PC table and
    # comparison tracing, resolved at load time from atheris's libFuzzer; UBSan (zig's own
    # runtime, linked in) aborts on any report. No ASan: a preloaded ASan runtime would
    # take the coverage hooks from libFuzzer (replay findings on the asan variant instead).
    "fuzz": Variant(
        "fuzz",
        "native-fuzz",
        ("-O1", "-g", "-fno-omit-frame-pointer"),
        (
            "-fsanitize=undefined",
            "-fno-sanitize-recover=all",
            "-fsanitize-coverage=inline-8bit-counters,pc-table,trace-cmp",
        ),
        defs=False,
    ),
}


# -- reading the contract ---------------------------------------------------------------------

_HOST_DECL = re.compile(
    r"FEATHER_HOST\((feather_host_\w+)\)\s*\n\s*([^;]*?)\b(feather_host_\w+)\s*\(([^)]*)\)\s*;",
    re.S,
)
_EXPORT_DECL = re.compile(
    r"^(?!typedef)([A-Za-z_][\w \t*]*?)\b(feather_\w+)\s*\(([^)]*)\)\s*;", re.M
)
_XMACRO = re.compile(r"#define\s+FEATHER_HOST_FUNCTIONS\(X\)((?:[^\n]*\\\n)*[^\n]*)")


@dataclass(frozen=True)
class Param:
    ctype: str
    name: str

    @property
    def code(self) -> str:
        return type_code(self.ctype)


@dataclass(frozen=True)
class Function:
    """One C function: its result type, name and parameters."""

    result: str
    name: str
    params: tuple[Param, ...]

    @property
    def short(self) -> str:
        return self.name.removeprefix("feather_host_")

    def signature(self) -> str:
        """``name:R(ABC)`` with one type code per parameter (see type_code)."""
        return f"{self.short}:{type_code(self.result)}({''.join(p.code for p in self.params)})"

    def prototype(self, name: str | None = None) -> str:
        params = ", ".join(f"{p.ctype} {p.name}" for p in self.params) or "void"
        return f"{self.result} {name or self.name}({params})"


def type_code(ctype: str) -> str:
    """One letter for a C type of the contract: v void, p pointer, i int32_t/int,
    u uint32_t (FeatherObj, FeatherInterp), l int64_t, z size_t, d double."""
    t = " ".join(ctype.replace("const", "").split())
    if "*" in t:
        return "p"
    codes = {
        "void": "v",
        "int": "i",
        "int32_t": "i",
        "uint32_t": "u",
        "FeatherObj": "u",
        "FeatherInterp": "u",
        "int64_t": "l",
        "size_t": "z",
        "double": "d",
    }
    if t not in codes:
        raise BuildError(f"native: no type code for C type {ctype!r}")
    return codes[t]


def _params(text: str) -> tuple[Param, ...]:
    text = " ".join(text.split())
    if text in ("", "void"):
        return ()
    params = []
    for part in text.split(","):
        m = re.match(r"^(.*?)(\w+)$", part.strip())
        if m is None:
            raise BuildError(f"native: cannot read parameter {part!r}")
        ctype, name = m.group(1).strip(), m.group(2)
        params.append(Param(ctype, name))
    return tuple(params)


def host_functions(root: Path) -> list[Function]:
    """The host functions of src/host.h, in the order of FEATHER_HOST_FUNCTIONS."""
    host_h = (root / "src" / "host.h").read_text()
    feather_h = (root / "src" / "feather.h").read_text()
    declared: dict[str, Function] = {}
    for m in _HOST_DECL.finditer(host_h):
        if m.group(1) != m.group(3):
            raise BuildError(f"native: FEATHER_HOST({m.group(1)}) declares {m.group(3)}")
        declared[m.group(3)] = Function(
            " ".join(m.group(2).split()), m.group(3), _params(m.group(4))
        )
    x = _XMACRO.search(feather_h)
    if x is None:
        raise BuildError("native: FEATHER_HOST_FUNCTIONS not found in src/feather.h")
    order = re.findall(r"X\((\w+)\)", x.group(1))
    missing = [n for n in order if f"feather_host_{n}" not in declared]
    extra = sorted(set(declared) - {f"feather_host_{n}" for n in order})
    if missing or extra:
        raise BuildError(
            f"native: src/host.h and FEATHER_HOST_FUNCTIONS disagree: "
            f"not declared {missing}, not in the table {extra}"
        )
    return [declared[f"feather_host_{n}"] for n in order]


def exported_functions(root: Path) -> dict[str, Function]:
    """The functions declared in src/feather.h and src/arena.h (the module's API)."""
    found: dict[str, Function] = {}
    for header in ("feather.h", "arena.h"):
        text = (root / "src" / header).read_text()
        for m in _EXPORT_DECL.finditer(text):
            name = m.group(2)
            if name.startswith("feather_host_"):
                continue
            found[name] = Function(" ".join(m.group(1).split()), name, _params(m.group(3)))
    return found


# -- generated code -----------------------------------------------------------------------------


def _call(fn: Function, target: str) -> str:
    args = ", ".join(p.name for p in fn.params)
    return f"{target}({args})"


def generate_ops(functions: Sequence[Function], guarded: Sequence[Function]) -> str:
    """native_ops.c: the forwarders, feather_set_ops, the signatures and guarded entries."""
    out = [
        "/* native_ops.c -- GENERATED by toolchain/native.py from src/host.h and src/feather.h.",
        " * Native builds only: each feather_host_* function forwards to the FeatherHostOps",
        " * table the host installed with feather_set_ops. Do not edit. */",
        "#ifdef FEATHER_WASM_BUILD",
        '#error "native_ops.c is part of the native build only"',
        "#endif",
        "#include <setjmp.h>",
        "#include <stddef.h>",
        '#include "feather.h"',
        "",
        '#define EXPORT __attribute__((visibility("default")))',
        "",
        "static FeatherHostOps *native_ops;",
        "/* Set by the host when a callback failed: the next forwarder unwinds the core back",
        " * to the innermost guarded entry (as a trap does in WASM). */",
        "EXPORT volatile int feather_native_unwind;",
        "static jmp_buf *native_jmp;",
        "",
        "EXPORT void feather_set_ops(FeatherHostOps *ops) { native_ops = ops; }",
        "",
        f"EXPORT const unsigned feather_native_ops_count = {len(functions)};",
        f"_Static_assert(sizeof(FeatherHostOps) == {len(functions)} * sizeof(void *),",
        '               "FeatherHostOps is not one pointer per host function");',
        "",
        "static void native_check(void) {",
        "    if (feather_native_unwind && native_jmp) longjmp(*native_jmp, 1);",
        "}",
        "",
    ]
    for k, fn in enumerate(functions):
        out.append(
            f"_Static_assert(offsetof(FeatherHostOps, {fn.short}) == {k} * sizeof(void *), "
            f'"{fn.short}");'
        )
    out.append("")
    for fn in functions:
        call = _call(fn, f"native_ops->{fn.short}")
        out.append(f"{fn.prototype()} {{")
        if fn.result == "void":
            out += [f"    {call};", "    native_check();", "}"]
        else:
            out += [f"    {fn.result} r = {call};", "    native_check();", "    return r;", "}"]
    sigs = ";".join(fn.signature() for fn in functions)
    out += ["", f'EXPORT const char feather_native_signatures[] = "{sigs}";', ""]
    for fn in guarded:
        entry = "feather_native_" + fn.name.removeprefix("feather_")
        out.append(f"EXPORT {fn.prototype(entry)} {{")
        out += [
            "    jmp_buf here;",
            "    jmp_buf *volatile outer = native_jmp;",
            "    if (setjmp(here)) {",
            "        native_jmp = outer;",
            "        feather_native_unwind = 0;",
            f"        return{'' if fn.result == 'void' else ' -1'};",
            "    }",
            "    native_jmp = &here;",
        ]
        if fn.result == "void":
            out += [f"    {_call(fn, fn.name)};", "    native_jmp = outer;", "}"]
        else:
            out += [
                f"    {fn.result} r = {_call(fn, fn.name)};",
                "    native_jmp = outer;",
                "    return r;",
                "}",
            ]
    return "\n".join(out) + "\n"


def version_script(names: Sequence[str]) -> str:
    body = "".join(f"    {name};\n" for name in sorted(names))
    return "{\n  global:\n" + body + "  local: *;\n};\n"


# -- building -------------------------------------------------------------------------------


def _system_libc() -> list[str]:
    """ld.lld flags naming the system's C and math libraries (for the lld link)."""
    import subprocess

    dirs = []
    for cc in ("gcc", "cc"):
        try:
            done = subprocess.run(
                [cc, "-print-file-name=libc.so"], capture_output=True, text=True, check=False
            )
        except OSError:
            continue
        path = Path(done.stdout.strip())
        if done.returncode == 0 and path.is_absolute() and path.exists():
            dirs.append(str(path.parent))
            break
    multiarch = f"/usr/lib/{platform.machine()}-linux-gnu"
    if Path(multiarch).is_dir():
        dirs.append(multiarch)
    return [*(f"-L{d}" for d in dirs), "-lc", "-lm"]


def zig_target() -> list[str]:
    """-target for the machine we run on (zig's native target would also pick its CPU)."""
    machine = platform.machine().lower()
    arch = {"amd64": "x86_64", "x86_64": "x86_64", "arm64": "aarch64", "aarch64": "aarch64"}
    if sys.platform.startswith("linux") and machine in arch:
        return ["-target", f"{arch[machine]}-linux-gnu"]
    return []  # zig's own default: the host


@dataclass
class NativeResult:
    library: Path
    compiled: list[Path]
    linked: bool


def variant_dir(manifest: Manifest, variant: Variant) -> Path:
    return manifest.build_dir / variant.out_dir


def library_path(manifest: Manifest, variant: str = "release") -> Path:
    return variant_dir(manifest, VARIANTS[variant]) / LIBRARY


def compile_flags(manifest: Manifest, variant: Variant) -> list[str]:
    flags = [*zig_target(), f"-std={manifest.std}", *variant.optimize, *COMMON_FLAGS]
    flags += list(variant.sanitize)
    flags += [f"-D{d}" for d in manifest.defines if d != WASM_DEFINE]
    flags += list(manifest.warnings)
    flags += [f"-I{manifest.root / inc}" for inc in manifest.include]
    return flags


def guarded_exports(manifest: Manifest) -> list[Function]:
    """Exports the host calls that may call back: those taking a FeatherHostOps."""
    api = exported_functions(manifest.root)
    linked = {e.name for e in manifest.linked_exports()}
    return [
        fn
        for name, fn in api.items()
        if name in linked
        and fn.result == "int"
        and fn.params
        and fn.params[0].ctype == "FeatherHostOps *"
    ]


def build_native(
    manifest: Manifest,
    variant_name: str = "release",
    *,
    zig: Zig | None = None,
    jobs: int = 2,
    log: Log = print,
) -> NativeResult:
    """Compile what changed and link the variant's libfeather.so."""
    zig = zig or default_zig()
    variant = VARIANTS[variant_name]
    out = variant_dir(manifest, variant)
    obj_dir = out / "obj"
    obj_dir.mkdir(parents=True, exist_ok=True)
    functions = host_functions(manifest.root)
    guarded = guarded_exports(manifest)
    gen = out / "native_ops.c"
    text = generate_ops(functions, guarded)
    if not gen.is_file() or gen.read_text() != text:
        gen.write_text(text)
    sources = [*manifest.source_files(), gen]
    stems = [s.stem for s in sources]
    if len(set(stems)) != len(stems):
        raise BuildError(f"native: two sources share an object name: {stems}")
    units = [Unit(s.resolve(), obj_dir / f"{s.stem}.o") for s in sources]
    flags = compile_flags(manifest, variant)
    stale = [u for u in units if not is_fresh(zig, flags, u)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        errors = list(pool.map(lambda u: compile_unit(zig, flags, u), stale))
    for unit, message in zip(stale, errors, strict=True):
        log(f"  {'FAILED' if message else 'cc'} {_rel(manifest, unit.source)} [{variant.name}]")
    failures = [m for m in errors if m]
    if failures:
        raise BuildError("\n".join(failures))

    exports = [e.name for e in manifest.linked_exports()]
    exports += ["feather_set_ops", "feather_native_signatures", "feather_native_ops_count"]
    exports += ["feather_native_unwind", "feather_arena_release", "feather_arena_native_limit"]
    exports += ["feather_native_stack_floor"]
    exports += ["feather_native_" + fn.name.removeprefix("feather_") for fn in guarded]
    vscript = out / "exports.map"
    vtext = version_script(exports)
    if not vscript.is_file() or vscript.read_text() != vtext:
        vscript.write_text(vtext)
    lib = out / LIBRARY
    if variant.lld:
        tool = "ld.lld"
        link_flags = ["-shared", f"--version-script={vscript}", *_system_libc(), *variant.link]
    else:
        tool = "cc"
        link_flags = [
            *zig_target(),
            "-shared",
            "-fPIC",
            *variant.sanitize,
            f"-Wl,--version-script={vscript}",
            "-lc",
            *variant.link,
        ]
        if variant.defs:
            link_flags.append("-Wl,-z,defs")
    stamps = [u.stamp.read_bytes() if u.stamp.is_file() else b"?" for u in units]
    digest = _digest(
        [zig.version.encode(), json.dumps(link_flags).encode(), vtext.encode(), *stamps]
    )
    link_stamp = lib.with_suffix(".stamp")
    linked = False
    if not (lib.is_file() and link_stamp.is_file() and link_stamp.read_text().strip() == digest):
        link_stamp.unlink(missing_ok=True)
        partial = lib.with_name(LIBRARY + ".partial")
        result = zig.run(tool, *link_flags, *(str(u.obj) for u in units), "-o", str(partial))
        if result.returncode != 0:
            partial.unlink(missing_ok=True)
            raise BuildError((result.stderr + result.stdout).strip() or "native link failed")
        os.replace(partial, lib)
        link_stamp.write_text(digest + "\n")
        linked = True
    if "-fsanitize=address" in variant.sanitize and b"__asan_init" not in lib.read_bytes():
        raise BuildError(f"native {variant.name}: {lib} has no AddressSanitizer instrumentation")
    compiled = [u.source for u in stale]
    log(
        f"zig {zig.version}: native {variant.name}: compiled {len(compiled)} of {len(units)} "
        f"sources, {'linked' if linked else 'up to date'} {_rel(manifest, lib)} "
        f"({lib.stat().st_size} bytes)"
    )
    return NativeResult(lib, compiled, linked)


def _rel(manifest: Manifest, path: Path) -> str:
    try:
        return str(path.relative_to(manifest.root))
    except ValueError:
        return str(path)


# -- runtimes for the instrumented variants ------------------------------------------------


def _runtime(name: str) -> Path | None:
    """The system's shared sanitizer runtime lib{name}.so (GCC's), or None."""
    import glob
    import subprocess

    for cc in ("gcc", "cc"):
        try:
            done = subprocess.run(
                [cc, f"-print-file-name=lib{name}.so"], capture_output=True, text=True, check=False
            )
        except OSError:
            continue
        path = Path(done.stdout.strip())
        if done.returncode == 0 and path.is_absolute() and path.exists():
            return path.resolve()
    for pattern in (f"/usr/lib/*/lib{name}.so*", f"/usr/lib64/lib{name}.so*"):
        found = sorted(glob.glob(pattern))
        if found:
            return Path(found[-1])
    return None


def sanitizer_runtimes() -> list[Path] | None:
    """The runtimes to preload for the asan variant: libasan first, then libubsan
    ($FEATHER_SANITIZER_RUNTIMES, colon-separated, overrides); None when one is missing
    (Debian/Ubuntu: apt-get install libasan8 libubsan1, or gcc)."""
    override = os.environ.get("FEATHER_SANITIZER_RUNTIMES")
    if override:
        return [Path(p) for p in override.split(":") if p]
    found = [_runtime("asan"), _runtime("ubsan")]
    return None if None in found else [p for p in found if p is not None]


# -- sanitizer and fuzzer runs --------------------------------------------------------------

# A report aborts the process: ASan halts on its first error, UBSan's checks do not recover.
# A small quarantine and prompt release: the limit tests measure the process's resident
# memory, which ASan's allocator would otherwise inflate.
_SANITIZER_ENV = {
    "ASAN_OPTIONS": (
        "detect_leaks=0:halt_on_error=1:abort_on_error=1:strict_init_order=1"
        ":quarantine_size_mb=8:allocator_release_to_os_interval_ms=100"
    ),
    "UBSAN_OPTIONS": "halt_on_error=1:print_stacktrace=1",
}
_REPORTS = ("ERROR: AddressSanitizer", "runtime error:", "ERROR: LeakSanitizer", "panic:")

SANITIZED_TESTS = ("tests/conformance", "tests/host", "tests/native", "tests/limits", "tests/fuzz")
# Tests that cannot hold under ASan, with why: node id -> reason.
SANITIZE_DESELECT = {
    # The host's memory limit counts the growth of resident memory, which ASan's shadow
    # memory and allocator add to: the 16 MiB limit stops the spin before the time limit.
    "tests/limits/test_recovery.py::test_state_survives[time]": "resident memory under ASan",
}


def sanitize(manifest: Manifest, pytest_args: Sequence[str], *, log: Log = print) -> int:
    """Build the asan variant and run pytest on it (the native backend) with the ASan and
    UBSan runtimes preloaded: the conformance suite, the host's language and memory-model
    tests, tests/native, the limits and the hostile-input tests, unless pytest_args name
    others. Non-zero on any failure or report."""
    import subprocess

    lib = build_native(manifest, "asan", log=log).library
    runtimes = sanitizer_runtimes()
    if runtimes is None:
        log("error: no libasan/libubsan found (apt-get install gcc, or libasan8 libubsan1)")
        return 2
    env = dict(os.environ, **_SANITIZER_ENV)
    for name in _SANITIZER_ENV:  # FEATHER_ASAN_OPTIONS, FEATHER_UBSAN_OPTIONS: added options
        extra = os.environ.get(f"FEATHER_{name}")
        if extra:
            env[name] += ":" + extra
    runtime = " ".join(str(p) for p in runtimes)
    env["LD_PRELOAD"] = " ".join(filter(None, [runtime, env.get("LD_PRELOAD", "")]))
    env["FEATHER_NATIVE_LIB"] = str(lib)
    args = list(pytest_args) or [
        *SANITIZED_TESTS,
        *(f"--deselect={node}" for node in SANITIZE_DESELECT),
    ]
    # -s: a report is written to file descriptor 2 and the process then exits; pytest's
    # capture would swallow it.
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-s",
        "--backend",
        "native",
        "-p",
        "no:cacheprovider",
    ]
    log(f"sanitize: LD_PRELOAD={runtime} FEATHER_NATIVE_LIB={_rel(manifest, lib)}")
    proc = subprocess.Popen(
        [*command, *args],
        cwd=manifest.root,
        env=env,
        preexec_fn=_big_stack,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    assert proc.stdout is not None
    reports = 0
    for line in proc.stdout:
        sys.stdout.write(line)
        if any(marker in line for marker in _REPORTS):
            reports += 1
    code = proc.wait()
    if reports:
        log(f"sanitize: {reports} sanitizer report(s): failing")
        return code or 1
    log(f"sanitize: pytest exited {code}, no sanitizer report")
    return code


# ASan makes C frames two to three times larger: give the main thread the room that the
# release build has with the usual 8 MiB (the core's native recursion bound counts scripts,
# not bytes; see the report on stack_low in src/eval.c).
_SANITIZER_STACK = 64 << 20


def _big_stack() -> None:
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = _SANITIZER_STACK if hard == resource.RLIM_INFINITY else min(_SANITIZER_STACK, hard)
    if soft != resource.RLIM_INFINITY and soft < want:
        resource.setrlimit(resource.RLIMIT_STACK, (want, hard))


def write_seeds(root: Path, seeds: Path) -> int:
    """The seed corpus from the conformance scripts: each case as a script for the parser
    (mode 0) and for eval (mode 2), and each braced expr body as an expression (mode 1)."""
    sys.path.insert(0, str(root))
    from tests.conformance.cases import all_cases

    seeds.mkdir(parents=True, exist_ok=True)
    for old in seeds.iterdir():
        old.unlink()
    count = 0

    def put(data: bytes) -> None:
        nonlocal count
        if len(data) > 4096:
            return
        name = _digest([data])[:16]
        (seeds / name).write_bytes(data)
        count += 1

    for case in all_cases():
        body = case.script.encode("utf-8", "surrogateescape")
        put(b"\x00" + body)
        put(b"\x02" + body)
        for m in re.finditer(r"expr \{([^{}]*)\}", case.script):
            put(b"\x01" + m.group(1).encode("utf-8", "surrogateescape"))
    return count


def fuzz(
    manifest: Manifest,
    seconds: int,
    libfuzzer_args: Sequence[str],
    *,
    workdir: Path | None = None,
    log: Log = print,
) -> int:
    """Build the fuzz variant and run tests/native/fuzz_feather.py under libFuzzer in fork
    mode (a finding is written to WORKDIR/artifacts/ and the run goes on). WORKDIR
    (default build/fuzz) keeps the corpus between runs; the library is copied there, so
    a clean build during the run does not pull it away."""
    import shutil
    import subprocess

    built = build_native(manifest, "fuzz", log=log).library
    base = workdir or manifest.build_dir / "fuzz"
    base.mkdir(parents=True, exist_ok=True)
    # A snapshot of what the run uses (the library, the host package, the harness): the
    # checkout may change or be cleaned during a long run; every worker must see the same.
    snap = base / "snapshot"
    if snap.exists():
        shutil.rmtree(snap)
    lib = snap / LIBRARY
    (snap / "tests" / "native").mkdir(parents=True)
    shutil.copyfile(built, lib)
    shutil.copytree(
        manifest.root / "host" / "feather_tcl",
        snap / "host" / "feather_tcl",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    harness = snap / "tests" / "native" / "fuzz_feather.py"
    shutil.copyfile(manifest.root / "tests" / "native" / "fuzz_feather.py", harness)
    seeds, corpus, artifacts = base / "seeds", base / "corpus", base / "artifacts"
    corpus.mkdir(parents=True, exist_ok=True)
    artifacts.mkdir(parents=True, exist_ok=True)
    log(f"fuzz: {write_seeds(manifest.root, seeds)} seeds in {_rel(manifest, seeds)}")
    env = dict(os.environ, FEATHER_NATIVE_LIB=str(lib), PYTHONPATH=str(snap / "host"))
    # libFuzzer's fork mode runs argv[0] through the shell: the interpreter and the script.
    argv0 = f"{sys.executable} {harness}"
    options = [
        f"-max_total_time={seconds}",
        "-timeout=30",
        "-rss_limit_mb=4096",
        "-max_len=4096",
        "-fork=1",
        "-ignore_crashes=1",
        "-ignore_timeouts=1",
        "-ignore_ooms=1",
        f"-artifact_prefix={artifacts}/",
        "-print_final_stats=1",
    ]
    command = [sys.executable, str(harness), *options, *libfuzzer_args, str(corpus), str(seeds)]
    log(f"fuzz: {seconds} s, corpus {_rel(manifest, corpus)}, findings {_rel(manifest, artifacts)}")
    code = subprocess.call(command, cwd=base, env=dict(env, FEATHER_FUZZ_ARGV0=argv0))
    names = sorted(p.name for p in artifacts.iterdir())
    found = [n for n in names if n.split("-")[0] in ("crash", "timeout", "oom", "leak")]
    slow = [n for n in names if n.startswith("slow-unit-")]
    log(f"fuzz: libFuzzer exited {code}; {len(found)} finding(s) in {_rel(manifest, artifacts)}")
    for name in found:
        log(f"  {name}")
    if slow:
        log(f"fuzz: {len(slow)} slow input(s) (over 10 s, not findings): {', '.join(slow)}")
    return 1 if found else code


def main(argv: Sequence[str] | None = None) -> int:
    from toolchain import ROOT
    from toolchain.manifest import load_manifest

    parser = argparse.ArgumentParser(prog="python -m toolchain.native", description=__doc__)
    parser.add_argument("--manifest", type=Path, default=ROOT / "build.toml")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build libfeather.so (a variant)")
    build_cmd.add_argument("--variant", choices=sorted(VARIANTS), default="release")
    build_cmd.add_argument("--jobs", "-j", type=int, default=2)
    san = commands.add_parser("sanitize", help="pytest on the ASan+UBSan build")
    san.add_argument("pytest_args", nargs="*")
    fz = commands.add_parser("fuzz", help="libFuzzer (atheris) over the parser and expr")
    fz.add_argument("--seconds", type=int, default=600)
    fz.add_argument("--workdir", type=Path, default=None, help="default: build/fuzz")
    fz.add_argument("libfuzzer_args", nargs="*")
    args = parser.parse_args(argv)
    manifest = load_manifest(args.manifest)
    try:
        if args.command == "build":
            build_native(manifest, args.variant, jobs=args.jobs)
            return 0
        if args.command == "sanitize":
            return sanitize(manifest, args.pytest_args)
        return fuzz(manifest, args.seconds, args.libfuzzer_args, workdir=args.workdir)
    except BuildError as error:
        print(error, file=sys.stderr)
        print("error: native build failed", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
