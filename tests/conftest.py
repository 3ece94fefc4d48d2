"""Shared fixtures: the real site, built once per test session, and a local
HTTP server that serves it under a subpath, the way GitHub Pages serves a
project site (https://ORG.github.io/REPO/)."""

from __future__ import annotations

import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from scripts.model.config import load_config
from scripts.model.interface import read as read_interface
from tests.helpers import ROOT, TODAY

# The test build pretends to be published under a subpath, so anything that
# only works at the domain root fails the tests.
SUBPATH = "/parorende/"
TEST_SITE_URL = f"https://example.org{SUBPATH}"


def build_site(root: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` for the project at `root`."""
    # SITE_TODAY: review dates are judged against the tests' fixed day, not the calendar.
    env = dict(
        os.environ,
        NO_MKDOCS_2_WARNING="1",
        DISABLE_MKDOCS_2_WARNING="true",
        SITE_URL=TEST_SITE_URL,
        SITE_TODAY=TODAY.isoformat(),
        **(extra_env or {}),
    )
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site_config():
    return load_config(ROOT)


@pytest.fixture(scope="session")
def interface(site_config):
    """Every language's interface strings (overrides/partials/languages/)."""
    return read_interface(site_config)


def _shared_build_paths(basetemp: Path, is_worker: bool) -> tuple[Path, Path, Path, Path]:
    """Where the one build of this run goes: common to every xdist worker."""
    shared = basetemp.parent if is_worker else basetemp
    built = shared / "built"
    return shared / "built.lock", built / "site", built / "build.log", built / "failed"


def _build_into(site_dir: Path, log: Path, failed: Path) -> None:
    result = build_site(ROOT, site_dir)
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        failed.touch()


def pytest_configure(config):
    """Every build this test run starts keeps what the next build can reuse
    (compiled templates, pruned stylesheets) in one folder of the run, not in
    the user's cache: the tests build copies of the project in temporary
    folders, whose entries would pile up there. Under xdist the controller's
    temporary folder is the workers' parent."""
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is not None and "SITE_CACHE_DIR" not in os.environ:
        base = factory.getbasetemp()
        shared = base.parent if hasattr(config, "workerinput") else base
        os.environ["SITE_CACHE_DIR"] = str(shared / "build-cache")


def pytest_collection_modifyitems(session, config, items):
    """Tests that need the built site run last, and the build starts now, in
    the background: until it is done, both cores run the tests that do not
    need it. Every xdist worker collects the same list and orders it the same
    way; the first to take the lock builds, the others wait for the lock."""
    needs_site = [item for item in items if "built_site" in getattr(item, "fixturenames", ())]
    if not needs_site:
        return
    rest = [item for item in items if "built_site" not in getattr(item, "fixturenames", ())]
    items[:] = rest + needs_site
    lock_path, site_dir, log, failed = _shared_build_paths(
        config._tmp_path_factory.getbasetemp(), hasattr(config, "workerinput")
    )
    lock = open(lock_path, "w")  # noqa: SIM115 - held open by the build thread until the build ends
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:  # another worker is building
        lock.close()
        return
    if log.exists():
        lock.close()
        return

    def build_then_unlock():
        try:
            _build_into(site_dir, log, failed)
        finally:
            lock.close()  # releases the lock: the waiting fixtures go on

    threading.Thread(target=build_then_unlock, name="site-build", daemon=True).start()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, worker_id) -> Path:
    """The real site, built once with --strict for the whole run, also when
    pytest-xdist runs the tests in several processes. The build normally
    started at collection (above); this waits for it, or builds if it did not."""
    lock_path, site_dir, log, failed = _shared_build_paths(tmp_path_factory.getbasetemp(), worker_id != "master")
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not log.exists():
            _build_into(site_dir, log, failed)
    if failed.exists():
        pytest.fail(f"mkdocs build --strict failed:\n{log.read_text(encoding='utf-8')}")
    return site_dir


@pytest.fixture(scope="session")
def build_log(built_site) -> str:
    return (built_site.parent / "build.log").read_text(encoding="utf-8")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def served_site(built_site, tmp_path_factory) -> str:
    """Base URL (http://127.0.0.1:PORT/parorende/) of the built site served on loopback.

    Missing paths get the root 404.html with status 404, as on GitHub Pages."""
    webroot = tmp_path_factory.mktemp("webroot")
    shutil.copytree(built_site, webroot / SUBPATH.strip("/"))
    not_found = (built_site / "404.html").read_bytes()

    class Handler(_QuietHandler):
        def send_error(self, code, message=None, explain=None):
            if code == 404:
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(not_found)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(not_found)
                return
            super().send_error(code, message, explain)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(webroot)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    server.shutdown()


def html_pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("*.html"))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium headless shell (see scripts/tools/browser.py), one for all
    the browser tests a process runs; each test opens its own context, so
    no cookie, cache or storage carries over from one test to the next."""
    from playwright.sync_api import sync_playwright

    from scripts.tools.browser import CHROMIUM, launch

    if not Path(CHROMIUM).exists():
        pytest.skip(f"No Chromium at {CHROMIUM}: apt-get install chromium-headless-shell")
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
