"""Aliyun's documented access methods: the ECS instance's RAM role and KMS client keys;
trusting a CA file or (explicitly) nothing; endpoints derived from a region. Against the
loopback KMS and instance-metadata stand-ins."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
from cryptography.x509.oid import NameOID

from aiosdm.credentials import (
    AliyunAccessKey,
    AliyunApiError,
    AliyunClient,
    AliyunClientKeyFile,
    AliyunEcsRamRole,
    AliyunSecretsManager,
    CredentialsNotFoundError,
    CredentialsRefreshError,
    SecretFormatError,
    aliyun_endpoint,
    get_secret_value,
)

BOOT_ID, BOOT_SECRET = "LTAIbootstrap0000001", "bootstrap-secret-not-real"
KMS_VERSION = "2016-01-20"


def sdm(n: int) -> str:
    return base64.b64encode(f"strongdm-secret-{n}".encode()).decode()


class FakeClock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


# --- ECS RAM role ----------------------------------------------------------------------


async def test_ecs_ram_role_whose_sts_token_expires(kms: Any, metadata: Any) -> None:
    clock = FakeClock()
    kms.now = metadata.kms.now = clock
    kms.put("sdm/api", {"AccessKeyId": "auth-1", "AccessKeySecret": sdm(1)})
    async with (
        # No coalescing: this test's 55 minutes pass in a few real milliseconds.
        AliyunEcsRamRole(
            metadata_url=metadata.url, clock=clock, coalesce_window=timedelta(0)
        ) as role,
        AliyunClient(endpoint=kms.url, api_version=KMS_VERSION, credentials=role) as api,
        AliyunSecretsManager("sdm/api", kms=api) as source,
    ):
        assert (await source.get()).access_key == "auth-1"
        assert metadata.issued == ["STS.issued0001"]
        assert metadata.requests["PUT /latest/api/token"] == 1  # the hardened mode
        await asyncio.gather(*(get_secret_value(api, "sdm/api") for _ in range(30)))
        assert len(metadata.issued) == 1  # one key for every caller

        # 55 of its 60 minutes gone: past the mandatory moment, renewed before signing.
        clock.now += timedelta(minutes=55)
        await asyncio.gather(*(get_secret_value(api, "sdm/api") for _ in range(30)))
        assert len(metadata.issued) == 2  # one renewal, shared
        assert (await role.get()).access_key_id == "STS.issued0002"
        assert not kms.errors

        # The token expires behind our back: rejected once, renewed once, retried once.
        token, _ = kms.tokens["STS.issued0002"]
        kms.tokens["STS.issued0002"] = (token, clock.now)
        await get_secret_value(api, "sdm/api")
        assert kms.errors == {"GetSecretValue:400": 1}
        assert len(metadata.issued) == 3
    assert "sts-secret" not in repr(role) and "sts-token" not in repr(await role.get())


async def test_ecs_ram_role_by_name_and_without_metadata_tokens(kms: Any, metadata: Any) -> None:
    metadata.tokens = False
    async with AliyunEcsRamRole("sdm-reader", metadata_url=metadata.url) as role:
        key = await role.get()
    assert key.security_token == "sts-token-1"
    assert metadata.requests["GET /latest/meta-data/ram/security-credentials/"] == 0
    strict = AliyunEcsRamRole(metadata_url=metadata.url, require_token=True)
    with pytest.raises(CredentialsRefreshError, match="require_token"):
        await strict.get()
    wrong = AliyunEcsRamRole("no-such-role", metadata_url=metadata.url)
    with pytest.raises(CredentialsRefreshError, match="HTTP 404"):
        await wrong.get()
    await strict.close()
    await wrong.close()


async def test_metadata_service_demanding_tokens(kms: Any, metadata: Any) -> None:
    metadata.token_required = True
    async with AliyunEcsRamRole(metadata_url=metadata.url, require_token=True) as role:
        assert (await role.get()).access_key_id == "STS.issued0001"


# --- client keys -------------------------------------------------------------------------


def client_key_file(kms: Any, folder: Path, password: str, key_id: str = "KAAP.0001") -> Path:
    """A client key as KMS hands it out: JSON with KeyId and a password-protected PKCS#12."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, key_id)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    archive = pkcs12.serialize_key_and_certificates(
        key_id.encode(), key, cert, None, BestAvailableEncryption(password.encode())
    )
    path = folder / f"clientKey_{key_id}.json"
    path.write_text(
        json.dumps({"KeyId": key_id, "PrivateKeyData": base64.b64encode(archive).decode()})
    )
    kms.client_keys[key_id] = key.public_key()
    return path


async def test_client_key_with_its_password_from_an_environment_variable(
    kms: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = await asyncio.to_thread(client_key_file, kms, tmp_path, "open-sesame")
    monkeypatch.setenv("SDM_KMS_CLIENT_KEY_PASSWORD", "open-sesame")
    kms.put("sdm/api", {"access_key": "auth-ck", "secret_key": sdm(7)})
    client_key = AliyunClientKeyFile(path, password_env="SDM_KMS_CLIENT_KEY_PASSWORD")
    async with (
        AliyunClient(endpoint=kms.url, api_version=KMS_VERSION, credentials=client_key) as api,
        AliyunSecretsManager("sdm/api", kms=api) as source,
    ):
        assert (await source.get()).access_key == "auth-ck"
        await asyncio.gather(*(get_secret_value(api, "sdm/api") for _ in range(10)))
    assert kms.calls["GetSecretValue"] == 11 and not kms.errors  # every RSA signature checked
    assert "open-sesame" not in repr(client_key) + repr(await client_key.get())


async def test_client_key_with_its_password_from_a_file(kms: Any, tmp_path: Path) -> None:
    path = await asyncio.to_thread(client_key_file, kms, tmp_path, "from-a-file")
    password = tmp_path / "password"
    password.write_text("from-a-file\n")
    kms.put("sdm/api", {"access_key": "auth-ck", "secret_key": sdm(8)})
    async with AliyunClient(
        endpoint=kms.url,
        api_version=KMS_VERSION,
        credentials=AliyunClientKeyFile(path, password_file=password),
    ) as api:
        secret = await get_secret_value(api, "sdm/api")
    assert "auth-ck" in secret.data


async def test_client_key_problems_are_clear_and_never_echo_the_password(
    kms: Any, tmp_path: Path
) -> None:
    path = await asyncio.to_thread(client_key_file, kms, tmp_path, "right-password")
    with pytest.raises(CredentialsNotFoundError, match=r"\$CK_PASSWORD .* is not set"):
        await AliyunClientKeyFile(path, password_env="CK_PASSWORD", environ={}).get()
    with pytest.raises(SecretFormatError) as caught:
        await AliyunClientKeyFile(
            path, password_env="CK_PASSWORD", environ={"CK_PASSWORD": "wrong-password"}
        ).get()
    assert "cannot be opened" in str(caught.value) and "wrong-password" not in str(caught.value)
    with pytest.raises(CredentialsNotFoundError, match="no such client key file"):
        await AliyunClientKeyFile(tmp_path / "nope.json", password_file=path).get()
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps({"KeyId": "KAAP.x"}))
    with pytest.raises(SecretFormatError, match="PrivateKeyData"):
        await AliyunClientKeyFile(broken, password_env="X", environ={"X": "y"}).get()
    with pytest.raises(ValueError):
        AliyunClientKeyFile(path)
    with pytest.raises(ValueError):
        AliyunClientKeyFile(path, password_env="X", password_file=path)


async def test_unknown_client_key_is_an_api_error(kms: Any, tmp_path: Path) -> None:
    path = await asyncio.to_thread(client_key_file, kms, tmp_path, "pw", "KAAP.revoked")
    del kms.client_keys["KAAP.revoked"]
    kms.put("sdm/api", {"access_key": "auth-ck", "secret_key": sdm(9)})
    provider = AliyunClientKeyFile(path, password_env="P", environ={"P": "pw"})
    async with AliyunClient(endpoint=kms.url, api_version=KMS_VERSION, credentials=provider) as api:
        with pytest.raises(AliyunApiError) as caught:
            await get_secret_value(api, "sdm/api")
    assert caught.value.code == "InvalidAccessKeyId.NotFound"
    assert kms.errors == {"GetSecretValue:404": 2}  # judged expired: re-read once, retried once


# --- TLS and endpoints -----------------------------------------------------------------


def boot_client(url: str, **kwargs: Any) -> AliyunClient:
    return AliyunClient(
        endpoint=url,
        api_version=KMS_VERSION,
        credentials=AliyunAccessKey(BOOT_ID, BOOT_SECRET),
        **kwargs,
    )


async def test_tls_with_a_ca_file_or_explicitly_without_verification(
    kms: Any, tls_files: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    kms.put("sdm/api", {"access_key": "auth-tls", "secret_key": sdm(10)})
    async with boot_client(kms.tls_url, ca_file=tls_files[0]) as api:
        assert "auth-tls" in (await get_secret_value(api, "sdm/api")).data
    async with boot_client(kms.tls_url) as api:
        with pytest.raises(aiohttp.ClientConnectorCertificateError):
            await get_secret_value(api, "sdm/api")  # the system's CAs do not know it
    with caplog.at_level(logging.WARNING, logger="aiosdm.credentials"):
        async with boot_client(kms.tls_url, verify=False) as api:
            assert "auth-tls" in (await get_secret_value(api, "sdm/api")).data
    assert "NOT verified" in caplog.text
    with pytest.raises(ValueError, match="contradict"):
        boot_client(kms.tls_url, ca_file=tls_files[0], verify=False)


def test_endpoints_derive_from_the_region() -> None:
    assert aliyun_endpoint("kms", "cn-hangzhou") == "https://kms.cn-hangzhou.aliyuncs.com"
    assert aliyun_endpoint("kms", "cn-shanghai", vpc=True) == (
        "https://kms-vpc.cn-shanghai.aliyuncs.com"
    )
    key = AliyunAccessKey("a", "b")
    client = AliyunClient(region_id="ap-southeast-1", api_version=KMS_VERSION, credentials=key)
    assert "https://kms.ap-southeast-1.aliyuncs.com" in repr(client)
    vpc = AliyunClient(region_id="cn-beijing", vpc=True, api_version=KMS_VERSION, credentials=key)
    assert "kms-vpc.cn-beijing" in repr(vpc)
    with pytest.raises(ValueError):
        AliyunClient(api_version=KMS_VERSION, credentials=key)
    with pytest.raises(ValueError):
        AliyunClient(
            endpoint="https://kms.x.aliyuncs.com",
            region_id="x",
            api_version=KMS_VERSION,
            credentials=key,
        )
    with pytest.raises(ValueError):
        aliyun_endpoint("kms", "cn-hangzhou/../evil")
