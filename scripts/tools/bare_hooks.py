"""The benchmark's baseline: the site's configuration with none of the
project's hooks, except the two Jinja filters the templates call (without
them the theme cannot render at all). scripts/tools/benchmark.py builds with
this in place of scripts/mkdocs_hooks.py to measure what the hooks cost."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, like the real hooks
    sys.path.insert(0, str(ROOT))

from scripts.render.reader_html import after_first_h1, mailto_href  # noqa: E402


def on_env(env, config, files):
    env.filters.update(mailto_href=mailto_href, after_first_h1=after_first_h1)
    return env
