"""The directory of offers: data/offers.yml, places.yml and offers-strings.yml.

Reports problems with file, line and offer id: the schema, known kinds,
audiences, places and languages, phone numbers (the phonenumbers library),
https addresses, descriptions in every language, and how long ago each offer
was verified (older than WARN_MONTHS: a warning; older than ERROR_MONTHS: the
offer is marked as not recently checked for readers, still a warning, so an
old date never stops publishing). `failing(model)` names the offers the
directory must leave out.
"""

from __future__ import annotations

import datetime as dt
import re

from scripts.checks.content import is_https_url
from scripts.model.dates import add_months
from scripts.model.offers import OFFERS_FILE, PLACES_FILE, STRINGS_FILE, Offer, OffersData, Places, parse_phone
from scripts.model.problem import Problem
from scripts.model.site import SiteModel
from scripts.model.yamlfile import InvalidDate, LineMap

NAME = "offers"
# How old a verification may get before the editors are told (warning), and
# before readers see that the offer has not been checked recently.
WARN_MONTHS = 12
ERROR_MONTHS = 18

REQUIRED = (
    "id",
    "name",
    "organisation",
    "kind",
    "audience",
    "area",
    "languages",
    "free",
    "referral",
    "description",
    "sources",
    "verified",
)
OPTIONAL = ("contact", "interpreter", "description_status", "review_notes")
CONTACT_FIELDS = ("phone", "web", "email", "address")
STATUSES = ("machine", "reviewed")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
PLACEHOLDER_RE = re.compile(r"\{[a-z_]+\}")


def _check_places(data: OffersData, problems: list[Problem]) -> None:
    file = data.places_file
    if file.data is None:
        return
    counties = file.data.get("counties") if isinstance(file.data, dict) else None
    if not isinstance(counties, dict):
        problems.append(
            Problem(
                PLACES_FILE,
                1,
                "the file must start with 'counties:' followed by one line per county (see data/README.md).",
            )
        )
        return
    seen: dict[str, str] = {}
    for county, municipalities in counties.items():
        line = counties.line_of(county)
        if municipalities is None:
            continue
        if not isinstance(municipalities, list):
            problems.append(
                Problem(
                    PLACES_FILE,
                    line,
                    f"the municipalities of {county} must be a list ('- Name' lines, or [] for none).",
                )
            )
            continue
        for municipality in municipalities:
            name = str(municipality)
            if name in seen:
                problems.append(
                    Problem(
                        PLACES_FILE,
                        line,
                        f"the municipality '{name}' is listed under both {seen[name]} and {county}. "
                        "If two municipalities share a name, write the county in brackets, e.g. 'Herøy (Nordland)'.",
                    )
                )
                continue
            seen[name] = str(county)


def _check_strings(model: SiteModel, data: OffersData, problems: list[Problem]) -> None:
    cfg = model.cfg
    strings = data.strings_file.data
    if not isinstance(strings, dict):
        if strings is not None:
            problems.append(Problem(STRINGS_FILE, 1, "the file must have one block per language code (nb:, en:, ...)."))
        return
    default = cfg.default_locale
    reference = strings.get(default)
    if not isinstance(reference, dict):
        problems.append(
            Problem(
                STRINGS_FILE,
                1,
                f"there is no '{default}' block. It is the source every other language is compared with.",
            )
        )
        return
    names = {lang.locale: lang.name for lang in cfg.languages}
    for locale, name in names.items():
        block = strings.get(locale)
        if not isinstance(block, dict):
            problems.append(
                Problem(
                    STRINGS_FILE,
                    1,
                    f"there is no block for '{locale}' ({name}), a language in mkdocs.yml. "
                    f"Copy the '{default}' block, rename it '{locale}:' and translate every line.",
                )
            )
            continue
        _compare_strings(reference, block, strings.line_of(locale), locale, name, "", problems)
    for locale in strings:
        if locale not in names:
            problems.append(
                Problem(
                    STRINGS_FILE,
                    strings.line_of(locale),
                    f"the block '{locale}' is not a language in mkdocs.yml, so it is never shown.",
                    severity="warning",
                )
            )


def _compare_strings(
    reference: dict, block: LineMap, header: int, locale: str, name: str, prefix: str, problems: list[Problem]
) -> None:
    """Report keys of the reference block missing from a language's block, at
    the line of the block's name ('so:' or '  kinds:'), where they belong."""
    for key, source in reference.items():
        label = f"{prefix}{key}"
        value = block.get(key)
        if isinstance(source, dict):
            if not isinstance(value, dict):
                problems.append(
                    Problem(
                        STRINGS_FILE,
                        block.line_of(key) if key in block else header,
                        f"the '{locale}' block ({name}) has no '{label}' list. Copy it from the 'nb' "
                        "block and translate it.",
                    )
                )
                continue
            _compare_strings(source, value, block.line_of(key), locale, name, f"{label}.", problems)
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(
                Problem(
                    STRINGS_FILE,
                    block.line_of(key) if key in block else header,
                    f"the '{locale}' block ({name}) has no text for '{label}'. Add it, translated into {name}.",
                )
            )
            continue
        wanted = set(PLACEHOLDER_RE.findall(str(source)))
        if wanted != set(PLACEHOLDER_RE.findall(value)):
            problems.append(
                Problem(
                    STRINGS_FILE,
                    block.line_of(key),
                    f"the '{locale}' text for '{label}' must contain "
                    f"{' and '.join(sorted(wanted)) or 'no {...} placeholders'} "
                    "exactly as in the 'nb' block; the site fills them in.",
                )
            )


def _url_problem(url) -> str | None:
    text = str(url).strip()
    if not text.lower().startswith("https://"):
        return (
            f"the web address '{text}' must start with https:// . Open the page in a browser "
            "and copy the https address."
        )
    if not is_https_url(text):
        return f"'{text}' is not a complete web address. Copy it from the browser's address bar."
    return None


def _check_offer(offer: Offer, ids: dict, data: OffersData, model: SiteModel, problems: list[Problem]) -> bool:
    """Report the offer's problems; True when it may be shown."""
    entry, number, today = offer.raw, offer.number, model.today
    ok = True
    if not isinstance(entry, LineMap) or not entry:
        problems.append(
            Problem(
                OFFERS_FILE,
                0,
                f"offer number {number} is not a block of 'field: value' lines. Start it with '- id: ...'.",
            )
        )
        return False
    offer_id = entry.get("id")
    label = f"offer '{offer_id}'" if isinstance(offer_id, str) and offer_id else f"offer number {number}"

    def fail(key: str | None, message: str, severity: str = "error") -> None:
        nonlocal ok
        if severity == "error":
            ok = False
        line = entry.line_of(key) if key else entry.line
        problems.append(Problem(OFFERS_FILE, line, f"{label}: {message}", severity=severity))

    words = data.strings.get(data.default_locale) or {}
    words = words if isinstance(words, dict) else {}
    kinds = words.get("kinds") or {}
    audiences = words.get("audiences") or {}
    language_names = words.get("language_names") or {}

    for key in REQUIRED:
        if entry.get(key) in (None, "", [], {}):
            fail(None, f"'{key}' is missing. Add it (data/README.md says what it means).")
    for key in entry:
        if key not in REQUIRED and key not in OPTIONAL:
            fail(key, f"unknown field '{key}'. Check the spelling; the fields are: {', '.join(REQUIRED + OPTIONAL)}.")

    if offer_id not in (None, ""):
        if not isinstance(offer_id, str) or not ID_RE.match(offer_id):
            fail(
                "id",
                f"the id '{offer_id}' may only use small letters a-z, digits and hyphens, e.g. 'klover-kafe-time'.",
            )
        elif offer_id in ids:
            fail("id", f"the id is already used by the offer on line {ids[offer_id]}. Give each offer its own id.")
        else:
            ids[offer_id] = entry.line_of("id")

    for key in ("name", "organisation"):
        if entry.get(key) not in (None, "") and not isinstance(entry.get(key), str):
            fail(key, f"'{key}' must be plain text.")

    kind = entry.get("kind")
    if kind not in (None, "") and kind not in kinds:
        fail("kind", f"unknown kind '{kind}'. Use one of: {', '.join(kinds)}.")

    audience = entry.get("audience")
    if audience not in (None, "", []):
        if not isinstance(audience, list):
            fail("audience", "'audience' must be a list in square brackets, e.g. [dementia, older_people].")
        else:
            for item in audience:
                if item not in audiences:
                    fail("audience", f"unknown audience '{item}'. Use one or more of: {', '.join(audiences)}.")

    _check_area(entry, data.places, fail)

    contact = entry.get("contact")
    if contact is not None:
        if not isinstance(contact, LineMap):
            fail("contact", "'contact' must be a block with phone:, web:, email: or address: lines.")
        else:
            for key in contact:
                if key not in CONTACT_FIELDS:
                    problems.append(
                        Problem(
                            OFFERS_FILE,
                            contact.line_of(key),
                            f"{label}: unknown contact field '{key}'. Use phone, web, email or address.",
                        )
                    )
                    ok = False
            if contact.get("phone") not in (None, "") and parse_phone(contact["phone"]) is None:
                problems.append(
                    Problem(
                        OFFERS_FILE,
                        contact.line_of("phone"),
                        f"{label}: '{contact['phone']}' is not a valid Norwegian phone number. "
                        "Check the digits against the source page (8 digits, e.g. 22 46 19 22, or "
                        "a short number like 116 123).",
                    )
                )
                ok = False
            if contact.get("web") not in (None, ""):
                message = _url_problem(contact["web"])
                if message:
                    problems.append(Problem(OFFERS_FILE, contact.line_of("web"), f"{label}: {message}"))
                    ok = False
            if contact.get("email") not in (None, "") and not EMAIL_RE.match(str(contact["email"]).strip()):
                problems.append(
                    Problem(
                        OFFERS_FILE,
                        contact.line_of("email"),
                        f"{label}: '{contact['email']}' is not an e-mail address.",
                    )
                )
                ok = False

    languages = entry.get("languages")
    if languages not in (None, "", []):
        if not isinstance(languages, list):
            fail("languages", "'languages' must be a list in square brackets, e.g. [nb, en].")
        else:
            for item in languages:
                if item not in language_names:
                    fail(
                        "languages",
                        f"unknown language code '{item}'. Use one of: {', '.join(language_names)} "
                        f"(add a new one under language_names in {STRINGS_FILE}, in every language).",
                    )
    if "interpreter" in entry and not isinstance(entry["interpreter"], bool):
        fail("interpreter", "'interpreter' must be true or false.")

    for key in ("free", "referral"):
        if key in entry and entry[key] not in (True, False, "unknown"):
            fail(key, f"'{key}' must be true, false or unknown (write unknown when the source does not say).")

    _check_description(entry, model, fail)

    sources = entry.get("sources")
    if sources not in (None, "", []):
        if not isinstance(sources, list):
            fail("sources", "'sources' must be a list of '- title: ...' and 'url: ...' pairs.")
        else:
            for source in sources:
                line_owner = source if isinstance(source, LineMap) else entry
                if not isinstance(source, LineMap) or not source.get("title") or not source.get("url"):
                    problems.append(
                        Problem(OFFERS_FILE, line_owner.line, f"{label}: each source needs a 'title' and a 'url'.")
                    )
                    ok = False
                    continue
                message = _url_problem(source["url"])
                if message:
                    problems.append(Problem(OFFERS_FILE, source.line_of("url"), f"{label}: {message}"))
                    ok = False

    _check_verified(entry, today, fail)

    notes = entry.get("review_notes")
    if notes is not None and not (isinstance(notes, list) and all(isinstance(n, str) for n in notes)):
        fail("review_notes", "'review_notes' must be a list of '- \"note\"' lines.")
    if offer.phone is None and not (isinstance(contact, dict) and contact.get("web")):
        fail(
            "contact" if "contact" in entry else None,
            "there is no way to reach this offer. Add 'phone:' (confirmed on the source "
            "page) or 'web:' (the offer's own page) under 'contact:'.",
        )
    return ok


def _check_area(entry: LineMap, places: Places, fail) -> None:
    area = entry.get("area")
    if area in (None, "", "national"):
        return
    if (
        not isinstance(area, LineMap)
        or not (area.get("counties") or area.get("municipalities"))
        or set(area) - {"counties", "municipalities"}
    ):
        fail("area", "'area' must be 'national', or a block with 'counties: [...]' and/or 'municipalities: [...]'.")
        return
    for key in ("counties", "municipalities"):
        if area.get(key) is not None and not isinstance(area.get(key), list):
            fail("area", f"'{key}' must be a list in square brackets, e.g. [Time].")
            return
    counties = [str(c) for c in area.get("counties") or []]
    for county in counties:
        if county not in places.counties:
            fail(
                "area", f"unknown county '{county}'. Use the name exactly as in {PLACES_FILE} (the counties from 2024)."
            )
    for municipality in area.get("municipalities") or []:
        county = places.county_of.get(str(municipality))
        if county is None:
            fail(
                "area",
                f"unknown municipality '{municipality}'. Check the spelling against {PLACES_FILE}, "
                "or add the municipality there under its county.",
            )
        elif county in counties:
            fail(
                "area",
                f"{municipality} is in {county}, which is already listed under counties. Remove one of them.",
                "warning",
            )


def _check_description(entry: LineMap, model: SiteModel, fail) -> None:
    cfg = model.cfg
    description = entry.get("description")
    if description in (None, ""):
        return
    if not isinstance(description, LineMap):
        fail("description", "'description' must be a block with one line per language (nb:, en:, ar:, so:).")
        return
    locales = {lang.locale: lang.name for lang in cfg.languages}
    default = cfg.default_locale
    for key in description:
        if key not in locales:
            fail(
                "description",
                f"there is a description in '{key}', which is not a language in mkdocs.yml. Use: {', '.join(locales)}.",
            )
    if not str(description.get(default) or "").strip():
        fail(
            "description",
            f"the Norwegian description ('{default}:') is missing. Write one to three short, plain sentences.",
        )
    translated = False
    for locale, name in locales.items():
        if locale == default:
            continue
        if str(description.get(locale) or "").strip():
            translated = True
        else:
            fail(
                "description",
                f"there is no description in {name} ('{locale}:'). The page shows the Norwegian text with a notice "
                "until you add a translation.",
                "warning",
            )
    status = entry.get("description_status")
    if translated and status not in STATUSES:
        fail(
            "description_status" if "description_status" in entry else "description",
            "'description_status' must be 'machine' (translated by a machine, the page says so) or 'reviewed' "
            "(read and approved by a qualified translator).",
        )


def _check_verified(entry: LineMap, today: dt.date, fail) -> None:
    value = entry.get("verified")
    if value in (None, ""):
        return
    if isinstance(value, InvalidDate):
        fail(
            "verified",
            f"'verified: {value}' is not a real date. Write the day you checked the source "
            "page as YYYY-MM-DD, e.g. 2026-11-22.",
        )
        return
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        fail("verified", f"'verified: {value}' must be a date written as YYYY-MM-DD, e.g. 2026-11-22, without quotes.")
        return
    if value > today:
        fail("verified", f"the date {value.isoformat()} is in the future. Write the day you checked the source page.")
    elif today > add_months(value, ERROR_MONTHS):
        fail(
            "verified",
            f"last verified {value.isoformat()}, more than {ERROR_MONTHS} months ago; "
            "readers see that it has not been checked recently. "
            "Check the offer against its source page now and update 'verified', or remove the offer.",
            "warning",
        )
    elif today > add_months(value, WARN_MONTHS):
        fail(
            "verified",
            f"last verified {value.isoformat()}, more than {WARN_MONTHS} months ago. Check the offer against its "
            "source page and update 'verified'.",
            "warning",
        )


def stale(offer: Offer, today: dt.date) -> bool:
    """Verified longer ago than ERROR_MONTHS: readers are told it was not checked recently."""
    value = offer.raw.get("verified") if isinstance(offer.raw, dict) else None
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime) and today > add_months(value, ERROR_MONTHS)


def _judge(model: SiteModel) -> tuple[list[Problem], set[str]]:
    if NAME not in model.memo:
        model.memo[NAME] = _judge_once(model)
    return model.memo[NAME]


def _judge_once(model: SiteModel) -> tuple[list[Problem], set[str]]:
    data = model.offers
    if data is None:
        return [], set()
    problems: list[Problem] = []
    for file in (data.places_file, data.strings_file, data.offers_file):
        problems += file.read_problems
    _check_places(data, problems)
    _check_strings(model, data, problems)
    if data.offers_file.data is not None:
        entries = data.offers_file.data.get("offers") if isinstance(data.offers_file.data, dict) else None
        if not isinstance(entries, list):
            problems.append(
                Problem(
                    OFFERS_FILE,
                    1,
                    "the file must start with 'offers:' followed by the offers, each starting with '- id: ...'.",
                )
            )
    failing: set[str] = set()
    ids: dict[str, int] = {}
    for offer in data.offers:
        if not _check_offer(offer, ids, data, model, problems):
            failing.add(offer.id)
    for problem in problems:
        problem.check = NAME
    return problems, failing


def check(model: SiteModel) -> list[Problem]:
    return _judge(model)[0]


def shown_offers(model: SiteModel) -> list[Offer]:
    """The offers the directory shows: those without errors."""
    if model.offers is None:
        return []
    failing = _judge(model)[1]
    return [offer for offer in model.offers.offers if offer.id not in failing and offer.raw]
