"""Writing the results into bench/README.md, between its result markers."""

from __future__ import annotations

from typing import Any

from bench._procs import ROOT
from bench._table import Table


def write_readme(tables: list[Table], result: dict[str, Any], *, partial: bool = False) -> None:
    path = ROOT / "bench" / "README.md"
    head, _, rest = path.read_text().partition(RESULTS_START)
    old, _, tail = rest.partition(RESULTS_END)
    block = results_block(old, tables, result, partial=partial)
    path.write_text(f"{head}{RESULTS_START}\n{block}\n{RESULTS_END}{tail}")


RESULTS_START, RESULTS_END = "<!-- results:start -->", "<!-- results:end -->"


def results_block(
    old: str, tables: list[Table], result: dict[str, Any], *, partial: bool = False
) -> str:
    """What goes between README's result markers: all the tables after a full run; after a
    partial one (``--only``), each table in place of its earlier version (or after the
    others) saying when it was measured, and every other table left as it was."""
    if not partial:
        tables_text = "\n\n".join(t.render() for t in tables)
        return f"Run {result['when']} on {result['machine']}.\n\n{tables_text}"
    sections = _sections(old)
    note = f"Measured alone (`python -m bench --only`), {result['when']} on {result['machine']}."
    for table in tables:
        sections[table.title] = f"{table.render()}\n\n{note}"
    preamble = old.strip().split("\n### ", 1)[0].strip()
    return "\n\n".join([preamble, *sections.values()])


def _sections(block: str) -> dict[str, str]:
    """The tables of a results block by title (the heading without its "(key: ...)")."""
    sections: dict[str, str] = {}
    for part in block.strip().split("\n### ")[1:]:
        title = part.split("\n", 1)[0].rsplit(" (", 1)[0]
        sections[title] = f"### {part.strip()}"
    return sections
