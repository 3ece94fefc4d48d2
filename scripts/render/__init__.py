"""Renderers: they write what readers and editors see, from the model. Nothing else.

Each takes records from scripts/model (and, where a check decides what may be
shown, the check's verdict handed over by the hooks) and returns HTML,
Markdown or files. None of them judges input or reads a file the model has
already read.
"""
