"""``leadgen extract``: try the automatic extraction on one saved page or URL."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path

import typer

from leadgen.cli.app import RegionOption, app
from leadgen.exceptions import ExtractionError, InputError

#: Pages larger than this are cut: a directory page is never this big, a video file is.
MAX_BYTES = 10 * 1024 * 1024


def fetch_page(url: str, timeout: float = 20.0) -> tuple[bytes, str | None, str]:
    """GET a URL: the body, the charset from Content-Type, and the final URL."""
    request = urllib.request.Request(
        url, headers={"User-Agent": "leadgen-extract/0.1 (+https://github.com/leadgen)"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            body = response.read(MAX_BYTES)
            charset = response.headers.get_content_charset()
            return body, charset, response.geturl()
    except (urllib.error.URLError, TimeoutError, ValueError) as exc:
        raise ExtractionError(f"could not fetch {url}: {exc}; check the URL or save the page "
                              "and pass the file") from exc


@app.command()
def extract(
    page: str = typer.Argument(..., help="A saved HTML file, or an http(s) URL to fetch."),
    url: str | None = typer.Option(
        None, "--url", help="The URL the saved page was served from (resolves links, hints "
        "the phone region)."
    ),
    region: str | None = RegionOption(
        "ISO country code for national phone numbers, e.g. DE or CN."),
    encoding: str | None = typer.Option(
        None, "--encoding", help="Charset of a saved file when its markup is wrong."
    ),
    listing: bool = typer.Option(
        False, "--listing", help="Also print detail links and next-page links."
    ),
) -> None:
    """Print, as JSON, every company found on one page, with the evidence of each field.

    Example: leadgen extract saved/contact.html --url https://acme.example/contact --region DE
    """
    from spiders.pages import ListingPage, decode_html

    if page.startswith(("http://", "https://")):
        body, charset, final_url = fetch_page(page)
        page_url = url or final_url
    else:
        path = Path(page)
        if not path.is_file():
            raise InputError(f"{page}: no such file; give a saved HTML file or an http(s) URL")
        body, charset = path.read_bytes(), encoding
        page_url = url or path.resolve().as_uri()
    html = decode_html(body, declared=encoding or charset)
    listing_page = ListingPage(html, page_url, region_hint=region)
    records = [r.model_dump(exclude_defaults=True) for r in listing_page.records]
    if listing:
        output: object = {
            "records": records,
            "detail_urls": listing_page.detail_urls,
            "next_page_urls": listing_page.next_page_urls,
            "load_more_urls": listing_page.load_more_urls,
        }
    else:
        output = records
    typer.echo(json.dumps(output, ensure_ascii=False, indent=2))
