"""The CLI as a new user meets it (issue 15): every failure one line with a meaningful status.

Each test runs the real ``aiosdm`` command in a subprocess against a real ``aiosdm serve``.
Missing extras are simulated in the child with ``sys.modules[name] = None`` (what a base install
looks like to an import); tests/test_base_install.py checks a real base install as well.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import aiosdm
from aiosdm.cli.pagerduty_sync import EXIT_PAGERDUTY_UNAVAILABLE

from .._serve import CREDENTIALS, serving_sync

TIMEOUT = 60  # seconds any one command may take here

# Runs the CLI in a child that cannot import the named modules (argv[1] is a comma list).
_WITHOUT = (
    "import sys\n"
    "for name in filter(None, sys.argv[1].split(',')): sys.modules[name] = None\n"
    "from aiosdm.cli.main import main\n"
    "sys.exit(main(sys.argv[2:]))\n"
)


def aiosdm_cli(
    *argv: str, without: str = "", env: dict[str, str] | None = None
) -> tuple[int, str, str]:
    """Run ``aiosdm ARGV`` (missing the ``without`` modules); returns (status, stdout, stderr)."""
    cmd = [sys.executable, "-c", _WITHOUT, without, *argv]
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=TIMEOUT, env={**os.environ, **(env or {})}
    )
    return done.returncode, done.stdout, done.stderr


def one_line(stderr: str) -> str:
    """The single line a failure prints, with no traceback or gRPC log line around it."""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr and ".cc:" not in stderr, stderr
    return lines[0]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A running ``aiosdm serve`` on a free port: (credentials file, host)."""
    folder = tmp_path_factory.mktemp("serve")
    with serving_sync(folder, start_timeout=TIMEOUT, stop_timeout=TIMEOUT) as (_, creds):
        yield folder / CREDENTIALS, creds["host"]


def connect(creds: Path) -> tuple[str, ...]:
    return ("--credentials-file", str(creds), "--insecure")


def test_version_and_python_dash_m() -> None:
    for cmd in ([sys.executable, "-m", "aiosdm", "--version"], ["aiosdm", "--version"]):
        if cmd[0] == "aiosdm":
            cmd[0] = str(Path(sys.executable).with_name("aiosdm"))
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT)
        assert (done.returncode, done.stdout.strip()) == (0, f"aiosdm {aiosdm.__version__}")


@pytest.mark.parametrize("without", ["", "rich"])
def test_tables_with_and_without_rich_and_plurals(served: tuple[Path, str], without: str) -> None:
    creds, _ = served
    name = f"first-hour-{'plain' if without else 'rich'}"  # one role per case: shared server
    listing = ("list", "roles", "--filter", f"name:{name}", *connect(creds))
    status, out, err = aiosdm_cli(*listing, without=without)
    assert (status, err) == (0, "")
    assert "roles: 0 items" in out and "id" in out  # an empty table still has its header

    async def one_role() -> None:
        saved = json.loads(creds.read_text())
        async with aiosdm.Client(
            saved["access_key"],
            saved["secret_key"],
            host=saved["host"],
            insecure=True,
        ) as client:
            await client.roles.create(aiosdm.Role(name=name))

    asyncio.run(one_role())
    status, out, err = aiosdm_cli(*listing, without=without)
    assert (status, err) == (0, "")
    assert "roles: 1 item\n" in out and name in out
    assert ("┃" in out) == (without == ""), out  # rich draws boxes; plain text does not


def test_snapshot_at_takes_what_its_help_shows(served: tuple[Path, str]) -> None:
    creds, _ = served
    status, help_text, _ = aiosdm_cli("list", "--help")
    assert status == 0 and "1d ago" in help_text
    for when in ("1d ago", "90m", "2026-01-01T00:00:00Z"):
        status, _, err = aiosdm_cli("list", "roles", "--snapshot-at", when, *connect(creds))
        assert (status, err) == (0, ""), when
    status, _, err = aiosdm_cli("list", "roles", "--snapshot-at", "yesterday", *connect(creds))
    assert status == 2 and "1d ago" in one_line(err)


def test_missing_aws_extra_is_one_line_naming_it(served: tuple[Path, str]) -> None:
    status, _, err = aiosdm_cli(
        "list", "accounts", "--aws-secret", "x", "--insecure", without="aiobotocore"
    )
    line = one_line(err)
    assert status == 2
    assert "'aws' extra" in line and "pip install -e '.[aws]'" in line


def test_missing_cli_extra_for_a_command_is_one_line_naming_it() -> None:
    status, _, err = aiosdm_cli("pagerduty-sync", "--schedule", "S", without="aiohttp")
    line = one_line(err)
    assert status == 2 and "'cli' extra" in line and "aiohttp" in line


def test_serve_failures_are_one_line(served: tuple[Path, str], tmp_path: Path) -> None:
    _, host = served
    port = host.rsplit(":", 1)[1]
    status, out, err = aiosdm_cli("serve", "--port", port)
    assert status == 1 and "cannot listen" in one_line(err) and out == ""

    with socket.socket() as probe:  # a port nobody listens on: it must not be bound either
        probe.bind(("127.0.0.1", 0))
        free = str(probe.getsockname()[1])
    status, out, err = aiosdm_cli(
        "serve", "--port", free, "--credentials-out", str(tmp_path / "no" / "creds.json")
    )
    assert (status, out) == (2, "") and "does not exist" in one_line(err)

    status, _, err = aiosdm_cli("serve", "--port", free, "--db", str(tmp_path / "no" / "x.db"))
    assert status == 2 and "x.db" in one_line(err)


def test_fault_lists_the_valid_codes() -> None:
    status, help_text, _ = aiosdm_cli("serve", "--help")
    assert status == 0 and "UNAVAILABLE" in help_text and "RESOURCE_EXHAUSTED" in help_text
    status, _, err = aiosdm_cli("serve", "--fault", "Accounts.List:NOPE:0.5")
    line = one_line(err)
    assert status == 2 and "UNAVAILABLE" in line and "PERMISSION_DENIED" in line


def test_pagerduty_url_documented_and_unreachable_pagerduty_has_its_own_status(
    served: tuple[Path, str],
) -> None:
    status, help_text, _ = aiosdm_cli("pagerduty-sync", "--help")
    assert status == 0 and "--pagerduty-url" in help_text
    with socket.socket() as probe:  # bound, never listening: connections are refused at once
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}"
        creds, _ = served
        status, _, err = aiosdm_cli(
            "pagerduty-sync",
            "--schedule",
            "S",
            "--resource",
            "db",
            "--pagerduty-url",
            url,
            *connect(creds),
            env={"PAGERDUTY_TOKEN": "t"},
        )
    assert status == EXIT_PAGERDUTY_UNAVAILABLE and "PagerDuty" in one_line(err)


def test_both_credential_sources_is_a_usage_error(served: tuple[Path, str]) -> None:
    creds, _ = served
    status, _, err = aiosdm_cli("list", "roles", *connect(creds), "--aws-secret", "x")
    assert status == 2 and "not both" in one_line(err)


def test_unexpected_failures_are_one_line_too() -> None:
    # A directory where the credentials file should be: the read fails inside the command.
    status, _, err = aiosdm_cli("list", "roles", "--credentials-file", "/", "--insecure")
    assert status == 2 and one_line(err).startswith("aiosdm list: ")
