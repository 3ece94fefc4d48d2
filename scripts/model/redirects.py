"""Old page addresses that lead to new ones: data/redirects.yml, read once.

One line per renamed or removed page, with paths as in nav: of mkdocs.yml:

    gammel-side/index.md: ny-side/index.md
    annen-side/index.md: ny-side/index.md#et-avsnitt

One line works in every language.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.model import yamlfile
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem
from scripts.model.textfile import read_utf8

FILE = "data/redirects.yml"
CHECK = "urls"
FORMAT = (
    "Each line must be 'old-page/index.md: new-page/index.md', with no spaces "
    "in front (or only '{}' when there are none)"
)


@dataclass(frozen=True)
class Redirect:
    old: str  # gammel-side/index.md
    new: str  # ny-side/index.md, ny-side/index.md#anker or https://...
    line: int  # in data/redirects.yml

    @property
    def external(self) -> bool:
        return self.new.lower().startswith(("http://", "https://"))

    @property
    def target(self) -> str:
        """The new page without its #fragment."""
        return self.new.split("#", 1)[0]

    @property
    def fragment(self) -> str:
        """'#anker', or '' when the line names none."""
        return "#" + self.new.split("#", 1)[1] if "#" in self.new else ""


@dataclass
class Redirects:
    entries: list[Redirect] = field(default_factory=list)
    read_problems: list[Problem] = field(default_factory=list)
    exists: bool = False
    text: str = ""
    empty_braces_line: int | None = None  # the line of '{}' when there are no redirects yet

    def where_to_add(self) -> tuple[int, str]:
        """(line, how) for a new line: replace '{}', append below the last line, or create the file."""
        if not self.exists:
            return 0, "create"
        if self.empty_braces_line:
            return self.empty_braces_line, "replace"
        return max(self.text.count("\n"), 1), "append"


def read_redirects(cfg: SiteConfig) -> Redirects:
    found = Redirects()
    path = cfg.root / FILE
    if not path.exists():
        return found
    found.exists = True
    text, problems = read_utf8(path, FILE)
    if text is None:
        found.read_problems = [Problem(p.path, p.line, p.message, check=CHECK) for p in problems]
        return found
    found.text = text
    data, problems = yamlfile.load(
        text,
        FILE,
        what="this file",
        duplicate="'{key}' already has a redirect on line {first}. Keep only one of the two lines.",
    )
    found.read_problems = [Problem(p.path, p.line, p.message, check=CHECK) for p in problems]
    if data is None:
        return found
    if not isinstance(data, dict):
        found.read_problems.append(
            Problem(FILE, getattr(data, "line", 1), f"this is not a list of redirects. {FORMAT}.", check=CHECK)
        )
        return found
    if not data:
        stripped = [
            n for n, line in enumerate(text.split("\n"), start=1) if line.strip() and not line.lstrip().startswith("#")
        ]
        found.empty_braces_line = stripped[0] if stripped else None
        return found
    for key, value in data.items():
        line = data.line_of(key)
        if not isinstance(key, str) or not isinstance(value, str) or not key.strip() or not value.strip():
            found.read_problems.append(Problem(FILE, line, f"this line is not one redirect. {FORMAT}.", check=CHECK))
            continue
        found.entries.append(Redirect(key.strip(), value.strip(), line))
    return found
