"""The ``aiosdm`` dispatcher: subcommands found by module, missing extras tolerated."""

from __future__ import annotations

import argparse

import pytest

from aiosdm.cli.main import _register_unavailable, build_parser, main


def test_the_dispatcher_knows_serve(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["serve", "--port", "0", "--db", "x.db"])
    assert args.command == "serve" and args.port == 0 and callable(args.handler)
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    assert "serve" in capsys.readouterr().out


def test_a_command_missing_its_extra_fails_alone(capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser(prog="aiosdm")
    subparsers = parser.add_subparsers(dest="command", required=True)
    _register_unavailable(subparsers, "fancy_report", ModuleNotFoundError(name="rich"))
    args = parser.parse_args(["fancy-report", "--any", "thing"])
    assert args.handler(args) == 2  # configuration: install the extra
    err = capsys.readouterr().err
    assert "needs the 'cli' extra (rich is not installed)" in err and "pip install" in err
