"""AliyunClient, AliyunSecretsManager and AliyunManagedAccessKey against the KMS stand-in."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from aiosdm.credentials import (
    AliyunAccessKey,
    AliyunApiError,
    AliyunClient,
    AliyunManagedAccessKey,
    AliyunSecretsManager,
    SecretFormatError,
    StaticAliyunAccessKey,
    get_secret_value,
)

BOOT_ID, BOOT_SECRET = "LTAIbootstrap0000001", "bootstrap-secret-not-real"


def sdm(n: int) -> str:
    import base64

    return base64.b64encode(f"strongdm-secret-{n}".encode()).decode()


def kms_client(kms: Any, secret: str = BOOT_SECRET) -> AliyunClient:
    return AliyunClient(
        endpoint=kms.url,
        api_version="2016-01-20",
        credentials=AliyunAccessKey(BOOT_ID, secret),
    )


def managed(access_key: str, secret: str, **extra: object) -> dict[str, object]:
    return {"AccessKeyId": access_key, "AccessKeySecret": secret, **extra}


async def test_strongdm_keys_from_managed_credential_json(kms: Any) -> None:
    kms.put("sdm/api", managed("auth-key-1", sdm(1), refreshInterval="3600s"))
    async with kms_client(kms) as client, AliyunSecretsManager("sdm/api", kms=client) as source:
        credentials = await source.get()
        assert (credentials.access_key, credentials.secret_key) == ("auth-key-1", sdm(1))
        assert await source.get() is credentials
    assert kms.calls["GetSecretValue"] == 1
    assert not kms.errors  # the stand-in verified our signature


async def test_plain_and_custom_field_names(kms: Any) -> None:
    kms.put("plain", {"access_key": "auth-plain", "secret_key": sdm(2)})
    kms.put("custom", {"id": "auth-custom", "key": sdm(3)})
    async with kms_client(kms) as client:
        async with AliyunSecretsManager("plain", kms=client) as source:
            assert (await source.get()).access_key == "auth-plain"
        async with AliyunSecretsManager(
            "custom", kms=client, access_key_field="id", secret_key_field="key"
        ) as source:
            assert (await source.get()).access_key == "auth-custom"
        with pytest.raises(ValueError):
            AliyunSecretsManager("custom", kms=client, access_key_field="id")


async def test_version_stage_and_binary_data(kms: Any) -> None:
    kms.put("sdm/api", managed("auth-old", sdm(1)))
    kms.put("sdm/api", managed("auth-new", sdm(2)))
    kms.put_binary("bin", managed("auth-bin", sdm(4)))
    kms.next_rotation["sdm/api"] = "2030-01-01T00:00:00Z"
    async with kms_client(kms) as client:
        previous = await get_secret_value(client, "sdm/api", version_stage="ACSPrevious")
        current = await get_secret_value(client, "sdm/api")
        binary = await get_secret_value(client, "bin")
    assert "auth-old" in previous.data and "auth-new" in current.data
    assert current.hints.next_rotation == datetime(2030, 1, 1, tzinfo=UTC)
    assert "auth-bin" in binary.data
    assert sdm(2) not in repr(current)


async def test_bad_signature_and_missing_secret_are_api_errors(kms: Any) -> None:
    kms.put("sdm/api", managed("auth-key-1", sdm(1)))
    async with kms_client(kms, secret="wrong-secret") as client:
        with pytest.raises(AliyunApiError) as caught:
            await get_secret_value(client, "sdm/api")
    assert caught.value.code == "SignatureDoesNotMatch"
    assert "wrong-secret" not in str(caught.value)
    async with kms_client(kms) as client:
        with pytest.raises(AliyunApiError) as missing:
            await get_secret_value(client, "nope")
    assert missing.value.code == "Forbidden.ResourceNotFound"
    assert missing.value.status == 404


async def test_malformed_secret_never_echoed(kms: Any) -> None:
    kms.put("bad", {"AccessKeyId": "auth-x", "AccessKeySecret": "not base64 !!"})
    kms.put("notjson", "AccessKeySecret=hunter2")
    async with kms_client(kms) as client:
        for name, leaked in (("bad", "not base64"), ("notjson", "hunter2")):
            source = AliyunSecretsManager(name, kms=client)
            with pytest.raises(SecretFormatError) as caught:
                await source.get()
            assert leaked not in str(caught.value)
            await source.close()


async def test_one_client_session_is_reused(kms: Any) -> None:
    kms.put("sdm/api", managed("auth-key-1", sdm(1)))
    async with kms_client(kms) as client:
        for _ in range(5):
            await get_secret_value(client, "sdm/api")
    assert kms.calls["GetSecretValue"] == 5
    assert len(kms.peers) == 1  # one kept-alive connection: one session, one pool


def test_plaintext_endpoint_only_on_loopback() -> None:
    with pytest.raises(ValueError, match="https"):
        AliyunClient(
            endpoint="http://kms.cn-hangzhou.aliyuncs.com",
            api_version="2016-01-20",
            credentials=AliyunAccessKey("a", "b"),
        )
    assert "b" not in repr(AliyunAccessKey("a", "b").__repr__().replace("AliyunAccessKey", ""))


async def test_expired_ram_key_refreshes_once_and_retries_once(kms: Any) -> None:
    kms.keys["LTAImanaged1"] = "managed-secret-1"
    kms.put("ram/app", managed("LTAImanaged1", "managed-secret-1"))
    async with (
        kms_client(kms) as kms_api,
        AliyunManagedAccessKey("ram/app", kms=kms_api) as ram_key,
        AliyunClient(endpoint=kms.url, api_version="2014-05-26", credentials=ram_key) as ecs,
    ):
        await ecs.call("DescribeRegions")
        # The key is rotated behind our back: the old one is deleted at once.
        del kms.keys["LTAImanaged1"]
        kms.keys["LTAImanaged2"] = "managed-secret-2"
        kms.put("ram/app", managed("LTAImanaged2", "managed-secret-2"))

        answer = await ecs.call("DescribeRegions")
        assert answer["Regions"]["Region"] == ["cn-hangzhou"]
        assert kms.errors == {"DescribeRegions:404": 1}  # exactly one rejected attempt
        assert kms.calls["DescribeRegions"] == 3  # first call, rejected one, its one retry
        assert kms.calls["GetSecretValue"] == 2  # first fetch + exactly one refresh
        assert (await ram_key.get()).access_key_id == "LTAImanaged2"


async def test_still_rejected_after_refresh_raises_after_one_retry(kms: Any) -> None:
    kms.keys["LTAImanaged1"] = "managed-secret-1"
    kms.put("ram/app", managed("LTAImanaged1", "managed-secret-1"))
    async with (
        kms_client(kms) as kms_api,
        AliyunManagedAccessKey("ram/app", kms=kms_api, coalesce_window=timedelta(0)) as ram_key,
        AliyunClient(endpoint=kms.url, api_version="2014-05-26", credentials=ram_key) as ecs,
    ):
        del kms.keys["LTAImanaged1"]  # revoked, and the secret was not rotated
        with pytest.raises(AliyunApiError) as caught:
            await ecs.call("DescribeRegions")
    assert caught.value.code == "InvalidAccessKeyId.NotFound"
    assert kms.errors == {"DescribeRegions:404": 2}
    assert kms.calls["GetSecretValue"] == 2


async def test_concurrent_rejections_share_one_refresh(kms: Any) -> None:
    kms.keys["LTAImanaged1"] = "managed-secret-1"
    kms.put("ram/app", managed("LTAImanaged1", "managed-secret-1"))
    async with (
        kms_client(kms) as kms_api,
        AliyunManagedAccessKey("ram/app", kms=kms_api) as ram_key,
        AliyunClient(endpoint=kms.url, api_version="2014-05-26", credentials=ram_key) as ecs,
    ):
        del kms.keys["LTAImanaged1"]
        kms.keys["LTAImanaged2"] = "managed-secret-2"
        kms.put("ram/app", managed("LTAImanaged2", "managed-secret-2"))
        await asyncio.gather(*(ecs.call("DescribeRegions") for _ in range(40)))
    assert kms.calls["GetSecretValue"] == 2
    assert kms.calls["DescribeRegions"] == 80


async def test_static_key_judge_is_pluggable(kms: Any) -> None:
    seen: list[str] = []

    def judge(error: AliyunApiError) -> bool:
        seen.append(error.code)
        return False

    client = AliyunClient(
        endpoint=kms.url,
        api_version="2014-05-26",
        credentials=StaticAliyunAccessKey("LTAIunknown", "x"),
        is_key_expired=judge,
    )
    with pytest.raises(AliyunApiError):
        await client.call("DescribeRegions")
    await client.close()
    assert seen == ["InvalidAccessKeyId.NotFound"]
    assert kms.calls["DescribeRegions"] == 1  # judged not expired: no retry
