"""The text of one GitHub issue per page that is due for review (in Norwegian,
for the editors), written by `python -m scripts reviews --write DIR` for the
scheduled workflow .github/workflows/review-dates.yml."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts.model.pages import SourcePage


def title(page: SourcePage) -> str:
    # The workflow finds an earlier issue for the same page by this exact title.
    return f"Gjennomgang: {page.shown}"


def body(page: SourcePage, due: dt.date, today: dt.date) -> str:
    days = (due - today).days
    when = (
        f"fristen gikk ut {due.isoformat()} ({-days} dager siden)"
        if days < 0
        else f"fristen er {due.isoformat()} (om {days} dager)"
    )
    return "\n".join(
        [
            f"Siden **{page.meta.get('title') or page.path}** (`{page.shown}`) skal gjennomgås: {when}.",
            "",
            f"Sist gjennomgått: {page.meta.get('last_reviewed') or 'ukjent'}.",
            "",
            "Slik gjør du det (se CONTRIBUTING.md, «Gjennomgang»):",
            "",
            "1. Sjekk hvert tall, hver paragraf og hvert telefonnummer mot kilden som er lenket på siden.",
            f"2. Oppdater loggen i `data/claims/` for siden, og `last_reviewed` og `next_review` i `{page.shown}`.",
            "3. Endrer du et tall eller et nummer, gjør samme endring i alle språk i samme pull request.",
            "",
            "Denne saken lages og oppdateres automatisk hver uke. Lukk den når gjennomgangen er slått sammen.",
            "",
        ]
    )


def write(folder: Path, due: list[tuple[SourcePage, dt.date]], today: dt.date) -> Path:
    """One body file per page and index.tsv (title, body file), in order of the due date."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for number, (page, date) in enumerate(due, start=1):
        path = folder / f"{number}.md"
        path.write_text(body(page, date, today), encoding="utf-8")
        lines.append(f"{title(page)}\t{path.name}\n")
    index = folder / "index.tsv"
    index.write_text("".join(lines), encoding="utf-8")
    return index
