"""How long the README's test command takes in a fresh clone; written to BENCHMARKS.md.

    python -m scripts.tools.benchmark_suite            # clone, set up, test, print
    python -m scripts.tools.benchmark_suite --write    # ... and update BENCHMARKS.md

Clones the committed state of this repository into a temporary folder and
runs what a new contributor and CI run (`.ci/run` calls the same test
command): `python3 scripts/docs.py setup` (a new .venv, the pinned pip and
npm packages; pip and npm may take them from their caches on this machine),
then `python3 scripts/docs.py test -q -p no:cacheprovider`, timing each.
Nothing is measured inside the tests: the wall time is what a person waits.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.tools.benchmark import machine, update_sections

ROOT = Path(__file__).resolve().parent.parent.parent
SECTION = "## Test suite"
TEST_COMMAND = ["python3", "scripts/docs.py", "test", "-q", "-p", "no:cacheprovider"]
TARGET_SECONDS = 150  # issue 14


def run_timed(command: list[str], cwd: Path) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({proc.returncode}):\n{(proc.stdout + proc.stderr)[-4000:]}")
    return elapsed, proc.stdout


def measure() -> dict:
    folder = Path(tempfile.mkdtemp(prefix="suite-bench-"))
    try:
        clone = folder / "clone"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        setup, _ = run_timed(["python3", "scripts/docs.py", "setup"], clone)
        tests, output = run_timed(TEST_COMMAND, clone)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    summary = re.findall(r"^=*\s*(\d+ passed.*?) in [\d.]+s", output, re.M)
    return {"setup": setup, "tests": tests, "summary": summary[-1] if summary else "?"}


def render(result: dict) -> str:
    met = "met" if result["tests"] <= TARGET_SECONDS else "NOT met"
    return "\n".join(
        [
            SECTION,
            "",
            "Measured by `python -m scripts.tools.benchmark_suite --write`: the README's test command in a fresh",
            f"clone, wall time (machine: {machine()}).",
            "",
            "| step | wall seconds |",
            "|---|---:|",
            f"| `python3 scripts/docs.py setup` (new .venv, pinned pip and npm packages) | {result['setup']:.0f} |",
            f"| `{' '.join(TEST_COMMAND)}` ({result['summary']}) | {result['tests']:.0f} |",
            "",
            f"Target: the tests in at most {TARGET_SECONDS} s → **{met}** ({result['tests']:.0f} s).",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help="update the test-suite section of BENCHMARKS.md")
    args = parser.parse_args(argv)
    text = render(measure())
    print(text)
    if args.write:
        update_sections(ROOT / "BENCHMARKS.md", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
