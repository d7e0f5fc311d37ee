"""``leadgen extract``: a saved file and a URL served on 127.0.0.1 give the same JSON records."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from leadgen.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pages"
runner = CliRunner()


def test_extract_a_saved_gbk_file_prints_records_with_evidence() -> None:
    result = runner.invoke(
        app, ["extract", str(FIXTURES / "gbk_company.html"), "--url", "http://example.cn/lx"]
    )
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert len(records) == 1
    record = records[0]
    assert record["name"] == "杭州优质包装有限公司"
    assert record["phones"] == ["0571-8888 6666"]
    assert record["fax"] == ["0571-8888 6667"]
    assert record["evidence"]["name"]
    assert "西湖区" in record["address"]


@pytest.fixture
def served_page():
    body = (FIXTURES / "listing_cards.html").read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/members?page=1"
    server.shutdown()
    server.server_close()


def test_extract_a_url_fetches_it_and_lists_pagination(served_page: str) -> None:
    result = runner.invoke(app, ["extract", served_page, "--region", "DE", "--listing"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    names = [r["name"] for r in data["records"]]
    assert names == ["Müller Verpackung GmbH", "Schmidt Logistik KG", "Weber Druck e.K."]
    assert data["next_page_urls"][0].endswith("/members?page=2")
    assert all(url.startswith("http://127.0.0.1") for url in data["detail_urls"])


def test_extract_a_missing_file_is_a_one_line_error() -> None:
    result = runner.invoke(app, ["extract", "/no/such/page.html"])
    assert result.exit_code != 0
    assert "no such file" in str(result.exception) + result.output


def test_extract_help_shows_an_example() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
