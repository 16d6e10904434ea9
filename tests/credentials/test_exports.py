"""The public names of aiosdm.credentials, pinned."""

from __future__ import annotations

import aiosdm.credentials as credentials


def test_public_names() -> None:
    # With every extra installed (as here) every name is exported; see tests/test_base_install.py.
    assert sorted(credentials.__all__) == [
        "AliyunAccessKey",
        "AliyunAccessKeyProvider",
        "AliyunApiError",
        "AliyunClient",
        "AliyunClientKey",
        "AliyunClientKeyFile",
        "AliyunEcsRamRole",
        "AliyunManagedAccessKey",
        "AliyunSecretsManager",
        "AwsSecretsManager",
        "Credentials",
        "CredentialsError",
        "CredentialsNotFoundError",
        "CredentialsProvider",
        "CredentialsRefreshError",
        "EnvCredentials",
        "ExpiredPredicate",
        "Fetched",
        "FileCredentials",
        "KmsSecret",
        "RefreshMoments",
        "RefreshPolicy",
        "RotatingSource",
        "RotationHints",
        "Schedule",
        "SecretFormatError",
        "StaticAliyunAccessKey",
        "StaticCredentials",
        "TokenBucket",
        "aliyun_endpoint",
        "get_secret_value",
        "is_access_key_expired",
        "is_unauthenticated",
    ]
    for name in credentials.__all__:
        assert getattr(credentials, name) is not None


def test_every_provider_satisfies_the_protocol() -> None:
    assert issubclass(credentials.StaticCredentials, credentials.CredentialsProvider)
    for provider in (
        credentials.EnvCredentials,
        credentials.FileCredentials,
        credentials.AwsSecretsManager,
        credentials.AliyunSecretsManager,
    ):
        assert callable(provider.get) and callable(provider.refresh)
