"""A small Aliyun OpenAPI (RPC style) client over one aiohttp session.

Used for KMS ``GetSecretValue``, and usable for any RPC-style Aliyun API. Requests are
signed with signature V3 for access keys (static, managed RAM credentials, or an ECS
instance's RAM role with its STS token) and with the RPC signature (``SHA256withRSA``) for
client keys. When a call fails with an error judged "access key expired"
(``InvalidAccessKeyId.NotFound``, ``InvalidAccessKeyId`` or ``InvalidSecurityToken.Expired``
by default), the provider is refreshed once and the call retried once: the pattern of
Aliyun's managed RAM credentials.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import ssl
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any, Protocol, runtime_checkable
from urllib.parse import urlsplit

import aiohttp
from yarl import URL

from aiosdm._async import ClosesOnExit
from aiosdm._clock import Clock, utc_now
from aiosdm._tls import require_tls_or_loopback
from aiosdm.credentials._aliyun_client_key import AliyunClientKey
from aiosdm.credentials._aliyun_signing import (
    authorization,
    canonical_query,
    hex_sha256,
    rpc_rsa_signature,
)

__all__ = [
    "AliyunAccessKey",
    "AliyunAccessKeyProvider",
    "AliyunApiError",
    "AliyunClient",
    "StaticAliyunAccessKey",
    "aliyun_endpoint",
    "is_access_key_expired",
]

_log = logging.getLogger("aiosdm.credentials")

_EMPTY_BODY_SHA256 = hex_sha256(b"")
_EXPIRED_KEY_CODES = frozenset(
    {"InvalidAccessKeyId.NotFound", "InvalidAccessKeyId", "InvalidSecurityToken.Expired"}
)


@dataclass(frozen=True)
class AliyunAccessKey:
    """An Aliyun AccessKey pair (plus an STS token); secrets never appear in ``repr()``."""

    access_key_id: str
    access_key_secret: str = field(repr=False)
    security_token: str | None = field(default=None, repr=False)


@runtime_checkable
class AliyunAccessKeyProvider(Protocol):
    """A source of Aliyun access keys (or client keys), refreshed when a call says the key
    is expired."""

    async def get(self) -> AliyunAccessKey | AliyunClientKey:
        """The current access key (cached; fetched on first use)."""

    async def refresh(self) -> AliyunAccessKey | AliyunClientKey:
        """Fetch the access key anew."""


class StaticAliyunAccessKey:
    """A fixed access key; ``refresh()`` returns it unchanged."""

    def __init__(
        self, access_key_id: str, access_key_secret: str, security_token: str | None = None
    ) -> None:
        self._key = AliyunAccessKey(access_key_id, access_key_secret, security_token)

    def __repr__(self) -> str:
        return f"StaticAliyunAccessKey({self._key.access_key_id!r})"

    async def get(self) -> AliyunAccessKey:
        """The access key it was given."""
        return self._key

    async def refresh(self) -> AliyunAccessKey:
        """The access key it was given (it never changes)."""
        return self._key


class AliyunApiError(Exception):
    """An Aliyun API answered with an error.

    Attributes:
        code: Aliyun error code (``InvalidAccessKeyId.NotFound``, ``Forbidden.ResourceNotFound``).
        status: HTTP status.
        request_id: ``RequestId`` for Aliyun support, if sent.
    """

    def __init__(self, code: str, message: str, *, status: int, request_id: str | None) -> None:
        super().__init__(f"{code} (HTTP {status}): {message}")
        self.code = code
        self.status = status
        self.request_id = request_id


def is_access_key_expired(error: AliyunApiError) -> bool:
    """The default judge: the key is unknown to Aliyun (deleted or rotated away), or its STS
    token has expired."""
    return error.code in _EXPIRED_KEY_CODES


def aliyun_endpoint(product: str, region_id: str, *, vpc: bool = False) -> str:
    """The public (or, with ``vpc``, the VPC) endpoint of ``product`` in ``region_id``:
    ``aliyun_endpoint("kms", "cn-hangzhou")`` is ``https://kms.cn-hangzhou.aliyuncs.com``.

    Raises:
        ValueError: a product or region that cannot be part of a host name.
    """
    for what, value in (("product", product), ("region_id", region_id)):
        if not value or not all(c.isalnum() or c == "-" for c in value):
            raise ValueError(f"{what} {value!r} cannot be part of an endpoint")
    return f"https://{product}{'-vpc' if vpc else ''}.{region_id}.aliyuncs.com"


class _FixedClientKey:
    def __init__(self, key: AliyunClientKey) -> None:
        self._key = key

    def __repr__(self) -> str:
        return f"_FixedClientKey({self._key.key_id!r})"

    async def get(self) -> AliyunClientKey:
        return self._key

    async def refresh(self) -> AliyunClientKey:
        return self._key


class AliyunClient(ClosesOnExit):
    """Calls one Aliyun RPC-style API (one endpoint and version).

    Name the endpoint, or the region (and product) it is derived from.

    Args:
        endpoint: base URL, e.g. ``https://kms.cn-hangzhou.aliyuncs.com``. Plain ``http://``
            is accepted for loopback addresses only.
        region_id: instead of ``endpoint``: the region, e.g. ``cn-hangzhou``.
        product: with ``region_id``: the endpoint's product prefix (``kms``).
        vpc: with ``region_id``: the VPC endpoint (``kms-vpc.<region>.aliyuncs.com``).
        api_version: the API's version, e.g. ``2016-01-20`` for KMS.
        credentials: an access key or a client key, or a provider of them
            (:class:`AliyunEcsRamRole`, :class:`AliyunClientKeyFile`,
            :class:`AliyunManagedAccessKey`, ...).
        ca_file: a PEM file of the certificate authorities to trust (a dedicated KMS
            instance's CA), instead of the system's.
        verify: False skips TLS certificate verification: only ever explicitly, and
            logged. Not together with ``ca_file``.
        is_key_expired: judges whether an error means "refresh the key and retry once".
        http: an aiohttp session to share (not closed by us); default: our own, reused.
        timeout: seconds per HTTP request.
        clock: wall clock for request dates.

    Raises:
        ValueError: neither or both of ``endpoint`` and ``region_id``; plain http to a
            non-loopback host; ``ca_file`` with ``verify=False``.
    """

    def __init__(
        self,
        *,
        endpoint: str | None = None,
        region_id: str | None = None,
        product: str = "kms",
        vpc: bool = False,
        api_version: str,
        credentials: AliyunAccessKey | AliyunClientKey | AliyunAccessKeyProvider,
        ca_file: str | os.PathLike[str] | None = None,
        verify: bool = True,
        is_key_expired: Callable[[AliyunApiError], bool] = is_access_key_expired,
        http: aiohttp.ClientSession | None = None,
        timeout: float = 10.0,
        clock: Clock = utc_now,
    ) -> None:
        if (endpoint is None) == (region_id is None):
            raise ValueError("give the endpoint or the region_id it is derived from (one)")
        if endpoint is None:
            assert region_id is not None
            endpoint = aliyun_endpoint(product, region_id, vpc=vpc)
        require_tls_or_loopback(endpoint, what="Aliyun API requests and secrets")
        if ca_file is not None and not verify:
            raise ValueError("ca_file and verify=False contradict each other: give one")
        parts = urlsplit(endpoint)
        self._base = f"{parts.scheme}://{parts.netloc}"
        self._host = parts.netloc
        self._version = api_version
        self._keys: AliyunAccessKeyProvider
        if isinstance(credentials, AliyunAccessKey):
            self._keys = StaticAliyunAccessKey(
                credentials.access_key_id,
                credentials.access_key_secret,
                credentials.security_token,
            )
        elif isinstance(credentials, AliyunClientKey):
            self._keys = _FixedClientKey(credentials)
        else:
            self._keys = credentials
        self._is_key_expired = is_key_expired
        self._http = http
        self._owns_http = http is None
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._clock = clock
        self._ca_file = ca_file
        self._ssl: ssl.SSLContext | bool | None = None if ca_file is not None else verify
        if not verify:
            _log.warning(
                "Aliyun API at %s: TLS certificates are NOT verified (verify=False)", self._host
            )

    def __repr__(self) -> str:
        return f"AliyunClient(endpoint={self._base!r}, api_version={self._version!r})"

    async def call(self, action: str, params: Mapping[str, str] | None = None) -> dict[str, Any]:
        """Call ``action`` and return its JSON answer.

        Raises:
            AliyunApiError: the API answered with an error (after the one retry, if any).
            aiohttp.ClientError: the endpoint could not be reached.
        """
        params = dict(params or {})
        key = await self._keys.get()
        try:
            return await self._send(action, params, key)
        except AliyunApiError as error:
            if not self._is_key_expired(error):
                raise
        return await self._send(action, params, await self._keys.refresh())

    async def close(self) -> None:
        """Close the HTTP session it made. Safe to call more than once."""
        if self._owns_http and self._http is not None:
            await self._http.close()
            self._http = None

    async def _send(
        self, action: str, params: Mapping[str, str], key: AliyunAccessKey | AliyunClientKey
    ) -> dict[str, Any]:
        if isinstance(key, AliyunClientKey):
            return await self._send_with_client_key(action, params, key)
        headers = {
            "host": self._host,
            "x-acs-action": action,
            "x-acs-version": self._version,
            "x-acs-date": self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "x-acs-signature-nonce": uuid.uuid4().hex,
            "x-acs-content-sha256": _EMPTY_BODY_SHA256,
        }
        if key.security_token:
            headers["x-acs-security-token"] = key.security_token
        headers["Authorization"] = authorization(
            access_key_id=key.access_key_id,
            access_key_secret=key.access_key_secret,
            method="POST",
            path="/",
            query=params,
            headers=headers,
        )
        headers["Accept"] = "application/json"
        query = canonical_query(params)
        # encoded=True: send the query exactly as signed, with no re-encoding by yarl.
        url = URL(f"{self._base}/?{query}" if query else f"{self._base}/", encoded=True)
        return await self._post(url, headers)

    async def _send_with_client_key(
        self, action: str, params: Mapping[str, str], key: AliyunClientKey
    ) -> dict[str, Any]:
        query = {
            **params,
            "Action": action,
            "Version": self._version,
            "Format": "JSON",
            "AccessKeyId": key.key_id,
            "SignatureMethod": "SHA256withRSA",
            "SignatureType": "PRIVATEKEY",
            "SignatureVersion": "1.0",
            "SignatureNonce": uuid.uuid4().hex,
            "Timestamp": self._clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        query["Signature"] = rpc_rsa_signature("POST", query, key.private_key)
        url = URL(f"{self._base}/?{canonical_query(query)}", encoded=True)
        return await self._post(url, {"Accept": "application/json"})

    async def _post(self, url: URL, headers: Mapping[str, str]) -> dict[str, Any]:
        tls = await self._tls()
        async with self._session().post(
            url, headers=dict(headers), timeout=self._timeout, ssl=tls
        ) as response:
            body = await response.read()
            status = response.status
        answer = _json_object(body)
        if not 200 <= status < 300:
            raise AliyunApiError(
                str(answer.get("Code", f"HTTP{status}")),
                str(answer.get("Message", "")),
                status=status,
                request_id=answer.get("RequestId"),
            )
        return answer

    async def _tls(self) -> ssl.SSLContext | bool:
        if self._ssl is None:
            # Loading a CA file reads the disk: in a worker thread, once.
            self._ssl = await asyncio.to_thread(ssl.create_default_context, cafile=self._ca_file)
        return self._ssl

    def _session(self) -> aiohttp.ClientSession:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return self._http


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        answer = json.loads(body) if body else {}
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}
