"""Sessions through SAML federation: log in to the identity provider, assume a role."""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import aiohttp

from aiosdm._async import SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._tls import require_tls_or_loopback
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session
from aiosdm.aws._cache import CacheKey, CredentialsCache
from aiosdm.aws._errors import (
    IdpAccessDeniedError,
    IdpInvalidResponseError,
    IdpInvalidRoleError,
)
from aiosdm.aws._provider import AccountSessions
from aiosdm.aws._saml_assertion import choose_role, find_saml_response, roles_in
from aiosdm.aws._sts import StsCaller

__all__ = ["IdpLogin", "SamlSessionProvider"]

_SAML_SESSION = "saml"  # the identity provider names the STS session, not us


@dataclass(frozen=True)
class IdpLogin:
    """A user name and password for the identity provider (password hidden from repr)."""

    username: str
    password: str = field(repr=False)

    def basic_authorization(self) -> str:
        """The ``Authorization`` header value for HTTP Basic."""
        pair = f"{self.username}:{self.password}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")


class SamlSessionProvider:
    """Sessions for ``role`` in any account, through an identity provider's SAML assertion.

    The identity provider is asked with ``GET`` (``auth`` sent as HTTP Basic) or ``POST``
    (``auth`` sent as the ``UserName``/``Password`` form of ADFS forms login). Its page must
    carry the assertion in an ``<input name="SAMLResponse">``. The assertion is reused for
    ``saml_duration`` seconds; credentials are cached per account and refreshed ahead of
    expiry, one identity-provider login and one STS call at a time.

    Args:
        role: role name (not ARN) to assume in each account.
        url: identity provider URL that answers with the SAML form.
        auth: an :class:`IdpLogin` or ``(username, password)``; None if the URL needs none
            (or when ``headers`` carry the authentication).
        method: ``"GET"`` or ``"POST"``.
        headers: extra request headers (some identity providers want a User-Agent).
        duration: requested credential lifetime in seconds.
        saml_duration: seconds an assertion is reused.
        verify: verify the identity provider's TLS certificate.
        endpoint_url: STS endpoint (tests point it at a local server).
        region_name: region for STS and for the sessions handed out.
        partition: ARN partition.
        http: an aiohttp session to use (not closed by us); default: our own.
        cache: share a credentials cache; default: a private one.
        clock: wall clock for a private cache.
        monotonic: clock for ``saml_duration``.

    Raises:
        ValueError: ``auth`` would travel over plain http to a non-loopback host.
    """

    def __init__(
        self,
        role: str,
        url: str,
        auth: IdpLogin | tuple[str, str] | None = None,
        method: Literal["GET", "POST"] = "GET",
        headers: Mapping[str, str] | None = None,
        duration: int = 3600,
        saml_duration: int = 300,
        verify: bool = True,
        *,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        partition: str = "aws",
        http: aiohttp.ClientSession | None = None,
        cache: CredentialsCache | None = None,
        clock: Clock = utc_now,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if method not in ("GET", "POST"):
            raise ValueError("method must be 'GET' or 'POST'")
        if auth is not None:
            require_tls_or_loopback(url, what="identity provider credentials")
        self._role = role
        self._url = url
        self._auth = IdpLogin(*auth) if isinstance(auth, tuple) else auth
        self._method = method
        self._headers = dict(headers or {})
        self._duration = duration
        self._saml_duration = saml_duration
        self._verify = verify
        self._sts = StsCaller(
            endpoint_url=endpoint_url, region_name=region_name, partition=partition
        )
        self._http = http
        self._owns_http = http is None
        self._cache = cache or CredentialsCache(clock=clock)
        self._monotonic = monotonic
        self._assertion: tuple[str, float] | None = None
        self._assertion_flight: SingleFlight[str, str] = SingleFlight()
        self._sessions = AccountSessions(self.credentials, self._cache, region_name=region_name)

    def __repr__(self) -> str:
        return f"SamlSessionProvider(role={self._role!r}, method={self._method!r})"

    async def credentials(self, account_id: str) -> AwsCredentials:
        """Current credentials for the role in ``account_id``.

        Raises:
            IdpAccessDeniedError: the identity provider answered 401.
            IdpInvalidResponseError: another error status, or no usable SAMLResponse.
            IdpInvalidRoleError: the assertion grants no such role in that account.
            AssumeRoleError: STS refused or failed.
        """
        key = CacheKey(account_id, self._role, _SAML_SESSION)
        return await self._cache.get(key, lambda: self._assume(account_id))

    async def session(self, account_id: str) -> Session:
        """A session for ``account_id`` whose credentials refresh themselves."""
        return await self._sessions.session(account_id)

    async def assertion(self) -> str:
        """The current base64 SAML assertion (fetched at most every ``saml_duration``)."""
        cached = self._assertion
        if cached is not None and self._monotonic() - cached[1] < self._saml_duration:
            return cached[0]
        return await self._assertion_flight.run("assertion", self._login)

    async def close(self) -> None:
        await self._assertion_flight.aclose()
        await self._cache.aclose()
        if self._owns_http and self._http is not None:
            await self._http.close()
            self._http = None

    async def __aenter__(self) -> SamlSessionProvider:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def _assume(self, account_id: str) -> AwsCredentials:
        assertion = await self.assertion()
        chosen = choose_role(roles_in(assertion), account_id, self._role)
        if chosen is None:
            raise IdpInvalidRoleError(account_id, self._role)
        role_arn, principal_arn = chosen
        return await self._sts.assume_role_with_saml(
            role_arn=role_arn,
            principal_arn=principal_arn,
            assertion=assertion,
            duration=self._duration,
        )

    async def _login(self) -> str:
        http = self._http
        if http is None:
            http = self._http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=30))
        headers = dict(self._headers)
        form = None
        if self._auth is not None and self._method == "POST":
            form = {
                "UserName": self._auth.username,
                "Password": self._auth.password,
                "AuthMethod": "FormsAuthentication",
            }
        elif self._auth is not None:
            headers["Authorization"] = self._auth.basic_authorization()
        try:
            async with http.request(
                self._method, self._url, headers=headers, data=form, ssl=self._verify
            ) as response:
                if response.status == 401:
                    raise IdpAccessDeniedError("the identity provider refused the login (401)")
                if not 200 <= response.status < 300:
                    raise IdpInvalidResponseError(
                        f"the identity provider answered HTTP {response.status}"
                    )
                page = await response.text(errors="replace")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise IdpInvalidResponseError(
                f"the identity provider could not be reached: {type(exc).__name__}"
            ) from exc
        assertion = find_saml_response(page)
        if assertion is None:
            raise IdpInvalidResponseError("the identity provider's page holds no SAMLResponse")
        roles_in(assertion)  # reject an unreadable assertion before caching it
        self._assertion = (assertion, self._monotonic())
        return assertion
