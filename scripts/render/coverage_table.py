"""The translation coverage as Markdown tables, in Norwegian, for editors:
the CI job summary and `python -m scripts coverage --markdown`."""

from __future__ import annotations

from scripts.model.config import SiteConfig

LABELS_NB = {"translated": "oversatt", "outdated": "utdatert", "missing": "mangler", "orphan": "foreldreløs"}


def _label(data: dict, path: str) -> str:
    state = data["pages"][path]
    if state == "translated":
        return "oversatt, gjennomgått" if path in data.get("reviewed_pages", ()) else "oversatt, maskin"
    return LABELS_NB[state]


def review_first(report: dict, priority: list[str]) -> dict[str, list[str]]:
    """Per language, the pages of the priority list (translations/review-priority.yml) whose
    translation is not reviewed yet (machine or outdated), most important first."""
    return {
        locale: [
            path
            for path in priority
            if data["pages"].get(path) in ("translated", "outdated") and path not in data["reviewed_pages"]
        ]
        for locale, data in report["languages"].items()
    }


def markdown_table(cfg: SiteConfig, report: dict, heading_level: int = 2, priority: list[str] | None = None) -> str:
    h = "#" * heading_level
    names = {lang.locale: lang.name for lang in cfg.languages}
    locales = list(report["languages"])
    lines = [
        f"{h} Oppsummering {{#oppsummering}}",
        "",
        "| Språk | Oversatt | Maskinoversatt | Gjennomgått | Utdatert | Mangler | Foreldreløse | Dekning |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for locale in locales:
        d = report["languages"][locale]
        lines.append(
            f"| {names.get(locale, locale)} (`{locale}`) | {d['translated']} av {d['total']} "
            f"| {d['machine']} | {d['reviewed']} | {d['outdated']} | {d['missing']} | {d['orphan']} "
            f"| {d['percent']:.0f} % |"
        )
    if priority:
        lines += [
            "",
            f"{h} Gjennomgå først {{#gjennomga-forst}}",
            "",
            "Sidene med størst betydning for leserne (translations/review-priority.yml) som ennå ikke er "
            "kontrollert av en kvalifisert oversetter:",
            "",
        ]
        for locale, paths in review_first(report, priority).items():
            shown = ", ".join(f"`{p}`" for p in paths) if paths else "alle er gjennomgått"
            lines.append(f"- {names.get(locale, locale)} (`{locale}`): {shown}")
    lines += [
        "",
        f"{h} Side for side {{#side-for-side}}",
        "",
        "| Side | " + " | ".join(f"`{loc}`" for loc in locales) + " |",
        "|---|" + "---|" * len(locales),
    ]
    for key in report["pages"]:
        cells = [_label(report["languages"][loc], key) for loc in locales]
        lines.append(f"| `{key}` | " + " | ".join(cells) + " |")
    for locale in locales:
        for key in report["languages"][locale]["orphans"]:
            lines.append(
                f"| `{key}` ({locale}) | "
                + " | ".join(LABELS_NB["orphan"] if loc == locale else "–" for loc in locales)
                + " |"
            )
    return "\n".join(lines) + "\n"
