"""``python -m bench --only X --write-readme`` replaces X's table and leaves the others."""

from __future__ import annotations

from bench.__main__ import results_block
from bench._table import Table

RESULT = {"when": "2030-01-01T00:00:00+00:00", "machine": "a box"}


def _table(title: str, value: float) -> Table:
    table = Table(title, ["client", "ms"], "ms", "base", higher_is_better=False)
    table.add(client="base", ms=1.0)
    table.add(client="other", ms=value)
    return table


def test_a_full_run_writes_every_table_under_one_line() -> None:
    block = results_block("old text", [_table("A (x)", 2.0), _table("B", 3.0)], RESULT)
    assert block.startswith("Run 2030-01-01T00:00:00+00:00 on a box.\n\n### A (x) (ms:")
    assert "### B (ms: lower is better)" in block and "old text" not in block


def test_a_partial_run_replaces_its_table_in_place_and_appends_new_ones() -> None:
    full = results_block("", [_table("A (x)", 2.0), _table("B", 3.0)], RESULT)
    later = {"when": "2030-02-02T00:00:00+00:00", "machine": "a box"}
    block = results_block(full, [_table("A (x)", 5.0), _table("C", 7.0)], later, partial=True)
    titles = [line for line in block.splitlines() if line.startswith("### ")]
    assert titles == [
        "### A (x) (ms: lower is better)",
        "### B (ms: lower is better)",
        "### C (ms: lower is better)",
    ]
    assert block.startswith("Run 2030-01-01T00:00:00+00:00 on a box.")  # the full run's line
    assert "5.00x" in block and "2.00x" not in block and "3.00x" in block
    assert block.count("Measured alone") == 2  # under A and C, not under B


def test_a_partial_run_replaces_a_table_together_with_its_note() -> None:
    first = _table("A", 2.0)
    first.note = "old note"
    full = results_block("", [first, _table("B", 3.0)], RESULT)
    again = _table("A", 4.0)
    again.note = "new note"
    block = results_block(full, [again], RESULT, partial=True)
    assert "old note" not in block and block.count("new note") == 1
    assert block.index("new note") < block.index("Measured alone") < block.index("### B")
