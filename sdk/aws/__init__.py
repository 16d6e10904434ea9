"""Async AWS session providers with cached, refreshing credentials.

Each provider turns an account id into an ``aiobotocore`` session whose credentials
refresh themselves before they expire::

    base = ProfileSessionProvider()
    provider = CrossAccountSessionProvider(base, "111111111111", "sdm-reader")
    session = await provider.session("222222222222")
    async with session.create_client("secretsmanager") as client:
        ...

Providers: :class:`ProfileSessionProvider` (with MFA codes from an async callback),
:class:`CrossAccountSessionProvider`, :class:`SamlSessionProvider` (pluggable logins:
Basic, ADFS form, NTLM/Negotiate) and :class:`Accessor` (multi-hop role chains, also read
from altimeter's JSON files). When credentials are refreshed is a :class:`RefreshPolicy`.
Needs the ``aws`` extra (aiobotocore); SAML also needs aiohttp, NTLM the ``ntlm`` extra.
"""

from __future__ import annotations

from aiosdm._extras import require
from aiosdm._refresh_policy import RefreshMoments, RefreshPolicy

# Checked before anything imports them, so a base install gets the pip line, not a bare
# "No module named 'aiobotocore'".
require("aiosdm.aws", "aws", "aiobotocore", "aiohttp")

from aiosdm.aws._accessor import Accessor, AccessStep, MultiHopAccessor
from aiosdm.aws._aws_credentials import AwsCredentials
from aiosdm.aws._cache import CacheKey, CredentialsCache
from aiosdm.aws._cross_account import CrossAccountSessionProvider
from aiosdm.aws._errors import (
    AccessorDefinitionError,
    AccountAccessError,
    AssumeRoleError,
    AwsAccessError,
    ExpiredCredentialsError,
    IdpAccessDeniedError,
    IdpInvalidResponseError,
    IdpInvalidRoleError,
    MfaRequiredError,
)
from aiosdm.aws._profile import ProfileSessionProvider
from aiosdm.aws._provider import SessionProvider
from aiosdm.aws._saml import SamlSessionProvider
from aiosdm.aws._saml_login import (
    AdfsFormLogin,
    BasicLogin,
    IdpAnswer,
    IdpLogin,
    IdpRequest,
    NegotiateLogin,
    SamlLogin,
)

__all__ = [
    "AccessStep",
    "Accessor",
    "AccessorDefinitionError",
    "AccountAccessError",
    "AdfsFormLogin",
    "AssumeRoleError",
    "AwsAccessError",
    "AwsCredentials",
    "BasicLogin",
    "CacheKey",
    "CredentialsCache",
    "CrossAccountSessionProvider",
    "ExpiredCredentialsError",
    "IdpAccessDeniedError",
    "IdpAnswer",
    "IdpInvalidResponseError",
    "IdpInvalidRoleError",
    "IdpLogin",
    "IdpRequest",
    "MfaRequiredError",
    "MultiHopAccessor",
    "NegotiateLogin",
    "ProfileSessionProvider",
    "RefreshMoments",
    "RefreshPolicy",
    "SamlLogin",
    "SamlSessionProvider",
    "SessionProvider",
]
