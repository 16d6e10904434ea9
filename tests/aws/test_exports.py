"""The public names of aiosdm.aws, pinned."""

from __future__ import annotations

import aiosdm.aws as aws


def test_public_names() -> None:
    assert aws.__all__ == [
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


def test_errors_are_aws_access_errors() -> None:
    for error in (aws.MfaRequiredError, aws.AccessorDefinitionError, aws.IdpInvalidRoleError):
        assert issubclass(error, aws.AwsAccessError)
    assert issubclass(aws.AccessorDefinitionError, ValueError)
