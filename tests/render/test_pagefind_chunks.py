"""Pagefind's word index cut into small chunks (scripts/render/pagefind_chunks.py).

That a reader still finds pages, and in their own language, is tested in the
browser (tests/browser/test_search.py); here: the codec, the cutting, and that
the built site's index lists exactly the chunks it has, each small."""

from __future__ import annotations

import json
import shutil

import pytest

from scripts.render import pagefind_chunks as pc
from scripts.render.search_index import CHUNK_BYTES


@pytest.mark.parametrize(
    "value",
    [0, 23, 24, 255, 256, 65536, 2**32, -1, -25, -1000, "", "pleiepenger", "الرعاية", [], [[1, [-25, 3]], []], None],
)
def test_cbor_round_trip(value):
    assert pc.decode(pc.encode(value)) == value


def test_shortest_integer_forms_as_pagefind_writes_them():
    assert pc.encode(23) == b"\x17"
    assert pc.encode(24) == b"\x18\x18"
    assert pc.encode(-25) == b"\x38\x18"
    assert pc.encode(256) == b"\x19\x01\x00"


def _word(word: str, locations: int) -> list:
    return [word, [[0, list(range(locations)), []]], []]


def _entries(words: list) -> list[pc.Entry]:
    return [(word[0], pc.encode(word)) for word in words]


def test_split_keeps_words_whole_and_in_order():
    words = [_word(w, 40) for w in ("peach", "apple", "banana", "apricot", "cherry")]
    chunks = pc.split(_entries(words), max_bytes=100)
    assert [w[0] for chunk in chunks for w in chunk] == ["apple", "apricot", "banana", "cherry", "peach"]
    assert len(chunks) > 1
    assert all(sum(len(data) for _, data in chunk[:-1]) < 100 for chunk in chunks)


@pytest.mark.parametrize("count", [0, 1, 23, 24, 255, 256, 65536])
def test_a_chunk_joined_from_its_words_is_the_chunk_encoded_whole(count):
    words = [_word(f"w{i:06d}", i % 3) for i in range(count)]
    chunks = pc.split(_entries(words), max_bytes=10**9)
    joined = pc.encode_chunk(chunks[0]) if chunks else pc.array_header(1) + pc.array_header(0)
    assert joined == pc.encode([sorted(words, key=lambda w: w[0])])


def test_ranges_are_the_shortest_distinct_prefixes_as_in_pagefind():
    chunks = [[_word("apple", 1)], [_word("apricot", 1), _word("banana", 1)], [_word("peach", 1)]]
    assert pc.ranges(chunks) == [["apple", "app"], ["apr", "b"], ["p", "peach"]]


def _listed(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    out = {}
    for lang, info in entry["languages"].items():
        meta = pc.read(bundle / f"pagefind.{info['hash']}.pf_meta")
        out[lang] = meta[2]
    return out


def test_the_built_index_lists_its_small_chunks(built_site):
    bundle = built_site / "pagefind"
    listed = _listed(bundle)
    names = {f"{name}.pf_index" for chunks in listed.values() for _, _, name in chunks}
    on_disk = {p.name for p in (bundle / "index").iterdir()}
    assert names == on_disk, f"listed but missing: {names - on_disk}, not listed: {on_disk - names}"
    for lang, chunks in listed.items():
        for start, end, name in chunks:
            words = pc.read(bundle / "index" / f"{name}.pf_index")[0]
            # Each chunk's range names its first and last word, so a search asks for the right chunk.
            assert words[0][0].startswith(start) and words[-1][0].startswith(end), (name, start, end)
            # Small: one word alone may be larger (its positions on every page).
            if len(words) > 1:
                assert sum(len(pc.encode(w)) for w in words[:-1]) < CHUNK_BYTES, name
        ends = [end for _, end, _ in chunks[:-1]]
        starts = [start for start, _, _ in chunks[1:]]
        assert all(a < b for a, b in zip(ends, starts)), f"{lang}: chunk ranges overlap"


def test_an_unknown_pagefind_version_is_left_as_built(built_site, tmp_path):
    bundle = tmp_path / "pagefind"
    shutil.copytree(built_site / "pagefind", bundle)
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    entry["version"] = "9.0.0"
    entry_path.write_text(json.dumps(entry), encoding="utf-8")
    before = {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()}
    with pytest.raises(pc.FormatError, match="9.0.0"):
        pc.rechunk(bundle, 100)
    assert {p: p.read_bytes() for p in bundle.rglob("*") if p.is_file()} == before


def test_the_build_warns_and_keeps_a_working_index_if_the_layout_is_unknown(built_site, tmp_path, monkeypatch):
    """A Pagefind upgrade with another index layout: the strict build stops
    on the warning (file:line, what to do) instead of publishing a bigger search."""
    from scripts.render import search_index

    site = tmp_path / "site"
    shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
    monkeypatch.setattr(pc, "KNOWN_VERSIONS", ())
    result = search_index.build(site)
    assert result.ok and result.pages
    assert result.warning.startswith("scripts/render/pagefind_chunks.py:1: "), result.warning
    assert "KNOWN_VERSIONS" in result.warning
    listed = _listed(site / "pagefind")
    assert {f"{n}.pf_index" for chunks in listed.values() for _, _, n in chunks} == {
        p.name for p in (site / "pagefind" / "index").iterdir()
    }


@pytest.mark.parametrize(
    "data",
    [
        pc.encode({"a": 1}),  # not an array
        pc.encode([[_word("a", 1)], []]),  # two arrays, not [words]
        pc.encode([[_word("a", 1)]]) + b"\x01",  # something after the words
        pc.encode([["a"], [1]]),  # an entry that is not [word, ...]
    ],
)
def test_an_index_file_laid_out_otherwise_is_refused(tmp_path, data):
    path = tmp_path / "x.pf_index"
    pc.write_encoded(path, data)
    with pytest.raises(pc.FormatError):
        pc.read_index(path)


def test_an_index_files_words_keep_pagefinds_bytes(tmp_path):
    words = [_word("b", 30), _word("a", 2)]
    path = tmp_path / "x.pf_index"
    pc.write_encoded(path, pc.encode([words]))
    entries = pc.read_index(path)
    assert [w for w, _ in entries] == ["b", "a"]
    assert [data for _, data in entries] == [pc.encode(w) for w in words]
