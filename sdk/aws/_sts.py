"""STS calls (AssumeRole, AssumeRoleWithSAML, GetCallerIdentity) with typed errors."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
from aiobotocore.config import AioConfig  # type: ignore[import-untyped]
from botocore import UNSIGNED  # type: ignore[import-untyped]
from botocore.exceptions import BotoCoreError, ClientError  # type: ignore[import-untyped]

from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._botocore import Session, new_session, prepare
from aiosdm.aws._errors import AssumeRoleError, AwsAccessError

__all__ = ["Source", "StsCaller"]

#: Who makes a call: a session (its own credentials) or explicit credentials.
Source = Session | AwsCredentials

_DEFAULT_REGION = "us-east-1"


class StsCaller:
    """Makes STS calls against one endpoint.

    Args:
        endpoint_url: STS endpoint (tests point it at a local server); default: AWS's.
        region_name: region for STS clients; default ``us-east-1``.
        verify: TLS verification (``False`` or a CA bundle path), as for botocore.
        partition: ARN partition (``aws``, ``aws-cn``, ``aws-us-gov``).
    """

    def __init__(
        self,
        *,
        endpoint_url: str | None = None,
        region_name: str | None = None,
        verify: bool | str | None = None,
        partition: str = "aws",
    ) -> None:
        self.endpoint_url = endpoint_url
        self.region_name = region_name or _DEFAULT_REGION
        self.verify = verify
        self.partition = partition
        self._plain: Session | None = None

    def role_arn(self, account_id: str, role: str) -> str:
        return f"arn:{self.partition}:iam::{account_id}:role/{role}"

    async def assume_role(
        self,
        source: Source,
        *,
        role_arn: str,
        session_name: str,
        external_id: str | None = None,
        duration: int = 3600,
    ) -> AwsCredentials:
        """Assume ``role_arn`` as ``source``.

        Raises:
            AssumeRoleError: STS refused, or could not be reached.
        """
        params: dict[str, Any] = {
            "RoleArn": role_arn,
            "RoleSessionName": session_name,
            "DurationSeconds": duration,
        }
        if external_id is not None:
            params["ExternalId"] = external_id
        async with self._client(source, role_arn) as sts:
            answer = await _call(role_arn, sts.assume_role(**params))
        return AwsCredentials.from_sts(answer["Credentials"])

    async def assume_role_with_saml(
        self, *, role_arn: str, principal_arn: str, assertion: str, duration: int = 3600
    ) -> AwsCredentials:
        """Exchange a base64 SAML assertion for credentials (an unsigned call).

        Raises:
            AssumeRoleError: STS refused, or could not be reached.
        """
        async with self._client(None, role_arn) as sts:
            answer = await _call(
                role_arn,
                sts.assume_role_with_saml(
                    RoleArn=role_arn,
                    PrincipalArn=principal_arn,
                    SAMLAssertion=assertion,
                    DurationSeconds=duration,
                ),
            )
        return AwsCredentials.from_sts(answer["Credentials"])

    async def account_id(self, source: Source) -> str:
        """The account ``source``'s credentials belong to (GetCallerIdentity)."""
        async with self._client(source, "GetCallerIdentity") as sts:
            try:
                answer = await sts.get_caller_identity()
            except (ClientError, BotoCoreError, aiohttp.ClientError, OSError) as exc:
                raise AwsAccessError(f"GetCallerIdentity failed: {_describe(exc)}") from exc
        return str(answer["Account"])

    @asynccontextmanager
    async def _client(self, source: Source | None, target: str) -> AsyncIterator[Any]:
        kwargs: dict[str, Any] = {}
        if isinstance(source, AwsCredentials) or source is None:
            if self._plain is None:
                self._plain = new_session()
            session = self._plain
            if source is None:
                # Unsigned: no credential lookup at all (AssumeRoleWithSAML needs none).
                kwargs["config"] = AioConfig(signature_version=UNSIGNED)
            else:
                kwargs.update(source.client_kwargs())
        else:
            session = source
        await prepare(session, "sts")
        if self.verify is not None:
            kwargs["verify"] = self.verify
        try:
            context = session.create_client(
                "sts", region_name=self.region_name, endpoint_url=self.endpoint_url, **kwargs
            )
            client = await context.__aenter__()
        except (BotoCoreError, aiohttp.ClientError, OSError) as exc:
            raise AssumeRoleError(target, type(exc).__name__, _describe(exc)) from exc
        try:
            yield client
        finally:
            await context.__aexit__(None, None, None)


async def _call(role_arn: str, pending: Any) -> dict[str, Any]:
    try:
        answer: dict[str, Any] = await pending
    except ClientError as exc:
        error = exc.response.get("Error", {})
        raise AssumeRoleError(
            role_arn, str(error.get("Code", "Unknown")), str(error.get("Message", ""))
        ) from exc
    except (BotoCoreError, aiohttp.ClientError, OSError) as exc:
        raise AssumeRoleError(role_arn, type(exc).__name__, _describe(exc)) from exc
    return answer


def _describe(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
