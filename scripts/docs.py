"""Set up, preview, build and test the site with one command each.

    python3 scripts/docs.py serve    # set up, then preview at http://127.0.0.1:8000/
    python3 scripts/docs.py test     # set up, then run the whole test suite
    python3 scripts/docs.py build    # set up, then `mkdocs build --strict` into site/
    python3 scripts/docs.py check    # set up, then run the source checks only (fast)
    python3 scripts/docs.py setup    # only install what the others need

    python3 scripts/docs.py test tests/checks/test_offers.py   # one test file
    python3 scripts/docs.py check content offers               # some checks (python -m scripts check --help)

Setup is idempotent and runs first every time: a virtual environment in .venv
with the pinned Python packages from requirements.txt (rebuilt when an earlier
run left it broken), the pinned npm packages from package-lock.json (axe-core,
the Nu HTML checker, Lighthouse; and PurgeCSS, which `build` needs too), and,
when they are missing and we run as root, Debian's python3-venv, Node.js,
chromium-headless-shell, fonts and a Java runtime; not as root, it names the exact apt-get
line. Nothing downloads a browser of its own.

Standard library only: this file runs before anything is installed.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".requirements.sha256"

# Debian packages the browser tests need: the browser (Chromium's headless
# shell, lighter than the whole browser; scripts/tools/browser.py), fonts with
# Arabic glyphs (so screenshots show real text), and Java for the Nu HTML Checker.
DEBIAN_PACKAGES = {
    "/usr/bin/chromium-headless-shell": "chromium-headless-shell",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf": "fonts-noto-core",
    "/usr/bin/java": "default-jre-headless",
    "/usr/bin/npm": "npm",
}


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def apt_install(packages: list[str], why: str) -> None:
    """Install Debian packages as root; otherwise stop with the exact command to run."""
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(
            f"{why} needs these Debian packages: {' '.join(packages)}\nInstall them with: "
            f"sudo apt-get install -y {' '.join(packages)}"
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages], env=env)


def venv_works() -> bool:
    """An earlier run may have been stopped half-way: a .venv without a working Python or pip."""
    if not PYTHON.exists():
        return False
    probe = subprocess.run([str(PYTHON), "-c", "import pip, sys; sys.exit(0)"], capture_output=True)
    return probe.returncode == 0


def setup_python() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this file runs on whatever python3 the machine has
        sys.exit("Python 3.11 or newer is needed (Material for MkDocs requires it).")
    if VENV.exists() and not venv_works():
        print(f"{VENV} is broken (left by an earlier run that did not finish); making it again.", flush=True)
        shutil.rmtree(VENV)
    if not PYTHON.exists():
        made = subprocess.run([sys.executable, "-m", "venv", str(VENV)], cwd=ROOT, capture_output=True, text=True)
        if made.returncode != 0:  # Debian's python3 comes without venv/ensurepip
            shutil.rmtree(VENV, ignore_errors=True)
            version = f"python3.{sys.version_info.minor}-venv"
            apt_install(
                ["python3-venv", version] if shutil.which("apt-cache") and _known(version) else ["python3-venv"],
                "Making the virtual environment",
            )
            run([sys.executable, "-m", "venv", str(VENV)])
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    STAMP.unlink(missing_ok=True)  # written only after a complete install
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"])
    STAMP.write_text(wanted)


def _known(package: str) -> bool:
    return subprocess.run(["apt-cache", "show", package], capture_output=True).returncode == 0


def setup_node() -> None:
    if not (ROOT / "package.json").exists():
        return
    lock = ROOT / "package-lock.json"
    marker = ROOT / "node_modules" / ".package-lock.json"
    if marker.exists() and lock.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    if not shutil.which("npm"):
        apt_install(["nodejs", "npm"], "The build's CSS pruning and the accessibility tests (axe-core, Lighthouse)")
    run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"])


def setup_debian() -> None:
    missing = sorted({pkg for path, pkg in DEBIAN_PACKAGES.items() if not Path(path).exists() and pkg != "npm"})
    if missing:
        apt_install(missing, "The browser tests")


def mkdocs_env() -> dict:
    # Both silence Material's start-up banner about MkDocs 2.0 (it reads
    # either); neither changes the build.
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def serve(extra: list[str]) -> None:
    """mkdocs serve, rebuilding on changes to data/ too (docs/,
    overrides/ and mkdocs.yml are watched by MkDocs itself). Ctrl-C stops the
    server and everything it started."""
    cmd = [str(PYTHON), "-m", "mkdocs", "serve", "--livereload", "--watch", "data", *extra]
    print("+", " ".join(cmd), flush=True)
    process = subprocess.Popen(cmd, cwd=ROOT, env=mkdocs_env(), start_new_session=True)
    try:
        process.wait()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
    if process.returncode not in (0, -signal.SIGTERM):
        raise subprocess.CalledProcessError(process.returncode, cmd)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=["setup", "serve", "build", "test", "check"])
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on to mkdocs, pytest or python -m scripts check")
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0

    setup_python()
    if args.command in ("setup", "test"):
        setup_debian()
    if args.command in ("setup", "test", "build"):
        setup_node()  # PurgeCSS prunes the theme's stylesheet in every build

    if args.command == "serve":
        serve(args.args)
    elif args.command == "build":
        run([str(PYTHON), "-m", "mkdocs", "build", "--strict", *args.args], env=mkdocs_env())
    elif args.command == "check":
        run([str(PYTHON), "-m", "scripts", "check", *args.args])
    elif args.command == "test":
        # The tests start `python -m mkdocs` and `python -m scripts` some 150
        # times; with PYTHONDONTWRITEBYTECODE set (as on some CI machines)
        # each would compile the pipeline again. Compiled once here instead.
        run([str(PYTHON), "-m", "compileall", "-q", str(ROOT / "scripts")])
        run([str(PYTHON), "-m", "pytest", *args.args], env=mkdocs_env())
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
