"""Reading an editor's file as text, whatever it holds."""

from __future__ import annotations

from pathlib import Path

from scripts.model.problem import Problem


def read_utf8(path: Path, shown: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and a problem naming the line that is not UTF-8.

    Windows editors sometimes save as Latin-1 or UTF-16; the build must say
    so instead of stopping with a traceback."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [
            Problem(shown, 0, f"the file cannot be read ({exc.strerror}). Check that it exists and is a normal file.")
        ]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            Problem(
                shown,
                line,
                "the file is not saved as UTF-8 text (a character on this line cannot be read). "
                "Save it again as UTF-8: in the GitHub editor, retype the letters æ, ø, å "
                "or the special characters on this line.",
            )
        ]
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte order mark from Windows Notepad: harmless, dropped
    return text.replace("\r\n", "\n").replace("\r", "\n"), []
