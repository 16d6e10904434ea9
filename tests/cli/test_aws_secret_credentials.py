"""``--aws-secret``: the CLI reads its API keys from AWS Secrets Manager (moto on loopback)."""

from __future__ import annotations

import asyncio
import json

import boto3
import pytest

from aiosdm._generated.models import Role
from aiosdm.cli.main import main
from aiosdm.testing import LocalServer


@pytest.fixture
def aws(fresh_moto: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """moto, and an environment whose default AWS credential chain points nowhere real."""
    for name, value in {
        "AWS_ACCESS_KEY_ID": "AKIAEXAMPLE000000001",
        "AWS_SECRET_ACCESS_KEY": "example-not-a-real-secret",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": "/nonexistent",
        "AWS_SHARED_CREDENTIALS_FILE": "/nonexistent",
    }.items():
        monkeypatch.setenv(name, value)
    return fresh_moto


async def test_list_with_keys_from_secrets_manager(aws: str, capsys) -> None:  # type: ignore[no-untyped-def]
    async with LocalServer() as server:
        await server.seed([Role(name="from-aws")])
        key = await server.create_api_key(name="cli")
        secrets = boto3.client("secretsmanager", endpoint_url=aws, region_name="us-east-1")
        await asyncio.to_thread(
            secrets.create_secret,
            Name="strongdm/cli",
            SecretString=json.dumps({"access_key": key.access_key, "secret_key": key.secret_key}),
        )
        argv = [
            "list",
            "roles",
            "--json",
            "--aws-secret",
            "strongdm/cli",
            "--aws-region",
            "us-east-1",
            "--aws-endpoint-url",
            aws,
            "--host",
            server.host,
            "--insecure",
        ]
        assert await asyncio.to_thread(main, argv) == 0
    assert [r["name"] for r in json.loads(capsys.readouterr().out)] == ["from-aws"]


async def test_a_missing_secret_is_one_clear_line(aws: str, capsys) -> None:  # type: ignore[no-untyped-def]
    argv = [
        "list",
        "roles",
        "--aws-secret",
        "strongdm/absent",
        "--aws-region",
        "us-east-1",
        "--aws-endpoint-url",
        aws,
        "--host",
        "127.0.0.1:9",
        "--insecure",
    ]
    assert await asyncio.to_thread(main, argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("aiosdm list: ") and "strongdm/absent" in err and "\n" not in err
