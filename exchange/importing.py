"""Import source documents and their new versions.

Readers in ``formats`` turn bytes into paragraphs; this module
splits them into sentences and stores them, all or nothing.
"""

import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext

from core import languages
from core.inline import codes_in, codes_to_json, has_codes, map_codes
from core.statuses import Status
from documents.keys import sentence_keys
from documents.models import Document, DocumentVersion, Paragraph, Segment
from documents.segmentation import split_long, split_sentences
from documents.versioning import OldSentence, plan_version
from formats import FormatError
from formats.documents import EXTENSIONS, SourceDocument, read_document
from translations.models import Translation
from translations.warnings import deferred
from translations.writing import (
    EditConflict,
    change_translation,
    ensure_translations,
)

#: Code blocks (Markdown fences, HTML ``pre``) are kept but not translated.
UNTRANSLATABLE_STYLES = {"code", "pre"}


class ImportRefused(Exception):
    """A file that cannot be imported; the message names the file and problem."""

    def __init__(self, filename: str, problem: str):
        super().__init__("%s: %s" % (filename, problem))
        self.filename = filename
        self.problem = problem


@dataclass(frozen=True)
class Sentence:
    paragraph: int
    source: str
    codes: dict = field(default_factory=dict, compare=False)
    #: The first piece of a sentence cut for its length (counted, and said).
    cut: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class VersionResult:
    document: Document
    version: int
    kept: int
    changed: int
    added: int
    removed: int
    not_kept: dict = field(default_factory=dict)
    sentences_cut: int = 0

    def as_dict(self) -> dict:
        return {
            "document": self.document.pk,
            "version": self.version,
            "kept": self.kept,
            "changed": self.changed,
            "added": self.added,
            "removed": self.removed,
            "not_kept": dict(self.not_kept),
            "sentences_cut": self.sentences_cut,
        }


def describe_cut(count: int) -> str:
    """Return one line telling how many over-long sentences were cut."""
    return ngettext(
        "%(n)d sentence over %(limit)d characters was cut at its clause "
        "boundaries into shorter ones.",
        "%(n)d sentences over %(limit)d characters were cut at their clause "
        "boundaries into shorter ones.",
        count,
    ) % {"n": count, "limit": settings.MAX_SENTENCE_CHARS}


def describe_not_kept(not_kept: dict[str, int]) -> str:
    """Return one line telling what a file held that was not offered."""
    items = ", ".join(
        "%(count)d %(what)s" % {"count": count, "what": _(what)}
        for what, count in sorted(not_kept.items())
    )
    return _("Not offered for translation: %(items)s.") % {"items": items}


def default_targets(source_language: str) -> list[str]:
    """Return the configured target languages other than the source."""
    return [c for c in settings.WORKBENCH_TARGET_LANGUAGES if c != source_language]


def upload_problem(name: str, size: int) -> str | None:
    """Why an uploaded document is refused before it is read (its type or
    its size), in the reader's language; ``None`` when it is not."""
    if not name.lower().endswith(EXTENSIONS):
        return _("%(name)s: unsupported file type; use .txt, .md, .html or .docx.") % {
            "name": name
        }
    if size > settings.MAX_DOCUMENT_BYTES:
        return _("%(name)s is larger than %(mb)d MB.") % {
            "name": name,
            "mb": settings.MAX_DOCUMENT_BYTES // settings.MB,
        }
    return None


def read_source(
    data: bytes, filename: str, title: str | None, paragraphs: str = "auto"
) -> SourceDocument:
    """Parse a file, turning any reader error into one line naming the file.

    ``paragraphs``: where a text file's paragraphs end (``auto``, ``lines``,
    ``blank``).
    """
    try:
        return read_document(
            data,
            filename,
            title=title,
            paragraphs=paragraphs,
            max_bytes=settings.MAX_DOCUMENT_BYTES,
            max_unpacked_bytes=settings.MAX_UNPACKED_BYTES,
            max_parts=settings.MAX_ARCHIVE_PARTS,
        )
    except FormatError as error:
        raise ImportRefused(filename, error.localized()) from error


def sentences_of(
    parsed: SourceDocument, language: str, filename: str
) -> list[Sentence]:
    """Split every translatable paragraph into sentences, in document order.

    A paragraph over ``MAX_PARAGRAPH_CHARS`` (settings) is refused, naming
    the paragraph. A sentence over ``MAX_SENTENCE_CHARS`` is cut at its
    clause boundaries (semicolons, then commas, then spaces: see
    ``documents.segmentation.split_long``) into sentences within the limit;
    one with a longer stretch and no boundary in it is refused, naming the
    paragraph. The first piece of each cut sentence has ``cut`` set.
    """
    out = []
    for index, paragraph in enumerate(parsed.paragraphs):
        if paragraph.style in UNTRANSLATABLE_STYLES:
            continue
        _within(filename, index, len(paragraph.text), settings.MAX_PARAGRAPH_CHARS,
                _("paragraph %(n)d has %(size)d characters, more than the "
                  "%(limit)d limit"))  # fmt: skip
        for sentence in split_sentences(paragraph.text, language):
            pieces = split_long(sentence, settings.MAX_SENTENCE_CHARS)
            if pieces is None:
                _within(filename, index, len(sentence), settings.MAX_SENTENCE_CHARS,
                        _("paragraph %(n)d has a sentence of %(size)d characters, "
                          "more than the %(limit)d limit"))  # fmt: skip
            for number, text in enumerate(pieces or ()):
                out.append(
                    Sentence(
                        index,
                        text,
                        _codes_of(text, paragraph.codes),
                        cut=number == 0 and len(pieces) > 1,
                    )
                )
    return out


def _codes_of(text: str, codes: dict) -> dict:
    """Return, as JSON, the codes of ``codes`` that ``text`` holds."""
    numbers = {number for number, _kind in codes_in(text)}
    return codes_to_json([code for n, code in codes.items() if n in numbers])


def _not_too_many(sentences: list[Sentence], filename: str) -> None:
    if len(sentences) > settings.MAX_DOCUMENT_SENTENCES:
        raise ImportRefused(
            filename,
            _("the document has %(count)d sentences, more than the %(limit)d limit")
            % {"count": len(sentences), "limit": settings.MAX_DOCUMENT_SENTENCES},
        )


def _within(filename: str, index: int, size: int, limit: int, message: str) -> None:
    if size > limit:
        raise ImportRefused(
            filename, message % {"n": index + 1, "size": size, "limit": limit}
        )


def _file_kind(filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    return "html" if suffix == "htm" else suffix


def _store_paragraphs(document: Document, parsed: SourceDocument) -> None:
    document.paragraphs.all().delete()
    Paragraph.objects.bulk_create(
        Paragraph(
            document=document,
            index=index,
            style=p.style,
            text=p.text,
            codes=codes_to_json(p.codes),
            translatable=p.style not in UNTRANSLATABLE_STYLES,
        )
        for index, p in enumerate(parsed.paragraphs)
    )


@transaction.atomic
def import_document(
    *,
    data: bytes,
    filename: str,
    source_language: str,
    title: str | None = None,
    targets: list[str] | None = None,
    user=None,
    paragraphs: str = "auto",
) -> Document:
    """Create a document from a file's bytes: paragraphs, sentences, rows.

    ``paragraphs`` (a text file: ``auto``, ``lines`` or ``blank``) is kept in
    the document's metadata as ``paragraph_rule`` when not ``auto``, and a
    new version is read by the same rule.
    """
    source_language = languages.normalise(source_language)
    targets = [t for t in (targets or default_targets(source_language))]
    if source_language in targets:
        raise ImportRefused(
            filename,
            _("the source language %(lang)s cannot also be a target.")
            % {"lang": source_language},
        )
    parsed = read_source(data, filename, title, paragraphs)
    if paragraphs != "auto":
        parsed.metadata["paragraph_rule"] = paragraphs
    sentences = sentences_of(parsed, source_language, filename)
    _not_too_many(sentences, filename)
    if not sentences:
        raise ImportRefused(filename, _("the document has no sentences to translate."))
    checksum = hashlib.sha256(data).hexdigest()
    document = Document.objects.create(
        title=(title or parsed.title or filename)[:500],
        source_language=source_language,
        target_languages=targets,
        original_filename=filename[:255],
        file_kind=_file_kind(filename),
        checksum=checksum,
        metadata=parsed.metadata,
        created_by=user,
    )
    _store_paragraphs(document, parsed)
    keys = sentence_keys([s.source for s in sentences])
    segments = Segment.objects.bulk_create(
        Segment(
            document=document,
            position=position,
            paragraph=sentence.paragraph,
            source=sentence.source,
            codes=sentence.codes,
            key=key,
        )
        for position, (sentence, key) in enumerate(zip(sentences, keys, strict=True))
    )
    ensure_translations(list(Segment.objects.filter(document=document)), targets)
    DocumentVersion.objects.create(
        document=document,
        number=1,
        original_filename=document.original_filename,
        checksum=checksum,
        content=data,
        segment_count=len(segments),
        summary=_account(parsed, sentences),
        created_by=user,
    )
    document.not_kept = dict(parsed.not_kept)
    document.sentences_cut = sum(s.cut for s in sentences)
    return document


def _account(parsed: SourceDocument, sentences: list[Sentence]) -> dict:
    """What a version's summary says of the file beyond its sentences."""
    account = {}
    if parsed.not_kept:
        account["not_kept"] = dict(parsed.not_kept)
    cut = sum(s.cut for s in sentences)
    if cut:
        account["sentences_cut"] = cut
    return account


@transaction.atomic
@deferred()
def import_new_version(
    *, document: Document, data: bytes, filename: str, user=None
) -> VersionResult:
    """Replace a document's text with a new version of its file.

    Unchanged sentences keep their translations; changed ones keep them as
    draft (with a revision); removed ones are deactivated, never deleted.
    """
    document = Document.objects.select_for_update().get(pk=document.pk)
    checksum = hashlib.sha256(data).hexdigest()
    if checksum == document.checksum:
        return VersionResult(document, document.current_version, 0, 0, 0, 0)
    rule = document.metadata.get("paragraph_rule", "auto")
    parsed = read_source(data, filename, None, rule)
    sentences = sentences_of(parsed, document.source_language, filename)
    _not_too_many(sentences, filename)
    if not sentences:
        raise ImportRefused(filename, _("the document has no sentences to translate."))
    number = document.current_version + 1
    sources = [s.source for s in sentences]
    keys = sentence_keys(sources)
    old = {s.pk: s for s in document.segments.all()}
    plan = plan_version(
        [OldSentence(s.pk, s.key, s.source, s.is_active) for s in old.values()],
        keys,
        sources,
    )

    for segment_id in plan.removed:
        segment = old[segment_id]
        segment.is_active = False
        segment.removed_in_version = number
    placed: list[Segment] = []
    recoded = []
    for segment_id, index in plan.kept:
        segment = old[segment_id]
        if not segment.is_active:
            segment.is_active = True
            segment.removed_in_version = None
        if segment.source != sources[index]:
            # The same words with other markup: changed, so it is reviewed.
            recoded.append((segment_id, index))
            continue
        placed.append(_place(segment, index, sentences))
    changed = []
    for segment_id, index in [*plan.changed, *recoded]:
        segment = old[segment_id]
        segment.previous_source = segment.source
        segment.source = sources[index]
        segment.codes = sentences[index].codes
        segment.key = keys[index]
        segment.changed_in_version = number
        placed.append(_place(segment, index, sentences))
        changed.append(segment)
    Segment.objects.bulk_update(
        list(old.values()),
        [
            "position",
            "paragraph",
            "source",
            "codes",
            "previous_source",
            "key",
            "is_active",
            "changed_in_version",
            "removed_in_version",
        ],
        batch_size=500,
    )
    added = Segment.objects.bulk_create(
        Segment(
            document=document,
            position=index,
            paragraph=sentences[index].paragraph,
            source=sources[index],
            codes=sentences[index].codes,
            key=keys[index],
            created_in_version=number,
        )
        for index in plan.added
    )
    _send_changed_to_draft(changed, number, user)
    ensure_translations(
        list(document.segments.active()), list(document.target_languages)
    )
    _store_paragraphs(document, parsed)
    summary = {
        "kept": len(plan.kept) - len(recoded),
        "changed": len(plan.changed) + len(recoded),
        "added": len(added),
        "removed": len(plan.removed),
        **_account(parsed, sentences),
    }
    DocumentVersion.objects.create(
        document=document,
        number=number,
        original_filename=filename[:255],
        checksum=checksum,
        content=data,
        segment_count=len(sentences),
        summary=summary,
        created_by=user,
    )
    document.current_version = number
    document.checksum = checksum
    document.original_filename = filename[:255]
    document.title = (parsed.title or document.title)[:500]
    document.metadata = {**document.metadata, **parsed.metadata}
    document.save()
    return VersionResult(document, number, **summary)


def _place(segment: Segment, index: int, sentences: list[Sentence]) -> Segment:
    segment.position = index
    segment.paragraph = sentences[index].paragraph
    segment.codes = sentences[index].codes
    return segment


def _renumbered(translation: Translation) -> str:
    """Return the translation with its codes renumbered for the new source.

    A sentence whose codes only moved (a link added before it in the
    paragraph) keeps its translation's codes; when they do not line up,
    the text stays as it was and the code check shows what to fix.
    """
    segment = translation.segment
    if not has_codes(translation.text):
        return translation.text
    mapped = map_codes(translation.text, segment.previous_source, segment.source)
    return translation.text if mapped is None else mapped


def _send_changed_to_draft(segments: list[Segment], number: int, user) -> None:
    note = gettext_noop("The source sentence changed in version %(version)d.")
    translations = (
        Translation.objects.filter(segment__in=segments)
        .exclude(status=Status.UNTRANSLATED)
        .select_related("segment")
    )
    for translation in translations:
        for _attempt in range(3):
            try:
                change_translation(
                    translation=translation,
                    text=_renumbered(translation),
                    status=Status.DRAFT,
                    origin=translation.origin,
                    origin_score=translation.origin_score,
                    user=user,
                    note=note,
                    note_values={"version": number},
                    expected_version=translation.version,
                )
                break
            except EditConflict as conflict:
                # Saved meanwhile: their text stands, and goes back to draft.
                translation = conflict.current


@transaction.atomic
def set_target_languages(*, document: Document, languages: list[str]) -> list[str]:
    """Make ``languages`` the document's targets; return those newly added.

    The source language is never a target. Removing a language only hides
    it: its translations stay. Each added language gets a translation row per
    current sentence. Raises ``ImportRefused`` when no target is left.
    """
    wanted = [code for code in languages if code != document.source_language]
    if not wanted:
        raise ImportRefused(
            document.original_filename, _("Choose at least one target language.")
        )
    added = [code for code in wanted if code not in document.target_languages]
    document.target_languages = wanted
    document.save(update_fields=["target_languages", "updated_at"])
    ensure_translations(list(document.segments.active()), added)
    return added
