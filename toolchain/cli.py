"""``python -m toolchain``: build, build-native, inspect, verify, clean, zig."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from toolchain import ROOT, verify
from toolchain.build import BuildError, build, clean
from toolchain.checks import Context
from toolchain.hosts import all_hosts
from toolchain.introspect import inspect
from toolchain.manifest import GATES, ManifestError, load_manifest
from toolchain.usage import read_sources
from toolchain.zig import ZigNotFound, default_zig


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m toolchain", description=__doc__)
    parser.add_argument(
        "--manifest", type=Path, default=ROOT / "build.toml", help="build manifest (TOML)"
    )
    commands = parser.add_subparsers(dest="command", required=True)

    build_cmd = commands.add_parser("build", help="compile and link feather.wasm, copy to hosts")
    build_cmd.add_argument("--jobs", "-j", type=int, default=2, help="parallel compiles")

    inspect_cmd = commands.add_parser("inspect", help="exports, imports and host import check")
    inspect_cmd.add_argument("--wasm", type=Path, help="module to inspect (default: the build's)")
    inspect_cmd.add_argument("--gate", choices=GATES, help="require exports through this gate")
    inspect_cmd.add_argument(
        "--no-hosts", action="store_true", help="skip the host comparison and source scan"
    )

    verify_cmd = commands.add_parser("verify", help="run the milestone gates in order")
    which = verify_cmd.add_mutually_exclusive_group()
    which.add_argument("--through", choices=GATES, help="run M1 up to this gate")
    which.add_argument("--only", choices=GATES, help="run this gate alone")
    which.add_argument("--list", action="store_true", help="list the gates and their checks")

    native_cmd = commands.add_parser(
        "build-native", help="compile src/ as build/native/libfeather.so (see toolchain/native.py)"
    )
    native_cmd.add_argument("--variant", choices=["release", "asan", "fuzz"], default="release")
    native_cmd.add_argument("--jobs", "-j", type=int, default=2, help="parallel compiles")

    commands.add_parser("clean", help="remove build/ and the copies of feather.wasm")
    commands.add_parser("zig", help="print the zig found in the ziglang package")
    return parser


def _verify(args: argparse.Namespace, ctx: Context) -> int:
    if args.list:
        print(verify.listing())
        return 0
    results = verify.run(verify.select(args.through, args.only), ctx)
    print()
    print(verify.summary(results))
    return 1 if verify.failed(results) else 0


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "zig":
        zig = default_zig()
        print(f"zig {zig.version} ({zig.executable})")
        return 0
    manifest = load_manifest(args.manifest)
    if args.command == "build":
        build(manifest, jobs=args.jobs)
        return 0
    if args.command == "build-native":
        from toolchain.native import build_native

        build_native(manifest, args.variant, jobs=args.jobs)
        return 0
    if args.command == "clean":
        clean(manifest)
        return 0
    if args.command == "inspect":
        hosts = [] if args.no_hosts else all_hosts(manifest.root)
        sources = None if args.no_hosts else read_sources(manifest.root)
        wasm = args.wasm or manifest.wasm_path
        report = inspect(wasm, manifest, gate=args.gate, hosts=hosts, sources=sources)
        print(report.render())
        return 0 if report.ok else 1
    return _verify(args, Context(manifest))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return _dispatch(args)
    except (ManifestError, ZigNotFound) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BuildError as error:
        print(error, file=sys.stderr)
        print("error: build failed", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
