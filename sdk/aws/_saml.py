"""Sessions through SAML federation: log in to the identity provider, assume a role."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Literal

import aiohttp

from aiosdm._async import ClosesOnExit, SingleFlight
from aiosdm._clock import Clock, utc_now
from aiosdm._refresh_policy import RefreshPolicy
from aiosdm._tls import require_tls_or_loopback
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session
from aiosdm.aws._cache import CacheKey, CredentialsCache, private_or_shared
from aiosdm.aws._errors import (
    IdpAccessDeniedError,
    IdpInvalidResponseError,
    IdpInvalidRoleError,
)
from aiosdm.aws._provider import AccountSessions
from aiosdm.aws._saml_assertion import choose_roles, find_saml_responses, roles_in
from aiosdm.aws._saml_login import (
    AdfsFormLogin,
    BasicLogin,
    IdpAnswer,
    IdpLogin,
    IdpRequest,
    SamlLogin,
)
from aiosdm.aws._sts import StsCaller

__all__ = ["SamlSessionProvider"]

_SAML_SESSION = "saml"  # the identity provider names the STS session, not us

#: What ``auth`` may be: a login (any async callable), or what one is made from.
SamlAuth = SamlLogin | IdpLogin | aiohttp.BasicAuth | tuple[str, str]


class SamlSessionProvider(ClosesOnExit):
    """Sessions for ``role`` in any account, through an identity provider's SAML assertion.

    The login is pluggable (``auth``): :class:`BasicLogin`, :class:`AdfsFormLogin`,
    :class:`NegotiateLogin` (NTLM/Negotiate, with the ``ntlm`` extra), or any async
    callable taking an :class:`IdpRequest` and returning the identity provider's answer.
    A user name and password (:class:`IdpLogin`, a pair, or ``aiohttp.BasicAuth``) means HTTP
    Basic with ``GET`` and the ADFS form with ``POST``. The answer must be a page with exactly
    one ``<input name="SAMLResponse">``, and the assertion must grant ``role`` in the account
    exactly once (as awsrun requires): anything else is an error, never a guess.

    The assertion is reused for ``saml_duration`` seconds; credentials are cached per account
    and refreshed as ``refresh_policy`` says, one identity-provider login and one STS call at
    a time.

    Args:
        role: role name (not ARN) to assume in each account.
        url: identity provider URL that answers with the SAML form.
        auth: how to log in (see above); None if the URL needs no login (or ``headers``
            carry it).
        method: ``"GET"`` or ``"POST"``.
        headers: extra request headers (some identity providers want a User-Agent).
        duration: requested credential lifetime in seconds.
        saml_duration: seconds an assertion is reused.
        verify: verify the identity provider's TLS certificate.
        endpoint_url: STS endpoint (tests point it at a local server).
        region_name: region for STS and, unless a call says otherwise, for sessions.
        partition: ARN partition.
        http: an aiohttp session to use (not closed by us); default: our own.
        timeout: seconds each request to the identity provider may take.
        refresh_policy: when credentials are refreshed (default: 15 and 10 minutes before
            expiry).
        cache: share a credentials cache (it brings its own policy); default: a private one.
        clock: wall clock for a private cache.
        monotonic: clock for ``saml_duration``.

    Raises:
        ValueError: a login would travel over plain http to a non-loopback host, or both
            ``cache`` and ``refresh_policy`` were given.
    """

    def __init__(
        self,
        role: str,
        url: str,
        auth: SamlAuth | None = None,
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
        timeout: float = 30.0,
        refresh_policy: RefreshPolicy | None = None,
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
        self._login = _login_for(auth, method)
        self._method = method
        self._headers = dict(headers or {})
        self._duration = duration
        self._saml_duration = saml_duration
        self._verify = verify
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._sts = StsCaller(
            endpoint_url=endpoint_url, region_name=region_name, partition=partition
        )
        self._http = http
        self._owns_http = http is None
        self._cache = private_or_shared(cache, refresh_policy, clock)
        self._monotonic = monotonic
        self._assertion: tuple[str, float] | None = None
        self._assertion_flight: SingleFlight[str, str] = SingleFlight()
        self._sessions = AccountSessions(self.credentials, self._cache, region_name=region_name)

    def __repr__(self) -> str:
        return (
            f"SamlSessionProvider(role={self._role!r}, method={self._method!r}, "
            f"login={self._login!r})"
        )

    async def credentials(self, account_id: str) -> AwsCredentials:
        """Current credentials for the role in ``account_id``.

        Raises:
            IdpAccessDeniedError: the identity provider answered 401.
            IdpInvalidResponseError: another error status, or not exactly one SAMLResponse.
            IdpInvalidRoleError: the assertion grants no such role in that account, or
                several.
            AssumeRoleError: STS refused or failed.
        """
        key = CacheKey(account_id, self._role, _SAML_SESSION)
        return await self._cache.get(key, lambda: self._assume(account_id))

    async def session(self, account_id: str, region_name: str | None = None) -> Session:
        """A session for ``account_id`` (in ``region_name``, default the provider's) whose
        credentials refresh themselves."""
        return await self._sessions.session(account_id, region_name)

    async def assertion(self, refresh: bool = False) -> str:
        """The current base64 SAML assertion, fetched at most every ``saml_duration``.

        Args:
            refresh: log in again now, whatever the cached assertion's age (callers who
                ask at once share that one login).

        Raises:
            IdpAccessDeniedError: the identity provider answered 401.
            IdpInvalidResponseError: another error status, or not exactly one SAMLResponse.
        """
        cached = self._assertion
        fresh = cached is not None and self._monotonic() - cached[1] < self._saml_duration
        if cached is not None and fresh and not refresh:
            return cached[0]
        return await self._assertion_flight.run("assertion", self._fetch_assertion)

    async def close(self) -> None:
        """Close the cache and the HTTP session it made. Safe to call more than once."""
        await self._assertion_flight.aclose()
        await self._cache.aclose()
        if self._owns_http and self._http is not None:
            await self._http.close()
            self._http = None

    async def _assume(self, account_id: str) -> AwsCredentials:
        assertion = await self.assertion()
        matches = choose_roles(roles_in(assertion), account_id, self._role)
        if len(matches) != 1:
            raise IdpInvalidRoleError(account_id, self._role, [role for role, _ in matches])
        role_arn, principal_arn = matches[0]
        return await self._sts.assume_role_with_saml(
            role_arn=role_arn,
            principal_arn=principal_arn,
            assertion=assertion,
            duration=self._duration,
        )

    async def _fetch_assertion(self) -> str:
        http = self._http
        if http is None:
            http = self._http = aiohttp.ClientSession(timeout=self._timeout)
        request = IdpRequest(
            http=http,
            url=self._url,
            method=self._method,
            headers=self._headers,
            ssl=self._verify,
            timeout=self._timeout,
        )
        try:
            answer = await self._login(request) if self._login else await request.send()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise IdpInvalidResponseError(
                f"the identity provider could not be reached: {type(exc).__name__}"
            ) from exc
        if isinstance(answer, str):
            answer = IdpAnswer(200, answer)
        if answer.status == 401:
            raise IdpAccessDeniedError("the identity provider refused the login (401)")
        if not 200 <= answer.status < 300:
            raise IdpInvalidResponseError(f"the identity provider answered HTTP {answer.status}")
        found = find_saml_responses(answer.page)
        if not found:
            raise IdpInvalidResponseError("the identity provider's page holds no SAMLResponse")
        if len(found) > 1:
            raise IdpInvalidResponseError(
                f"the identity provider's page holds {len(found)} SAMLResponse fields: "
                "expected exactly one"
            )
        assertion = found[0]
        roles_in(assertion)  # reject an unreadable assertion before caching it
        self._assertion = (assertion, self._monotonic())
        return assertion


def _login_for(auth: SamlAuth | None, method: str) -> SamlLogin | None:
    if auth is None:
        return None
    if isinstance(auth, aiohttp.BasicAuth):  # a tuple too: test it first
        auth = IdpLogin(auth.login, auth.password)
    elif isinstance(auth, tuple):
        auth = IdpLogin(*auth)
    if isinstance(auth, IdpLogin):
        if method == "POST":
            return AdfsFormLogin(auth.username, auth.password)
        return BasicLogin(auth.username, auth.password)
    if not callable(auth):
        raise TypeError(
            "auth must be a login (an async callable taking an IdpRequest), an IdpLogin, "
            "aiohttp.BasicAuth or a (username, password) pair"
        )
    return auth
