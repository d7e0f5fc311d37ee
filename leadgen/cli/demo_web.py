"""``leadgen demo-web``: serve the generated demo web on 127.0.0.1, or write its ground truth."""

from __future__ import annotations

from pathlib import Path

import typer

from leadgen.cli.app import app
from leadgen.exceptions import InputError
from leadgen.interrupts import sigterm_as_ctrl_c


@app.command("demo-web")
def demo_web(
    port: int = typer.Option(8765, "--port", help="Port on 127.0.0.1 (0 picks a free one)."),
    seed: int = typer.Option(42, "--seed", help="Seed of the generated world."),
    companies: int = typer.Option(200, "--companies", help="Number of companies."),
    write_truth: Path | None = typer.Option(
        None, "--write-truth", help="Write the ground truth as JSON to FILE and exit."),
    crawl_delay: float = typer.Option(1.0, "--crawl-delay",
                                      help="Crawl-delay the association's robots.txt asks for."),
    slow_delay: float = typer.Option(2.5, "--slow-delay", help="Seconds the slow pages sleep."),
    access_log: Path | None = typer.Option(None, "--access-log",
                                           help="Append every request as JSON lines to FILE."),
) -> None:
    """Serve the demo web (a generated local internet) as an HTTP proxy until Ctrl-C.

    Example: leadgen demo-web --port 8765 --companies 200; then
    curl -x http://127.0.0.1:8765 http://www.packaging-association.org/members
    """
    from leadgen.demoweb import DemoWebServer, DemoWorld

    if companies < 1:
        raise InputError(f"--companies must be at least 1, got {companies}")
    world = DemoWorld.generate(seed=seed, companies=companies, crawl_delay=crawl_delay,
                               slow_delay=slow_delay)
    if write_truth is not None:
        path = world.write_truth(write_truth)
        typer.echo(f"wrote the ground truth of {companies} companies (seed {seed}) to {path}")
        return
    server = DemoWebServer(world, port=port, access_log_file=access_log)
    # Before anything is printed: a manager may send SIGTERM as soon as it sees the banner.
    with sigterm_as_ctrl_c():  # stop cleanly under process managers too
        try:
            try:
                server.start()
            except OSError as exc:
                raise InputError(f"cannot listen on 127.0.0.1:{port} ({exc.strerror}); "
                                 "try another --port or --port 0") from exc
            typer.echo(f"demo web: {companies} companies (seed {seed}) via proxy "
                       f"{server.proxy_url}")
            typer.echo(f"demo DNS: {server.dns_address} (UDP; e.g. dig @127.0.0.1 -p "
                       f"{server.dns_address.rpartition(':')[2]} MX DOMAIN)")
            for source, urls in world.start_urls().items():
                typer.echo(f"  {source:20} {' '.join(urls)}")
            typer.echo(f"crawl with http_proxy={server.proxy_url} (e.g. curl -x "
                       f"{server.proxy_url} URL); Ctrl-C stops")
            server.serve_forever()
        except KeyboardInterrupt:
            typer.echo("demo web stopped")
        finally:
            server.stop()
