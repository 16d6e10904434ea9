"""The organization: its settings and its multi-factor authentication.

There is one organization, made on first use (``aiosdm.testing._organization``). Its
settings are a versioned entity, so ``OrganizationHistory`` lists every change; an
update keeps what the server owns (times, keys, MFA state, kind) and refuses values the
service does not know.

The MFA configuration is kept beside the entity, never in its versions: it holds
secrets (an Okta API token or private key). They are never answered, only flagged as
set; a secret left empty by an update keeps the stored one while the provider and auth
mode that use it stay, and is dropped once they change. ``TestMFA`` checks that a
configuration is complete enough to try (Okta needs its organization URL and the
credentials of its auth mode); enabling an incomplete one is refused the same way.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from google.protobuf.message import Message

from aiosdm._generated.services import SERVICES
from aiosdm._generated.v1 import organizations_pb2
from aiosdm.constants import (
    AuthProvider,
    DeviceTrustProvider,
    LogLocalEncoder,
    LogLocalFormat,
    LogLocalStorage,
    LogRemoteEncoder,
    MFAProvider,
    SCIMProvider,
)
from aiosdm.testing._engine import (
    Env,
    Rules,
    ServerCall,
    ServerHandler,
    entity_of,
    history_handler,
    respond,
    update_in,
)
from aiosdm.testing._errors import bad_request
from aiosdm.testing._fields import clear_read_only, us_timestamp
from aiosdm.testing._organization import ORGANIZATION, current, organization, with_addresses
from aiosdm.testing._store import Tx

__all__ = ["RULES"]

_SUBDOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
#: The secrets of each Okta auth mode (empty: api_token), kept while that mode stays.
_OKTA_SECRETS = {
    "api_token": ("api_token",),
    "client_credentials": ("private_key_pem", "private_key_id"),
}
#: What each Okta auth mode needs before it can be tried.
_OKTA_NEEDS = {"api_token": ("api_token",), "client_credentials": ("client_id", "private_key_pem")}
#: Secret fields and the flags that say they are set.
_OKTA_FLAGS = (
    ("api_token", "api_token_set"),
    ("private_key_pem", "private_key_pem_set"),
    ("private_key_id", "private_key_id_set"),
)


def _values(constants: type) -> set[str]:
    return {v for k, v in vars(constants).items() if k.isupper() and isinstance(v, str)}


#: Setting -> the values the service knows (empty is always allowed: not set).
_CHOICES = {
    "auth_provider": _values(AuthProvider),
    "scim_provider": _values(SCIMProvider),
    "device_trust_provider": _values(DeviceTrustProvider),
    "log_local_storage": _values(LogLocalStorage),
    "log_local_encoder": _values(LogLocalEncoder),
    "log_local_format": _values(LogLocalFormat),
    "log_remote_encoder": _values(LogRemoteEncoder),
}


def _one_of(where: str, value: str, choices: set[str]) -> None:
    if value and value not in choices:
        known = ", ".join(sorted(c for c in choices if c))
        raise bad_request(f"{where} {value!r} is not one of: {known}")


# -- settings --------------------------------------------------------------------------


def _check_timeout(org: Any, name: str) -> None:
    length = getattr(org, name).ToTimedelta()
    if length < timedelta(0):
        raise bad_request(f"{name} must not be negative")
    if getattr(org, f"{name}_enabled") and length <= timedelta(0):
        raise bad_request(f"{name} must be set while {name}_enabled is on")


def _on_write(env: Env, tx: Tx, org: Any, old: Any, call: ServerCall) -> None:
    if not org.name.strip():
        raise bad_request("name is required")
    for name, choices in _CHOICES.items():
        _one_of(name, getattr(org, name), choices)
    _one_of("log_config.local_storage", org.log_config.local_storage, _CHOICES["log_local_storage"])
    _one_of("log_config.local_encoder", org.log_config.local_encoder, _CHOICES["log_local_encoder"])
    _one_of("log_config.local_format", org.log_config.local_format, _CHOICES["log_local_format"])
    for name in ("idle_timeout", "session_timeout"):
        _check_timeout(org, name)
    if not _SUBDOMAIN.match(org.websites_subdomain):
        raise bad_request("websites_subdomain must be a DNS label (a-z, 0-9 and inner -)")
    if org.loopback_range:
        try:
            ipaddress.ip_network(org.loopback_range, strict=False)
        except ValueError:
            raise bad_request(
                f"loopback_range {org.loopback_range!r} is not a CIDR range"
            ) from None
    if org.device_trust_enabled and not org.device_trust_provider:
        raise bad_request("device_trust_provider is required while device_trust_enabled is on")
    us_timestamp(tx.now, org.updated_at)


def _get(env: Env) -> ServerHandler:
    async def get(call: ServerCall, request: Any) -> Message:
        org = await organization(env, call.actor)
        return respond(call, organization=with_addresses(env, org))

    return get


def _update(env: Env) -> ServerHandler:
    async def update(call: ServerCall, request: Any) -> Message:
        org = entity_of(call.spec, request, ORGANIZATION)
        ident = (await organization(env, call.actor)).id
        stored = await env.store.write(
            lambda tx: update_in(env, tx, ORGANIZATION, ident, org, call), call.actor
        )
        return respond(call, with_addresses(env, stored))

    return update


# -- multi-factor authentication -------------------------------------------------------


def _stored_mfa(tx: Tx, org_id: str) -> organizations_pb2.MFAConfig:
    row = tx.sql("SELECT config FROM org_mfa WHERE org_id=?", (org_id,)).fetchone()
    return organizations_pb2.MFAConfig.FromString(row[0]) if row else organizations_pb2.MFAConfig()


def _check_names(mfa: organizations_pb2.MFAConfig) -> None:
    _one_of("mfa.provider", mfa.provider, _values(MFAProvider))
    if mfa.provider != MFAProvider.OKTA:
        return
    _one_of("mfa.okta.auth_mode", mfa.okta.auth_mode, set(_OKTA_SECRETS))
    url = mfa.okta.organization_url
    if url:
        parts = urlsplit(url)
        if parts.scheme != "https" or not parts.hostname:
            raise bad_request("mfa.okta.organization_url must be an https:// URL")


def _merged(
    sent: organizations_pb2.MFAConfig, stored: organizations_pb2.MFAConfig
) -> organizations_pb2.MFAConfig:
    """What ``sent`` means given what is stored: empty secrets of an unchanged provider and
    auth mode are the stored ones; settings of other providers and modes are dropped."""
    mfa = organizations_pb2.MFAConfig()
    mfa.CopyFrom(sent)
    if mfa.provider != MFAProvider.OKTA:
        mfa.ClearField("okta")
        return mfa
    okta = mfa.okta
    clear_read_only(okta)
    mode = okta.auth_mode or "api_token"
    keep = stored.provider == MFAProvider.OKTA and (stored.okta.auth_mode or "api_token") == mode
    for secrets in [s for m, s in _OKTA_SECRETS.items() if m != mode]:
        for name in secrets:
            okta.ClearField(name)
    for name in _OKTA_SECRETS.get(mode, ()):
        if keep and not getattr(okta, name):
            setattr(okta, name, getattr(stored.okta, name))
    return mfa


def _missing(mfa: organizations_pb2.MFAConfig) -> list[str]:
    """What a configuration lacks before it can be tried."""
    if not mfa.provider:
        return ["mfa.provider"]
    if mfa.provider != MFAProvider.OKTA:
        return []  # TOTP, Duo and RSA carry nothing more in this message
    okta = mfa.okta
    needs = ("organization_url", *_OKTA_NEEDS[okta.auth_mode or "api_token"])
    return [f"mfa.okta.{name}" for name in needs if not getattr(okta, name)]


def _redacted(mfa: organizations_pb2.MFAConfig) -> organizations_pb2.MFAConfig:
    """``mfa`` as answered: each secret replaced by the flag saying it is set."""
    out = organizations_pb2.MFAConfig()
    out.CopyFrom(mfa)
    if out.HasField("okta"):
        for secret, flag in _OKTA_FLAGS:
            setattr(out.okta, flag, bool(getattr(out.okta, secret)))
            out.okta.ClearField(secret)
    return out


def _get_mfa(env: Env) -> ServerHandler:
    async def get_mfa(call: ServerCall, request: Any) -> Message:
        ident = (await organization(env, call.actor)).id
        mfa = await env.store.read(lambda tx: _stored_mfa(tx, ident))
        return respond(call, mfa=_redacted(mfa))

    return get_mfa


def _update_mfa(env: Env) -> ServerHandler:
    async def update_mfa(call: ServerCall, request: Any) -> Message:
        if not request.HasField("mfa"):
            raise bad_request("mfa is required (MFAConfig(enabled=False) turns MFA off)")
        ident = (await organization(env, call.actor)).id

        def job(tx: Tx) -> organizations_pb2.MFAConfig:
            mfa = _merged(request.mfa, _stored_mfa(tx, ident))
            _check_names(mfa)
            missing = _missing(mfa) if mfa.enabled else []
            if missing:
                raise bad_request(f"cannot enable MFA: missing {', '.join(missing)}")
            tx.sql(
                "INSERT OR REPLACE INTO org_mfa(org_id, config) VALUES (?,?)",
                (ident, mfa.SerializeToString()),
            )
            org = current(tx)
            org.mfa_enabled, org.mfa_provider = mfa.enabled, mfa.provider
            us_timestamp(tx.now, org.updated_at)
            tx.put(ORGANIZATION, ident, org)
            state = "enabled" if mfa.enabled else "disabled"
            tx.describe(
                "organization MFA updated",
                f"multi-factor authentication {state} ({mfa.provider or 'no provider'})",
            )
            return mfa

        mfa = await env.store.write(job, call.actor)
        return respond(call, mfa=_redacted(mfa))

    return update_mfa


def _test_mfa(env: Env) -> ServerHandler:
    async def test_mfa(call: ServerCall, request: Any) -> Message:
        ident = (await organization(env, call.actor)).id
        stored = await env.store.read(lambda tx: _stored_mfa(tx, ident))
        # Without a configuration to try, the stored one is tried.
        mfa = _merged(request.mfa if request.HasField("mfa") else stored, stored)
        _check_names(mfa)
        missing = _missing(mfa)
        if missing:
            raise bad_request(f"cannot test MFA: missing {', '.join(missing)}")
        return respond(call)

    return test_mfa


def _history(env: Env) -> ServerHandler:
    versions = history_handler(env, ORGANIZATION, SERVICES["OrganizationHistory"]["List"])

    async def list_(call: ServerCall, request: Any) -> Message:
        await organization(env, call.actor)  # the organization exists from its first use
        return await versions(call, request)

    return list_


# The one organization is made by the server, never seeded.
RULES = (
    Rules(
        "Organizations",
        on_write=_on_write,
        methods={
            "Get": _get,
            "Update": _update,
            "GetMFA": _get_mfa,
            "UpdateMFA": _update_mfa,
            "TestMFA": _test_mfa,
        },
        seedable=False,
    ),
    Rules("OrganizationHistory", methods={"List": _history}),
)
