"""Record in a translation which Norwegian text it was made from.

`stamp()` writes the Norwegian page's current content hash into the
translation's front matter (`translation: source_hash:`), adding
`translation: status: machine` when the block is missing. Only that one line
changes; the rest of the file stays byte for byte.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts.model.config import SiteConfig
from scripts.model.pages import parse_page, read_page
from scripts.model.urls import split_source

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*\r?\n", re.S)


class StampError(Exception):
    """The file cannot be stamped; the message says why and what to do."""


def stamp(cfg: SiteConfig, path: Path) -> str:
    """Write the Norwegian page's current hash into this translation. Returns the hash."""
    path = Path(path).resolve()
    where = split_source(cfg, path)
    if where is None:
        raise StampError(f"{path}: not a page under {cfg.rel(cfg.docs_dir)}/<language>/.")
    locale, rel = where
    if locale == cfg.default_locale:
        raise StampError(
            f"{cfg.rel(path)}: this is a Norwegian page; stamp its translations instead (docs/<language>/{rel})."
        )
    source = read_page(cfg, cfg.default_locale, rel)
    if not source.file.exists():
        raise StampError(f"{cfg.rel(path)}: there is no Norwegian page {source.shown} to record.")
    if not source.readable:
        raise StampError(
            f"{cfg.rel(path)}: the Norwegian page {source.shown} cannot be read; fix it "
            f"first ({source.read_problems[0]})."
        )
    value = source.content_hash
    raw = path.read_bytes()
    new = _with_hash(raw.decode("utf-8"), value)
    if new is None:
        raise StampError(
            f"{cfg.rel(path)}: could not find where to write source_hash (the front matter "
            f"must start and end with '---' lines; 'translation:' must be a block, not {{...}})."
        )
    if parse_page(locale, rel, new.replace("\r\n", "\n")).recorded_hash != value:  # never leave a file we broke
        raise StampError(f"{cfg.rel(path)}: stamping did not give valid front matter; the file is unchanged.")
    path.write_bytes(new.encode("utf-8"))
    return value


def _with_hash(text: str, value: str) -> str | None:
    match = FRONT_MATTER.match(text)
    if not match:
        return None
    nl = "\r\n" if "\r\n" in match.group(0) else "\n"
    shown = f'"{value}"' if value.isdigit() else value  # all digits would read as a number
    lines = match.group(0).splitlines(keepends=True)
    for i, line in enumerate(lines):
        if re.match(r"translation\s*:\s*(#.*)?$", line.rstrip("\r\n")):
            # the indented block under `translation:`
            j = i + 1
            indent = None
            while j < len(lines) - 1 and (lines[j].strip() == "" or lines[j][0] in " \t"):
                child = re.match(r"([ \t]+)source_hash\s*:[^\r\n#]*?(\s*#[^\r\n]*)?(\r?\n)$", lines[j])
                if child:
                    lines[j] = f"{child.group(1)}source_hash: {shown}{child.group(2) or ''}{child.group(3)}"
                    return "".join(lines) + text[match.end() :]
                if indent is None and lines[j].strip():
                    indent = re.match(r"[ \t]*", lines[j]).group(0)
                j += 1
            lines.insert(j, f"{indent or '  '}source_hash: {shown}{nl}")
            return "".join(lines) + text[match.end() :]
        if re.match(r"translation\s*:\s*\S", line):
            return None  # flow style or a scalar: leave it to a human
    # no translation block yet: add one before the closing '---'
    lines.insert(len(lines) - 1, f"translation:{nl}  status: machine{nl}  source_hash: {shown}{nl}")
    return "".join(lines) + text[match.end() :]
