"""What changed in a Norwegian page since a translation was made: a word-level diff.

For each outdated translation the Norwegian text it was made from is found in
git (`scripts/model/history.py`: the version whose content hash the
translation records) and compared word by word with today's text. Changes of
whitespace alone are no change (the content hash ignores them too), and the
front matter is not compared (it does not make a translation outdated).

`report()` lists the outdated translations per language (with `base`: only
those a pull request makes outdated, i.e. translations that were up to date
with the Norwegian page at `base`); `as_text()` and `as_markdown()` write it
for a terminal and for the CI job summary (each diff folded under its page).
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass, field

from scripts.model.history import GitError, History
from scripts.model.pages import SourcePage, SourceSite, parse_page

CONTEXT = 6  # words shown on each side of a change
WORD = re.compile(r"\S+")
TEXT_MARKS = {"-": "[-{}-]", "+": "{{+{}+}}", "=": " {} "}
HTML_MARKS = {"-": "<del>{}</del> ", "+": "<ins><b>{}</b></ins> ", "=": "{} "}


@dataclass(frozen=True)
class Hunk:
    line: int  # line in today's Norwegian file where the change is
    before: str  # context words before the change
    parts: tuple[tuple[str, str], ...]  # ("-", removed) / ("+", added) / ("=", unchanged words between)
    after: str  # context words after it

    @property
    def removed(self) -> str:
        return " ".join(text for kind, text in self.parts if kind == "-")

    @property
    def added(self) -> str:
        return " ".join(text for kind, text in self.parts if kind == "+")


@dataclass
class Change:
    locale: str
    translation: SourcePage
    source: SourcePage
    commit: str | None = None  # the commit whose Norwegian text the translation was made from
    hunks: list[Hunk] = field(default_factory=list)
    note: str = ""  # why there is no diff (no matching version in git, ...)


def _words(page: SourcePage) -> list[tuple[str, int]]:
    """The body's words with the file line each is on."""
    found = []
    for offset, line in enumerate(page.body.split("\n")):
        found += [(m.group(0), page.body_line + offset) for m in WORD.finditer(line)]
    return found


def word_diff(old: SourcePage, new: SourcePage, context: int = CONTEXT) -> list[Hunk]:
    """The changed words between two versions of a page's text (front matter and whitespace ignored)."""
    a, b = _words(old), _words(new)
    matcher = difflib.SequenceMatcher(a=[w for w, _ in a], b=[w for w, _ in b], autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    # Changes only a few words apart are one hunk (their context would overlap).
    groups: list[list[tuple]] = []
    for op in ops:
        if groups and op[3] - groups[-1][-1][4] <= 2 * context:
            groups[-1].append(op)
        else:
            groups.append([op])
    hunks = []
    for group in groups:
        b1, b2 = group[0][3], group[-1][4]
        parts: list[tuple[str, str]] = []
        for i, (_tag, i1, i2, j1, j2) in enumerate(group):
            if i:  # the unchanged words between two changes of one hunk
                parts.append(("=", " ".join(w for w, _ in b[group[i - 1][4] : j1])))
            parts.append(("-", " ".join(w for w, _ in a[i1:i2])))
            parts.append(("+", " ".join(w for w, _ in b[j1:j2])))
        line = b[b1][1] if b1 < len(b) else (b[-1][1] if b else new.body_line)
        hunks.append(
            Hunk(
                line,
                " ".join(w for w, _ in b[max(0, b1 - context) : b1]),
                tuple((kind, text) for kind, text in parts if text),
                " ".join(w for w, _ in b[b2 : b2 + context]),
            )
        )
    return hunks


def change_for(site: SourceSite, history: History, translation: SourcePage) -> Change:
    """The diff of the Norwegian page since the version `translation` was made from."""
    source = site.source_of(translation)
    change = Change(translation.locale, translation, source)
    recorded = translation.recorded_hash
    old = history.version_with_hash(site.default_locale, translation.path, source.shown, recorded) if recorded else None
    if old is None:
        shallow = " The clone is shallow: fetch the whole history (git fetch --unshallow)." if history.shallow() else ""
        change.note = (
            f"no committed version of {source.shown} has the code {recorded!r} that {translation.shown} records "
            "(it was stamped from text that was never committed, or the page was copied rather than renamed)."
            f"{shallow} Compare the translation with the Norwegian page as a whole, then run: "
            f"python -m scripts stamp {translation.shown}"
        )
        return change
    change.commit = old.commit
    change.hunks = word_diff(old.page, source)
    if old.path != source.shown:
        change.note = f"the Norwegian page was {old.path} then."
    return change


def report(site: SourceSite, history: History, files: list[str] | None = None, base: str | None = None) -> list[Change]:
    """The outdated translations (only `files` when given; with `base`: those the changes since `base` made
    outdated), each with what changed in its Norwegian page. Raises GitError when `base` is unknown."""
    default = site.default_locale
    base_hashes: dict[str, str | None] = {}
    if base is not None:
        commit = history.merge_base(base)
        for path in site.reader_paths:
            source = site.page(default, path)
            old = history.show(commit, source.shown)
            base_hashes[path] = parse_page(default, path, old).content_hash if old is not None else None
    changes = []
    for locale in site.cfg.translation_locales:
        for path, page in sorted(site.pages.get(locale, {}).items()):
            if files is not None and page.shown not in files:
                continue
            if page.for_editors or site.state(locale, path) != "outdated" or not page.readable:
                continue
            source = site.source_of(page)
            if source is None or not source.readable:
                continue
            if base is not None and (base_hashes.get(path) is None or base_hashes[path] != page.recorded_hash):
                continue  # it was outdated before these changes, or the page is new
            changes.append(change_for(site, history, page))
    return changes


def as_text(changes: list[Change]) -> str:
    """For a terminal: git's word-diff notation, [-removed-]{+added+}."""
    if not changes:
        return "No outdated translations.\n"
    out = []
    for change in changes:
        since = f" (since commit {change.commit[:12]})" if change.commit else ""
        out.append(f"{change.translation.shown}: the Norwegian page {change.source.shown} changed{since}:")
        if change.note:
            out.append(f"  {change.note}")
        for hunk in change.hunks:
            shown = "".join(TEXT_MARKS[kind].format(text) for kind, text in hunk.parts)
            out.append(f"  {change.source.shown}:{hunk.line}: …{hunk.before} {shown} {hunk.after}…")
        if change.commit and not change.hunks:
            out.append("  only whitespace or the front matter changed; run the stamp command.")
        out.append("")
    return "\n".join(out)


def as_markdown(changes: list[Change], language_names: dict[str, str], heading_level: int = 2) -> str:
    """For the CI job summary: per language, the pages made outdated, each diff folded under <details>."""
    h = "#" * heading_level
    lines = [f"{h} Oversettelser som denne endringen gjør utdaterte", ""]
    if not changes:
        return "\n".join([*lines, "Ingen: ingen norsk tekst som er oversatt, er endret.", ""])
    lines += [
        "Ordene som er endret på den norske siden siden oversettelsen ble laget: ~~strøket~~ er fjernet, "
        "**uthevet** er nytt. Et tall, en paragraf eller et telefonnummer må endres i alle språk i samme "
        "pull request; annen ordlyd kan oversettes senere (se CONTRIBUTING.md).",
        "",
    ]
    for locale in dict.fromkeys(c.locale for c in changes):
        mine = [c for c in changes if c.locale == locale]
        lines += [f"{h}# {html.escape(language_names.get(locale, locale))} (`{locale}`): {len(mine)} side(r)", ""]
        for change in mine:
            lines += [f"<details><summary><code>{html.escape(change.translation.shown)}</code></summary>", ""]
            if change.note:
                lines += [html.escape(change.note), ""]
            lines.append("<ul>")
            for hunk in change.hunks:
                shown = "".join(HTML_MARKS[kind].format(html.escape(text)) for kind, text in hunk.parts)
                lines.append(
                    f"<li><code>{html.escape(change.source.shown)}:{hunk.line}</code>: …{html.escape(hunk.before)} "
                    f"{shown}{html.escape(hunk.after)}…</li>"
                )
            lines += ["</ul>", "", "</details>", ""]
    return "\n".join(lines)


__all__ = ["Change", "GitError", "Hunk", "as_markdown", "as_text", "change_for", "report", "word_diff"]
