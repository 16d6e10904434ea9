"""A small Aliyun OpenAPI (RPC style) client: signature V3 over one aiohttp session.

Used for KMS ``GetSecretValue``, and usable for any RPC-style Aliyun API. When a call
fails with an error judged "access key expired" (``InvalidAccessKeyId.NotFound`` or
``InvalidAccessKeyId`` by default), the access key provider is refreshed once and the call
retried once: the pattern of Aliyun's managed RAM credentials.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC
from types import TracebackType
from typing import Any, Protocol, Self, runtime_checkable
from urllib.parse import urlsplit

import aiohttp
from yarl import URL

from aiosdm._clock import Clock, utc_now
from aiosdm._tls import require_tls_or_loopback
from aiosdm.credentials._aliyun_signing import authorization, canonical_query, hex_sha256

__all__ = [
    "AliyunAccessKey",
    "AliyunAccessKeyProvider",
    "AliyunApiError",
    "AliyunClient",
    "StaticAliyunAccessKey",
    "is_access_key_expired",
]

_EMPTY_BODY_SHA256 = hex_sha256(b"")
_EXPIRED_KEY_CODES = frozenset({"InvalidAccessKeyId.NotFound", "InvalidAccessKeyId"})


@dataclass(frozen=True)
class AliyunAccessKey:
    """An Aliyun AccessKey pair (plus an STS token); secrets never appear in ``repr()``."""

    access_key_id: str
    access_key_secret: str = field(repr=False)
    security_token: str | None = field(default=None, repr=False)


@runtime_checkable
class AliyunAccessKeyProvider(Protocol):
    """A source of Aliyun access keys, refreshed when a call says the key is expired."""

    async def get(self) -> AliyunAccessKey: ...

    async def refresh(self) -> AliyunAccessKey: ...


class StaticAliyunAccessKey:
    """A fixed access key; ``refresh()`` returns it unchanged."""

    def __init__(
        self, access_key_id: str, access_key_secret: str, security_token: str | None = None
    ) -> None:
        self._key = AliyunAccessKey(access_key_id, access_key_secret, security_token)

    def __repr__(self) -> str:
        return f"StaticAliyunAccessKey({self._key.access_key_id!r})"

    async def get(self) -> AliyunAccessKey:
        return self._key

    async def refresh(self) -> AliyunAccessKey:
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
    """The default judge: the key is unknown to Aliyun (deleted or rotated away)."""
    return error.code in _EXPIRED_KEY_CODES


class AliyunClient:
    """Calls one Aliyun RPC-style API (one endpoint and version).

    Args:
        endpoint: base URL, e.g. ``https://kms.cn-hangzhou.aliyuncs.com`` (``kms-vpc.`` inside
            a VPC). Plain ``http://`` is accepted for loopback addresses only.
        api_version: the API's version, e.g. ``2016-01-20`` for KMS.
        credentials: an access key, or a provider of them.
        is_key_expired: judges whether an error means "refresh the key and retry once".
        http: an aiohttp session to share (not closed by us); default: our own, reused.
        timeout: seconds per HTTP request.
        clock: wall clock for ``x-acs-date``.

    Raises:
        ValueError: the endpoint is plain http to a non-loopback host.
    """

    def __init__(
        self,
        *,
        endpoint: str,
        api_version: str,
        credentials: AliyunAccessKey | AliyunAccessKeyProvider,
        is_key_expired: Callable[[AliyunApiError], bool] = is_access_key_expired,
        http: aiohttp.ClientSession | None = None,
        timeout: float = 10.0,
        clock: Clock = utc_now,
    ) -> None:
        require_tls_or_loopback(endpoint, what="Aliyun API requests and secrets")
        parts = urlsplit(endpoint)
        self._base = f"{parts.scheme}://{parts.netloc}"
        self._host = parts.netloc
        self._version = api_version
        self._keys: AliyunAccessKeyProvider = (
            StaticAliyunAccessKey(
                credentials.access_key_id,
                credentials.access_key_secret,
                credentials.security_token,
            )
            if isinstance(credentials, AliyunAccessKey)
            else credentials
        )
        self._is_key_expired = is_key_expired
        self._http = http
        self._owns_http = http is None
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._clock = clock

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
        if self._owns_http and self._http is not None:
            await self._http.close()
            self._http = None

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def _send(
        self, action: str, params: Mapping[str, str], key: AliyunAccessKey
    ) -> dict[str, Any]:
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
        async with self._session().post(url, headers=headers, timeout=self._timeout) as response:
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
