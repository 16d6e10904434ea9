"""Profiles whose role needs an MFA code: the code comes from an async callback, never a
terminal. Against moto behind the counting STS proxy."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from aiosdm.aws import AwsAccessError, MfaRequiredError, ProfileSessionProvider, RefreshPolicy

TARGET = "222222222222"
MFA_SERIAL = "arn:aws:iam::123456789012:mfa/alice"


def mfa_profile(tmp_path: Path, sts: Any, duration: int = 3600) -> tuple[Path, Path]:
    config = tmp_path / "config"
    config.write_text(
        f"[profile {TARGET}]\n"
        f"role_arn = arn:aws:iam::{TARGET}:role/admin\n"
        "source_profile = base\n"
        f"mfa_serial = {MFA_SERIAL}\n"
        f"duration_seconds = {duration}\n"
        f"endpoint_url = {sts.url}\n"
        "region = us-east-1\n"
    )
    credentials = tmp_path / "credentials"
    credentials.write_text(
        "[base]\naws_access_key_id = AKIABASEEXAMPLE00003\naws_secret_access_key = not-real\n"
    )
    return config, credentials


async def caller(session: Any, sts: Any) -> str:
    async with session.create_client("sts", endpoint_url=sts.url) as client:
        return str((await client.get_caller_identity())["Arn"])


async def test_mfa_code_comes_from_the_callback(tmp_path: Path, sts: Any) -> None:
    asked: list[str] = []

    async def mfa_code(serial: str) -> str:
        asked.append(serial)
        await asyncio.sleep(0)  # a real suspension point, as a prompt would have
        return " 123456 "

    config, credentials = mfa_profile(tmp_path, sts)
    provider = ProfileSessionProvider(
        config_file=config, credentials_file=credentials, mfa_code=mfa_code
    )
    session = await provider.session(TARGET)
    assert ":assumed-role/admin/" in await caller(session, sts)
    (params,) = sts.params("AssumeRole")
    assert (params["SerialNumber"], params["TokenCode"]) == (MFA_SERIAL, "123456")
    assert asked == [MFA_SERIAL]
    await provider.close()


async def test_without_a_callback_it_is_a_clear_error_not_a_prompt(
    tmp_path: Path, sts: Any
) -> None:
    config, credentials = mfa_profile(tmp_path, sts)
    provider = ProfileSessionProvider(config_file=config, credentials_file=credentials)
    with pytest.raises(MfaRequiredError) as caught:
        await provider.session(TARGET)
    assert isinstance(caught.value, AwsAccessError)
    assert caught.value.mfa_serial == MFA_SERIAL
    assert caught.value.profile == TARGET
    assert "mfa_code" in str(caught.value)
    assert sts.count("AssumeRole") == 0
    await provider.close()


async def test_a_callback_that_never_answers_is_bounded(tmp_path: Path, sts: Any) -> None:
    async def never(serial: str) -> str:
        await asyncio.Event().wait()
        return ""

    config, credentials = mfa_profile(tmp_path, sts)
    provider = ProfileSessionProvider(
        config_file=config,
        credentials_file=credentials,
        mfa_code=never,
        mfa_timeout=timedelta(milliseconds=200),
    )
    with pytest.raises(MfaRequiredError, match=r"no code in 0\.2s"):
        await provider.session(TARGET)
    await provider.close()


async def test_renewing_mfa_credentials_asks_for_a_new_code(tmp_path: Path, sts: Any) -> None:
    codes = iter(["111111", "222222"])

    async def mfa_code(serial: str) -> str:
        return next(codes)

    config, credentials = mfa_profile(tmp_path, sts, duration=900)
    provider = ProfileSessionProvider(
        config_file=config,
        credentials_file=credentials,
        mfa_code=mfa_code,
        # Renew (for real: botocore's clock) a second into the 15 minutes.
        refresh_policy=RefreshPolicy(advisory=0.001, mandatory=0.001),
        poll_interval=timedelta(seconds=0.4),
    )
    session = await provider.session(TARGET)
    first = await (await session.get_credentials()).get_frozen_credentials()
    await asyncio.sleep(1.2)
    second = await (await session.get_credentials()).get_frozen_credentials()
    assert second.access_key != first.access_key
    assert [p["TokenCode"] for p in sts.params("AssumeRole")] == ["111111", "222222"]
    await provider.close()
