"""What a script pays before its first answer, in a fresh interpreter: importing the SDK,
constructing its client, and the first call (``Accounts.Get``: the connection, the lazy
service and message modules, the signing key). Nothing of either SDK is loaded before its
import is timed (the harness's argparse and json are, as most scripts have them).

``python -m bench.workers.startup --server FILE --client aiosdm|official``
"""

import argparse
import json
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True)
    parser.add_argument("--client", required=True)
    args = parser.parse_args()
    run = official if args.client == "official" else aiosdm_times
    import_s, client_s, first_s = run(args.server)
    ms = {"import_ms": import_s, "client_ms": client_s, "first_call_ms": first_s}
    print(json.dumps({k: v * 1000 for k, v in ms.items()}))


def _target(path: str) -> dict[str, str]:
    with open(path) as f:
        loaded: dict[str, str] = json.load(f)
    return loaded


def aiosdm_times(server: str) -> tuple[float, float, float]:
    began = time.perf_counter()
    import aiosdm

    imported = time.perf_counter()
    t = _target(server)
    import asyncio

    async def run() -> tuple[float, float]:
        before = time.perf_counter()
        client = aiosdm.Client(t["access_key"], t["secret_key"], host=t["host"], insecure=True)
        made = time.perf_counter()
        async with client:
            await client.accounts.get(t["user_id"])
            answered = time.perf_counter()
        return made - before, answered - made

    client_s, first_s = asyncio.run(run())
    return imported - began, client_s, first_s


def official(server: str) -> tuple[float, float, float]:
    began = time.perf_counter()
    import strongdm

    imported = time.perf_counter()
    t = _target(server)
    before = time.perf_counter()
    client = strongdm.Client(t["access_key"], t["secret_key"], host=t["host"], insecure=True)
    made = time.perf_counter()
    client.accounts.get(t["user_id"])
    answered = time.perf_counter()
    client.close()
    return imported - began, made - before, answered - made


if __name__ == "__main__":
    main()
