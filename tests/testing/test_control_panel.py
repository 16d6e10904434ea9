"""The control panel of the local control plane: real CA public keys made per server and
kept with its database, its addresses, and JWTs it signs and verifies, driven by the
official client and by aiosdm."""

from __future__ import annotations

import asyncio
import base64
import hmac
import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, padding, rsa

from aiosdm import errors
from aiosdm.testing import LocalServer, ThreadedServer

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _forged(header: dict[str, Any], claims: dict[str, Any], sign: Callable[[bytes], bytes]) -> str:
    signing_input = f"{_b64(json.dumps(header).encode())}.{_b64(json.dumps(claims).encode())}"
    return f"{signing_input}.{_b64(sign(signing_input.encode()))}"


def _claims(token: str) -> dict[str, Any]:
    body = token.split(".")[1]
    decoded: dict[str, Any] = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    return decoded


def test_official_client_reads_real_ca_keys(official: Official) -> None:
    client = official()
    ssh = client.control_panel.get_sshca_public_key(timeout=30).public_key
    assert ssh.startswith("ssh-ed25519 ")
    assert isinstance(serialization.load_ssh_public_key(ssh.encode()), ed25519.Ed25519PublicKey)
    rdp = client.control_panel.get_rdpca_public_key(timeout=30).public_key
    rdp_key = serialization.load_pem_public_key(rdp.encode())
    assert isinstance(rdp_key, rsa.RSAPublicKey) and rdp_key.key_size == 2048
    # Made once per server: asked again, the same keys.
    assert client.control_panel.get_sshca_public_key(timeout=30).public_key == ssh
    assert client.control_panel.get_rdpca_public_key(timeout=30).public_key == rdp


def test_official_client_reads_the_organization_addresses(
    official: Official, threaded: ThreadedServer
) -> None:
    info = official().control_panel.get_org_url_info(timeout=30)
    base = f"http://{threaded.host}"
    assert info.base_url == base
    assert info.websites_subdomain == "local"
    assert info.oidc_issuer_url.startswith(f"{base}/oidc/o-")
    assert info.saml_metadata_url.startswith(f"{base}/saml/o-")
    assert info.saml_metadata_url.endswith("/metadata")


def test_official_client_verifies_minted_tokens(
    official: Official, threaded: ThreadedServer
) -> None:
    client = official()
    token = threaded.mint_jwt("alice@example.com", claims={"email": "alice@example.com"})
    assert client.control_panel.verify_jwt(token, timeout=30).valid is True
    claims = _claims(token)
    assert claims["sub"] == "alice@example.com" and claims["email"] == "alice@example.com"
    assert claims["iss"] == client.control_panel.get_org_url_info(timeout=30).oidc_issuer_url

    expired = threaded.mint_jwt("alice@example.com", expires_in=timedelta(seconds=-1))
    assert client.control_panel.verify_jwt(expired, timeout=30).valid is False
    not_yet = threaded.mint_jwt(claims={"nbf": _claims(token)["exp"] + 3600})
    assert client.control_panel.verify_jwt(not_yet, timeout=30).valid is False
    head, body, _ = token.split(".")
    for malformed in (
        "not-a-jwt",
        "a.b.c",
        f"{head}.{body}",
        f"{head}.{body}.AAAA",
        "...",
        "é.é.é",
    ):
        assert client.control_panel.verify_jwt(malformed, timeout=30).valid is False, malformed
    with pytest.raises(strongdm.BadRequestError, match="token is required"):
        client.control_panel.verify_jwt("", timeout=30)


async def test_tokens_of_another_key_or_algorithm_are_not_valid() -> None:
    async with LocalServer() as ours, LocalServer() as theirs:
        foreign = await theirs.mint_jwt("mallory")
        async with ours.client() as client:
            verify = client.control_panel.verify_jwt
            assert (await verify(await ours.mint_jwt("alice"))).valid is True
            assert (await verify(foreign)).valid is False
            claims = {**_claims(foreign), "exp": _claims(foreign)["exp"] + 60}
            unsigned = _forged({"alg": "none", "typ": "JWT"}, claims, lambda _: b"")
            assert (await verify(unsigned)).valid is False
            # An HMAC keyed with our public key must not pass for our signature.
            public = (await client.control_panel.get_rdpca_public_key()).public_key.encode()
            hs256 = _forged(
                {"alg": "HS256"}, claims, lambda m: hmac.new(public, m, "sha256").digest()
            )
            assert (await verify(hs256)).valid is False
            # Signed by a key of our own making, claims intact: still foreign.
            stranger = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            resigned = _forged(
                {"alg": "RS256", "typ": "JWT"},
                _claims(await ours.mint_jwt("alice")),
                lambda m: stranger.sign(m, padding.PKCS1v15(), hashes.SHA256()),
            )
            assert (await verify(resigned)).valid is False
            # A token must say when it expires.
            assert (await verify(await ours.mint_jwt(claims={"exp": None}))).valid is False


async def test_each_server_has_its_own_keys_and_concurrent_first_calls_share_them() -> None:
    async with LocalServer() as one, LocalServer() as two, one.client() as a, two.client() as b:
        first = await asyncio.wait_for(
            asyncio.gather(*(a.control_panel.get_rdpca_public_key() for _ in range(5))), 60
        )
        assert len({r.public_key for r in first}) == 1
        assert (await b.control_panel.get_rdpca_public_key()).public_key != first[0].public_key
        ssh_a = (await a.control_panel.get_sshca_public_key()).public_key
        assert (await b.control_panel.get_sshca_public_key()).public_key != ssh_a


async def test_keys_survive_a_restart_with_the_database(tmp_path: Path) -> None:
    db = tmp_path / "cp.db"
    async with LocalServer(db=db) as server, server.client() as client:
        ssh = (await client.control_panel.get_sshca_public_key()).public_key
        rdp = (await client.control_panel.get_rdpca_public_key()).public_key
        token = await server.mint_jwt("alice", expires_in=timedelta(hours=1))
    async with LocalServer(db=db) as again, again.client() as client:
        assert (await client.control_panel.get_sshca_public_key()).public_key == ssh
        assert (await client.control_panel.get_rdpca_public_key()).public_key == rdp
        assert (await client.control_panel.verify_jwt(token)).valid is True
    async with LocalServer() as fresh, fresh.client() as client:
        assert (await client.control_panel.get_sshca_public_key()).public_key != ssh
        assert (await client.control_panel.verify_jwt(token)).valid is False


async def test_aiosdm_reads_the_addresses_and_refuses_an_empty_token() -> None:
    async with LocalServer() as server, server.client() as client:
        info = await client.control_panel.get_org_url_info()
        assert info.base_url == f"http://{server.host}"
        assert info.oidc_issuer_url == _claims(await server.mint_jwt())["iss"]
        with pytest.raises(errors.BadRequestError):
            await client.control_panel.verify_jwt("")
