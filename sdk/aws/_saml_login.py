"""Logging in to a SAML identity provider: the pluggable step before the assertion.

A login is any async callable ``login(request) -> IdpAnswer`` (or the page as ``str``). The
:class:`IdpRequest` it gets carries everything the provider was configured with (URL,
method, extra headers, TLS settings, an aiohttp session) and sends it with
:meth:`IdpRequest.send`; the login adds its credentials. Built in:

- :class:`BasicLogin`: HTTP Basic (``aiohttp.BasicAuth`` and ``IdpLogin`` with GET map here);
- :class:`AdfsFormLogin`: ADFS forms authentication (``UserName``/``Password`` POST);
- :class:`NegotiateLogin`: NTLM or Negotiate (SPNEGO), as Windows-integrated ADFS wants,
  through pyspnego (the ``ntlm`` extra).
"""

from __future__ import annotations

import base64
import binascii
import importlib
import ssl
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Literal
from urllib.parse import urlsplit

import aiohttp

__all__ = [
    "AdfsFormLogin",
    "BasicLogin",
    "IdpAnswer",
    "IdpLogin",
    "IdpRequest",
    "NegotiateLogin",
    "SamlLogin",
]


@dataclass(frozen=True)
class IdpLogin:
    """A user name and password for the identity provider (password hidden from repr).

    With ``method="GET"`` it is sent as HTTP Basic, with ``"POST"`` as the ADFS form.
    """

    username: str
    password: str = field(repr=False)

    def basic_authorization(self) -> str:
        """The ``Authorization`` header value for HTTP Basic."""
        pair = f"{self.username}:{self.password}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")


@dataclass(frozen=True)
class IdpAnswer:
    """What the identity provider answered (the page may hold an assertion: never shown).

    Attributes:
        status: HTTP status.
        page: the body, as text.
        challenges: every ``WWW-Authenticate`` header value.
    """

    status: int
    page: str = field(repr=False)
    challenges: tuple[str, ...] = ()


@dataclass(frozen=True)
class IdpRequest:
    """One login's request to the identity provider, as the provider was configured.

    Attributes:
        http: the provider's aiohttp session.
        url: the identity provider's URL.
        method: ``"GET"`` or ``"POST"``.
        headers: extra headers to send (a User-Agent, ...; kept out of ``repr()``, as they
            may carry a token).
        ssl: TLS setting for aiohttp (``True``, ``False`` or an ``SSLContext``).
        timeout: bound on each request.
    """

    http: aiohttp.ClientSession = field(repr=False)
    url: str
    method: str
    headers: Mapping[str, str] = field(repr=False)
    ssl: bool | ssl.SSLContext
    timeout: aiohttp.ClientTimeout

    async def send(
        self,
        *,
        headers: Mapping[str, str] | None = None,
        data: Mapping[str, str] | None = None,
        method: str | None = None,
        http: aiohttp.ClientSession | None = None,
    ) -> IdpAnswer:
        """Send the request (``headers`` added to the configured ones) and read the answer.

        Args:
            headers: extra headers for this request (credentials).
            data: a form to post.
            method: overrides the configured method.
            http: another aiohttp session (a login that needs one connection of its own).
        """
        sent = {**self.headers, **(headers or {})}
        async with (http or self.http).request(
            method or self.method,
            self.url,
            headers=sent,
            data=data,
            ssl=self.ssl,
            timeout=self.timeout,
        ) as response:
            page = await response.text(errors="replace")
            return IdpAnswer(
                response.status, page, tuple(response.headers.getall("WWW-Authenticate", ()))
            )


#: Logs in and returns the identity provider's answer (or its page, meaning HTTP 200).
SamlLogin = Callable[[IdpRequest], Awaitable[IdpAnswer | str]]


class BasicLogin:
    """HTTP Basic: the user name and password in an ``Authorization`` header."""

    def __init__(self, username: str, password: str) -> None:
        self._login = IdpLogin(username, password)

    def __repr__(self) -> str:
        return f"BasicLogin({self._login.username!r})"

    async def __call__(self, request: IdpRequest) -> IdpAnswer:
        return await request.send(headers={"Authorization": self._login.basic_authorization()})


class AdfsFormLogin:
    """ADFS forms authentication: ``UserName``, ``Password`` and
    ``AuthMethod=FormsAuthentication`` posted to the sign-on URL."""

    def __init__(self, username: str, password: str) -> None:
        self._login = IdpLogin(username, password)

    def __repr__(self) -> str:
        return f"AdfsFormLogin({self._login.username!r})"

    async def __call__(self, request: IdpRequest) -> IdpAnswer:
        form = {
            "UserName": self._login.username,
            "Password": self._login.password,
            "AuthMethod": "FormsAuthentication",
        }
        return await request.send(data=form, method="POST")


class NegotiateLogin:
    """Windows-integrated login: NTLM, or Negotiate (SPNEGO: Kerberos where the machine has
    it, else NTLM inside), through pyspnego (install the ``ntlm`` extra).

    NTLM authenticates a connection rather than a request, so the handshake runs on one
    connection of its own; it takes at most ``max_rounds`` requests.

    Args:
        username: ``DOMAIN\\user`` or ``user@domain``.
        password: the password (never shown).
        protocol: ``"ntlm"`` (``Authorization: NTLM``) or ``"negotiate"``
            (``Authorization: Negotiate``).
        max_rounds: bound on the handshake's requests.

    Raises:
        ModuleNotFoundError: pyspnego is not installed.
    """

    def __init__(
        self,
        username: str,
        password: str,
        *,
        protocol: Literal["ntlm", "negotiate"] = "ntlm",
        max_rounds: int = 4,
    ) -> None:
        if protocol not in ("ntlm", "negotiate"):
            raise ValueError("protocol must be 'ntlm' or 'negotiate'")
        self._spnego = _spnego()
        self._login = IdpLogin(username, password)
        self._protocol = protocol
        self._scheme = "NTLM" if protocol == "ntlm" else "Negotiate"
        self._max_rounds = max_rounds

    def __repr__(self) -> str:
        return f"NegotiateLogin({self._login.username!r}, protocol={self._protocol!r})"

    async def __call__(self, request: IdpRequest) -> IdpAnswer:
        context: Any = self._spnego.client(
            self._login.username,
            self._login.password,
            hostname=urlsplit(request.url).hostname or "unspecified",
            service="HTTP",
            protocol=self._protocol,
        )
        connector = aiohttp.TCPConnector(limit=1, ssl=request.ssl)
        async with aiohttp.ClientSession(connector=connector) as one_connection:
            token: bytes | None = context.step()
            answer = IdpAnswer(401, "")
            for _ in range(self._max_rounds):
                if token is None:
                    break
                authorization = f"{self._scheme} {base64.b64encode(token).decode('ascii')}"
                answer = await request.send(
                    headers={"Authorization": authorization}, http=one_connection
                )
                challenge = self._challenge(answer)
                if answer.status != 401 or challenge is None or context.complete:
                    break
                try:
                    token = context.step(challenge)
                except self._spnego.exceptions.SpnegoError:
                    break  # the server's token made no sense: it stays a refusal (401)
            return answer

    def _challenge(self, answer: IdpAnswer) -> bytes | None:
        for value in answer.challenges:
            scheme, _, token = value.strip().partition(" ")
            if scheme.lower() == self._scheme.lower() and token.strip():
                try:
                    return base64.b64decode(token.strip(), validate=True)
                except (binascii.Error, ValueError):
                    return None
        return None


def _spnego() -> ModuleType:
    try:
        module = importlib.import_module("spnego")
        importlib.import_module("spnego.exceptions")
    except ModuleNotFoundError as exc:
        raise ModuleNotFoundError(
            "NegotiateLogin needs pyspnego: pip install 'aiosdm[ntlm]'", name=exc.name
        ) from exc
    return module
