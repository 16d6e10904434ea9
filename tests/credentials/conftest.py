"""Loopback stand-ins for the credential sources: an Aliyun KMS endpoint, an ECS instance
metadata service, and moto.

The KMS stand-in checks every request's ACS3-HMAC-SHA256 signature (access keys) or RPC
SHA256withRSA signature (client keys) with its own implementation of the published
algorithms (not aiosdm's), refuses unknown keys with ``InvalidAccessKeyId.NotFound``,
expired STS tokens with ``InvalidSecurityToken.Expired`` and replayed nonces, also serves
one action of an "other" Aliyun API (``DescribeRegions``) so managed RAM keys can be
exercised, and listens on TLS too (``tls_url``, with a self-signed certificate).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import ipaddress
import json
import re
import ssl
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from aiohttp import web
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID

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


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class KmsStandIn:
    url: str = ""
    tls_url: str = ""
    keys: dict[str, str] = field(default_factory=lambda: {BOOTSTRAP_ID: BOOTSTRAP_SECRET})
    # STS keys: access key id -> (security token, expiry by ``now``)
    tokens: dict[str, tuple[str, datetime]] = field(default_factory=dict)
    client_keys: dict[str, rsa.RSAPublicKey] = field(default_factory=dict)
    now: Callable[[], datetime] = _utc_now  # the clock STS tokens expire by
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
async def kms(tls_files: tuple[Path, Path]) -> AsyncIterator[KmsStandIn]:
    state = KmsStandIn()

    async def handle(request: web.Request) -> web.Response:
        body = await request.read()
        action = request.headers.get("x-acs-action", "") or request.query.get("Action", "")
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
        if "Signature" in request.query:
            refused = check_client_key(request)
            version = request.query.get("Version", "")
        else:
            refused = check_access_key(request, body)
            version = request.headers.get("x-acs-version", "")
        return refused or answer(request, action, version)

    def check_client_key(request: web.Request) -> web.Response | None:
        """The RPC signature with SHA256withRSA, checked with the client key's public key."""
        query = dict(request.query)
        signature = query.pop("Signature")
        if (query.get("SignatureMethod"), query.get("SignatureType")) != (
            "SHA256withRSA",
            "PRIVATEKEY",
        ) or query.get("SignatureVersion") != "1.0":
            return _error(400, "IncompleteSignature", "unexpected signature method")
        sent = datetime.strptime(query.get("Timestamp", ""), "%Y-%m-%dT%H:%M:%SZ")
        if abs(sent.replace(tzinfo=UTC) - datetime.now(UTC)) > timedelta(minutes=15):
            return _error(400, "InvalidTimeStamp.Expired", "timestamp too far off")
        public_key = state.client_keys.get(query.get("AccessKeyId", ""))
        if public_key is None:
            return _error(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
        canonical = "&".join(f"{_enc(k)}={_enc(v)}" for k, v in sorted(query.items()))
        to_sign = f"{request.method}&%2F&{_enc(canonical)}"
        try:
            public_key.verify(
                base64.b64decode(signature), to_sign.encode(), padding.PKCS1v15(), hashes.SHA256()
            )
        except (InvalidSignature, ValueError):
            return _error(400, "SignatureDoesNotMatch", "signature mismatch")
        nonce = query.get("SignatureNonce", "")
        if not nonce or nonce in state.nonces:
            return _error(400, "SignatureNonceUsed", "nonce reused")
        state.nonces.add(nonce)
        return None

    def check_access_key(request: web.Request, body: bytes) -> web.Response | None:
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
        if key_id in state.tokens:
            token, expires = state.tokens[key_id]
            if request.headers.get("x-acs-security-token") != token:
                return _error(400, "InvalidSecurityToken.MismatchWithAccessKey", "token")
            if state.now() >= expires:
                return _error(
                    400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired."
                )
        return None

    def answer(request: web.Request, action: str, version: str) -> web.Response:
        if action == "DescribeRegions":
            return web.json_response({"RequestId": "r", "Regions": {"Region": ["cn-hangzhou"]}})
        if action != "GetSecretValue" or version != "2016-01-20":
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
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    tls.load_cert_chain(tls_files[0], tls_files[1])
    await web.TCPSite(runner, "127.0.0.1", 0, ssl_context=tls).start()
    plain, secure = (address[1] for address in runner.addresses)
    state.url = f"http://127.0.0.1:{plain}"
    state.tls_url = f"https://127.0.0.1:{secure}"
    try:
        yield state
    finally:
        await runner.cleanup()


@pytest.fixture(scope="session")
def tls_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (also its own CA file) and its key."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "kms stand-in")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "kms-ca.pem", folder / "kms-key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


@dataclass
class MetadataStandIn:
    """An ECS instance metadata service handing out STS keys for one RAM role.

    Every credentials request issues a new key, registered with the KMS stand-in and
    expiring ``lifetime`` after ``kms.now()``. ``PUT /latest/api/token`` answers a metadata
    token unless ``tokens`` is False; with ``token_required`` requests without one get 401.
    """

    kms: KmsStandIn
    url: str = ""
    role: str = "sdm-reader"
    lifetime: timedelta = timedelta(hours=1)
    tokens: bool = True
    token_required: bool = False
    issued: list[str] = field(default_factory=list)
    handed_tokens: set[str] = field(default_factory=set)
    requests: Counter[str] = field(default_factory=Counter)


@pytest.fixture
async def metadata(kms: KmsStandIn) -> AsyncIterator[MetadataStandIn]:
    state = MetadataStandIn(kms)
    base = "/latest/meta-data/ram/security-credentials/"

    def refused(request: web.Request) -> web.Response | None:
        state.requests[f"{request.method} {request.path}"] += 1
        token = request.headers.get("X-aliyun-ecs-metadata-token")
        if token is not None and token not in state.handed_tokens:
            return web.Response(status=401)
        if token is None and state.token_required:
            return web.Response(status=401)
        return None

    async def api_token(request: web.Request) -> web.Response:
        state.requests["PUT /latest/api/token"] += 1
        if not state.tokens:
            return web.Response(status=404)
        if not request.headers.get("X-aliyun-ecs-metadata-token-ttl-seconds", "").isdigit():
            return web.Response(status=400)
        token = uuid.uuid4().hex
        state.handed_tokens.add(token)
        return web.Response(text=token)

    async def roles(request: web.Request) -> web.Response:
        return refused(request) or web.Response(text=state.role)

    async def credentials(request: web.Request) -> web.Response:
        if (no := refused(request)) is not None:
            return no
        if request.match_info["role"] != state.role:
            return web.Response(status=404)
        n = len(state.issued) + 1
        key_id, secret, token = f"STS.issued{n:04d}", f"sts-secret-{n}", f"sts-token-{n}"
        expires = (state.kms.now() + state.lifetime).replace(microsecond=0)
        state.kms.keys[key_id] = secret
        state.kms.tokens[key_id] = (token, expires)
        state.issued.append(key_id)
        return web.json_response(
            {
                "AccessKeyId": key_id,
                "AccessKeySecret": secret,
                "SecurityToken": token,
                "Expiration": expires.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "LastUpdated": state.kms.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
                "Code": "Success",
            }
        )

    app = web.Application()
    app.router.add_put("/latest/api/token", api_token)
    app.router.add_get(base, roles)
    app.router.add_get(base + "{role}", credentials)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
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
