"""Stream every account (50,000 in the benchmark) in pages of 1,000, doing ``--work-us``
microseconds of work per item (busy CPU, as a caller that looks at each item would).

Set-up (import, client, one ``Accounts.Get``) is done first and measured on its own: what
it adds to the RSS of the process before it (the interpreter, this harness and asyncio, which
both SDKs load: the official one through grpc). The peak is then reset, so the growth
reported is what streaming the list adds (prefetched pages, models, the caller's items in
flight) and nothing else. Reports items/s, CPU, the RSS before the SDK's import, after
set-up, and the streaming growth.
"""

from __future__ import annotations

import asyncio  # before the baseline RSS is taken: not the SDK's to pay for
import gc

from bench.workers._common import (
    Meter,
    Target,
    arguments,
    busy,
    peak_rss_kib,
    report,
    reset_peak_rss,
    rss_kib,
)

PAGE = 1000


async def run_aiosdm(t: Target, prefetch: bool, work: float) -> dict[str, float]:
    import aiosdm

    async with aiosdm.Client(
        t.access_key, t.secret_key, host=t.host, insecure=True, page_limit=PAGE, prefetch=prefetch
    ) as client:
        await client.accounts.get(t.user_id)
        setup = after_setup()
        count = 0
        with Meter() as meter:
            async for _ in client.accounts.list(""):
                count += 1
                if work:
                    busy(work)
    return {**setup, **measured(count, meter)}


def run_official(t: Target, work: float) -> dict[str, float]:
    import strongdm

    client = strongdm.Client(
        t.access_key, t.secret_key, host=t.host, insecure=True, page_limit=PAGE
    )
    client.accounts.get(t.user_id)
    setup = after_setup()
    count = 0
    with Meter() as meter:
        for _ in client.accounts.list(""):
            count += 1
            if work:
                busy(work)
    return {**setup, **measured(count, meter)}


def after_setup() -> dict[str, float]:
    """The RSS set-up left (garbage collected first), with the peak reset to it."""
    gc.collect()
    rss = rss_kib()
    reset_peak_rss()
    return {"setup_rss_kib": rss}


def measured(count: int, meter: Meter) -> dict[str, float]:
    return {
        "items": count,
        "items_per_s": count / meter.wall,
        "cpu_s": meter.cpu,
        "peak_rss_kib": peak_rss_kib(),
    }


def main() -> None:
    args, target = arguments([("--work-us", {"type": float, "default": 0.0})])
    before = rss_kib()
    work = args.work_us / 1e6
    if args.client == "official":
        r = run_official(target, work)
    else:
        r = asyncio.run(run_aiosdm(target, prefetch=args.client == "aiosdm", work=work))
    report(
        items=r["items"],
        items_per_s=r["items_per_s"],
        cpu_s=r["cpu_s"],
        before_import_mib=before / 1024,
        setup_rss_mib=r["setup_rss_kib"] / 1024,
        setup_adds_mib=(r["setup_rss_kib"] - before) / 1024,
        growth_mib=max(0.0, r["peak_rss_kib"] - r["setup_rss_kib"]) / 1024,
    )


if __name__ == "__main__":
    main()
