"""API keys from AWS Secrets Manager, read through a cross-account role.

The strongDM API key of a reporting job lives in a "security" AWS account. The job runs
with credentials for its own account, assumes a reader role in the security account, and
reads the key from Secrets Manager; the provider keeps it fresh, and when the key is
rotated the client refreshes it once and carries on.

Runs standalone: it starts moto (AWS on loopback) and aiosdm's local control plane.

    python examples/aws_secrets_manager_cross_account.py
"""

from __future__ import annotations

import asyncio
import json
import logging
import tempfile
from pathlib import Path
from typing import Any

from moto.server import ThreadedMotoServer

from aiosdm.aws import CrossAccountSessionProvider, ProfileSessionProvider
from aiosdm.client import Client
from aiosdm.credentials import AwsSecretsManager
from aiosdm.testing import LocalServer

REGION = "us-east-1"
JOB_ACCOUNT = "123456789012"  # where the job runs (moto's default account)
SECURITY_ACCOUNT = "222222222222"  # where the API key is kept
SECRET = "strongdm/reporting-job"


async def store_key(session: Any, aws: str, key: Any, *, first: bool) -> None:
    """What the security team's rotation tooling does: put the key pair in the secret."""
    value = json.dumps({"access_key": key.access_key, "secret_key": key.secret_key})
    async with session.create_client("secretsmanager", endpoint_url=aws) as secrets:
        if first:
            await secrets.create_secret(Name=SECRET, SecretString=value)
        else:
            await secrets.put_secret_value(SecretId=SECRET, SecretString=value)


async def main(aws: str, aws_files: Path) -> None:
    async with LocalServer() as control_plane:
        api_key = await control_plane.create_api_key(name="reporting-job")

        # The job's own account comes from a profile named after the account id.
        base = ProfileSessionProvider(
            config_file=aws_files / "config",
            credentials_file=aws_files / "credentials",
            region_name=REGION,
        )
        roles = CrossAccountSessionProvider(
            base,
            JOB_ACCOUNT,
            "strongdm-key-reader",
            external_id="reporting-job",
            endpoint_url=aws,
            region_name=REGION,
        )
        security = await roles.session(SECURITY_ACCOUNT)
        await store_key(security, aws, api_key, first=True)

        async with (
            AwsSecretsManager(
                SECRET,
                session=lambda: roles.session(SECURITY_ACCOUNT),
                endpoint_url=aws,
                region_name=REGION,
            ) as credentials,
            Client(credentials=credentials, host=control_plane.host, insecure=True) as client,
        ):
            found = [role async for role in client.roles.list("")]
            in_use = (await credentials.get()).access_key
            print(f"key {in_use} read from account {SECURITY_ACCOUNT}, secret {SECRET}")
            print(f"roles.list with it: {len(found)} roles")

            rotated = await control_plane.rotate_api_key(api_key.access_key)  # old one revoked
            await store_key(security, aws, rotated, first=False)
            found = [role async for role in client.roles.list("")]  # refreshes once, retries
            in_use = (await credentials.get()).access_key
            print(f"key rotated: roles.list still works, now with {in_use}")
            print(f"the secret was fetched {credentials.fetch_count} times in all")
        await roles.close()
        await base.close()


def run() -> None:
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # moto's per-request lines
    aws_server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    aws_server.start()
    host, port = aws_server.get_host_and_port()
    try:
        with tempfile.TemporaryDirectory() as folder:
            files = Path(folder)
            (files / "config").write_text(f"[default]\nregion = {REGION}\n")
            (files / "credentials").write_text(
                f"[{JOB_ACCOUNT}]\n"
                "aws_access_key_id = AKIAEXAMPLEJOB000001\n"
                "aws_secret_access_key = example-not-a-real-secret\n"
            )
            asyncio.run(main(f"http://{host}:{port}", files))
    finally:
        aws_server.stop()


if __name__ == "__main__":
    run()
