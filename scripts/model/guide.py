"""The guide «Hva kan jeg få hjelp til?» (veiviser/): data/veiviser.yml, read once.

The file holds the questions, the rules (`when`) and the results (`items`);
nothing about the guide is written anywhere else. Reading is lenient: what
is missing or malformed still becomes a record with what could be read, and
scripts/checks/guide.py names the line. The rules are evaluated here (pure
functions of the data), so the check, the renderer and the tests all use
the same answer:

* a rule (`when`) is one condition or a list of conditions, any of which may
  hold; a condition maps question ids to the answers that satisfy it, and
  holds when every question in it was asked and answered with one of them;
* a question is asked when it has no rule or its rule holds for the answers
  given so far (questions are asked in file order);
* an item is shown when its rule holds (no rule: always) for a complete path.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scripts.model import yamlfile
from scripts.model.config import SiteConfig
from scripts.model.problem import Problem
from scripts.model.textfile import read_utf8

GUIDE_FILE = "data/veiviser.yml"
PATH = "veiviser"  # the guide's address in every language
MARKER = "<!-- guide -->"  # the line of docs/<lang>/veiviser/index.md the guide replaces
TEXT_FIELDS = ("title", "what", "how", "depends")


@dataclass
class Answer:
    id: str
    text: dict  # locale -> text
    line: int


@dataclass
class Question:
    id: str
    text: dict
    answers: list[Answer]
    when: list[dict]  # conditions, any of which holds; [] = always
    line: int
    raw: yamlfile.LineMap = field(default_factory=yamlfile.LineMap, repr=False)

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)


@dataclass
class Item:
    id: str
    section: str  # "arbeid-og-penger/index.md#sykt-barn"
    provision: str
    decides: str
    texts: dict  # field -> {locale: text}
    when: list[dict]
    line: int
    raw: yamlfile.LineMap = field(default_factory=yamlfile.LineMap, repr=False)

    @property
    def page(self) -> str:
        return self.section.split("#", 1)[0]

    @property
    def anchor(self) -> str:
        return self.section.split("#", 1)[1] if "#" in self.section else ""


@dataclass
class Guide:
    shown: str
    questions: list[Question]
    items: list[Item]
    deciders: dict  # key -> {locale: text}
    statuses: dict  # locale -> machine | reviewed
    strings: dict = field(default_factory=dict)  # locale -> key -> text (the guide's own words)
    raw: object = None
    read_problems: list[Problem] = field(default_factory=list)

    def words(self, locale: str, default: str) -> dict:
        """The guide's words in a language, with the default language's for any gap."""
        return {**self.strings.get(default, {}), **self.strings.get(locale, {})}

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)

    def next_question(self, answers: dict) -> Question | None:
        """The next question to ask after `answers` (question id -> answer id), or None when complete."""
        for question in self.questions:
            if question.id not in answers and holds(question.when, answers):
                return question
        return None

    def asked(self, answers: dict) -> list[Question]:
        """The questions asked on the way to `answers`, in order."""
        found, given = [], {}
        while (question := self.next_question(given)) is not None and question.id in answers:
            found.append(question)
            given[question.id] = answers[question.id]
        return found

    def results(self, answers: dict) -> list[Item]:
        return [item for item in self.items if holds(item.when, answers)]

    def paths(self) -> list[list[tuple[str, str]]]:
        """Every sequence of (question id, answer id) from the start, complete or not, in order."""
        found: list[list[tuple[str, str]]] = []

        def walk(steps: list[tuple[str, str]]) -> None:
            found.append(steps)
            question = self.next_question(dict(steps))
            if question is None:
                return
            for answer in question.answers:
                walk(steps + [(question.id, answer.id)])

        walk([])
        return found

    def addresses(self) -> list[str]:
        """The address of every step after the start (the static pages written after the build)."""
        return [step_url(steps) for steps in self.paths() if steps]

    def complete_paths(self) -> list[list[tuple[str, str]]]:
        return [steps for steps in self.paths() if self.next_question(dict(steps)) is None]


def step_url(steps: list[tuple[str, str]]) -> str:
    """The address of a step inside a language: 'veiviser/', 'veiviser/barn/ansatt/'."""
    return "/".join([PATH, *(answer for _, answer in steps)]) + "/"


def holds(when: list[dict], answers: dict) -> bool:
    if not when:
        return True
    return any(all(answers.get(q) in allowed for q, allowed in condition.items()) for condition in when)


def _conditions(value) -> list[dict]:
    if isinstance(value, dict):
        value = [value]
    found = []
    for condition in value if isinstance(value, list) else []:
        if isinstance(condition, dict):
            found.append(
                {
                    str(q): [str(a) for a in (allowed if isinstance(allowed, list) else [allowed])]
                    for q, allowed in condition.items()
                }
            )
    return found


def _texts(value) -> dict:
    return {str(k): str(v).strip() for k, v in value.items() if v not in (None, "")} if isinstance(value, dict) else {}


def _line(node, default: int = 1) -> int:
    return getattr(node, "line", default)


def parse(data, shown: str = GUIDE_FILE) -> Guide:
    data = data if isinstance(data, dict) else {}
    questions = []
    for entry in data.get("questions") or [] if isinstance(data.get("questions"), list) else []:
        if not isinstance(entry, dict):
            continue
        answers = [
            Answer(str(a.get("id") or ""), _texts(a.get("text")), _line(a))
            for a in (entry.get("answers") if isinstance(entry.get("answers"), list) else [])
            if isinstance(a, dict)
        ]
        questions.append(
            Question(
                str(entry.get("id") or ""),
                _texts(entry.get("text")),
                answers,
                _conditions(entry.get("when")),
                _line(entry),
                entry,
            )
        )
    items = []
    for entry in data.get("items") or [] if isinstance(data.get("items"), list) else []:
        if not isinstance(entry, dict):
            continue
        items.append(
            Item(
                str(entry.get("id") or ""),
                str(entry.get("section") or ""),
                str(entry.get("provision") or ""),
                str(entry.get("decides") or ""),
                {name: _texts(entry.get(name)) for name in TEXT_FIELDS},
                _conditions(entry.get("when")),
                _line(entry),
                entry,
            )
        )
    deciders = data.get("deciders") if isinstance(data.get("deciders"), dict) else {}
    statuses = data.get("translations") if isinstance(data.get("translations"), dict) else {}
    strings = data.get("strings") if isinstance(data.get("strings"), dict) else {}
    return Guide(
        shown,
        questions,
        items,
        {str(k): _texts(v) for k, v in deciders.items()},
        {str(k): str(v) for k, v in statuses.items()},
        {str(k): _texts(v) for k, v in strings.items()},
        data,
    )


def read_guide(cfg: SiteConfig) -> Guide | None:
    """The guide's data; None when the site has no data/veiviser.yml."""
    path = cfg.root / GUIDE_FILE
    if not path.exists():
        return None
    text, problems = read_utf8(path, GUIDE_FILE)
    data = None
    if text is not None:
        data, more = yamlfile.load(text, GUIDE_FILE)
        problems += more
    guide = parse(data, GUIDE_FILE)
    guide.read_problems = problems
    return guide
