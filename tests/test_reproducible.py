"""Two builds of the same commit, with the same SOURCE_DATE_EPOCH, give identical files."""

from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest
from conftest import fixed_build_date

from sites import ROOT

pytestmark = pytest.mark.slow


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_a_second_build_is_identical(published_site: Path, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("build_script", ROOT / "scripts" / "build.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    with fixed_build_date():
        assert module.build(ROOT, tmp_path / "site") == 0
    first, second = fingerprint(published_site), fingerprint(tmp_path / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.endswith(".pdf") for name in first)
    assert any(name.endswith(".zip") for name in first)
