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


def test_a_note_is_printed_under_the_rows_and_kept_in_the_json() -> None:
    table = Table("t", ["client", "ms"], "ms", "base", note="Measured with 30 ms latency.")
    table.add(client="base", ms=2.0)
    lines = table.render().splitlines()
    assert lines[-2:] == ["", "Measured with 30 ms latency."]
    assert lines[-3].startswith("| base")
    assert table.as_dict()["note"] == "Measured with 30 ms latency."
    assert Table("t", ["client"], "ms", "base").render().splitlines()[-1].startswith("|")
