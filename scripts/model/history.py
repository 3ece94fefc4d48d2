"""Earlier versions of the Norwegian pages, read from git.

A translation records the content hash of the Norwegian text it was made
from (`translation: source_hash:`); the text itself is found again by
walking the Norwegian file's history (following renames) for the version
whose content hash is that one. Nothing here judges or prints: a version
that cannot be found is `None`, and `reason` says why.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from scripts.model.pages import SourcePage, parse_page


@dataclass(frozen=True)
class Version:
    commit: str  # full SHA of the commit that has this text
    path: str  # the file's path in that commit (it may have been renamed since)
    page: SourcePage


class GitError(Exception):
    """git could not be run, or the reference does not exist."""


@dataclass
class History:
    root: Path
    _versions: dict = field(default_factory=dict, repr=False)

    def _git(self, *args: str) -> str:
        try:
            done = subprocess.run(
                ["git", *args], cwd=self.root, capture_output=True, text=True, encoding="utf-8", errors="replace"
            )
        except OSError as exc:  # no git at all
            raise GitError(f"git could not be run: {exc}") from exc
        if done.returncode:
            raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
        return done.stdout

    def is_repository(self) -> bool:
        try:
            return self._git("rev-parse", "--is-inside-work-tree").strip() == "true"
        except GitError:
            return False

    def shallow(self) -> bool:
        try:
            return self._git("rev-parse", "--is-shallow-repository").strip() == "true"
        except GitError:
            return False

    def show(self, ref: str, rel: str) -> str | None:
        """The file `rel` (relative to the root) at `ref`, or None when it did not exist there."""
        try:
            return self._git("show", f"{ref}:./{rel}")
        except GitError:
            return None

    def merge_base(self, ref: str) -> str:
        """The commit where HEAD left `ref` (what a pull request is compared with)."""
        return self._git("merge-base", ref, "HEAD").strip()

    def changed_files(self, ref: str, folder: str) -> list[str]:
        """Files under `folder` that differ between `ref` and the working tree."""
        out = self._git("diff", "--name-only", "--no-renames", "--relative", ref, "--", folder)
        return sorted(line for line in out.splitlines() if line)

    def versions(self, locale: str, path: str, rel: str) -> list[Version]:
        """Every committed version of the page `rel` (docs/<locale>/<path>), newest first, across renames."""
        if rel in self._versions:
            return self._versions[rel]
        found: list[Version] = []
        try:
            out = self._git("log", "--follow", "--format=commit %H", "--name-only", "--relative", "--", rel)
        except GitError:
            out = ""
        commit = None
        for line in out.splitlines():
            if line.startswith("commit "):
                commit = line.split()[1]
            elif line.strip() and commit:
                text = self.show(commit, line.strip())
                if text is not None:
                    found.append(Version(commit, line.strip(), parse_page(locale, path, text, shown=line.strip())))
                commit = None
        self._versions[rel] = found
        return found

    def version_with_hash(self, locale: str, path: str, rel: str, content_hash: str) -> Version | None:
        """The newest committed version of the page whose content hash is `content_hash`."""
        return next((v for v in self.versions(locale, path, rel) if v.page.content_hash == content_hash), None)
