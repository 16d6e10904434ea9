"""The benchmark tables compute ratios against the baseline row of each group (no timing here)."""

from __future__ import annotations

from bench._table import Table


def cells(table: Table) -> list[list[str]]:
    lines = [line for line in table.render().splitlines() if line.startswith("| ")]
    return [[c.strip() for c in line.strip("|").split("|")] for line in lines[1:]]


def test_ratios_are_per_group_against_the_baseline() -> None:
    table = Table("t", ["client", "n", "calls/s"], "calls/s", "official", group="n")
    table.add(client="official", n=1, **{"calls/s": 100.0})
    table.add(client="aiosdm", n=1, **{"calls/s": 150.0})
    table.add(client="official", n=32, **{"calls/s": 200.0})
    table.add(client="aiosdm", n=32, **{"calls/s": 100.0})
    assert [row[-1] for row in cells(table)] == ["1.00x", "1.50x", "1.00x", "0.50x"]
    assert table.as_dict()["baseline"] == "official"


def test_missing_baseline_leaves_the_ratio_empty() -> None:
    table = Table("t", ["client", "ms"], "ms", "strongdm", higher_is_better=False)
    table.add(client="aiosdm", ms=5.0)
    assert "lower is better" in table.render()
    assert cells(table) == [["aiosdm", "5.00", ""]]
