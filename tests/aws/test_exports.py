"""The public names of aiosdm.aws, pinned."""

from __future__ import annotations

import aiosdm.aws as aws


def test_public_names() -> None:
    assert aws.__all__ == [
        "AccessStep",
        "Accessor",
        "AccessorDefinitionError",
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
        "RefreshMoments",
        "RefreshPolicy",
        "SamlSessionProvider",
        "SessionProvider",
    ]
    for name in aws.__all__:
        assert getattr(aws, name) is not None


def test_providers_satisfy_the_protocol() -> None:
    for provider in (
        aws.ProfileSessionProvider,
        aws.CrossAccountSessionProvider,
        aws.SamlSessionProvider,
        aws.Accessor,
    ):
        assert callable(provider.session)
