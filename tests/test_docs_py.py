"""The bootstrapper: no arguments prints its help; a broken .venv is recognised."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_without_arguments_it_prints_help():
    result = subprocess.run([sys.executable, "scripts/docs.py"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0 and "serve" in result.stdout and "test" in result.stdout


def test_a_broken_virtual_environment_is_recognised(tmp_path, monkeypatch):
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import docs
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    broken = tmp_path / ".venv" / "bin" / "python"
    broken.parent.mkdir(parents=True)
    broken.write_text("#!/bin/sh\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setattr(docs, "PYTHON", broken)
    assert docs.venv_works() is False
    monkeypatch.setattr(docs, "PYTHON", ROOT / ".venv" / "bin" / "python")
    assert docs.venv_works() is True
