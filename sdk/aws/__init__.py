"""Async AWS session providers with cached, refreshing credentials.

Each provider turns an account id into an ``aiobotocore`` session whose credentials
refresh themselves before they expire::

    base = ProfileSessionProvider()
    provider = CrossAccountSessionProvider(base, "111111111111", "sdm-reader")
    session = await provider.session("222222222222")
    async with session.create_client("secretsmanager") as client:
        ...

Providers: :class:`ProfileSessionProvider`, :class:`CrossAccountSessionProvider`,
:class:`SamlSessionProvider` and :class:`Accessor` (multi-hop role chains). Needs the
``aws`` extra (aiobotocore); SAML also needs aiohttp.
"""

from __future__ import annotations

from aiosdm._extras import require

# Checked before anything imports them, so a base install gets the pip line, not a bare
# "No module named 'aiobotocore'".
require("aiosdm.aws", "aws", "aiobotocore", "aiohttp")

from aiosdm.aws._accessor import Accessor, AccessStep, MultiHopAccessor
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._cache import CacheKey, CredentialsCache
from aiosdm.aws._cross_account import CrossAccountSessionProvider
from aiosdm.aws._errors import (
    AccountAccessError,
    AssumeRoleError,
    AwsAccessError,
    ExpiredCredentialsError,
    IdpAccessDeniedError,
    IdpInvalidResponseError,
    IdpInvalidRoleError,
)
from aiosdm.aws._profile import ProfileSessionProvider
from aiosdm.aws._provider import SessionProvider
from aiosdm.aws._saml import IdpLogin, SamlSessionProvider

__all__ = [
    "AccessStep",
    "Accessor",
    "AccountAccessError",
    "AssumeRoleError",
    "AwsAccessError",
    "AwsCredentials",
    "CacheKey",
    "CredentialsCache",
    "CrossAccountSessionProvider",
    "ExpiredCredentialsError",
    "IdpAccessDeniedError",
    "IdpInvalidResponseError",
    "IdpInvalidRoleError",
    "IdpLogin",
    "MultiHopAccessor",
    "ProfileSessionProvider",
    "SamlSessionProvider",
    "SessionProvider",
]
