"""Incremental, parallel compilation; linking; copies; compile errors with file:line."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from tests.toolchain.conftest import small_project, write
from toolchain.build import BuildError, build, clean, parse_depfile
from toolchain.cli import main
from toolchain.manifest import Manifest
from toolchain.zig import Zig

HEADER = "#ifndef SHARED_H\n#define SHARED_H\nint shared(int x);\n#endif\n"
A_C = '#include "shared.h"\nint shared(int x) { return x + 1; }\n'
B_C = '#include "shared.h"\nint twice(int x) { return shared(x) * 2; }\n'
C_C = "int third(int x) { return x * 3; }\n"


@pytest.fixture
def project(tmp_path: Path, manifest: Manifest) -> Manifest:
    write(tmp_path, "src/shared.h", HEADER)
    write(tmp_path, "src/a.c", A_C)
    write(tmp_path, "src/b.c", B_C)
    write(tmp_path, "src/c.c", C_C)
    return small_project(manifest, tmp_path, {"twice": "M2", "third": "M2", "later": "M3"})


def names(paths: list[Path]) -> list[str]:
    return sorted(p.name for p in paths)


def bump_mtime(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_first_build_compiles_links_and_copies(project: Manifest, zig: Zig) -> None:
    log: list[str] = []
    result = build(project, zig=zig, log=log.append)
    assert names(result.compiled) == ["a.c", "b.c", "c.c"]
    assert result.linked and result.wasm.is_file()
    assert sorted(p.name for p in project.obj_dir.glob("*.o")) == ["a.o", "b.o", "c.o"]
    copy = project.root / "host" / "feather.wasm"
    assert result.copied == [copy] and copy.read_bytes() == result.wasm.read_bytes()
    assert any("compiled 3 of 3 sources" in line for line in log)


def test_no_change_compiles_nothing(project: Manifest, zig: Zig) -> None:
    build(project, zig=zig, log=lambda _: None)
    again = build(project, zig=zig, log=lambda _: None)
    assert again.compiled == [] and not again.linked and again.copied == []


def test_touching_one_source_recompiles_one_object(project: Manifest, zig: Zig) -> None:
    build(project, zig=zig, log=lambda _: None)
    bump_mtime(project.root / "src" / "c.c")
    assert names(build(project, zig=zig, log=lambda _: None).compiled) == ["c.c"]
    (project.root / "src" / "a.c").write_text(A_C + "/* edited */\n")
    result = build(project, zig=zig, log=lambda _: None)
    assert names(result.compiled) == ["a.c"] and result.linked


def test_header_change_recompiles_its_includers(project: Manifest, zig: Zig) -> None:
    build(project, zig=zig, log=lambda _: None)
    (project.root / "src" / "shared.h").write_text(HEADER + "/* edited */\n")
    assert names(build(project, zig=zig, log=lambda _: None).compiled) == ["a.c", "b.c"]


def test_flags_or_zig_version_recompile_everything(project: Manifest, zig: Zig) -> None:
    build(project, zig=zig, log=lambda _: None)
    other_flags = replace(project, optimize="-O1")
    assert len(build(other_flags, zig=zig, log=lambda _: None).compiled) == 3
    other_zig = Zig(zig.executable, zig.version + "-other")
    assert len(build(other_flags, zig=other_zig, log=lambda _: None).compiled) == 3


def test_lto_exclusion_changes_only_the_excluded_objects(project: Manifest, zig: Zig) -> None:
    lto = replace(project, lto=True, lto_exclude=())
    build(lto, zig=zig, log=lambda _: None)
    assert (project.obj_dir / "a.o").read_bytes().startswith(b"BC")  # LLVM bitcode
    result = build(replace(lto, lto_exclude=("src/c.c",)), zig=zig, log=lambda _: None)
    assert names(result.compiled) == ["c.c"] and result.linked
    assert not (project.obj_dir / "c.o").read_bytes().startswith(b"BC")
    assert (project.obj_dir / "b.o").read_bytes().startswith(b"BC")


def test_new_source_is_picked_up_by_the_glob(project: Manifest, zig: Zig) -> None:
    build(project, zig=zig, log=lambda _: None)
    write(project.root, "src/d.c", "int fourth(void) { return 4; }\n")
    assert names(build(project, zig=zig, log=lambda _: None).compiled) == ["d.c"]


def test_compile_error_reports_file_and_line(project: Manifest, zig: Zig) -> None:
    source = "int ok(void) { return 0; }\nint broken(void) {\n  return nope;\n}\n"
    bad = write(project.root, "src/bad.c", source)
    with pytest.raises(BuildError) as caught:
        build(project, zig=zig, log=lambda _: None)
    assert f"{bad}:3:" in str(caught.value) or "bad.c:3:" in str(caught.value)
    assert "error:" in str(caught.value)
    assert not (project.obj_dir / "bad.stamp").exists()
    bad.unlink()
    after = build(project, zig=zig, log=lambda _: None)
    assert after.compiled == [] and after.linked


def test_warnings_are_errors(project: Manifest, zig: Zig) -> None:
    write(project.root, "src/warn.c", "int unused_param(int x) { return 0; }\n")
    with pytest.raises(BuildError, match=r"warn\.c:1:.*-Werror"):
        build(project, zig=zig, log=lambda _: None)


def test_export_of_an_undefined_symbol_names_the_level(project: Manifest, zig: Zig) -> None:
    with pytest.raises(BuildError, match=r"(?s)later.*build\.toml level is M3"):
        build(replace(project, level="M3"), zig=zig, log=lambda _: None)


def test_clean_removes_outputs(project: Manifest, zig: Zig) -> None:
    build(project, zig=zig, log=lambda _: None)
    clean(project, log=lambda _: None)
    assert not project.build_dir.exists() and not project.copy_paths[0].exists()


def test_cli_build_error_exit_status(
    tmp_path: Path, manifest: Manifest, capsys: pytest.CaptureFixture[str]
) -> None:
    real = (manifest.root / "build.toml").read_text()
    write(tmp_path, "build.toml", real)
    write(tmp_path, "src/oops.c", "int f(void) {\n  return 1\n}\n")
    assert main(["--manifest", str(tmp_path / "build.toml"), "build"]) == 1
    err = capsys.readouterr().err
    assert "oops.c:2:" in err and "build failed" in err


def test_parse_depfile() -> None:
    text = "obj/a.o: /src/a.c /src/with\\ space.h \\\n  /src/b.h\n"
    assert parse_depfile(text) == ["/src/a.c", "/src/with space.h", "/src/b.h"]
    assert parse_depfile("garbage") == []
