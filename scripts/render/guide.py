"""The guide «Hva kan jeg få hjelp til?» as HTML (templates/guide.html).

* `start(...)` replaces the marker line of docs/<lang>/veiviser/index.md: the
  first question as links (without JavaScript), and the whole guide on one
  page (questions as radio buttons, every possible item) hidden until
  guide.js shows it;
* `write_steps(...)` writes, after the build, one static page per step under
  veiviser/<answer>/<answer>/.../: a question as links, or for a complete
  path the result, with the same list in Norwegian for a case worker. Each
  step page is the built start page with its guide replaced, so it has the
  site's header, menu, language, direction, styles and Content-Security-Policy;
  its relative addresses are made one folder deeper per answer.

Which questions are asked and which items are shown comes from
scripts/model/guide.py, so the static pages, the JavaScript and the tests
give the same answer.
"""

from __future__ import annotations

import html
import json
import re
from functools import cache
from pathlib import Path

import jinja2

from scripts.model.guide import MARKER, PATH, Guide, Item, Question, step_url
from scripts.render import bidi, csp, reader_html

MARKER_REGION = '<div class="guide" '  # the region starts here and ends after <span data-guide-end>
START_SOURCE = f"{PATH}/index.md"
REGION = re.compile(r'<div class="guide" .*?<span data-guide-end></span></div>', re.S)
RELATIVE_ATTR = re.compile(r"""(\s(?:href|src|data-base)=)(["'])(?![a-z][a-z0-9+.-]*:|/|#)([^"']*)\2""", re.I)
CANONICAL = re.compile(r'(<link rel="canonical" href=")([^"]*)(")')
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
LANGUAGE_LINK = re.compile(r"<(?:a|link)\b[^>]*\bhreflang=[^>]*>")

__all__ = ["MARKER", "start", "step_pages", "write_steps"]


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    return env.get_template("guide.html")


class _Words:
    def __init__(self, guide: Guide, locale: str, default: str):
        self.guide, self.locale, self.default = guide, locale, default

    def text(self, texts: dict) -> dict:
        """{'text', 'lang'}: the reader's language, or Norwegian when it is missing."""
        if texts.get(self.locale):
            return {"text": texts[self.locale], "lang": self.locale}
        return {"text": texts.get(self.default, ""), "lang": self.default}


def _item(item: Item, w: _Words, up: str, titles: dict, default: str, guide: Guide) -> dict:
    page, _, anchor = item.section.partition("#")
    folder = page[: -len("index.md")] if page.endswith("index.md") else page.removesuffix(".md") + "/"
    decider = guide.deciders.get(item.decides, {})
    return {
        "id": item.id,
        "title": w.text(item.texts["title"]),
        "what": w.text(item.texts["what"]),
        "how": w.text(item.texts["how"]),
        "depends": w.text(item.texts["depends"]) if item.texts["depends"] else None,
        "decides": w.text(decider),
        "provision": item.provision,
        "href": f"{up}{folder}#{anchor}",
        "page_title": titles.get(page, page),
        "when": json.dumps(item.when, ensure_ascii=False),
        "nb": {
            "title": item.texts["title"].get(default, ""),
            "what": item.texts["what"].get(default, ""),
            "how": item.texts["how"].get(default, ""),
            "depends": item.texts["depends"].get(default, ""),
            "decides": decider.get(default, ""),
        },
    }


def _context(guide: Guide, locale: str, default: str, direction: str, titles: dict) -> dict:
    words = guide.words(locale, default)
    notice = words.get("machine") if guide.statuses.get(locale) == "machine" else None
    return {
        "locale": locale,
        "default": default,
        "direction": direction,
        "words": words,
        "nb_words": guide.words(default, default),
        "notice": notice,
        "answered": [],
        "question": None,
        "number": 0,
        "items": None,
        "app": None,
        "start_href": "",
        "titles": titles,
    }


def _choices(question: Question, w: _Words, href) -> list[dict]:
    return [{"id": a.id, "text": w.text(a.text), "href": href(a.id)} for a in question.answers]


def render_step(
    guide: Guide, steps: list[tuple[str, str]], locale: str, default: str, direction: str, titles: dict
) -> str:
    """The guide's region for one step (a list of (question, answer) from the start)."""
    w = _Words(guide, locale, default)
    depth = 1 + len(steps)  # veiviser/ is one folder below the language's home
    up = "../" * depth
    here = "../" * len(steps)  # back to veiviser/
    context = _context(guide, locale, default, direction, titles)
    context["start_href"] = here or "./"
    for index, (question_id, answer_id) in enumerate(steps):
        question = guide.question(question_id)
        answer = question.answer(answer_id)
        context["answered"].append(
            {
                "question": w.text(question.text),
                "answer": w.text(answer.text),
                "question_nb": question.text.get(default, ""),
                "answer_nb": answer.text.get(default, ""),
                "href": ("../" * (len(steps) - index)) or "./",
            }
        )
    answers = dict(steps)
    question = guide.next_question(answers)
    if question is not None:
        context["number"] = len(steps) + 1
        context["question"] = {"text": w.text(question.text), "choices": _choices(question, w, lambda a: f"{a}/")}
    else:
        context["items"] = [_item(item, w, up, titles, default, guide) for item in guide.results(answers)]
    if not steps:
        context["app"] = {
            "questions": [
                {
                    "id": q.id,
                    "text": w.text(q.text),
                    "when": json.dumps(q.when, ensure_ascii=False),
                    "choices": _choices(q, w, lambda a: ""),
                }
                for q in guide.questions
            ],
            "cards": [_item(item, w, up, titles, default, guide) for item in guide.items],
        }
    return _template().render(**context)


def start(guide: Guide | None, locale: str, default: str, direction: str, titles: dict) -> str:
    """What replaces the marker on the guide's own page (the start, at veiviser/)."""
    if guide is None:
        return ""
    # Blank lines around it so Markdown treats it as one raw HTML block.
    return "\n\n" + render_step(guide, [], locale, default, direction, titles) + "\n\n"


def deeper(html: str, levels: int) -> str:
    """The page with every relative address made `levels` folders deeper."""
    prefix = "../" * levels
    return RELATIVE_ATTR.sub(lambda m: f"{m.group(1)}{m.group(2)}{prefix}{m.group(3)}{m.group(2)}", html)


def _finish_fragment(fragment: str, locale: str, direction: str, terms: frozenset[str]) -> str:
    """The same repairs as every page (isolated left-to-right runs, unbreakable numbers), on the region only."""
    document = f'<html lang="{locale}" dir="{direction}"><head></head><body><article>{fragment}</article></body></html>'
    done = reader_html.finish(bidi.isolate(document), terms)
    return done[done.index("<article>") + len("<article>") : done.rindex("</article>")]


class _Shell:
    """The built start page, cut once into what every step page shares.

    A step page is the start page with (1) its language links leading to the
    step, (2) every relative address made one folder deeper per answer, (3)
    its guide region replaced, then its address and title set. The page
    outside the region and the language links is made deeper once per depth,
    not once per step: the same bytes, without the whole-page substitutions
    for each of the ~25 steps of each language."""

    def __init__(self, shell: str):
        region = REGION.search(shell)
        self.has_region = region is not None
        before, after = (shell[: region.start()], shell[region.end() :]) if region else (shell, "")
        # Each side: [text, language link, text, language link, ..., text]
        self.sides = [self._cut(before), self._cut(after)]
        self._deeper: dict[int, list[list[str]]] = {}

    @staticmethod
    def _cut(text: str) -> list[str]:
        parts, pos = [], 0
        for match in LANGUAGE_LINK.finditer(text):
            parts += [text[pos : match.start()], match.group(0)]
            pos = match.end()
        return [*parts, text[pos:]]

    def page(self, levels: int, region: str, address: str) -> str:
        if levels not in self._deeper:
            self._deeper[levels] = [[deeper(part, levels) for part in side[::2]] for side in self.sides]
        # The language links lead to the same step in every language (the answers' ids are the same),
        # the page's own language too ("./", before the addresses are made deeper).
        rest = address[len(PATH) + 1 :]
        out = []
        for side, texts in zip(self.sides, self._deeper[levels], strict=True):
            for i, text in enumerate(texts):
                out.append(text)
                if 2 * i + 1 < len(side):
                    link = side[2 * i + 1].replace(f'{PATH}/"', f'{address}"').replace('href="./"', f'href="./{rest}"')
                    out.append(deeper(link, levels))
            if side is self.sides[0] and self.has_region:
                out.append(region)
        return "".join(out)


def _step_page(shell: _Shell, levels: int, region: str, address: str, heading: str) -> str:
    """The start page `shell` as the step at `address`: deeper, its guide, address and title replaced."""
    page = shell.page(levels, region, address)
    page = CANONICAL.sub(lambda m: m.group(1) + m.group(2).rsplit(PATH + "/", 1)[0] + address + m.group(3), page)
    page = TITLE.sub(lambda m: f"<title>{html.escape(heading, quote=False)} – {m.group(1)}</title>", page, count=1)
    # Only the start page is searchable: the steps repeat its words.
    page = page.replace("<div data-pagefind-body>", "<div>", 1)
    # The shell's policy already lists its inline scripts; the guide adds none.
    return csp.add_policy(page)


def step_pages(
    guide: Guide,
    shell: str,
    locale: str,
    default: str,
    direction: str,
    titles: dict,
    terms: frozenset[str] = frozenset(),
) -> dict[str, str]:
    """{address inside the language ('veiviser/barn/'): the finished page} for every step after the start."""
    pages = {}
    cut = _Shell(shell)
    for steps in guide.paths():
        if not steps:
            continue
        region = render_step(guide, steps, locale, default, direction, titles)
        region = _finish_fragment(region, locale, direction, terms)
        question = guide.next_question(dict(steps))
        heading = _Words(guide, locale, default).text(question.text)["text"] if question else None
        address = step_url(steps)
        page = _step_page(cut, len(steps), region, address, heading or guide.words(locale, default)["results"])
        pages[address] = page
    return pages


def write_steps(site_dir: Path, prefix: str, pages: dict[str, str]) -> list[Path]:
    """Write the step pages of one language (prefix: '' or 'en/')."""
    written = []
    for address, page in pages.items():
        target = site_dir / prefix / address / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page, encoding="utf-8")
        written.append(target)
    return written
