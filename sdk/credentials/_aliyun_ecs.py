"""Aliyun access keys of an ECS instance's RAM role, from the instance metadata service.

The metadata service (``http://100.100.100.200``, reachable from the instance only) hands
out STS credentials for the role attached to the instance: an access key, its secret and
a security token, with their expiry. They are fetched again before they expire, as the
:class:`~aiosdm.credentials.RefreshPolicy` says, one fetch at a time; an API call that
answers ``InvalidSecurityToken.Expired`` makes :class:`AliyunClient` fetch them at once.

Requests first ask for a metadata token (``PUT /latest/api/token``, the hardened mode);
a metadata service without that falls back to plain requests unless ``require_token``.
"""

from __future__ import annotations

from typing import Unpack
from urllib.parse import quote

import aiohttp

from aiosdm.credentials._aliyun_client import AliyunAccessKey
from aiosdm.credentials._errors import CredentialsRefreshError
from aiosdm.credentials._rotating import (
    Fetched,
    RotatingSource,
    Schedule,
)
from aiosdm.credentials._secret_document import (
    RotationHints,
    load_json_object,
    parse_time,
    read_text_field,
)

__all__ = ["DEFAULT_METADATA_URL", "AliyunEcsRamRole"]

DEFAULT_METADATA_URL = "http://100.100.100.200"
_CREDENTIALS_PATH = "/latest/meta-data/ram/security-credentials/"
_TOKEN_PATH = "/latest/api/token"
_TOKEN_TTL_HEADER = "X-aliyun-ecs-metadata-token-ttl-seconds"
_TOKEN_HEADER = "X-aliyun-ecs-metadata-token"


class AliyunEcsRamRole(RotatingSource[AliyunAccessKey]):
    """STS credentials of the instance's RAM role; pass it as an :class:`AliyunClient`'s
    ``credentials`` (and that client as an :class:`AliyunSecretsManager`'s ``kms``).

    Args:
        role_name: the RAM role; default: the one the metadata service names.
        metadata_url: the metadata service (tests point it at a loopback stand-in).
        require_token: refuse plain metadata requests when no metadata token can be had.
        token_ttl: lifetime asked for each metadata token, in seconds.
        timeout: seconds per metadata request.
        http: an aiohttp session to use (not closed by us); default: our own.
        refresh_interval, jitter, forced_refresh_limit, coalesce_window, refresh_policy,
            clock: see :class:`RotatingSource` (the credentials' expiry steers the schedule).
    """

    def __init__(
        self,
        role_name: str | None = None,
        *,
        metadata_url: str = DEFAULT_METADATA_URL,
        require_token: bool = False,
        token_ttl: int = 21600,
        timeout: float = 5.0,
        http: aiohttp.ClientSession | None = None,
        **schedule: Unpack[Schedule],
    ) -> None:
        super().__init__(
            name=f"aliyun-ecs-ram-role:{role_name or '(attached)'}",
            **schedule,
        )
        self._role = role_name
        self._base = metadata_url.rstrip("/")
        self._require_token = require_token
        self._token_ttl = token_ttl
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._http = http
        self._owns_http = http is None

    async def close(self) -> None:
        await super().close()
        if self._owns_http and self._http is not None:
            await self._http.close()
            self._http = None

    async def _fetch(self) -> Fetched[AliyunAccessKey]:
        headers = {}
        token = await self._metadata_token()
        if token is not None:
            headers[_TOKEN_HEADER] = token
        role = self._role or await self._attached_role(headers)
        status, body = await self._request("GET", _CREDENTIALS_PATH + quote(role, safe=""), headers)
        if status != 200:
            raise CredentialsRefreshError(
                f"{self._name}: the metadata service answered HTTP {status} for role {role!r}"
            )
        document = load_json_object(body, source=self._name)
        if document.get("Code", "Success") != "Success":
            raise CredentialsRefreshError(
                f"{self._name}: the metadata service answered Code={document.get('Code')!r}"
            )
        key = AliyunAccessKey(
            read_text_field(document, "AccessKeyId", source=self._name),
            read_text_field(document, "AccessKeySecret", source=self._name),
            read_text_field(document, "SecurityToken", source=self._name),
        )
        return Fetched(key, RotationHints(expires_at=parse_time(document.get("Expiration"))))

    async def _metadata_token(self) -> str | None:
        try:
            status, body = await self._request(
                "PUT", _TOKEN_PATH, {_TOKEN_TTL_HEADER: str(self._token_ttl)}
            )
        except (aiohttp.ClientError, TimeoutError):
            if self._require_token:
                raise
            return None
        token = body.decode("utf-8", "replace").strip()
        if status == 200 and token:
            return token
        if self._require_token:
            raise CredentialsRefreshError(
                f"{self._name}: no metadata token (HTTP {status}) and require_token is set"
            )
        return None

    async def _attached_role(self, headers: dict[str, str]) -> str:
        status, body = await self._request("GET", _CREDENTIALS_PATH, headers)
        names = body.decode("utf-8", "replace").split()
        if status != 200 or not names:
            raise CredentialsRefreshError(
                f"{self._name}: the instance has no RAM role (metadata answered HTTP {status})"
            )
        return names[0]

    async def _request(self, method: str, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
        if self._http is None:
            self._http = aiohttp.ClientSession()
        async with self._http.request(
            method, self._base + path, headers=headers, timeout=self._timeout
        ) as response:
            return response.status, await response.read()
