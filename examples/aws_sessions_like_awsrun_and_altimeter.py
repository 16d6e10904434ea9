"""AWS sessions the way awsrun and altimeter users know them, from aiosdm.aws.

- altimeter: an accessor definition file (JSON: chains of role assumptions, an external id
  taken from the environment) read by ``Accessor.from_file``; ``session(account, region)``.
- awsrun: profiles named after accounts (``CredsViaProfile``) and cross-account roles
  (``CredsViaCrossAccount``) re-assumed at half their lifetime (a ``RefreshPolicy``).

Sessions are aiobotocore sessions: clients come from ``session.create_client(...)``, used
with ``async with``.

Runs standalone against moto (AWS on loopback):

    python examples/aws_sessions_like_awsrun_and_altimeter.py
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from moto.server import ThreadedMotoServer

from aiosdm.aws import (
    Accessor,
    CrossAccountSessionProvider,
    ProfileSessionProvider,
    RefreshPolicy,
)

REGION = "us-east-1"
BASE_ACCOUNT = "123456789012"  # where our own credentials belong (moto's default account)
HUB_ACCOUNT = "111111111111"
TARGET_ACCOUNT = "222222222222"

ACCESSOR_JSON = {
    "multi_hop_accessors": [
        {
            "role_session_name": "inventory",
            "access_steps": [
                {
                    "role_name": "hub-reader",
                    "account_id": HUB_ACCOUNT,
                    "external_id": "{{ env.HUB_EXTERNAL_ID }}",
                },
                {"role_name": "inventory-reader"},
            ],
        }
    ]
}


async def whoami(session: Any, aws: str) -> str:
    async with session.create_client("sts", endpoint_url=aws) as sts:
        return str((await sts.get_caller_identity())["Arn"])


async def main(aws: str, files: Path) -> None:
    # awsrun's CredsViaProfile: a profile per account id, else the default profile.
    profiles = ProfileSessionProvider(
        config_file=files / "config", credentials_file=files / "credentials"
    )
    base = await profiles.session(BASE_ACCOUNT)

    # altimeter's Accessor.from_file, with its per-call region.
    accessor = await Accessor.from_file(
        files / "accessor.json", base_session=base, endpoint_url=aws, region_name=REGION
    )
    session = await accessor.session(TARGET_ACCOUNT, region_name="eu-west-1")
    print(f"altimeter file: {await whoami(session, aws)}")
    print(f"in region {session.get_config_variable('region')}")

    # awsrun's CredsViaCrossAccount, renewed at half the lifetime as awsrun does.
    cross_account = CrossAccountSessionProvider(
        profiles,
        BASE_ACCOUNT,
        "inventory-reader",
        endpoint_url=aws,
        region_name=REGION,
        refresh_policy=RefreshPolicy(advisory=0.5, mandatory=0.5),
    )
    session = await cross_account.session(TARGET_ACCOUNT)
    async with session.create_client("s3", endpoint_url=aws) as s3:
        await s3.create_bucket(Bucket="inventory")
        buckets = [b["Name"] for b in (await s3.list_buckets())["Buckets"]]
    print(f"cross-account: {await whoami(session, aws)} sees buckets {buckets}")

    await cross_account.close()
    await accessor.close()
    await profiles.close()


def run() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request lines
    aws_server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    aws_server.start()
    host, port = aws_server.get_host_and_port()
    os.environ["HUB_EXTERNAL_ID"] = "inventory-2026"  # what the accessor file refers to
    try:
        with tempfile.TemporaryDirectory() as folder:
            files = Path(folder)
            (files / "config").write_text(f"[default]\nregion = {REGION}\n")
            (files / "credentials").write_text(
                f"[{BASE_ACCOUNT}]\n"
                "aws_access_key_id = AKIAEXAMPLEBASE00001\n"
                "aws_secret_access_key = example-not-a-real-secret\n"
            )
            (files / "accessor.json").write_text(json.dumps(ACCESSOR_JSON, indent=2))
            asyncio.run(main(f"http://{host}:{port}", files))
    finally:
        aws_server.stop()


if __name__ == "__main__":
    run()
