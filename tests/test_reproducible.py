"""Two builds of the same commit, with the same SOURCE_DATE_EPOCH, give identical files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import fixed_build_date

from sites import ROOT, fingerprint, publish

pytestmark = pytest.mark.slow


def test_a_second_build_is_identical(published_site: Path, tmp_path: Path) -> None:
    with fixed_build_date():
        assert publish(ROOT, tmp_path / "site") == 0
    first, second = fingerprint(published_site), fingerprint(tmp_path / "site")
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []
    assert any(name.endswith(".pdf") for name in first)
    assert any(name.endswith(".zip") for name in first)
