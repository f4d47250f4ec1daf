"""A published English release and its Chinese version, aligned into the
memory.

``read_release`` reads a file of any kind ``import_document`` reads and
segments it the same way (or takes it as one sentence per line), with its
title and the paragraph of each sentence;
``align_texts`` aligns two sentence lists with the approved glossary as
anchors; ``commit_alignment`` puts every two-sided bead into the memory as
one pair (the English sentences joined with a space, the Chinese ones
joined), with origin "aligned" and the documents' title, approved: these
are translations already published. One-sided beads and closing lines are
counted, never stored.
"""

import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.utils.translation import gettext as _

from alignment.anchors import closing_kind
from alignment.engine import Bead, align
from core.inline import plain
from core.statuses import Status
from exchange.importing import read_source, sentences_of
from formats.textdecoding import decode_text
from glossary.matching import current_matcher
from memory.lookup import exact_targets
from memory.models import MemorySource
from memory.store import Pair, store


@dataclass(frozen=True)
class Release:
    """One version of a release: its title (as a document import takes it;
    empty for lines), its sentences and the paragraph of each (``None`` for
    lines: no paragraphs are marked)."""

    title: str
    sentences: list[str]
    paragraphs: list[int] | None


def read_release(
    data: bytes, filename: str, language: str, *, lines: bool = False
) -> Release:
    """A file's sentences (``lines``: each non-empty line is one), with its
    title and paragraphs.

    Raises ``ImportRefused`` (a document that cannot be read) or
    ``FormatError`` (a text file of lines that cannot be decoded).
    """
    if lines:
        text = decode_text(data)
        found = [line.strip() for line in text.splitlines() if line.strip()]
        return Release("", found, None)
    parsed = read_source(data, filename, None)
    sentences = sentences_of(parsed, language, filename)
    return Release(
        parsed.title,
        [plain(sentence.source) for sentence in sentences],
        [sentence.paragraph for sentence in sentences],
    )


def align_texts(
    english: Sequence[str],
    chinese: Sequence[str],
    *,
    chinese_language: str = "zh-Hant",
    glossary: bool = True,
    memory: bool = True,
    paragraphs: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[Bead]:
    """Align with the approved glossary's concepts as anchors and the pairs
    the memory holds as evidence (unless not); ``paragraphs`` (each
    sentence's) let a long text be aligned paragraph by paragraph first."""
    terms = None
    if glossary:
        matcher = current_matcher()

        def terms(text: str, language: str) -> list[int]:
            return [match.concept_id for match in matcher.find(text, language)]

    return align(
        english,
        chinese,
        chinese_language=chinese_language,
        terms=terms,
        remembered=remembered_in(chinese_language) if memory else None,
        paragraphs=paragraphs,
    )


def remembered_in(chinese_language: str):
    """What the memory pairs with English texts, in ``chinese_language``:
    a function of a list of texts to {text: Chinese texts}."""

    def remembered(texts):
        return exact_targets("en", chinese_language, texts)

    return remembered


def commit_alignment(
    english: Sequence[str],
    chinese: Sequence[str],
    beads: Sequence[Bead],
    *,
    chinese_language: str,
    origin: str,
    min_confidence: float = 0.0,
    published: datetime | None = None,
) -> dict:
    """Store the two-sided beads as memory pairs; return the counts.

    ``stored`` beads became pairs (``added`` new entries, ``merged`` into
    entries already held), ``one_sided`` were left out as the convention
    says, ``closing`` were a release's closing lines (``Ends/…`` and ``完``
    with the date: not sentences to remember), ``uncertain`` were below
    ``min_confidence``. ``published`` (the release's date) dates the pairs.
    """
    pairs = []
    counts = {"stored": 0, "one_sided": 0, "closing": 0, "uncertain": 0}
    for bead in beads:
        if not bead.source or not bead.target:
            counts["one_sided"] += 1
            continue
        if all(closing_kind(english[i], "en") for i in bead.source):
            counts["closing"] += 1
            continue
        if bead.confidence < min_confidence:
            counts["uncertain"] += 1
            continue
        pairs.append(
            Pair(
                source_language="en",
                source=" ".join(english[i] for i in bead.source),
                target_language=chinese_language,
                target="".join(chinese[j] for j in bead.target),
                source_kind=MemorySource.ALIGNED,
                origin=origin[:255],
                status=Status.APPROVED,
                created_at=published,
                changed_at=published,
            )
        )
    added, merged, _ids = store(pairs)
    counts.update(stored=len(pairs), added=added, merged=merged)
    return counts


#: What names the two versions of a release in a batch: NAME.en.EXT and NAME.zh.EXT.
SIDES = ("en", "zh")
#: Bytes a member of a batch's zip may unpack to (a zip bomb is refused,
#: naming the member).
MAX_MEMBER_BYTES = 50 * 1024 * 1024


class BatchRefused(Exception):
    """A batch that cannot be read: one line naming the file or member."""


#: A file of a batch: its name and how to read its bytes.
BatchFile = tuple[str, Callable[[], bytes]]


def _take(found: dict, file_name: str, read) -> None:
    parts = Path(file_name).name.split(".")
    if len(parts) >= 3 and parts[-2] in SIDES:
        found[(".".join(parts[:-2]), parts[-2])] = (file_name, read)


def folder_files(path: Path) -> dict[tuple[str, str], BatchFile]:
    """(name, side) -> the NAME.en.EXT / NAME.zh.EXT files of a folder."""
    found: dict = {}
    for child in sorted(path.iterdir()):
        if child.is_file():
            _take(found, child.name, child.read_bytes)
    return found


def zip_files(source, label: str) -> dict[tuple[str, str], BatchFile]:
    """(name, side) -> the NAME.en.EXT / NAME.zh.EXT members of a zip
    (``source``: a path or the zip's bytes; ``label`` names it in errors)."""
    try:
        archive = zipfile.ZipFile(
            io.BytesIO(source) if isinstance(source, bytes) else source
        )
    except (OSError, zipfile.BadZipFile) as error:
        raise BatchRefused(
            _("%(name)s: not a zip file (%(error)s)") % {"name": label, "error": error}
        ) from error
    found: dict = {}
    for member in archive.infolist():
        if member.is_dir():
            continue
        if member.file_size > MAX_MEMBER_BYTES:
            raise BatchRefused(
                _("%(name)s: %(member)s unpacks to more than %(limit)d MB")
                % {
                    "name": label,
                    "member": member.filename,
                    "limit": MAX_MEMBER_BYTES // 2**20,
                }
            )
        _take(found, member.filename, lambda m=member: _read_member(archive, m))
    return found


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """A member's bytes, read no further than its declared size allows."""
    with archive.open(member) as handle:
        data = handle.read(MAX_MEMBER_BYTES + 1)
    if len(data) > MAX_MEMBER_BYTES:
        raise OSError("unpacks to more than %d MB" % (MAX_MEMBER_BYTES // 2**20))
    return data


def pair_up(files: dict) -> tuple[list[tuple[str, BatchFile, BatchFile]], list[str]]:
    """The releases with both versions, by name, and the names with one."""
    names = sorted({name for name, _side in files})
    pairs = [
        (name, files[(name, "en")], files[(name, "zh")])
        for name in names
        if (name, "en") in files and (name, "zh") in files
    ]
    paired = {name for name, _en, _zh in pairs}
    return pairs, [name for name in names if name not in paired]


def read_batch_file(entry: BatchFile) -> tuple[str, bytes]:
    """A batch file's base name and bytes; ``BatchRefused`` naming it."""
    file_name, read = entry
    try:
        return Path(file_name).name, read()
    except (OSError, zipfile.BadZipFile) as error:
        raise BatchRefused("%s: %s" % (file_name, error)) from error


def both_paragraphs(english: Release, chinese: Release):
    """The paragraphs ``align_texts`` takes, when both versions mark them."""
    if english.paragraphs is None or chinese.paragraphs is None:
        return None
    return english.paragraphs, chinese.paragraphs
