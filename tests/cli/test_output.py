"""Progress on a terminal must never swallow the program's own stdout (``--json`` to a pipe)."""

from __future__ import annotations

import io

from aiosdm.cli._output import Console


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_leaves_stdout_alone(capsys) -> None:  # type: ignore[no-untyped-def]
    terminal = Terminal()
    with Console(stream=terminal).progress("items listed") as progress:
        print('{"json": "for a program"}')
        progress.advance(3)
    assert capsys.readouterr().out == '{"json": "for a program"}\n'
    assert progress.done == 3


def test_no_progress_off_a_terminal() -> None:
    pipe = io.StringIO()
    with Console(stream=pipe).progress("items listed", total=5) as progress:
        progress.advance(5)
    assert pipe.getvalue() == ""
