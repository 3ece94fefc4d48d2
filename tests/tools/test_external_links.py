"""External links with the real linkchecker against a local web server
(scripts/tools/external_links.py, run by `python -m scripts links --external`)."""

from __future__ import annotations

import csv
import http.server
import json
import threading
import time

from tests.helpers import cli


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
            self.end_headers()
            return
        if self.path == "/slow":
            # Well over --slow below: under a loaded test run linkchecker
            # has timed a fast answer at more than 0.8 s.
            time.sleep(3.0)
        body = b"<!doctype html><title>t</title>"
        self.send_response(200 if self.path in ("/ok", "/slow") else 404)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_external_check_with_linkchecker(tmp_path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<link rel="canonical" href="https://example.org/parorende/">'
        + "".join(f'<a href="{base}/{name}">{name}</a>' for name in ("ok", "dead", "moved", "slow")),
        encoding="utf-8",
    )
    args = [
        "links",
        "--site",
        site,
        "--external",
        "--report-dir",
        tmp_path / "report",
        "--cache",
        tmp_path / "cache.json",
        "--slow",
        "2",
        "--retries",
        "1",
        "--retry-wait",
        "0.1",
        "--timeout",
        "10",
    ]
    try:
        first = cli(*args)
        second = cli(*args)
    finally:
        server.shutdown()
    assert first.returncode == 0, first.stderr  # a dead external link never fails the run
    with open(tmp_path / "report/external-links.csv", encoding="utf-8") as fh:
        states = {row["url"].rsplit("/", 1)[1]: row for row in csv.DictReader(fh)}
    assert {name: row["state"] for name, row in states.items()} == {
        "ok": "ok",
        "dead": "dead",
        "moved": "redirected",
        "slow": "slow",
    }
    assert states["moved"]["final_url"] == f"{base}/ok"
    assert states["dead"]["pages"] == "index.html"
    assert "4 addresses: 4 checked now, 0 from the cache." in first.stdout
    # good results are reused from the cache; the dead one is checked again
    assert "4 addresses: 1 checked now, 3 from the cache." in second.stdout
    report = json.loads((tmp_path / "report/external-links.json").read_text())
    assert [r["url"] for r in report["links"] if r["state"] == "dead"] == [f"{base}/dead"]
    assert f"- <{base}/dead> – 404" in (tmp_path / "report/external-links.md").read_text()
