"""ACS3-HMAC-SHA256: the published example, and encoding details."""

from __future__ import annotations

from aiosdm.credentials._aliyun_signing import (
    authorization,
    canonical_query,
    hex_sha256,
    percent_encode,
)


def test_matches_the_published_example() -> None:
    # The worked example of Aliyun's "Request syntax and signature method V3" page.
    headers = {
        "host": "ecs.cn-shanghai.aliyuncs.com",
        "x-acs-action": "RunInstances",
        "x-acs-version": "2014-05-26",
        "x-acs-date": "2023-10-26T10:22:32Z",
        "x-acs-signature-nonce": "3156853299f313e23d1673dc12e1703d",
        "x-acs-content-sha256": hex_sha256(b""),
    }
    value = authorization(
        access_key_id="YourAccessKeyId",
        access_key_secret="YourAccessKeySecret",
        method="POST",
        path="/",
        query={
            "ImageId": "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
            "RegionId": "cn-shanghai",
        },
        headers=headers,
    )
    assert value == (
        "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
        "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;"
        "x-acs-signature-nonce;x-acs-version,"
        "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0"
    )


def test_rfc3986_encoding() -> None:
    assert percent_encode("a b*c~d/e+f") == "a%20b%2Ac~d%2Fe%2Bf"
    assert percent_encode("密") == "%E5%AF%86"


def test_query_is_sorted_after_encoding() -> None:
    assert canonical_query({"b": "2", "a": "x y", "A": "1"}) == "A=1&a=x%20y&b=2"
    assert canonical_query({}) == ""


def test_unsigned_headers_are_left_out() -> None:
    headers = {
        "Host": "kms.example",
        "X-Acs-Action": "GetSecretValue",
        "Accept": "application/json",
        "User-Agent": "x",
    }
    value = authorization(
        access_key_id="id",
        access_key_secret="s",
        method="POST",
        path="/",
        query={},
        headers=headers,
    )
    assert "SignedHeaders=host;x-acs-action," in value
