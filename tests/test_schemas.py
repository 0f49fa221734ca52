"""The committed JSON Schemas match the models, and the data files point editors at them."""

from __future__ import annotations

import pytest

from macros.schemas import expected_files

from sites import ROOT

SCHEMAS = ROOT / "schemas"


@pytest.mark.parametrize("name", sorted(expected_files()))
def test_schema_is_up_to_date(name: str) -> None:
    committed = (SCHEMAS / name).read_text(encoding="utf-8") if (SCHEMAS / name).exists() else ""
    assert committed == expected_files()[name], f"schemas/{name} is out of date: run `make schemas`"


def test_no_stale_schema_files() -> None:
    assert sorted(path.name for path in SCHEMAS.glob("*.json")) == sorted(expected_files())


@pytest.mark.parametrize(
    ("pattern", "schema"),
    [
        ("data/examples/*.yml", "example"),
        ("data/reports/*.yml", "report"),
        ("data/organisations/*.yml", "organisation"),
        ("data/vocabularies.yml", "vocabularies"),
        ("data/glossary.yml", "glossary"),
    ],
)
def test_data_files_name_their_schema(pattern: str, schema: str) -> None:
    for path in sorted(ROOT.glob(pattern)):
        depth = len(path.relative_to(ROOT).parts) - 1
        expected = f"# yaml-language-server: $schema={'../' * depth}schemas/{schema}.schema.json"
        assert expected in path.read_text(encoding="utf-8").splitlines()[:3], path.name
