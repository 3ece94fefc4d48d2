"""Set up, preview, build and test the site with one command each.

    python3 scripts/docs.py serve    # set up, then preview at http://127.0.0.1:8000/
    python3 scripts/docs.py test     # set up, then run the whole test suite
    python3 scripts/docs.py build    # set up, then `mkdocs build --strict` into site/
    python3 scripts/docs.py check    # set up, then run the source checks only (fast)
    python3 scripts/docs.py setup    # only install what the others need

Setup is idempotent and runs first every time: a virtual environment in .venv
with the pinned Python packages from requirements.txt, the pinned npm packages
from package-lock.json (axe-core, the Nu HTML checker, Lighthouse), and, when
they are missing and we run as root, Debian's chromium, fonts and a Java
runtime for the browser tests. Nothing downloads a browser of its own.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PYTHON = VENV / "bin" / "python"
STAMP = VENV / ".requirements.sha256"

# Debian packages the browser tests need: the browser, fonts with Arabic
# glyphs (so screenshots show real text), and Java for the Nu HTML Checker.
DEBIAN_PACKAGES = {
    "/usr/bin/chromium": "chromium",
    "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf": "fonts-noto-core",
    "/usr/bin/java": "default-jre-headless",
}


def run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT, **kwargs)


def setup_python() -> None:
    if sys.version_info < (3, 11):
        sys.exit("Python 3.11 or newer is needed (Material for MkDocs requires it).")
    if not PYTHON.exists():
        run([sys.executable, "-m", "venv", str(VENV)])
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted:
        return
    run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", "requirements.txt"])
    STAMP.write_text(wanted)


def setup_node() -> None:
    if not (ROOT / "package.json").exists():
        return
    lock = ROOT / "package-lock.json"
    marker = ROOT / "node_modules" / ".package-lock.json"
    if marker.exists() and lock.exists() and marker.stat().st_mtime >= lock.stat().st_mtime:
        return
    if not shutil.which("npm"):
        sys.exit("npm is needed for the accessibility tests: install Node.js 20 or newer (Debian: apt-get install nodejs npm).")
    run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"])


def setup_debian() -> None:
    missing = sorted({pkg for path, pkg in DEBIAN_PACKAGES.items() if not Path(path).exists()})
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        sys.exit(
            "The browser tests need these Debian packages: "
            + " ".join(missing)
            + "\nInstall them with: sudo apt-get install -y " + " ".join(missing)
        )
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-qq"], env=env)
    run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env)


def mkdocs_env() -> dict:
    # Both silence Material's start-up banner about MkDocs 2.0 (it reads
    # either); neither changes the build.
    return dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["setup", "serve", "build", "test", "check"])
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed on to mkdocs or pytest")
    args = parser.parse_args(argv)

    setup_python()
    if args.command in ("setup", "test"):
        setup_debian()
        setup_node()

    if args.command == "serve":
        run([str(PYTHON), "-m", "mkdocs", "serve", "--livereload", *args.args], env=mkdocs_env())
    elif args.command == "build":
        run([str(PYTHON), "-m", "mkdocs", "build", "--strict", *args.args], env=mkdocs_env())
    elif args.command == "check":
        run([str(PYTHON), "-m", "scripts.check_all", *args.args])
    elif args.command == "test":
        run([str(PYTHON), "-m", "pytest", *args.args], env=mkdocs_env())
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except subprocess.CalledProcessError as exc:
        sys.exit(exc.returncode)
    except KeyboardInterrupt:
        sys.exit(130)
