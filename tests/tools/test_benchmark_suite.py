"""The test-suite benchmark's verdict (scripts/tools/benchmark_suite.py)."""

from __future__ import annotations

from scripts.tools import benchmark_suite


def test_the_target_is_met_only_within_its_seconds():
    result = {"setup": 50.0, "tests": 149.6, "summary": "460 passed"}
    assert "**met** (150 s)" in benchmark_suite.render(result)
    slow = benchmark_suite.render(dict(result, tests=151.0))
    assert "**NOT met** (151 s)" in slow and "460 passed" in slow
