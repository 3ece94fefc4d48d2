"""One compile of each theme template per build process, shared by every language.

mkdocs-static-i18n builds each language as a nested build, and each build
makes a fresh Jinja environment that would compile the same ~45 theme
templates again (four languages: four compiles of each, a fifth of the whole
build's time). ``SharedBytecodeCache`` keeps the compiled code in memory for
the whole process, so the first language compiles a template and the others
reuse it:

* Jinja itself keys each entry by the template's name and file and checks a
  checksum of its source, so an edited template (``mkdocs serve``) is
  compiled again;
* the key also holds what of the environment decides the compiled code
  (delimiters, extensions, which filters and tests exist and what they are
  passed), so two differently configured environments never share code.

Every build is a new process, so the compiled code is also kept on disk
(``directory``: templates/ in the build cache, scripts/render/build_cache.py):
the next build loads it instead of compiling. Each file is named by the same
key plus Jinja's version; Jinja takes it only if its checksum matches the
template's source now, and a file that cannot be read is compiled again.

Rendering is unchanged: the same code object would have been compiled from
the same source. tests/render/test_reproducible.py builds the site with and
without the cache and compares every file.
"""

from __future__ import annotations

import collections
import pickle
from pathlib import Path

import jinja2
from jinja2.utils import _PassArg

from scripts.render import build_cache

# (environment signature, Jinja's bucket key) -> (source checksum, code)
_STORE: dict[tuple, tuple[str, object]] = {}
# template name -> how many times it was compiled in this process
compiles: collections.Counter[str] = collections.Counter()


def _name(value) -> object:
    """A callable as its qualified name (a fresh function object per build must not miss)."""
    if callable(value):
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return value


def signature(env: jinja2.Environment) -> tuple:
    """What of `env` changes the code Jinja compiles a template to."""
    return (
        _name(type(env)),
        _name(env.code_generator_class),
        env.sandboxed,
        tuple(sorted(getattr(env, "intercepted_binops", ()))),  # sandboxed environments only
        tuple(sorted(getattr(env, "intercepted_unops", ()))),
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
        _name(env.autoescape),
        _name(env.finalize),
        tuple(sorted(env.extensions)),
        getattr(env, "newstyle_gettext", None),  # the i18n extension compiles {% trans %} by it
        tuple(sorted((name, _PassArg.from_obj(f)) for name, f in env.filters.items())),
        tuple(sorted((name, _PassArg.from_obj(f)) for name, f in env.tests.items())),
    )


class SharedBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the whole process, and on disk
    in `directory` (if given) for the next build (see the module's text)."""

    def __init__(self, directory: Path | None = None):
        self.directory = directory

    def get_bucket(self, environment, name, filename, source):
        bucket = super().get_bucket(environment, name, filename, source)
        bucket.template_name = name  # for `compiles`
        return bucket

    def _file(self, key: tuple) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / f"{build_cache.name(repr((jinja2.__version__, key)))}.jinja"

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        key = (signature(bucket.environment), bucket.key)
        entry = _STORE.get(key)
        if entry is not None and entry[0] == bucket.checksum:
            bucket.code = entry[1]
            return
        path = self._file(key)
        if path is None or not path.is_file():
            return
        try:
            with open(path, "rb") as f:
                bucket.load_bytecode(f)  # Jinja leaves bucket.code None unless version and checksum match
        except (OSError, EOFError, ValueError, TypeError, pickle.UnpicklingError):
            bucket.reset()  # unreadable: compiled again, and the file written anew
            return
        if bucket.code is not None:
            _STORE[key] = (bucket.checksum, bucket.code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        # Jinja calls this only after it compiled a template the cache did not have.
        key = (signature(bucket.environment), bucket.key)
        _STORE[key] = (bucket.checksum, bucket.code)
        compiles[getattr(bucket, "template_name", bucket.key)] += 1
        path = self._file(key)
        if path is not None:
            build_cache.keep(path, bucket.bytecode_to_string())

    def clear(self) -> None:
        _STORE.clear()
        compiles.clear()
