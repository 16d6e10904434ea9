"""AwsSecretsManager against moto, including through a cross-account role."""

from __future__ import annotations

import asyncio
import base64
import json
from pathlib import Path
from typing import Any

import pytest
from aiobotocore.session import AioSession

from aiosdm.aws import CrossAccountSessionProvider, ProfileSessionProvider
from aiosdm.credentials import AwsSecretsManager, CredentialsRefreshError, SecretFormatError

REGION = "us-east-1"
TARGET = "222222222222"


def sdm(n: int) -> str:
    return base64.b64encode(f"strongdm-secret-{n}".encode()).decode()


@pytest.fixture
def session() -> AioSession:
    session = AioSession()
    session.set_credentials("AKIAEXAMPLE000000001", "not-real")
    session.set_config_variable("region", REGION)
    return session


async def create(session: Any, url: str, name: str, value: Any, **kwargs: Any) -> None:
    async with session.create_client("secretsmanager", endpoint_url=url) as client:
        await client.create_secret(Name=name, **kwargs, **_value(value))


async def put(session: Any, url: str, name: str, value: Any, **kwargs: Any) -> None:
    async with session.create_client("secretsmanager", endpoint_url=url) as client:
        await client.put_secret_value(SecretId=name, **kwargs, **_value(value))


def _value(value: Any) -> dict[str, Any]:
    if isinstance(value, bytes):
        return {"SecretBinary": value}
    return {"SecretString": value if isinstance(value, str) else json.dumps(value)}


def source(session: Any, url: str, name: str, **kwargs: Any) -> AwsSecretsManager:
    return AwsSecretsManager(name, session=session, endpoint_url=url, region_name=REGION, **kwargs)


async def test_keys_and_version_stages(session: Any, fresh_moto: str) -> None:
    await create(session, fresh_moto, "sdm", {"access_key": "auth-1", "secret_key": sdm(1)})
    await put(session, fresh_moto, "sdm", {"access_key": "auth-2", "secret_key": sdm(2)})
    await put(
        session,
        fresh_moto,
        "sdm",
        {"access_key": "auth-3", "secret_key": sdm(3)},
        VersionStages=["NEXT"],
    )
    async with source(session, fresh_moto, "sdm") as current:
        assert (await current.get()).access_key == "auth-2"
    async with source(session, fresh_moto, "sdm", version_stage="AWSPREVIOUS") as previous:
        assert (await previous.get()).access_key == "auth-1"
    async with source(session, fresh_moto, "sdm", version_stage="NEXT") as staged:
        assert (await staged.get()).access_key == "auth-3"


async def test_configurable_fields_and_binary(session: Any, fresh_moto: str) -> None:
    document = {"sdm": {"x": 1}, "SDM_ACCESS": "auth-b", "SDM_SECRET": sdm(4)}
    await create(session, fresh_moto, "bin", json.dumps(document).encode())
    async with source(
        session, fresh_moto, "bin", access_key_field="SDM_ACCESS", secret_key_field="SDM_SECRET"
    ) as provider:
        assert (await provider.get()).access_key == "auth-b"


async def test_rotation_on_demand(session: Any, fresh_moto: str) -> None:
    await create(session, fresh_moto, "sdm", {"access_key": "auth-1", "secret_key": sdm(1)})
    async with source(session, fresh_moto, "sdm") as provider:
        results = await asyncio.gather(*(provider.get() for _ in range(100)))
        assert {r.access_key for r in results} == {"auth-1"}
        assert provider.fetch_count == 1
        await put(session, fresh_moto, "sdm", {"access_key": "auth-2", "secret_key": sdm(2)})
        refreshed = await asyncio.gather(*(provider.refresh() for _ in range(100)))
        assert {r.access_key for r in refreshed} == {"auth-2"}
        assert provider.fetch_count == 2


async def test_errors(session: Any, fresh_moto: str) -> None:
    await create(session, fresh_moto, "bad", {"access_key": "auth-1", "secret_key": "hunter2!"})
    provider = source(session, fresh_moto, "bad")
    with pytest.raises(SecretFormatError) as caught:
        await provider.get()
    assert "hunter2" not in str(caught.value)
    missing = source(session, fresh_moto, "missing")
    with pytest.raises(CredentialsRefreshError, match="ResourceNotFoundException"):
        await missing.get()
    await provider.close()
    await missing.close()


async def test_through_a_cross_account_role(tmp_path: Path, fresh_moto: str) -> None:
    credentials = tmp_path / "credentials"
    credentials.write_text(
        "[123456789012]\naws_access_key_id = AKIABASE000000000001\n"
        "aws_secret_access_key = not-real\n"
    )
    base = ProfileSessionProvider(
        config_file=tmp_path / "config", credentials_file=credentials, region_name=REGION
    )
    roles = CrossAccountSessionProvider(
        base,
        "123456789012",
        "sdm-reader",
        external_id="ext",
        endpoint_url=fresh_moto,
        region_name=REGION,
    )
    target = await roles.session(TARGET)
    await create(target, fresh_moto, "sdm", {"access_key": "auth-x", "secret_key": sdm(7)})
    async with AwsSecretsManager(
        "sdm",
        session=lambda: roles.session(TARGET),
        endpoint_url=fresh_moto,
        region_name=REGION,
    ) as provider:
        assert (await provider.get()).access_key == "auth-x"
    # The secret lives in the target account only: the base account cannot see it.
    base_session = await base.session("123456789012")
    elsewhere = source(base_session, fresh_moto, "sdm")
    with pytest.raises(CredentialsRefreshError):
        await elsewhere.get()
    await elsewhere.close()
    await roles.close()
    await base.close()
