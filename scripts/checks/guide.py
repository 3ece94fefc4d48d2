"""The guide (data/veiviser.yml): its rules, its links and its facts.

* every question has answers, and every rule names questions and answers
  that exist; every question can be reached and every item can be shown;
* every item links to a section (heading id) that exists on its page, in
  every language that has the page;
* every number and provision an item states is stated in the section it
  links to (scripts.model.facts), and each language states the same ones as
  the Norwegian text;
* every text is there in every language; `translations` says for each
  language whether its texts are machine-translated or reviewed.
"""

from __future__ import annotations

from scripts.model import facts
from scripts.model.guide import GUIDE_FILE, MARKER, PATH, TEXT_FIELDS, Guide, Item
from scripts.model.problem import Problem
from scripts.model.site import SiteModel

NAME = "guide"
STATUSES = ("machine", "reviewed")


def _problem(line: int, message: str) -> Problem:
    return Problem(GUIDE_FILE, line, message, check=NAME)


def _rule_problems(guide: Guide, when: list[dict], line: int, what: str) -> list[Problem]:
    found = []
    for condition in when:
        for question_id, answers in condition.items():
            question = guide.question(question_id)
            if question is None:
                found.append(
                    _problem(
                        line,
                        f"{what}'s rule (when) names the question '{question_id}', which does not exist. "
                        f"Use one of: {', '.join(q.id for q in guide.questions)}.",
                    )
                )
                continue
            for answer in answers:
                if question.answer(answer) is None:
                    found.append(
                        _problem(
                            line,
                            f"{what}'s rule (when) names the answer '{answer}' to '{question_id}', which does "
                            f"not exist. Use one of: {', '.join(a.id for a in question.answers)}.",
                        )
                    )
    return found


def _text_problems(model: SiteModel, texts: dict, line: int, what: str) -> list[Problem]:
    missing = [locale for locale in model.cfg.locales if not texts.get(locale)]
    if not missing:
        return []
    return [
        _problem(
            line,
            f"{what} has no text in {', '.join(missing)}. Add it (translations: machine until a "
            "translator has checked it); until then readers see the Norwegian text.",
        )
    ]


def _section_facts(model: SiteModel, item: Item) -> dict | None:
    key = ("guide-sections", item.page)
    if key not in model.memo:
        page = model.pages.page(model.cfg.default_locale, item.page)
        model.memo[key] = facts.sections(page) if page is not None and page.readable else None
    return model.memo[key]


def _keys(text: str) -> set[str]:
    return {key for key, _ in facts.facts(text) if key.startswith(("number ", "§ "))}


def _shown(key: str) -> str:
    return key.split(" ", 1)[1] if key.startswith("number ") else key


def _item_problems(model: SiteModel, guide: Guide, item: Item) -> list[Problem]:
    what = f"the item '{item.id}'"
    found = _rule_problems(guide, item.when, item.line, what)
    default = model.cfg.default_locale
    page = model.pages.page(default, item.page)
    if page is None or not item.anchor:
        found.append(
            _problem(
                item.raw.line_of("section"),
                f"{what} links to '{item.section}', which is not a section of a page. Write the page "
                "and the heading's id, for example 'arbeid-og-penger/index.md#sykt-barn'.",
            )
        )
        return found
    # One message when the Norwegian page lacks the heading (every language lacks it then).
    for locale in [default] if item.anchor not in page.heading_ids else model.cfg.translation_locales:
        translated = model.pages.page(locale, item.page)
        if translated is not None and translated.readable and item.anchor not in translated.heading_ids:
            found.append(
                _problem(
                    item.raw.line_of("section"),
                    f"{what} links to '#{item.anchor}', but {translated.shown} has no heading with that id. "
                    "Use the id in {#...} of the heading that explains it.",
                )
            )
    if item.decides not in guide.deciders:
        found.append(
            _problem(
                item.raw.line_of("decides"),
                f"{what}: decides '{item.decides}' is not under deciders. Use one of: {', '.join(guide.deciders)}.",
            )
        )
    for name in ("title", "what", "how"):
        found += _text_problems(model, item.texts[name], item.raw.line_of(name), f"{what}'s {name}")
    if item.texts["depends"]:
        found += _text_problems(model, item.texts["depends"], item.raw.line_of("depends"), f"{what}'s depends")
    sections = _section_facts(model, item)
    section = sections.get(item.anchor) if sections else None
    if section is None:
        return found
    stated = set(section.counts)
    norwegian = _keys(item.provision) | {k for name in TEXT_FIELDS for k in _keys(item.texts[name].get(default, ""))}
    for key in sorted(norwegian - stated):
        found.append(
            _problem(
                item.line,
                f"{what} states {_shown(key)}, but the section {item.section} does not. Write only numbers "
                "and provisions the page states there, or link to the section that states it.",
            )
        )
    for locale in model.cfg.translation_locales:
        own = _keys(item.provision) | {k for name in TEXT_FIELDS for k in _keys(item.texts[name].get(locale, ""))}
        if any(not item.texts[name].get(locale) for name in TEXT_FIELDS if item.texts[name]):
            continue  # reported as missing; readers see the Norwegian text
        for key in sorted(own ^ norwegian):
            said = f"the {locale} text states {_shown(key)}, the Norwegian text does not"
            if key in norwegian:
                said = f"the Norwegian text states {_shown(key)}, the {locale} text does not"
            found.append(
                _problem(item.line, f"{what}: {said}. Each language must state the same numbers and provisions.")
            )
    return found


def check(model: SiteModel) -> list[Problem]:
    guide = model.guide
    if guide is None:
        return []
    found = list(guide.read_problems)
    if any(p.is_error for p in found):
        return found
    for locale in model.cfg.translation_locales:
        if guide.statuses.get(locale) not in STATUSES:
            found.append(
                _problem(
                    1,
                    f"translations: {locale} must be 'machine' or 'reviewed'. Write machine until a "
                    "translator has checked the guide's texts.",
                )
            )
    default = model.cfg.default_locale
    needed = set(guide.strings.get(default, {})) - {"norwegian_intro"}
    for locale in model.cfg.translation_locales:
        own = guide.strings.get(locale, {})
        wanted = needed | ({"machine"} if guide.statuses.get(locale) == "machine" else set())
        for key in sorted(wanted - set(own)):
            found.append(
                _problem(
                    guide.raw.get("strings", {}).line_of(locale) if locale in guide.raw.get("strings", {}) else 1,
                    f"strings: {locale} has no '{key}'. Add it; until then readers see the Norwegian words.",
                )
            )
    for key, texts in guide.deciders.items():
        found += _text_problems(model, texts, 1, f"deciders: {key}")
    ids = [q.id for q in guide.questions]
    for question in guide.questions:
        what = f"the question '{question.id}'"
        if not question.id or ids.count(question.id) > 1:
            found.append(_problem(question.line, f"{what} needs an id of its own. Give each question a unique id."))
        if len(question.answers) < 2:
            found.append(_problem(question.line, f"{what} has fewer than two answers. Add answers, or remove it."))
        found += _text_problems(model, question.text, question.line, what)
        found += _rule_problems(guide, question.when, question.line, what)
        for answer in question.answers:
            found += _text_problems(model, answer.text, answer.line, f"{what}'s answer '{answer.id}'")
    reachable_questions, shown_items = set(), set()
    for steps in guide.paths():
        reachable_questions |= {q for q, _ in steps}
        if guide.next_question(dict(steps)) is None:
            shown_items |= {item.id for item in guide.results(dict(steps))}
    for question in guide.questions:
        if question.id not in reachable_questions:
            found.append(
                _problem(
                    question.line,
                    f"the question '{question.id}' is never asked: no answers lead to it. "
                    "Check its rule (when), or remove it.",
                )  # fmt: skip
            )
    for item in guide.items:
        found += _item_problems(model, guide, item)
        if item.id not in shown_items:
            found.append(
                _problem(
                    item.line,
                    f"the item '{item.id}' is never shown: no answers make its rule (when) hold. "
                    "Check the rule, or remove the item.",
                )  # fmt: skip
            )
    for locale in model.cfg.locales:
        page = model.pages.page(locale, f"{PATH}/index.md")
        if page is not None and page.readable and MARKER not in page.body:
            found.append(
                Problem(
                    page.shown,
                    page.body_line,
                    f"the guide's page has no line {MARKER}. Put it where the questions should appear.",
                    check=NAME,
                )
            )
    return found
