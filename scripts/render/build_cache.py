"""The build cache: work one build hands to the next (compiled templates,
the pruned stylesheet), so a second build with the same input does not do it
again.

* `directory()`: ~/.cache/parorende-site/ (or $XDG_CACHE_HOME), or
  SITE_CACHE_DIR (the tests use one folder per run). Outside the
  repository on purpose: a compiled template is code the build runs, and a
  pull request must not be able to put one there.
* `name(*parts)`: a file name from a hash of everything the entry was made
  from, so an entry is only ever found for the same input.
* `keep(path, data)`: written whole or not at all (another build may read it
  at the same time); a folder that cannot be written only costs the work.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def directory() -> Path:
    if os.environ.get("SITE_CACHE_DIR"):
        return Path(os.environ["SITE_CACHE_DIR"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "parorende-site"


def name(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update((part.encode("utf-8") if isinstance(part, str) else part) + b"\0")
    return digest.hexdigest()


def keep(path: Path, data: bytes) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, suffix=".tmp", delete=False) as f:
            temporary = f.name
            f.write(data)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            Path(temporary).unlink(missing_ok=True)
