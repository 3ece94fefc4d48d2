"""Split Pagefind's word index into small chunks, so one search downloads little.

Pagefind 1.5 cuts each language's word index into chunks of at least 20,000
word positions (a constant in its source, not an option): on this site that
is 30-50 KB per chunk, which a reader downloads to search one word, on top of
Pagefind's script and WebAssembly (about 85 KB). This rewrites the chunks of
each language into pieces of about `max_bytes` (before gzip) and the
language's `pf_meta` file that lists them, the way Pagefind itself names and
lists them: words in sorted order, each chunk named `<lang>_<hash>`, its range
`from`/`to` shortened to the shortest distinct prefixes.

The files are gzip-compressed CBOR after a `pagefind_dcd` signature, read and
written with cbor2. The new chunks are made of the word entries' bytes as
Pagefind wrote them (only the arrays' heads are new); the `pf_meta` file is
decoded and encoded again, and if that does not give back the same bytes, or
a file is not laid out as expected (a Pagefind version with another format),
nothing is changed: the search then works as Pagefind built it.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
# Pagefind versions whose index layout this was written for (pf_meta is
# [version, pages, index_chunks, ...], a chunk [[word, pages, ...], ...]).
KNOWN_VERSIONS = ("1.5.2",)


class FormatError(ValueError):
    """The file is not the CBOR layout this module knows."""


def encode(value) -> bytes:
    """Shortest-form CBOR (cbor2's default), as Pagefind's encoder (minicbor) writes it."""
    return cbor2.dumps(value)


def decode(data: bytes):
    try:
        return cbor2.loads(data)
    except (cbor2.CBORDecodeError, ValueError) as error:
        raise FormatError(f"not CBOR: {error}") from error


def _cbor(path: Path) -> bytes:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(SIGNATURE):
        raise FormatError(f"{path.name}: no {SIGNATURE.decode()} signature")
    return raw[len(SIGNATURE) :]


def read(path: Path):
    """The value in a Pagefind file; FormatError unless it encodes back to the same bytes."""
    data = _cbor(path)
    value = decode(data)
    if encode(value) != data:
        raise FormatError(f"{path.name}: does not encode back to the same bytes")
    return value


Entry = tuple[str, bytes]  # a word of the index, and its entry's CBOR encoding


def _array_head(data: bytes, pos: int) -> tuple[int, int]:
    """(length, where the items start) of the CBOR array whose head is at `pos`."""
    if pos >= len(data) or data[pos] >> 5 != 4:
        raise FormatError("not a CBOR array")
    info = data[pos] & 31
    if info < 24:
        return info, pos + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}.get(info)
    if size is None:
        raise FormatError("a CBOR array of unknown length")
    return int.from_bytes(data[pos + 1 : pos + 1 + size], "big"), pos + 1 + size


def read_index(path: Path) -> list[Entry]:
    """The words of an index file ([[word, ...]]), each with its entry's bytes
    exactly as Pagefind wrote them: the chunks written are made of those bytes,
    so no word is ever encoded again."""
    data = _cbor(path)
    try:
        outer, pos = _array_head(data, 0)
        count, pos = _array_head(data, pos)
    except FormatError as error:
        raise FormatError(f"{path.name}: {error}") from error
    if outer != 1:
        raise FormatError(f"{path.name}: not [words]")
    stream = io.BytesIO(data)
    stream.seek(pos)
    decoder = cbor2.CBORDecoder(stream)
    found = []
    for _ in range(count):
        start = stream.tell()
        try:
            word = decoder.decode()
        except (cbor2.CBORDecodeError, ValueError) as error:
            raise FormatError(f"{path.name}: not CBOR: {error}") from error
        if not (isinstance(word, list) and word and isinstance(word[0], str)):
            raise FormatError(f"{path.name}: a word entry is not [word, ...]")
        found.append((word[0], data[start : stream.tell()]))
    if stream.tell() != len(data):
        raise FormatError(f"{path.name}: more than [words]")
    return found


def write_encoded(path: Path, data: bytes) -> None:
    """Write CBOR that is already encoded."""
    # mtime=0: the same index gives the same bytes (tests/render/test_reproducible.py).
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=9, mtime=0))


def array_header(length: int) -> bytes:
    """The CBOR head of an array of `length` items (RFC 8949, major type 4, shortest form):
    an array's encoding is its head followed by its items' encodings."""
    if length < 24:
        return bytes([0x80 | length])
    for marker, size in ((0x98, 1), (0x99, 2), (0x9A, 4), (0x9B, 8)):
        if length < 1 << (8 * size):
            return bytes([marker]) + length.to_bytes(size, "big")
    raise ValueError(f"an array of {length} items")


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Shortest prefixes that still tell the end of one chunk from the start of the next (as Pagefind)."""
    common = 0
    for x, y in zip(a, b):
        if x != y:
            break
        common += 1
    return a[: common + 1], b[: common + 1]


def split(entries: list[Entry], max_bytes: int) -> list[list[Entry]]:
    """Word entries sorted and cut into runs of about `max_bytes` of CBOR each
    (a word is never split); a chunk is encoded by joining its entries."""
    chunks: list[list[Entry]] = []
    current: list[Entry] = []
    size = 0
    for entry in sorted(entries, key=lambda e: e[0]):
        current.append(entry)
        size += len(entry[1])
        if size >= max_bytes:
            chunks.append(current)
            current, size = [], 0
    if current:
        chunks.append(current)
    return chunks


def encode_chunk(chunk: list[Entry]) -> bytes:
    """The CBOR of an index file, [[word, ...]], from its entries' encodings."""
    return array_header(1) + array_header(len(chunk)) + b"".join(data for _, data in chunk)


def ranges(chunks: list[list]) -> list[list[str]]:
    """[from, to] of each chunk, shortened between neighbours as Pagefind does."""
    spans = [[chunk[0][0], chunk[-1][0]] for chunk in chunks]
    for left, right in zip(spans, spans[1:]):
        left[1], right[0] = _prefixes(left[1], right[0])
    return spans


def rechunk(bundle: Path, max_bytes: int) -> dict[str, int]:
    """Rewrite every language's index chunks in `bundle` (site/pagefind); {lang: chunks written}.

    Raises FormatError, before writing anything, if a file is not as expected."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    if entry.get("version") not in KNOWN_VERSIONS:
        raise FormatError(f"Pagefind {entry.get('version')}: index layout not known (known: {KNOWN_VERSIONS})")
    plans = {}
    for lang, info in entry["languages"].items():
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = read(meta_path)
        if not (isinstance(meta, list) and len(meta) > 2 and isinstance(meta[2], list)):
            raise FormatError(f"{meta_path.name}: no list of index chunks")
        words = []
        for chunk in meta[2]:
            if not (isinstance(chunk, list) and len(chunk) == 3 and all(isinstance(s, str) for s in chunk)):
                raise FormatError(f"{meta_path.name}: an index chunk is not [from, to, hash]")
            words += read_index(bundle / "index" / f"{chunk[2]}.pf_index")
        plans[lang] = (meta_path, meta, words)
    written = {}
    for lang, (meta_path, meta, words) in plans.items():
        for old in meta[2]:
            (bundle / "index" / f"{old[2]}.pf_index").unlink()
        chunks = split(words, max_bytes)
        listed = []
        for chunk, (start, end) in zip(chunks, ranges(chunks)):
            data = encode_chunk(chunk)
            digest = _hash(data)
            length = 7
            while any(f"{lang}_{digest[:length]}" == n for _, _, n in listed):
                length += 1  # two chunks whose short hashes collide
            name = f"{lang}_{digest[:length]}"
            write_encoded(bundle / "index" / f"{name}.pf_index", data)
            listed.append([start, end, name])
        meta[2] = listed
        data = encode(meta)
        new_hash = f"{lang}_{_hash(data)[:10]}"
        meta_path.unlink()
        write_encoded(bundle / f"pagefind.{new_hash}.pf_meta", data)
        entry["languages"][lang]["hash"] = new_hash
        written[lang] = len(listed)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return written
