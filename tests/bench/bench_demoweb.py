"""Demo web: world generation, ground truth and serving speed at growing sizes."""

from __future__ import annotations

import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from leadgen.demoweb import DemoWebServer, DemoWorld


def _timed(fn: object) -> float:
    started = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - started


def _serve_rate(world: DemoWorld, urls: list[str]) -> float:
    """Requests per second through the proxy with 4 client threads."""
    with DemoWebServer(world) as server:
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({"http": server.proxy_url}))

        def get(url: str) -> int:
            try:
                with opener.open(url, timeout=30) as resp:
                    return len(resp.read())
            except urllib.error.HTTPError as err:
                return len(err.read())

        started = time.perf_counter()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(get, urls))
        return len(urls) / (time.perf_counter() - started)


def run(quick: bool = False) -> str:
    sizes = [1_000, 10_000] if quick else [1_000, 10_000, 100_000]
    rows = []
    base_gen = base_truth = 0.0
    for size in sizes:
        world: DemoWorld | None = None

        def build(size: int = size) -> None:
            nonlocal world
            world = DemoWorld.generate(seed=42, companies=size)

        gen = _timed(build)
        assert world is not None
        truth_s = _timed(world.truth)
        per_gen, per_truth = gen / size * 1e6, truth_s / size * 1e6
        base_gen, base_truth = base_gen or per_gen, base_truth or per_truth
        rows.append(f"| {size:,} | {gen:.2f} | {per_gen:.1f} ({per_gen / base_gen:.2f}x) | "
                    f"{truth_s:.2f} | {per_truth:.1f} ({per_truth / base_truth:.2f}x) |")

    world = DemoWorld.generate(seed=42, companies=2_000, slow_delay=0.0)
    n = 200 if quick else 1_000
    static = ["http://www.packaging-association.org/robots.txt"] * n
    listings = [x["url"] for c in world.iter_truth() for x in c["listings"]][:n]
    sites = [c.website for c in world.cores if c.website][:n]
    rate_static = _serve_rate(world, static)
    rate_detail = _serve_rate(world, listings)
    rate_sites = _serve_rate(world, sites)
    return "\n".join([
        "## demoweb",
        "",
        "World generation (cores, eager) and ground truth (details, lazy) per size; "
        "per-company cost as a ratio to the 1,000-company run (1.00x = linear scaling).",
        "",
        "| companies | generate s | µs/company | truth s | µs/company |",
        "|---:|---:|---:|---:|---:|",
        *rows,
        "",
        f"Serving through the proxy, 4 client threads, 2,000-company world, {n} requests each:",
        "",
        "| pages | req/s | vs robots.txt |",
        "|---|---:|---:|",
        f"| robots.txt (baseline) | {rate_static:.0f} | 1.00x |",
        f"| directory detail pages | {rate_detail:.0f} | {rate_detail / rate_static:.2f}x |",
        f"| company home pages | {rate_sites:.0f} | {rate_sites / rate_static:.2f}x |",
    ])


if __name__ == "__main__":
    print(run(quick=True))
