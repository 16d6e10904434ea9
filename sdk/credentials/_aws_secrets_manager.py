"""API keys kept in AWS Secrets Manager, fetched with aiobotocore."""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any, Unpack

from aiosdm._credentials import Credentials
from aiosdm.aws._botocore import Session, new_session, prepare
from aiosdm.credentials._rotating import (
    Fetched,
    RotatingSource,
    Schedule,
)
from aiosdm.credentials._secret_document import (
    RotationHints,
    credentials_from,
    load_json_object,
)

__all__ = ["AwsSecretsManager"]

#: An aiobotocore session, or an async function returning one (called before each fetch,
#: e.g. ``lambda: provider.session("222222222222")`` for a cross-account role).
SessionSource = Session | Callable[[], Awaitable[Session]]


class AwsSecretsManager(RotatingSource[Credentials]):
    """Keys from a Secrets Manager secret holding a JSON object.

    The default shape is ``{"access_key": "...", "secret_key": "..."}``; both field names
    are configurable. Optional rotation hints in the same object steer the schedule (see
    :mod:`aiosdm.credentials`). ``version_stage`` picks the version (``AWSCURRENT``,
    ``AWSPENDING``, a custom label), or ``version_id`` pins one.

    Args:
        secret_id: the secret's name or ARN.
        session: an aiobotocore session, or an async function returning one; default: a
            session with aiobotocore's default credential chain.
        region_name: the secret's region.
        endpoint_url: Secrets Manager endpoint (tests point it at a local server).
        version_stage: staging label to read.
        version_id: a specific version (overrides ``version_stage``).
        access_key_field: JSON field holding the access key.
        secret_key_field: JSON field holding the base64 secret key.
        refresh_interval, jitter, forced_refresh_limit, coalesce_window, refresh_policy,
            clock: see :class:`RotatingSource`.
    """

    def __init__(
        self,
        secret_id: str,
        *,
        session: SessionSource | None = None,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        version_stage: str = "AWSCURRENT",
        version_id: str | None = None,
        access_key_field: str = "access_key",
        secret_key_field: str = "secret_key",
        **schedule: Unpack[Schedule],
    ) -> None:
        super().__init__(
            name=f"aws-secretsmanager:{secret_id}",
            **schedule,
        )
        self._secret_id = secret_id
        self._session_source = session
        self._region = region_name
        self._endpoint = endpoint_url
        self._version_stage = version_stage
        self._version_id = version_id
        self._access_field = access_key_field
        self._secret_field = secret_key_field

    async def _fetch(self) -> Fetched[Credentials]:
        session = await self._session()
        await prepare(session, "secretsmanager")
        params: dict[str, Any] = {"SecretId": self._secret_id}
        if self._version_id is not None:
            params["VersionId"] = self._version_id
        else:
            params["VersionStage"] = self._version_stage
        async with session.create_client(
            "secretsmanager", region_name=self._region, endpoint_url=self._endpoint
        ) as client:
            answer = await client.get_secret_value(**params)
        value = answer.get("SecretString")
        if value is None:
            value = answer.get("SecretBinary", b"")
        document = load_json_object(value, source=self._name)
        credentials = credentials_from(
            document,
            access_key_field=self._access_field,
            secret_key_field=self._secret_field,
            source=self._name,
        )
        return Fetched(credentials, RotationHints.from_document(document))

    async def _session(self) -> Session:
        source = self._session_source
        if source is None:
            source = self._session_source = new_session()
        if callable(source):
            produced = source()
            return await produced if inspect.isawaitable(produced) else produced
        return source
