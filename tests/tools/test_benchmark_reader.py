"""The reader benchmark serves the site as GitHub Pages does (scripts/tools/benchmark_reader.py)."""

from __future__ import annotations

import gzip
import urllib.request

from scripts.tools.benchmark_reader import serve


def _get(url: str, accept_gzip: bool):
    headers = {"Accept-Encoding": "gzip"} if accept_gzip else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers.get("Content-Encoding"), response.read()


def test_text_is_sent_gzip_compressed_when_the_browser_accepts_it(tmp_path):
    page = "<!doctype html><title>t</title>" + "<p>pårørende</p>" * 200
    (tmp_path / "side").mkdir()
    (tmp_path / "side" / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "index.pf_meta").write_bytes(b"\x1f\x8b already compressed")
    with serve(tmp_path) as base:
        encoding, body = _get(base + "side/", accept_gzip=True)
        assert encoding == "gzip" and gzip.decompress(body).decode("utf-8") == page
        assert len(body) < len(page.encode("utf-8")) / 5
        assert _get(base + "side/", accept_gzip=False) == (None, page.encode("utf-8"))
        # Pagefind's files are compressed by Pagefind itself: sent as they are.
        assert _get(base + "index.pf_meta", accept_gzip=True) == (None, b"\x1f\x8b already compressed")
