"""A published English release and its Chinese version, aligned into the
memory.

``sentences_of_file`` reads a file of any kind ``import_document`` reads and
segments it the same way (or takes it as one sentence per line);
``align_texts`` aligns two sentence lists with the approved glossary as
anchors; ``commit_alignment`` puts every two-sided bead into the memory as
one pair (the English sentences joined with a space, the Chinese ones
joined), with origin "aligned" and the documents' title, approved: these
are translations already published. One-sided beads and closing lines are
counted, never stored.
"""

from collections.abc import Sequence

from alignment.anchors import closing_kind
from alignment.engine import Bead, align
from core.inline import plain
from core.statuses import Status
from exchange.importing import read_source, sentences_of
from formats.textdecoding import decode_text
from glossary.matching import current_matcher
from memory.models import MemorySource
from memory.store import Pair, store


def sentences_of_file(
    data: bytes, filename: str, language: str, *, lines: bool = False
) -> list[str]:
    """The sentences of a file; ``lines``: each non-empty line is one.

    Raises ``ImportRefused`` (a document that cannot be read) or
    ``FormatError`` (a text file of lines that cannot be decoded).
    """
    if lines:
        text = decode_text(data)
        return [line.strip() for line in text.splitlines() if line.strip()]
    parsed = read_source(data, filename, None)
    return [
        plain(sentence.source) for sentence in sentences_of(parsed, language, filename)
    ]


def align_texts(
    english: Sequence[str],
    chinese: Sequence[str],
    *,
    chinese_language: str = "zh-Hant",
    glossary: bool = True,
) -> list[Bead]:
    """Align with the approved glossary's concepts as anchors (unless not)."""
    terms = None
    if glossary:
        matcher = current_matcher()

        def terms(text: str, language: str) -> list[int]:
            return [match.concept_id for match in matcher.find(text, language)]

    return align(english, chinese, chinese_language=chinese_language, terms=terms)


def commit_alignment(
    english: Sequence[str],
    chinese: Sequence[str],
    beads: Sequence[Bead],
    *,
    chinese_language: str,
    origin: str,
    min_confidence: float = 0.0,
) -> dict:
    """Store the two-sided beads as memory pairs; return the counts.

    ``stored`` beads became pairs (``added`` new entries, ``merged`` into
    entries already held), ``one_sided`` were left out as the convention
    says, ``closing`` were a release's closing lines (``Ends/…`` and ``完``
    with the date: not sentences to remember), ``uncertain`` were below
    ``min_confidence``.
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
            )
        )
    added, merged, _ids = store(pairs)
    counts.update(stored=len(pairs), added=added, merged=merged)
    return counts
