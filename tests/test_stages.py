"""Build stages are timed apart: a stage inside another counts once, towards itself."""

from __future__ import annotations

import pytest

from macros import stages


def test_a_nested_stage_is_taken_out_of_the_one_around_it(monkeypatch: pytest.MonkeyPatch) -> None:
    clock = iter([0.0, 1.0, 4.0, 10.0, 12.0, 13.0])  # the readings, in the order they are taken
    monkeypatch.setattr(stages, "perf_counter", lambda: next(clock))
    monkeypatch.setattr(stages, "SPENT", {})
    with stages.stage("outer"), stages.stage("inner"):  # outer 0 to 10, inner 1 to 4
        pass
    with stages.stage("inner"):  # 12 to 13, added to the first
        pass
    assert stages.SPENT == {"outer": 7.0, "inner": 4.0}
