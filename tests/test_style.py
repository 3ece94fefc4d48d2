"""Style and architecture, drawn from the code itself: ruff's lint and format,
the import layers (import-linter, pyproject.toml), no import cycles, and each
kind of input read only by the model."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import grimp

from tests.helpers import ROOT

BIN = Path(sys.executable).parent


def run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)


def test_ruff_finds_nothing_and_the_code_is_formatted():
    lint = run(str(BIN / "ruff"), "check", "scripts", "tests")
    assert lint.returncode == 0, lint.stdout + lint.stderr
    fmt = run(str(BIN / "ruff"), "format", "--check", "scripts", "tests")
    assert fmt.returncode == 0, fmt.stdout + fmt.stderr


def test_layers_hold():
    # Entry points (hooks, command line, tools) > checks | renderers > model.
    result = run(str(BIN / "lint-imports"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_import_cycles():
    graph = grimp.build_graph("scripts")
    modules = sorted(graph.modules)
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(module: str, path: list[str]) -> bool:
        state[module] = 1
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if state.get(imported) == 1:
                cycle.extend(path[path.index(imported) :] + [imported] if imported in path else [module, imported])
                return True
            if imported not in state and visit(imported, [*path, imported]):
                return True
        state[module] = 2
        return False

    for module in modules:
        if module not in state and visit(module, [module]):
            break
    assert not cycle, " -> ".join(cycle)


def test_only_the_model_reads_the_sources():
    # Checks judge and renderers write: neither parses YAML or opens docs/ or data/.
    offenders = []
    for folder in ("checks", "render"):
        for path in sorted((ROOT / "scripts" / folder).glob("*.py")):
            text = path.read_text(encoding="utf-8")
            if re.search(r"^import yaml|^from yaml|yaml\.(safe_)?load|read_utf8", text, re.M):
                offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []


def test_no_sys_path_preambles_outside_the_hooks():
    found = [
        p.relative_to(ROOT).as_posix()
        for p in sorted((ROOT / "scripts").rglob("*.py"))
        # Files MkDocs loads by path as hooks are the only ones that need it.
        if "sys.path.insert" in p.read_text(encoding="utf-8") and p.name not in ("mkdocs_hooks.py", "bare_hooks.py")
    ]
    assert found == []


def test_one_command_line_with_help_for_every_command():
    result = run(sys.executable, "-m", "scripts", "--help")
    assert result.returncode == 0
    commands = re.findall(r"^    ([a-z-]+) ", result.stdout.split("positional arguments:")[1], re.M)
    assert {"check", "coverage", "stamp", "urls", "links", "redirects", "lix"} <= set(commands)
    for command in commands:
        sub = run(sys.executable, "-m", "scripts", command, "--help")
        assert sub.returncode == 0 and "--root" in sub.stdout, command
