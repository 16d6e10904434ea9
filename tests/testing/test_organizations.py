"""The organization of the local control plane: its MFA configuration (secrets kept, never
answered nor logged), tests of a configuration, the hidden Get/Update of its settings, and
its history, driven by the official client, by aiosdm and on the wire."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import grpc
import grpc.aio
import pytest

import aiosdm
from aiosdm import errors
from aiosdm._generated.v1 import organization_history_pb2, organizations_pb2
from aiosdm.testing import LocalServer, WireClient

strongdm = pytest.importorskip("strongdm")

Official = Callable[..., Any]

TOKEN = "okta-api-token-1f2e3d"
OKTA_URL = "https://example.okta.com"


def _okta(**fields: Any) -> Any:
    return strongdm.MFAConfig(
        enabled=True,
        provider="okta",
        okta=strongdm.OktaMFAConfig(organization_url=OKTA_URL, **fields),
    )


def test_official_client_keeps_the_okta_token_without_answering_it(official: Official) -> None:
    client = official()
    empty = client.organizations.get_mfa(timeout=30).mfa
    assert empty.enabled is False and empty.provider == ""

    saved = client.organizations.update_mfa(_okta(api_token=TOKEN), timeout=30).mfa
    assert saved.enabled is True and saved.provider == "okta"
    assert saved.okta.api_token == "" and saved.okta.api_token_set is True
    read = client.organizations.get_mfa(timeout=30).mfa
    assert read.okta.organization_url == OKTA_URL
    assert read.okta.api_token == "" and read.okta.api_token_set is True

    # What was read back (no token in it) tests and saves without losing the token.
    client.organizations.test_mfa(read, timeout=30)
    read.okta.multidevice_push_enabled = True
    again = client.organizations.update_mfa(read, timeout=30).mfa
    assert again.okta.api_token_set is True and again.okta.multidevice_push_enabled is True

    # Another auth mode drops the token it no longer uses, even one sent along with it.
    moved = client.organizations.update_mfa(
        _okta(
            auth_mode="client_credentials",
            client_id="cid",
            private_key_pem="-----PEM-----",
            api_token=TOKEN,
        ),
        timeout=30,
    ).mfa
    assert moved.okta.api_token_set is False and moved.okta.private_key_pem_set is True
    back = strongdm.MFAConfig(
        enabled=False, provider="okta", okta=strongdm.OktaMFAConfig(organization_url=OKTA_URL)
    )
    assert client.organizations.update_mfa(back, timeout=30).mfa.okta.api_token_set is False


def test_official_client_gets_bad_request_naming_what_is_missing(official: Official) -> None:
    client = official()
    with pytest.raises(strongdm.BadRequestError, match=r"missing mfa\.provider"):
        client.organizations.test_mfa(strongdm.MFAConfig(), timeout=30)
    incomplete = strongdm.MFAConfig(
        provider="okta", okta=strongdm.OktaMFAConfig(auth_mode="client_credentials")
    )
    with pytest.raises(strongdm.BadRequestError) as caught:
        client.organizations.test_mfa(incomplete, timeout=30)
    for name in ("organization_url", "client_id", "private_key_pem"):
        assert f"mfa.okta.{name}" in str(caught.value)
    with pytest.raises(strongdm.BadRequestError, match=r"cannot enable MFA: missing mfa\.okta"):
        client.organizations.update_mfa(_okta(), timeout=30)
    with pytest.raises(strongdm.BadRequestError, match=r"mfa\.provider 'sms' is not one of"):
        client.organizations.update_mfa(strongdm.MFAConfig(provider="sms"), timeout=30)
    with pytest.raises(strongdm.BadRequestError, match="https"):
        client.organizations.test_mfa(
            strongdm.MFAConfig(
                provider="okta",
                okta=strongdm.OktaMFAConfig(organization_url="http://x", api_token="t"),
            ),
            timeout=30,
        )
    # Nothing refused was stored; TOTP needs nothing more and tests at once.
    assert client.organizations.get_mfa(timeout=30).mfa.provider == ""
    client.organizations.test_mfa(strongdm.MFAConfig(provider="totp"), timeout=30)
    assert client.organizations.update_mfa(
        strongdm.MFAConfig(enabled=True, provider="totp"), timeout=30
    ).mfa.enabled


def test_official_client_lists_the_organization_history(official: Official) -> None:
    client = official()
    client.organizations.get_mfa(timeout=30)  # first use makes the organization
    client.organizations.update_mfa(strongdm.MFAConfig(enabled=True, provider="duo"), timeout=30)
    client.organizations.update_mfa(strongdm.MFAConfig(enabled=False, provider="duo"), timeout=30)
    records = list(client.organization_history.list("", timeout=30))
    assert [(r.organization.mfa_enabled, r.organization.mfa_provider) for r in records] == [
        (False, ""),
        (True, "duo"),
        (False, "duo"),
    ]
    assert len({r.activity_id for r in records}) == 3
    assert records[0].organization.ssh_certificate_authority_public_key.startswith("ssh-ed25519")
    ssh_ca = client.control_panel.get_sshca_public_key(timeout=30).public_key
    assert records[-1].organization.ssh_certificate_authority_public_key == ssh_ca
    assert [r.activity_id for r in client.organization_history.list("mfa_provider:duo")] == [
        r.activity_id for r in records[1:]
    ]


async def test_aiosdm_drives_mfa_and_secrets_never_reach_logs_or_activities(
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    okta = aiosdm.OktaMFAConfig(organization_url=OKTA_URL, api_token=TOKEN)
    assert TOKEN not in repr(okta)
    async with LocalServer() as server, server.client() as client:
        saved = await client.organizations.update_mfa(
            aiosdm.MFAConfig(enabled=True, provider="okta", okta=okta)
        )
        assert saved.mfa.okta.api_token_set and not saved.mfa.okta.api_token
        await client.organizations.test_mfa(saved.mfa)
        with pytest.raises(errors.BadRequestError, match="mfa is required"):
            await client.organizations.update_mfa(None)
        activities = [a async for a in client.activities.list("")]
        assert any(a.verb == "organization MFA updated" for a in activities)
        assert all(TOKEN not in repr(a) for a in activities)
        history = [h async for h in client.organization_history.list("")]
        assert all(TOKEN not in repr(h) for h in history)
    assert TOKEN not in caplog.text


async def test_mfa_configuration_survives_a_restart(tmp_path: Path) -> None:
    db = tmp_path / "cp.db"
    config = aiosdm.MFAConfig(
        enabled=True, provider="okta", okta=aiosdm.OktaMFAConfig(organization_url=OKTA_URL)
    )
    config.okta.api_token = TOKEN
    async with LocalServer(db=db) as server, server.client() as client:
        await client.organizations.update_mfa(config)
    async with LocalServer(db=db) as server, server.client() as client:
        read = (await client.organizations.get_mfa()).mfa
        assert read.enabled and read.okta.api_token_set
        await client.organizations.test_mfa(read)  # the stored token fills the blank
        assert len([h async for h in client.organization_history.list("")]) == 2


# -- the hidden Get and Update, on the wire ----------------------------------------------


async def _code(call: Any) -> grpc.StatusCode:
    try:
        await call
    except grpc.aio.AioRpcError as err:
        return err.code()  # type: ignore[no-any-return]
    return grpc.StatusCode.OK


async def test_one_organization_is_made_on_first_use_and_updated_in_place(
    server: LocalServer, wire: WireClient
) -> None:
    got = await wire.call("Organizations.Get", organizations_pb2.OrganizationGetRequest())
    org = got.organization
    assert org.id.startswith("o-") and org.kind == "solo" and org.auth_provider == "strongdm"
    assert org.saml_metadata_url == f"http://{server.host}/saml/{org.id}/metadata"
    assert org.public_key_pem.startswith("-----BEGIN PUBLIC KEY-----")
    again = await wire.call("Organizations.Get", organizations_pb2.OrganizationGetRequest())
    assert again.organization.id == org.id

    change = organizations_pb2.OrganizationUpdateRequest()
    change.organization.CopyFrom(org)
    change.organization.name = "acme"
    change.organization.idle_timeout_enabled = True
    change.organization.idle_timeout.FromTimedelta(timedelta(minutes=15))
    # What the server owns is kept whatever the update says.
    change.organization.kind = "root"
    change.organization.ssh_certificate_authority_public_key = "ssh-ed25519 forged"
    change.organization.mfa_enabled = True
    updated = (await wire.call("Organizations.Update", change)).organization
    assert updated.name == "acme" and updated.idle_timeout.ToTimedelta() == timedelta(minutes=15)
    assert updated.kind == "solo" and not updated.mfa_enabled
    assert updated.ssh_certificate_authority_public_key == org.ssh_certificate_authority_public_key
    assert updated.created_at == org.created_at and updated.updated_at.ToNanoseconds() > 0
    assert updated.updated_at != org.updated_at

    history = organization_history_pb2.OrganizationHistoryListRequest()
    history.meta.SetInParent()
    names = [
        r.organization.name for r in (await wire.call("OrganizationHistory.List", history)).history
    ]
    assert names == ["local", "acme"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", " ", "name is required"),
        ("auth_provider", "myspace", "auth_provider 'myspace' is not one of"),
        ("log_local_storage", "tape", "log_local_storage 'tape' is not one of"),
        ("websites_subdomain", "Not A Label", "websites_subdomain"),
        ("loopback_range", "127.0.0.300/8", "loopback_range"),
        ("session_timeout_enabled", True, "session_timeout must be set"),
        ("device_trust_enabled", True, "device_trust_provider is required"),
    ],
)
async def test_settings_the_service_does_not_know_are_refused(
    wire: WireClient, field: str, value: Any, message: str
) -> None:
    org = await wire.call("Organizations.Get", organizations_pb2.OrganizationGetRequest())
    change = organizations_pb2.OrganizationUpdateRequest()
    change.organization.CopyFrom(org.organization)
    setattr(change.organization, field, value)
    with pytest.raises(grpc.aio.AioRpcError) as caught:
        await wire.call("Organizations.Update", change)
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert message in (caught.value.details() or "")


async def test_update_without_an_organization_is_a_bad_request(wire: WireClient) -> None:
    call = wire.call("Organizations.Update", organizations_pb2.OrganizationUpdateRequest())
    assert await _code(call) == grpc.StatusCode.INVALID_ARGUMENT
