"""API keys from Aliyun KMS Secrets Manager.

The strongDM API key is kept in a KMS secret in the shape of Aliyun managed RAM credentials
(``AccessKeyId``/``AccessKeySecret`` plus rotation hints). The provider reads it with a
signed (ACS3-HMAC-SHA256) ``GetSecretValue`` call, keeps it fresh, and when the key is
rotated the client refreshes it once and carries on.

Runs standalone: it starts a small KMS stand-in (which checks every request signature)
and aiosdm's local control plane, both on loopback.

    python examples/aliyun_kms.py
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, unquote

from aiohttp import web

from aiosdm.client import Client
from aiosdm.credentials import AliyunAccessKey, AliyunClient, AliyunSecretsManager
from aiosdm.testing import ApiKey, LocalServer

SECRET = "strongdm/reporting-job"
KMS_KEY_ID, KMS_KEY_SECRET = "LTAIexampleKmsReader", "example-not-a-real-secret"


@asynccontextmanager
async def kms_stand_in(secrets: dict[str, str]) -> AsyncIterator[str]:
    """A loopback KMS answering GetSecretValue for ``secrets`` (name -> JSON text)."""

    def encode(text: str) -> str:
        return quote(text, safe="-_.~")

    def signature_ok(request: web.Request, body: bytes) -> bool:
        header = request.headers.get("Authorization", "")
        algorithm, _, fields = header.partition(" ")
        parts = dict(item.split("=", 1) for item in fields.split(",") if "=" in item)
        if algorithm != "ACS3-HMAC-SHA256" or parts.get("Credential") != KMS_KEY_ID:
            return False
        names = parts.get("SignedHeaders", "").split(";")
        pairs = sorted(
            (encode(unquote(k)), encode(unquote(v)))
            for k, _, v in (item.partition("=") for item in request.query_string.split("&"))
            if k
        )
        canonical = "\n".join(
            [
                request.method,
                request.path,
                "&".join(f"{k}={v}" for k, v in pairs),
                "".join(f"{n}:{request.headers.get(n, '').strip()}\n" for n in names),
                ";".join(names),
                hashlib.sha256(body).hexdigest(),
            ]
        )
        to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
        expected = hmac.new(KMS_KEY_SECRET.encode(), to_sign.encode(), hashlib.sha256)
        return hmac.compare_digest(parts.get("Signature", ""), expected.hexdigest())

    async def handle(request: web.Request) -> web.Response:
        body = await request.read()
        if not signature_ok(request, body):
            error = {"Code": "SignatureDoesNotMatch", "Message": "bad signature"}
            return web.json_response(error, status=400)
        name = request.query.get("SecretName", "")
        if request.headers.get("x-acs-action") != "GetSecretValue" or name not in secrets:
            error = {"Code": "Forbidden.ResourceNotFound", "Message": "no such secret"}
            return web.json_response(error, status=404)
        return web.json_response(
            {"SecretName": name, "VersionId": "v1", "SecretData": secrets[name]}
            | {"SecretDataType": "text", "SecretType": "Generic", "RequestId": "example"}
        )

    app = web.Application()
    app.router.add_post("/", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    try:
        yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    finally:
        await runner.cleanup()


def managed_credentials(key: ApiKey) -> str:
    """The secret value, as Aliyun's rotation would write it."""
    now = datetime.now(UTC)
    return json.dumps(
        {
            "AccessKeyId": key.access_key,
            "AccessKeySecret": key.secret_key,
            "GenerateTimestamp": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "scheduleRotateTimestamp": int((now + timedelta(days=30)).timestamp()),
            "refreshInterval": "21600s",
        }
    )


async def main() -> None:
    secrets: dict[str, str] = {}
    async with LocalServer() as control_plane, kms_stand_in(secrets) as kms_url:
        api_key = await control_plane.create_api_key(name="reporting-job")
        secrets[SECRET] = managed_credentials(api_key)

        async with (
            AliyunClient(
                endpoint=kms_url,  # e.g. https://kms.cn-hangzhou.aliyuncs.com in production
                api_version="2016-01-20",
                credentials=AliyunAccessKey(KMS_KEY_ID, KMS_KEY_SECRET),
            ) as kms,
            AliyunSecretsManager(SECRET, kms=kms) as credentials,
            Client(credentials=credentials, host=control_plane.host, insecure=True) as client,
        ):
            found = [role async for role in client.roles.list("")]
            in_use = (await credentials.get()).access_key
            print(f"key {in_use} read from KMS secret {SECRET} (signature verified)")
            print(f"roles.list with it: {len(found)} roles")

            rotated = await control_plane.rotate_api_key(api_key.access_key)  # old one revoked
            secrets[SECRET] = managed_credentials(rotated)
            found = [role async for role in client.roles.list("")]  # refreshes once, retries
            in_use = (await credentials.get()).access_key
            print(f"key rotated: roles.list still works, now with {in_use}")
            print(f"the secret was fetched {credentials.fetch_count} times in all")


if __name__ == "__main__":
    asyncio.run(main())
