"""SamlSessionProvider against a loopback identity provider and moto."""

from __future__ import annotations

import asyncio
import base64
from typing import Any

import aiohttp
import pytest

from aiosdm.aws import (
    AdfsFormLogin,
    IdpAccessDeniedError,
    IdpAnswer,
    IdpInvalidResponseError,
    IdpInvalidRoleError,
    IdpLogin,
    IdpRequest,
    NegotiateLogin,
    SamlSessionProvider,
)
from aiosdm.aws._saml_assertion import choose_roles, find_saml_responses, roles_in

ACCOUNT = "123456789012"
PRINCIPAL = f"arn:aws:iam::{ACCOUNT}:saml-provider/local-idp"
ROLE = f"arn:aws:iam::{ACCOUNT}:role/engineer"
LOGIN = IdpLogin("alice", "wonderland")


def provider(idp: Any, sts: Any, path: str = "/sso", **kwargs: Any) -> SamlSessionProvider:
    kwargs.setdefault("auth", LOGIN)
    return SamlSessionProvider(
        "engineer", idp.url + path, endpoint_url=sts.url, region_name="us-east-1", **kwargs
    )


@pytest.mark.parametrize("order", ["role_first", "principal_first"])
async def test_assertion_leads_to_assume_role_with_saml(idp: Any, sts: Any, order: str) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}" if order == "role_first" else f"{PRINCIPAL},{ROLE}"]
    async with provider(idp, sts) as saml:
        session = await saml.session(ACCOUNT)
        async with session.create_client("sts", endpoint_url=sts.url) as client:
            identity = await client.get_caller_identity()
    assert identity["Account"] == ACCOUNT
    (params,) = sts.params("AssumeRoleWithSAML")
    assert (params["RoleArn"], params["PrincipalArn"]) == (ROLE, PRINCIPAL)
    assert params["SAMLAssertion"] == idp.served[0]
    assert idp.hits == 1


async def test_post_form_login(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    async with provider(idp, sts, method="POST") as saml:
        await saml.credentials(ACCOUNT)
    assert idp.seen_forms == [
        {"UserName": "alice", "Password": "wonderland", "AuthMethod": "FormsAuthentication"}
    ]
    assert sts.count("AssumeRoleWithSAML") == 1


async def test_concurrent_requests_share_one_login_and_one_assume(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    async with provider(idp, sts) as saml:
        await asyncio.gather(*(saml.session(ACCOUNT) for _ in range(30)))
    assert idp.hits == 1
    assert sts.count("AssumeRoleWithSAML") == 1


async def test_unauthorized_is_access_denied(idp: Any, sts: Any) -> None:
    async with provider(idp, sts, auth=("alice", "wrong")) as saml:
        with pytest.raises(IdpAccessDeniedError) as caught:
            await saml.session(ACCOUNT)
    assert "wrong" not in str(caught.value)
    assert sts.count("AssumeRoleWithSAML") == 0


async def test_page_without_saml_response_is_invalid(idp: Any, sts: Any) -> None:
    async with provider(idp, sts, "/welcome") as saml:
        with pytest.raises(IdpInvalidResponseError):
            await saml.session(ACCOUNT)


async def test_error_status_is_invalid_response(idp: Any, sts: Any) -> None:
    async with provider(idp, sts, "/broken") as saml:
        with pytest.raises(IdpInvalidResponseError, match="500"):
            await saml.session(ACCOUNT)


async def test_role_missing_from_assertion_is_invalid_role(idp: Any, sts: Any) -> None:
    idp.roles = [f"arn:aws:iam::{ACCOUNT}:role/auditor,{PRINCIPAL}"]
    async with provider(idp, sts) as saml:
        with pytest.raises(IdpInvalidRoleError) as caught:
            await saml.session(ACCOUNT)
        with pytest.raises(IdpInvalidRoleError):
            await saml.session("999999999999")
    assert (caught.value.account_id, caught.value.role) == (ACCOUNT, "engineer")
    assert idp.hits == 1  # the assertion is reused for saml_duration
    assert sts.count("AssumeRoleWithSAML") == 0


def test_login_password_is_hidden() -> None:
    assert "wonderland" not in repr(LOGIN)
    assert LOGIN.basic_authorization() == "Basic YWxpY2U6d29uZGVybGFuZA=="


def test_password_never_goes_over_plain_http_off_host() -> None:
    with pytest.raises(ValueError, match="https"):
        SamlSessionProvider("r", "http://idp.example.com/sso", LOGIN)
    SamlSessionProvider("r", "https://idp.example.com/sso", LOGIN)
    SamlSessionProvider("r", "http://127.0.0.1:9/sso", LOGIN)


def test_roles_are_read_in_either_order_and_with_paths() -> None:
    other = "arn:aws:iam::999999999999:role/engineer"
    with_path = f"arn:aws:iam::{ACCOUNT}:role/team/a/engineer"
    assertion = _assertion([f"{PRINCIPAL},{other}", f"{with_path},{PRINCIPAL}", "junk"])
    pairs = roles_in(assertion)
    assert pairs == [(other, PRINCIPAL), (with_path, PRINCIPAL)]
    assert choose_roles(pairs, ACCOUNT, "engineer") == [(with_path, PRINCIPAL)]
    assert choose_roles(pairs, "999999999999", "engineer") == [(other, PRINCIPAL)]
    assert choose_roles(pairs, ACCOUNT, "neer") == []
    assert choose_roles(pairs + pairs, ACCOUNT, "engineer") == [(with_path, PRINCIPAL)]


def test_document_types_and_garbage_are_refused() -> None:
    bomb = b'<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'
    with pytest.raises(IdpInvalidResponseError):
        roles_in(base64.b64encode(bomb).decode())
    with pytest.raises(IdpInvalidResponseError):
        roles_in(base64.b64encode(b"not xml at all").decode())


def _assertion(values: list[str]) -> str:
    vals = "".join(f"<saml:AttributeValue>{v}</saml:AttributeValue>" for v in values)
    xml = (
        '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">'
        '<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">'
        '<saml:AttributeStatement><saml:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role">'
        f"{vals}</saml:Attribute></saml:AttributeStatement></saml:Assertion></samlp:Response>"
    )
    return base64.b64encode(xml.encode()).decode()


def test_saml_response_is_found_among_other_inputs() -> None:
    page = (
        '<form><input type="hidden" name="RelayState" value="x"/>'
        '<INPUT TYPE="hidden" NAME="SAMLResponse" VALUE="abc="></form>'
    )
    assert find_saml_responses(page) == ["abc="]
    assert find_saml_responses("<p>nothing</p>") == []
    assert find_saml_responses(page + page) == ["abc=", "abc="]


# --- pluggable logins ------------------------------------------------------------------


@pytest.mark.parametrize("protocol", ["ntlm", "negotiate"])
async def test_windows_integrated_login(idp: Any, sts: Any, protocol: str) -> None:
    """The seed's own ADFS example logs in with NTLM: one handshake on one connection."""
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    login = NegotiateLogin("CORP\\alice", "wonderland", protocol=protocol)  # type: ignore[arg-type]
    async with provider(idp, sts, f"/{protocol}", auth=login) as saml:
        credentials = await saml.credentials(ACCOUNT)
    assert credentials.expiration is not None
    assert idp.authenticated == ["CORP\\alice"]
    assert len(idp.handshakes) == 1  # the whole handshake stayed on one connection
    assert sts.count("AssumeRoleWithSAML") == 1
    assert "wonderland" not in repr(login) + repr(saml)


async def test_windows_login_with_a_wrong_password_is_access_denied(idp: Any, sts: Any) -> None:
    login = NegotiateLogin("CORP\\alice", "not-wonderland")
    async with provider(idp, sts, "/ntlm", auth=login) as saml:
        with pytest.raises(IdpAccessDeniedError) as caught:
            await saml.session(ACCOUNT)
    assert "not-wonderland" not in str(caught.value)
    assert idp.authenticated == []


@pytest.mark.filterwarnings("ignore:BasicAuth is deprecated:DeprecationWarning")
async def test_aiohttp_basic_auth_is_accepted(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    async with provider(idp, sts, auth=aiohttp.BasicAuth("alice", "wonderland")) as saml:
        await saml.credentials(ACCOUNT)
    async with provider(
        idp, sts, auth=aiohttp.BasicAuth("alice", "wonderland"), method="POST"
    ) as saml:
        await saml.credentials(ACCOUNT)
    assert idp.seen_forms[-1]["UserName"] == "alice"
    assert sts.count("AssumeRoleWithSAML") == 2


async def test_any_async_callable_is_a_login(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    seen: list[str] = []

    async def token_login(request: IdpRequest) -> IdpAnswer:
        seen.append(request.method)
        assert "header-secret" not in repr(request)  # configured headers may carry tokens
        return await request.send(headers={"X-Idp-Token": "let-me-in"})

    headers = {"X-Tenant-Key": "header-secret"}
    async with provider(idp, sts, "/token", auth=token_login, headers=headers) as saml:
        await saml.credentials(ACCOUNT)

    async def page_only(request: IdpRequest) -> str:
        return (await request.send(headers={"X-Idp-Token": "let-me-in"})).page

    async with provider(idp, sts, "/token", auth=page_only) as saml:
        await saml.credentials(ACCOUNT)
    assert seen == ["GET"]
    assert sts.count("AssumeRoleWithSAML") == 2


async def test_adfs_form_login_object(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    async with provider(idp, sts, auth=AdfsFormLogin("alice", "wonderland")) as saml:
        await saml.credentials(ACCOUNT)  # posts its form whatever the provider's method
    assert idp.seen_forms[0]["AuthMethod"] == "FormsAuthentication"


async def test_assertion_refresh_logs_in_again(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    async with provider(idp, sts) as saml:
        first = await saml.assertion()
        assert await saml.assertion() == first
        assert idp.hits == 1
        refreshed = await asyncio.gather(*(saml.assertion(refresh=True) for _ in range(5)))
        assert idp.hits == 2  # callers at once share the one new login
        assert set(refreshed) == {idp.served[-1]}
        assert await saml.assertion() == idp.served[-1]
        assert idp.hits == 2


async def test_an_idp_that_answers_two_matching_roles_is_refused(idp: Any, sts: Any) -> None:
    team = f"arn:aws:iam::{ACCOUNT}:role/team/engineer"
    idp.roles = [f"{ROLE},{PRINCIPAL}", f"{team},{PRINCIPAL}"]
    async with provider(idp, sts) as saml:
        with pytest.raises(IdpInvalidRoleError) as caught:
            await saml.session(ACCOUNT)
    assert caught.value.matches == (ROLE, team)
    assert "2 roles" in str(caught.value) and "exactly one" in str(caught.value)
    assert sts.count("AssumeRoleWithSAML") == 0


async def test_a_page_with_two_saml_responses_is_refused(idp: Any, sts: Any) -> None:
    idp.roles = [f"{ROLE},{PRINCIPAL}"]
    async with provider(idp, sts, "/twice") as saml:
        with pytest.raises(IdpInvalidResponseError, match="2 SAMLResponse fields"):
            await saml.session(ACCOUNT)


def test_auth_of_the_wrong_kind_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="auth must be"):
        SamlSessionProvider("r", "https://idp.example.com/sso", auth=42)  # type: ignore[arg-type]
