"""Loopback stand-ins for the credential sources: an Aliyun KMS endpoint and moto.

The KMS stand-in checks every request's ACS3-HMAC-SHA256 signature with its own
implementation of the published algorithm (not aiosdm's), refuses unknown keys with
``InvalidAccessKeyId.NotFound`` and replayed nonces, and also serves one action of an
"other" Aliyun API (``DescribeRegions``) so managed RAM keys can be exercised.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import json
import re
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, unquote

import pytest
from aiohttp import web

BOOTSTRAP_ID, BOOTSTRAP_SECRET = "LTAIbootstrap0000001", "bootstrap-secret-not-real"
_AUTH = re.compile(r"^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=(\w+)$")
_REQUIRED = {
    "host",
    "x-acs-action",
    "x-acs-version",
    "x-acs-date",
    "x-acs-signature-nonce",
    "x-acs-content-sha256",
}


def sdm_secret(n: int) -> str:
    """A distinct, valid base64 strongDM API secret."""
    return base64.b64encode(f"strongdm-secret-{n}".encode()).decode()


def _enc(text: str) -> str:
    return quote(text, safe="-_.~")


def expected_signature(request: web.Request, body: bytes, names: list[str], secret: str) -> str:
    pairs = []
    for item in filter(None, request.query_string.split("&")):
        key, _, value = item.partition("=")
        pairs.append((_enc(unquote(key)), _enc(unquote(value))))
    query = "&".join(f"{k}={v}" for k, v in sorted(pairs))
    headers = "".join(f"{n}:{request.headers.get(n, '').strip()}\n" for n in names)
    canonical = "\n".join(
        [
            request.method,
            request.path,
            query,
            headers,
            ";".join(names),
            hashlib.sha256(body).hexdigest(),
        ]
    )
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    return hmac.new(secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()


@dataclass
class KmsStandIn:
    url: str = ""
    keys: dict[str, str] = field(default_factory=lambda: {BOOTSTRAP_ID: BOOTSTRAP_SECRET})
    # secret name -> stage -> (version id, data, data type)
    secrets: dict[str, dict[str, tuple[str, str, str]]] = field(default_factory=dict)
    next_rotation: dict[str, str] = field(default_factory=dict)
    calls: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    fail_next: int = 0  # GetSecretValue answers 500 this many more times
    peers: set[tuple[str, int]] = field(default_factory=set)
    nonces: set[str] = field(default_factory=set)
    changed: asyncio.Condition = field(default_factory=asyncio.Condition)

    def put(self, name: str, data: dict[str, object] | str, *, stage: str = "ACSCurrent") -> None:
        text = data if isinstance(data, str) else json.dumps(data)
        versions = self.secrets.setdefault(name, {})
        if stage == "ACSCurrent" and "ACSCurrent" in versions:
            versions["ACSPrevious"] = versions["ACSCurrent"]
        versions[stage] = (f"v{len(versions) + 1}", text, "text")

    def put_binary(self, name: str, data: dict[str, object]) -> None:
        raw = base64.b64encode(json.dumps(data).encode()).decode()
        self.secrets.setdefault(name, {})["ACSCurrent"] = ("vb", raw, "binary")

    async def wait_for(self, predicate: object) -> None:
        async with self.changed:
            await self.changed.wait_for(predicate)  # type: ignore[arg-type]


def _error(status: int, code: str, message: str) -> web.Response:
    body = {"RequestId": "req-0001", "Code": code, "Message": message, "HostId": "kms"}
    return web.json_response(body, status=status)


@pytest.fixture
async def kms() -> AsyncIterator[KmsStandIn]:
    state = KmsStandIn()

    async def handle(request: web.Request) -> web.Response:
        body = await request.read()
        action = request.headers.get("x-acs-action", "")
        response = check(request, body, action)
        async with state.changed:
            state.calls[action] += 1
            if response.status != 200:
                state.errors[f"{action}:{response.status}"] += 1
            state.changed.notify_all()
        return response

    def check(request: web.Request, body: bytes, action: str) -> web.Response:
        peer = request.transport.get_extra_info("peername") if request.transport else None
        if peer:
            state.peers.add((peer[0], peer[1]))
        match = _AUTH.match(request.headers.get("Authorization", ""))
        if match is None:
            return _error(400, "MissingAuthorization", "no ACS3 Authorization header")
        key_id, signed, signature = match.groups()
        names = signed.split(";")
        if not set(names) >= _REQUIRED or names != sorted(names):
            return _error(400, "IncompleteSignature", f"signed headers: {signed}")
        if request.headers["x-acs-content-sha256"] != hashlib.sha256(body).hexdigest():
            return _error(400, "IncompleteSignature", "payload hash mismatch")
        sent = datetime.strptime(request.headers["x-acs-date"], "%Y-%m-%dT%H:%M:%SZ")
        if abs(sent.replace(tzinfo=UTC) - datetime.now(UTC)) > timedelta(minutes=15):
            return _error(400, "InvalidTimeStamp.Expired", "timestamp too far off")
        if key_id not in state.keys:
            return _error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
        if not hmac.compare_digest(
            signature, expected_signature(request, body, names, state.keys[key_id])
        ):
            return _error(400, "SignatureDoesNotMatch", "signature mismatch")
        nonce = request.headers["x-acs-signature-nonce"]
        if nonce in state.nonces:
            return _error(400, "SignatureNonceUsed", "nonce reused")
        state.nonces.add(nonce)
        if action == "DescribeRegions":
            return web.json_response({"RequestId": "r", "Regions": {"Region": ["cn-hangzhou"]}})
        if action != "GetSecretValue" or request.headers["x-acs-version"] != "2016-01-20":
            return _error(400, "InvalidAction.NotFound", action)
        if state.fail_next > 0:
            state.fail_next -= 1
            return _error(500, "InternalFailure", "try again")
        name = request.query.get("SecretName", "")
        versions = state.secrets.get(name)
        stage = request.query.get("VersionStage", "ACSCurrent")
        if not versions or stage not in versions:
            return _error(404, "Forbidden.ResourceNotFound", "no such secret")
        version_id, data, data_type = versions[stage]
        answer = {
            "RequestId": "req-0002",
            "SecretName": name,
            "VersionId": version_id,
            "SecretData": data,
            "SecretDataType": data_type,
            "SecretType": "Generic",
            "VersionStages": {"VersionStage": [stage]},
        }
        if request.query.get("FetchExtendedConfig") == "true" and name in state.next_rotation:
            answer["NextRotationDate"] = state.next_rotation[name]
        return web.json_response(answer)

    app = web.Application()
    app.router.add_post("/", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    state.url = f"http://127.0.0.1:{runner.addresses[0][1]}"
    try:
        yield state
    finally:
        await runner.cleanup()


class FakeMonotonic:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def monotonic() -> FakeMonotonic:
    return FakeMonotonic()
