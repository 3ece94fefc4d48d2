"""The preview (README: `python3 scripts/docs.py serve`, which runs `mkdocs
serve` as below): the real site with every check, served with live reload."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import urllib.request

from tests.helpers import ROOT, TODAY


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_preview_builds_without_errors_and_serves_every_language():
    port = _free_port()
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", SITE_TODAY=TODAY.isoformat())
    cmd = [
        sys.executable,
        "-m",
        "mkdocs",
        "serve",
        "--livereload",
        "--watch",
        "data",
        "--dev-addr",
        f"127.0.0.1:{port}",
    ]
    process = subprocess.Popen(
        cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True
    )
    lines: list[str] = []
    serving = threading.Event()

    def read_output():
        for line in process.stdout:
            lines.append(line)
            if "Serving on" in line:
                serving.set()
        serving.set()  # the process ended: stop waiting

    threading.Thread(target=read_output, daemon=True).start()
    try:
        serving.wait(timeout=300)
        assert process.poll() is None, "mkdocs serve stopped:\n" + "".join(lines[-40:])
        pages = {}
        for prefix in ("", "en/", "ar/", "so/"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/{prefix}", timeout=30) as response:
                pages[prefix] = response.read().decode("utf-8")
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    errors = [line for line in lines if line.startswith(("ERROR", "WARNING"))]
    assert not errors, "".join(errors[:20])
    assert '<html lang="ar" dir="rtl"' in pages["ar/"].replace("  ", " ")
    # The live-reload script is there; it is why the preview has no CSP.
    assert all("livereload(" in html for html in pages.values())
