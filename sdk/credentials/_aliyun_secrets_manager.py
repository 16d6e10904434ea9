"""Keys kept in Aliyun KMS Secrets Manager: strongDM API keys, and Aliyun's own RAM keys."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from typing import Any, Unpack

from aiosdm._credentials import Credentials
from aiosdm.credentials._aliyun_client import AliyunAccessKey, AliyunClient
from aiosdm.credentials._errors import SecretFormatError
from aiosdm.credentials._rotating import (
    Fetched,
    RotatingSource,
    Schedule,
)
from aiosdm.credentials._secret_document import (
    RotationHints,
    credentials_from,
    load_json_object,
    parse_time,
    read_text_field,
)

__all__ = [
    "KMS_API_VERSION",
    "AliyunManagedAccessKey",
    "AliyunSecretsManager",
    "KmsSecret",
    "get_secret_value",
]

KMS_API_VERSION = "2016-01-20"
#: Field names of Aliyun managed RAM credentials.
MANAGED_FIELDS = ("AccessKeyId", "AccessKeySecret")
#: Field names used by aiosdm's other sources.
PLAIN_FIELDS = ("access_key", "secret_key")


@dataclass(frozen=True)
class KmsSecret:
    """One secret version as KMS ``GetSecretValue`` returns it (data hidden from repr)."""

    name: str
    version_id: str
    data: str = field(repr=False)
    data_type: str
    secret_type: str
    hints: RotationHints


async def get_secret_value(
    kms: AliyunClient,
    name: str,
    *,
    version_stage: str = "ACSCurrent",
    version_id: str | None = None,
) -> KmsSecret:
    """Call KMS ``GetSecretValue`` (with its extended config, for rotation dates).

    Raises:
        AliyunApiError: KMS refused.
    """
    params = {"SecretName": name, "FetchExtendedConfig": "true"}
    if version_id is not None:
        params["VersionId"] = version_id
    else:
        params["VersionStage"] = version_stage
    answer = await kms.call("GetSecretValue", params)
    data = answer.get("SecretData")
    if not isinstance(data, str):
        raise SecretFormatError(f"aliyun-kms:{name}: the answer holds no SecretData")
    data_type = str(answer.get("SecretDataType", "text"))
    if data_type == "binary":
        try:
            data = base64.b64decode(data, validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            raise SecretFormatError(f"aliyun-kms:{name}: binary SecretData is not UTF-8") from None
    return KmsSecret(
        name=str(answer.get("SecretName", name)),
        version_id=str(answer.get("VersionId", "")),
        data=data,
        data_type=data_type,
        secret_type=str(answer.get("SecretType", "")),
        hints=RotationHints(next_rotation=parse_time(answer.get("NextRotationDate"))),
    )


class _KmsSource:
    """What both KMS-backed sources share: where the secret is and how it is fetched."""

    def __init__(
        self, kms: AliyunClient, secret_name: str, version_stage: str, version_id: str | None
    ) -> None:
        self.kms = kms
        self.secret_name = secret_name
        self.version_stage = version_stage
        self.version_id = version_id

    async def document(self) -> tuple[dict[str, Any], RotationHints]:
        secret = await get_secret_value(
            self.kms, self.secret_name, version_stage=self.version_stage, version_id=self.version_id
        )
        document = load_json_object(secret.data, source=f"aliyun-kms:{self.secret_name}")
        return document, RotationHints.from_document(document).merged(secret.hints)


class AliyunSecretsManager(RotatingSource[Credentials]):
    """strongDM API keys from an Aliyun KMS secret holding a JSON object.

    By default either shape is understood: Aliyun managed RAM credentials
    (``AccessKeyId``/``AccessKeySecret``, with ``scheduleRotateTimestamp``,
    ``refreshInterval`` and ``ExpireTimestamp`` steering the schedule) or
    ``{"access_key", "secret_key"}``. Name the fields to accept only those.

    Args:
        secret_name: the KMS secret.
        kms: a client for the KMS endpoint (``api_version`` ``2016-01-20``); not closed here.
        version_stage: staging label (``ACSCurrent``, ``ACSPrevious``, a custom one).
        version_id: a specific version (overrides ``version_stage``).
        access_key_field, secret_key_field: JSON fields, both or neither.
        refresh_interval, jitter, forced_refresh_limit, coalesce_window, refresh_policy,
            clock: see :class:`RotatingSource`.
    """

    def __init__(
        self,
        secret_name: str,
        *,
        kms: AliyunClient,
        version_stage: str = "ACSCurrent",
        version_id: str | None = None,
        access_key_field: str | None = None,
        secret_key_field: str | None = None,
        **schedule: Unpack[Schedule],
    ) -> None:
        if (access_key_field is None) != (secret_key_field is None):
            raise ValueError("give both access_key_field and secret_key_field, or neither")
        super().__init__(
            name=f"aliyun-kms:{secret_name}",
            **schedule,
        )
        self._source = _KmsSource(kms, secret_name, version_stage, version_id)
        self._fields = (
            [(access_key_field, secret_key_field)]
            if access_key_field is not None and secret_key_field is not None
            else [MANAGED_FIELDS, PLAIN_FIELDS]
        )

    async def _fetch(self) -> Fetched[Credentials]:
        document, hints = await self._source.document()
        access_field, secret_field = next(
            (pair for pair in self._fields if pair[0] in document), self._fields[0]
        )
        credentials = credentials_from(
            document,
            access_key_field=access_field,
            secret_key_field=secret_field,
            source=self._name,
        )
        return Fetched(credentials, hints)


class AliyunManagedAccessKey(RotatingSource[AliyunAccessKey]):
    """An Aliyun access key from a managed RAM credentials secret, kept fresh.

    Pass it as ``credentials`` to an :class:`AliyunClient` for another Aliyun API: when that
    API answers ``InvalidAccessKeyId.NotFound``, the client refreshes this source once and
    retries once.

    Args:
        secret_name: the managed RAM credentials secret.
        kms: a client for the KMS endpoint, with its own (bootstrap) access key.
        version_stage, version_id: which version to read.
        refresh_interval, jitter, forced_refresh_limit, coalesce_window, refresh_policy,
            clock: see :class:`RotatingSource`.
    """

    def __init__(
        self,
        secret_name: str,
        *,
        kms: AliyunClient,
        version_stage: str = "ACSCurrent",
        version_id: str | None = None,
        **schedule: Unpack[Schedule],
    ) -> None:
        super().__init__(
            name=f"aliyun-kms:{secret_name}",
            **schedule,
        )
        self._source = _KmsSource(kms, secret_name, version_stage, version_id)

    async def _fetch(self) -> Fetched[AliyunAccessKey]:
        document, hints = await self._source.document()
        key = AliyunAccessKey(
            read_text_field(document, MANAGED_FIELDS[0], source=self._name),
            read_text_field(document, MANAGED_FIELDS[1], source=self._name),
        )
        return Fetched(key, hints)
