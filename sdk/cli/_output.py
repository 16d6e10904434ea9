"""Console output for the CLI: rich when it is installed (extra ``cli``), plain text otherwise.

People get text through :class:`Console` (progress only on a terminal); ``--json`` callers print
one JSON document instead, so stdout stays machine-readable.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

__all__ = ["Console", "Progress", "plural"]


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """``"1 item"``, ``"0 items"``, ``"2 items"`` (``nouns`` when adding an s is wrong)."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


class Progress:
    """A progress indicator: ``advance()`` per unit of work."""

    def __init__(self, label: str, total: int | None, stream: TextIO, enabled: bool) -> None:
        self._label, self._total, self._stream, self._enabled = label, total, stream, enabled
        self._done = 0
        self._last_draw = 0.0
        self._bar: Any = None

    def advance(self, n: int = 1) -> None:
        self._done += n
        if self._bar is not None:
            self._bar[0].update(self._bar[1], advance=n)
            return
        now = time.monotonic()
        if self._enabled and (now - self._last_draw > 0.2 or self._done == self._total):
            self._last_draw = now
            total = f"/{self._total}" if self._total else ""
            self._stream.write(f"\r  {self._label}: {self._done}{total}")
            self._stream.flush()

    @property
    def done(self) -> int:
        return self._done


class Console:
    """Prints steps, tables and progress for people."""

    def __init__(self, stream: TextIO | None = None, *, quiet: bool = False) -> None:
        self.stream = stream or sys.stdout
        self.quiet = quiet
        try:
            import rich.console

            self._rich: Any = rich.console.Console(
                file=self.stream, highlight=False, soft_wrap=True
            )
        except ImportError:  # the cli extra is optional
            self._rich = None

    def print(self, text: str = "") -> None:
        if self.quiet:
            return
        if self._rich is not None:
            self._rich.print(text)
        else:
            self.stream.write(_strip_markup(text) + "\n")

    def table(self, title: str, columns: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
        if self.quiet:
            return
        if self._rich is not None:
            import rich.table

            table = rich.table.Table(title=title, title_justify="left")
            for c in columns:
                table.add_column(c)
            for row in rows:
                table.add_row(*(str(v) for v in row))
            self._rich.print(table)
            return
        cells = [[str(v) for v in row] for row in rows]
        # The header alone sets the width of an empty table's columns.
        widths = [max([len(c), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
        self.stream.write(f"{title}\n")
        self.stream.write(
            "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)) + "\n"
        )
        for r in cells:
            self.stream.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) + "\n")

    @contextmanager
    def progress(self, label: str, total: int | None = None) -> Iterator[Progress]:
        """Live progress on a terminal; nothing on a pipe or file (the step's result line
        says how it ended)."""
        interactive = not self.quiet and self.stream.isatty()
        progress = Progress(label, total, self.stream, enabled=interactive)
        if interactive and self._rich is not None:
            import rich.progress

            count = "{task.completed}/{task.total}" if total else "{task.completed}"
            with rich.progress.Progress(
                rich.progress.SpinnerColumn(),
                rich.progress.TextColumn("{task.description}"),
                rich.progress.BarColumn(),
                rich.progress.TextColumn(count),
                rich.progress.TimeElapsedColumn(),
                console=self._rich,
                transient=True,
                # Never capture the program's own stdout (e.g. --json output going to a pipe).
                redirect_stdout=False,
                redirect_stderr=False,
            ) as bar:
                progress._bar = (bar, bar.add_task(label, total=total))
                yield progress
            return
        yield progress
        if interactive:
            self.stream.write("\r\033[K")  # clear the progress line


_MARKUP = re.compile(r"\[/?[a-z ]+\]")


def _strip_markup(text: str) -> str:
    return _MARKUP.sub("", text)
