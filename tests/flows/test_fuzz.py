"""Hostile and random files through every reader and import: never a crash.

Hypothesis feeds each reader random bytes and real files from other tools
with bytes flipped, cut, inserted, deleted and repeated: 12,500 cases with a
fixed seed. A reader either returns its units or raises ``FormatError``, whose
message names the line or the problem; anything else is a crash. Through the
database paths (a document, a TMX into the memory, a glossary file) a
refused file leaves every table as it was: nothing half-written.
"""

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from documents.models import Document, Segment
from exchange.importing import ImportRefused, import_document
from formats import FormatError
from formats.bilingual import po, tmx, xliff
from formats.documents import read_document
from formats.glossary import csv, tbx
from glossary.importing import import_concepts, read_file
from glossary.models import Concept, Term
from memory.models import MemoryEntry
from memory.tmx import import_tmx
from tests.formats.documents.samples import SEED_000, SEED_003, make_docx
from tests.support import DATA
from translations.models import Translation

FUZZ = settings(
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _samples(folder: str, *patterns: str) -> list[bytes]:
    found = []
    for pattern in patterns:
        found += [path.read_bytes() for path in sorted((DATA / folder).glob(pattern))]
    assert found, folder
    return found


@st.composite
def mutated(draw, samples: list[bytes]) -> bytes:
    """A real file with a few bytes flipped, cut, inserted, dropped or repeated."""
    data = bytearray(draw(st.sampled_from(samples)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert", "drop", "repeat"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [b"\x00", b"<!ENTITY x 'y'>", b"&x;", b"\xff\xfe", b'"', b"\n\n",
                     b"<", b"]]>", b"msgid ", b"\xe5\x89\x8d", b"=cmd|' /C calc'!A0"]
                )
            )  # fmt: skip
        elif kind == "drop":
            del data[at : at + draw(st.integers(1, 64))]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 256))] * 3
    return bytes(data)


def files(samples: list[bytes]):
    return st.one_of(st.binary(max_size=4096), mutated(samples))


DOCUMENTS = [
    SEED_000.read_bytes(),
    SEED_003.read_bytes(),
    b"# Title\n\nSome *markdown* text.\n\n- an item\n",
    b"<html><head><title>T</title></head><body><h1>H</h1><p>Text.</p></body></html>",
]
DOCX = [make_docx()]
PO = _samples("po", "*.po")
XLIFF = _samples("xliff", "*.xlf", "*.xliff2")
TMX = _samples("tmx", "*.tmx")
CSV = _samples("glossary", "*.csv")
TBX = _samples("glossary", "*.tbx")


def _refused_or_read(read, data: bytes) -> None:
    try:
        read(data)
    except FormatError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message


@settings(FUZZ, max_examples=2000)
@given(data=files(DOCUMENTS), name=st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_text_documents(data, name):
    _refused_or_read(lambda d: read_document(d, name, max_bytes=1 << 20), data)


@settings(FUZZ, max_examples=1000)
@given(data=files(DOCX))
def test_word_documents(data):
    _refused_or_read(
        lambda d: read_document(d, "a.docx", max_unpacked_bytes=50 << 20), data
    )


@settings(FUZZ, max_examples=2000)
@given(data=files(PO))
def test_po(data):
    _refused_or_read(lambda d: po.parse(d, max_bytes=1 << 20), data)


@settings(FUZZ, max_examples=2000)
@given(data=files(XLIFF))
def test_xliff(data):
    _refused_or_read(xliff.parse, data)


@settings(FUZZ, max_examples=2000)
@given(data=files(TMX))
def test_tmx(data):
    _refused_or_read(tmx.parse, data)


@settings(FUZZ, max_examples=2000)
@given(data=files(CSV))
def test_glossary_csv(data):
    _refused_or_read(
        lambda d: csv.parse(d, max_rows=10_000, max_cell_chars=10_000), data
    )


@settings(FUZZ, max_examples=1500)
@given(data=files(TBX))
def test_glossary_tbx(data):
    _refused_or_read(tbx.parse, data)


def _tables() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (Document, Segment, Translation, MemoryEntry, Concept, Term)
    )


@pytest.mark.django_db
@settings(FUZZ, max_examples=150)
@given(data=files(DOCUMENTS + DOCX), name=st.sampled_from(["a.txt", "a.docx"]))
def test_a_refused_document_writes_nothing(data, name):
    before = _tables()
    try:
        import_document(data=data, filename=name, source_language="en")
    except ImportRefused as refused:
        assert "\n" not in str(refused)
        assert _tables() == before


@pytest.mark.django_db
@settings(FUZZ, max_examples=150)
@given(data=files(TMX))
def test_a_refused_memory_file_writes_nothing(data):
    before = _tables()
    try:
        import_tmx(io.BytesIO(data), origin="fuzz.tmx")
    except FormatError:
        assert _tables() == before


@pytest.mark.django_db
@settings(FUZZ, max_examples=150)
@given(data=files(CSV + TBX), name=st.sampled_from(["g.csv", "g.tbx"]))
def test_a_refused_glossary_file_writes_nothing(data, name):
    before = _tables()
    try:
        import_concepts(read_file(data, name))
    except FormatError:
        assert _tables() == before
