"""Plain-text tables with a ratio column against a baseline row."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class Table:
    """Rows of one benchmark; ``ratio`` divides each row's ``key`` metric by the baseline's."""

    title: str
    columns: Sequence[str]
    key: str
    baseline: str
    higher_is_better: bool = True
    group: str | None = None  # rows compare with the baseline row of the same group
    note: str = ""  # how the table was measured, printed under it
    rows: list[dict[str, object]] = field(default_factory=list)

    def add(self, **row: object) -> None:
        self.rows.append(row)

    def _ratio(self, row: dict[str, object]) -> str:
        same = [
            r for r in self.rows if self.group is None or r.get(self.group) == row.get(self.group)
        ]
        base = next((r for r in same if r.get("client") == self.baseline), None)
        if base is None:
            return ""
        try:
            value, ref = float(row[self.key]), float(base[self.key])  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            return ""
        if not ref or not value:
            return ""
        return f"{value / ref:.2f}x"

    def render(self) -> str:
        cols = [*self.columns, f"{self.key} vs {self.baseline}"]
        cells = [[_fmt(r.get(c, "")) for c in self.columns] + [self._ratio(r)] for r in self.rows]
        widths = [
            max(len(c), *(len(row[i]) for row in cells)) if cells else len(c)
            for i, c in enumerate(cols)
        ]
        line = "| " + " | ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)) + " |"
        rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
        body = [
            "| " + " | ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) + " |"
            for row in cells
        ]
        better = "higher" if self.higher_is_better else "lower"
        heading = f"### {self.title} ({self.key}: {better} is better)"
        note = ["", self.note] if self.note else []
        return "\n".join([heading, "", line, rule, *body, *note])

    def as_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "key": self.key,
            "baseline": self.baseline,
            "note": self.note,
            "rows": self.rows,
        }


def _fmt(value: object) -> str:
    if isinstance(value, float):
        if value >= 100:
            return f"{value:,.0f}"
        if value >= 1:
            return f"{value:.2f}"
        return f"{value:.4f}"
    return str(value)
