"""The control panel: the organization's certificate authorities, the addresses it is
reached at, and verification of the JWTs it signs.

The keys are this server's own (``aiosdm.testing._authority``): made on first use, kept
in the store. ``LocalServer.mint_jwt`` issues tokens ``VerifyJWT`` accepts; a token that
is expired, malformed or signed by another key answers ``valid=False``.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message

from aiosdm.testing._authority import RDP_CA, Authority, verify_jwt
from aiosdm.testing._engine import Env, Rules, ServerCall, ServerHandler, respond
from aiosdm.testing._errors import bad_request
from aiosdm.testing._organization import addresses, organization

__all__ = ["RULES"]


def _ssh_ca(env: Env) -> ServerHandler:
    authority = env.shared(Authority)

    async def get_ssh_ca(call: ServerCall, request: Any) -> Message:
        return respond(call, public_key=await authority.ssh_public_key(env.store))

    return get_ssh_ca


def _rdp_ca(env: Env) -> ServerHandler:
    authority = env.shared(Authority)

    async def get_rdp_ca(call: ServerCall, request: Any) -> Message:
        return respond(call, public_key=await authority.public_pem(env.store, RDP_CA))

    return get_rdp_ca


def _org_urls(env: Env) -> ServerHandler:
    async def get_org_url_info(call: ServerCall, request: Any) -> Message:
        org = await organization(env, call.actor)
        return respond(call, None, **addresses(env, org))

    return get_org_url_info


def _verify(env: Env) -> ServerHandler:
    authority = env.shared(Authority)

    async def verify(call: ServerCall, request: Any) -> Message:
        if not request.token:
            raise bad_request("token is required")
        key = await authority.signer(env.store)
        return respond(call, valid=verify_jwt(key, request.token))

    return verify


RULES = (
    Rules(
        "ControlPanel",
        methods={
            "GetSSHCAPublicKey": _ssh_ca,
            "GetRDPCAPublicKey": _rdp_ca,
            "GetOrgURLInfo": _org_urls,
            "VerifyJWT": _verify,
        },
    ),
)
