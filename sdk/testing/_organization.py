"""The one organization a server serves: made on first use, holding the public halves of
the keys it owns, and the addresses it is reached at."""

from __future__ import annotations

from typing import Any

from aiosdm._generated.kinds import KINDS
from aiosdm._generated.v1 import organization_history_pb2
from aiosdm.constants import (
    AuthProvider,
    LogLocalEncoder,
    LogLocalFormat,
    LogLocalStorage,
    LogRemoteEncoder,
    OrgKind,
)
from aiosdm.testing._authority import JWT_SIGNER, Authority
from aiosdm.testing._engine import Env
from aiosdm.testing._fields import us_timestamp
from aiosdm.testing._store import Actor, Tx

__all__ = ["ORGANIZATION", "addresses", "current", "organization", "with_addresses"]

ORGANIZATION = KINDS["organization"]


def current(tx: Tx, at: int | None = None) -> Any:
    """The organization (None until first used)."""
    found = tx.scan(ORGANIZATION, limit=1, at=at)
    return found[0][1] if found else None


def _new(tx: Tx, ssh_public_key: str, signer_pem: str) -> Any:
    org = organization_history_pb2.Organization(
        id=tx.new_id(ORGANIZATION.prefix),
        name="local",
        auth_provider=AuthProvider.STRONG_DM,
        kind=OrgKind.SOLO,
        websites_subdomain="local",
        log_remote_encoder=LogRemoteEncoder.STRONG_DM,
        log_local_storage=LogLocalStorage.STDOUT,
        log_local_encoder=LogLocalEncoder.PLAINTEXT,
        log_local_format=LogLocalFormat.JSON,
        loopback_range="127.0.0.0/8",
        ssh_certificate_authority_public_key=ssh_public_key,
        public_key_pem=signer_pem,
    )
    org.log_config.local_storage = org.log_local_storage
    org.log_config.local_encoder = org.log_local_encoder
    org.log_config.local_format = org.log_local_format
    for stamp in (org.created_at, org.updated_at, org.ssh_certificate_authority_updated_at):
        us_timestamp(tx.now, stamp)
    return org


async def organization(env: Env, actor: Actor | None = None) -> Any:
    """The organization, made now if this is its first use."""
    found = await env.store.read(current)
    if found is not None:
        return found
    # Its keys first (made off the loop), so the organization is born holding them.
    authority = env.shared(Authority)
    ssh_public_key = await authority.ssh_public_key(env.store)
    signer_pem = await authority.public_pem(env.store, JWT_SIGNER)

    def create(tx: Tx) -> Any:
        existing = current(tx)  # a concurrent first use may have made it meanwhile
        if existing is not None:
            return existing
        org = _new(tx, ssh_public_key, signer_pem)
        tx.put(ORGANIZATION, org.id, org)
        return org

    return await env.store.write(create, actor)


def addresses(env: Env, org: Any) -> dict[str, str]:
    """Where the organization is reached (``ControlPanel.GetOrgURLInfo``'s fields). They
    depend on where this server listens, so they are computed when asked, never stored."""
    base = f"http://{env.host()}"
    return {
        "base_url": base,
        "websites_subdomain": org.websites_subdomain,
        "oidc_issuer_url": f"{base}/oidc/{org.id}",
        "saml_metadata_url": f"{base}/saml/{org.id}/metadata",
    }


def with_addresses(env: Env, org: Any) -> Any:
    """A copy of ``org`` as answered: with the addresses it is reached at."""
    answer = organization_history_pb2.Organization()
    answer.CopyFrom(org)
    answer.saml_metadata_url = addresses(env, org)["saml_metadata_url"]
    return answer
