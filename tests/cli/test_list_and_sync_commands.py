"""``aiosdm list`` and ``aiosdm pagerduty-sync`` against an in-process control plane."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from aiosdm._generated.models import Postgres, Role, User
from aiosdm.cli.main import main
from aiosdm.testing import LocalServer
from aiosdm.testing.pagerduty import PagerDutyStandIn


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[tuple[LocalServer, Path]]:
    async with LocalServer() as server:
        creds = tmp_path / "creds.json"
        creds.write_text(
            json.dumps(
                {
                    "host": server.host,
                    "access_key": server.access_key,
                    "secret_key": server.secret_key,
                }
            )
        )
        async with server.client() as client:
            for i in range(30):
                await client.accounts.create(
                    User(email=f"u{i}@example.com", first_name="U", last_name=str(i))
                )
            await client.resources.create(
                Postgres(
                    name="prod-db",
                    hostname="h",
                    username="u",
                    password="hunter2",
                    database="d",
                    tags={"env": "prod"},
                )
            )
            await client.roles.create(Role(name="ops"))
        yield server, creds


async def cli(*argv: str) -> int:
    return await asyncio.to_thread(main, list(argv))


async def test_list_json_streams_every_item_without_secrets(server, capsys) -> None:  # type: ignore[no-untyped-def]
    _, creds = server
    code = await cli(
        "list",
        "accounts",
        "--filter",
        "type:user",
        "--page-limit",
        "7",
        "--json",
        "--credentials-file",
        str(creds),
        "--insecure",
    )
    assert code == 0
    items = json.loads(capsys.readouterr().out)
    assert sorted(i["email"] for i in items) == sorted(f"u{i}@example.com" for i in range(30))
    assert all(i["type"] == "User" and "password" not in i for i in items)

    assert (
        await cli("list", "resources", "--json", "--credentials-file", str(creds), "--insecure")
        == 0
    )
    (db,) = json.loads(capsys.readouterr().out)
    assert db["name"] == "prod-db" and "password" not in db and "hunter2" not in json.dumps(db)


async def test_list_table_and_snapshot(server, capsys) -> None:  # type: ignore[no-untyped-def]
    _, creds = server
    assert await cli("list", "roles", "--credentials-file", str(creds), "--insecure") == 0
    assert "ops" in capsys.readouterr().out
    past = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    assert (
        await cli(
            "list",
            "roles",
            "--snapshot-at",
            past,
            "--json",
            "--credentials-file",
            str(creds),
            "--insecure",
        )
        == 0
    )
    assert json.loads(capsys.readouterr().out) == []


async def test_errors_are_one_line_with_meaningful_status(server, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    _, creds = server
    assert await cli("list", "nope", "--credentials-file", str(creds), "--insecure") == 2
    assert "no listable service 'nope'" in capsys.readouterr().err
    assert (
        await cli(
            "list",
            "accounts",
            "--filter",
            "bogus:1",
            "--credentials-file",
            str(creds),
            "--insecure",
        )
        == 3
    )
    err = capsys.readouterr().err.strip()
    assert err.startswith("aiosdm list: BadRequestError") and "\n" not in err
    forged = json.loads(creds.read_text())
    forged["secret_key"] = "Zm9yZ2VkLXNlY3JldC1mb3JnZWQtc2VjcmV0LWZvcmdlZA=="
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(forged))
    assert await cli("list", "roles", "--credentials-file", str(bad), "--insecure") == 3
    err = capsys.readouterr().err
    assert "AuthenticationError" in err and forged["secret_key"] not in err


async def test_pagerduty_sync_command(server, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, creds = server
    now = datetime.now(UTC).replace(microsecond=0)
    async with PagerDutyStandIn(token="tok") as pd:
        pd.add_shift(
            "P1", "A", "u1@example.com", now - timedelta(hours=1), now + timedelta(hours=3)
        )
        pd.add_shift("P1", "B", "ghost@example.com", now, now + timedelta(hours=3))
        monkeypatch.setenv("PAGERDUTY_TOKEN", "tok")
        args = [
            "pagerduty-sync",
            "--schedule",
            "P1",
            "--resource",
            "prod-db",
            "--until",
            "8h",
            "--since",
            now.isoformat(),
            "--pagerduty-url",
            pd.url,
            "--credentials-file",
            str(creds),
            "--insecure",
        ]
        assert await cli(*args, "--dry-run", "--json") == 0
        dry = json.loads(capsys.readouterr().out)
        assert dry["dry_run"] and len(dry["created"]) == 1
        assert dry["unmatched_users"] == ["ghost@example.com"]
        assert await cli(*args) == 0
        assert "created 1 grant," in capsys.readouterr().out
        assert await cli(*args, "--json") == 0
        again = json.loads(capsys.readouterr().out)
        assert again["created"] == [] and len(again["skipped"]) == 1
        assert await cli(*args[:4], "missing-db", *args[5:]) == 1
        assert "no resource named 'missing-db'" in capsys.readouterr().err
        monkeypatch.delenv("PAGERDUTY_TOKEN")
        assert await cli(*args) == 2
        assert "PAGERDUTY_TOKEN" in capsys.readouterr().err


async def test_pagerduty_failures_are_one_line_with_their_own_status(  # type: ignore[no-untyped-def]
    server, capsys, monkeypatch
) -> None:
    _, creds = server
    now = datetime.now(UTC).replace(microsecond=0)
    async with PagerDutyStandIn(token="right-token") as pd:
        pd.add_shift("P1", "A", "u1@example.com", now, now + timedelta(hours=3))
        args = [
            "pagerduty-sync",
            "--schedule",
            "P1",
            "--resource",
            "prod-db",
            "--pagerduty-url",
            pd.url,
            "--credentials-file",
            str(creds),
            "--insecure",
        ]
        monkeypatch.setenv("PAGERDUTY_TOKEN", "a-rejected-token-value")
        assert await cli(*args) == 4  # PagerDuty answers 401
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert "PagerDuty refused the API token (HTTP 401" in err
        assert "a-rejected-token-value" not in err

        monkeypatch.setenv("PAGERDUTY_TOKEN", "right-token")
        assert await cli(*args, "--time-zone", "Europe/Berlin", "--dry-run", "--json") == 0
        assert json.loads(capsys.readouterr().out)["created"]
        assert dict(pd.requests[-1].query)["time_zone"] == "Europe/Berlin"
    # The stand-in is gone: PagerDuty cannot be reached.
    assert await cli(*args) == 5
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PagerDuty could not be reached" in err


def test_exit_statuses_are_documented_in_the_help(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        main(["pagerduty-sync", "--help"])
    help_text = capsys.readouterr().out
    for line in ("4  PagerDuty refused the API token", "5  PagerDuty could not be reached"):
        assert line in help_text
    assert "--time-zone" in help_text
