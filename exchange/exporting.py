"""Export documents: the translated document, or its units as PO, TMX, XLIFF.

Exchange files stream: units are read from the database in chunks and the
format writers yield bytes, so memory stays flat however long the document.
"""

from collections.abc import Iterator

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.inline import codes_from_json, to_tokens
from core.statuses import Status
from documents.models import Document
from exchange.annotations import annotations_of
from formats.bilingual import Unit, po, tmx, xliff
from formats.documents import Paragraph as ParagraphUnit
from formats.documents import write_document
from glossary.lookup import preferred_terms
from glossary.matching import current_matcher
from translations.models import Comment, Translation

DOCUMENT_FORMATS = ("txt", "md", "html", "docx")
EXCHANGE_FORMATS = ("po", "tmx", "xliff", "xliff12")  # xliff: 2.0; xliff12: 1.2
EXPORT_FORMATS = EXCHANGE_FORMATS + DOCUMENT_FORMATS
#: The media type of each export format.
CONTENT_TYPES = {
    "po": "text/x-gettext-translation; charset=utf-8",
    "tmx": "application/x-tmx+xml",
    "xliff": "application/xliff+xml",
    "xliff12": "application/xliff+xml",
    "txt": "text/plain; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
PROJECT = "translation-workbench"
NO_SPACE_LANGUAGES = ("zh", "ja", "ko")


class ExportRefused(Exception):
    """An export that cannot be made as asked; the message says why."""


def joiner(language: str) -> str:
    """Return what goes between two sentences of a paragraph in a language."""
    return "" if language.split("-")[0] in NO_SPACE_LANGUAGES else " "


def translated_paragraphs(
    document: Document,
    language: str,
    *,
    strict: bool = False,
    approved_only: bool = False,
) -> list[ParagraphUnit]:
    """Return the document's paragraphs with each sentence in ``language``.

    An untranslated sentence falls back to its source, unless ``strict``,
    which refuses and names the sentences. With ``approved_only`` only
    approved translations count as translated.
    """
    done = (
        [Status.APPROVED]
        if approved_only
        else [
            Status.DRAFT,
            Status.TRANSLATED,
            Status.APPROVED,
            Status.REJECTED,
        ]
    )
    texts = dict(
        Translation.objects.filter(
            segment__document=document,
            segment__is_active=True,
            language=language,
            status__in=done,
        ).values_list("segment_id", "text")
    )
    by_paragraph: dict[int, list[tuple[str, str]]] = {}
    missing = []
    for segment in document.segments.active().order_by("position"):
        text = texts.get(segment.pk)
        if not text:
            missing.append(segment.position)
            text = segment.source
        by_paragraph.setdefault(segment.paragraph, []).append((segment.source, text))
    if strict and missing:
        shown = ", ".join(str(n) for n in missing[:20])
        if len(missing) > 20:
            shown += ", …"
        raise ExportRefused(
            ngettext(
                "Document %(doc)d has %(count)d sentence without a %(lang)s "
                "translation, at position %(positions)s.",
                "Document %(doc)d has %(count)d sentences without a %(lang)s "
                "translation, at positions %(positions)s.",
                len(missing),
            )
            % {
                "doc": document.pk,
                "count": len(missing),
                "lang": language,
                "positions": shown,
            }
        )
    glue = joiner(language)
    out = []
    for paragraph in document.paragraphs.order_by("index"):
        if paragraph.index in by_paragraph:
            text = in_place(paragraph.text, by_paragraph[paragraph.index], glue)
        else:
            text = paragraph.text
        codes = codes_from_json(paragraph.codes)
        out.append(ParagraphUnit(text=text, style=paragraph.style, codes=codes))
    return out


def in_place(paragraph: str, sentences: list[tuple[str, str]], glue: str) -> str:
    """Return ``paragraph`` with each (source, translation) sentence replaced.

    What stands around and between the sentences (white space, a tab, a line
    break, inline codes) stays. Only a gap of plain spaces between two
    sentences becomes ``glue`` in a language written without them (Chinese),
    and ``glue`` joins sentences that touched. A sentence no longer found in
    order (an older document) joins all of them with ``glue``.
    """
    out: list[str] = []
    done = 0
    for number, (source, translation) in enumerate(sentences):
        at = paragraph.find(source, done)
        if at < 0:
            return glue.join(translation for _source, translation in sentences)
        gap = paragraph[done:at]
        if number and not gap.strip(" "):
            gap = glue if not glue or not gap else gap
        out += [gap, translation]
        done = at + len(source)
    return "".join(out) + paragraph[done:]


def export_document(
    document: Document,
    language: str,
    kind: str,
    *,
    strict: bool = False,
    approved_only: bool = False,
) -> bytes:
    """Return the translated document as a file of the given kind."""
    if kind not in DOCUMENT_FORMATS:
        raise ExportRefused(_("Unknown export format %(kind)s.") % {"kind": kind})
    paragraphs = translated_paragraphs(
        document, language, strict=strict, approved_only=approved_only
    )
    template = None
    if kind in ("docx", "html") and document.file_kind == kind:
        # The original is the skeleton: only the paragraphs' text is replaced.
        version = document.versions.order_by("-number").first()
        template = bytes(version.content) if version else None
    title = paragraphs[0].text if paragraphs else document.title
    return write_document(
        kind,
        paragraphs,
        title=title,
        language=language,
        template=template,
        one_per_line=document.metadata.get("paragraphs") == "lines",
    )


def export_units(
    document: Document, language: str, *, approved_only: bool = False
) -> Iterator[Unit]:
    """Yield one unit per sentence of the current version, in order."""
    matcher = current_matcher()
    renderings: dict[int, dict[str, str]] = {}
    comments: dict[int, list[str]] = {}
    annotations = annotations_of(document)  # flags and notes from imported files
    for segment_id, text in Comment.objects.filter(
        segment__document=document, resolved=False, language__in=["", language]
    ).values_list("segment_id", "text"):
        comments.setdefault(segment_id, []).append(text)
    rows = (
        Translation.objects.filter(
            segment__document=document, segment__is_active=True, language=language
        )
        .select_related("segment", "updated_by")
        .order_by("segment__position")
    )
    for translation in rows.iterator(chunk_size=2000):
        segment = translation.segment
        status = translation.status
        text = translation.text
        if approved_only and status != Status.APPROVED:
            status, text = Status.UNTRANSLATED, ""
        notes = [
            _("paragraph %(p)d, sentence %(s)d")
            % {"p": segment.paragraph + 1, "s": segment.position + 1}
        ]
        for match in matcher.find(segment.source, document.source_language):
            if match.concept_id not in renderings:
                renderings.update(preferred_terms({match.concept_id}))
                renderings.setdefault(match.concept_id, {})
            rendering = renderings[match.concept_id].get(language)
            if rendering:
                notes.append(
                    _("glossary: %(term)s = %(rendering)s")
                    % {"term": match.text, "rendering": rendering}
                )
        kept = annotations.get(segment.key, {})
        codes = codes_from_json(segment.codes)
        yield Unit(
            key=segment.key,
            source=segment.source,
            target=text,
            status=status,
            notes=notes + kept.get("notes", []),
            flags=list(kept.get("flags", [])),
            file=(kept.get("file") or [""])[0],
            codes=codes,
            comments=comments.get(segment.pk, []),
            references=["%s:%d" % (document.original_filename, segment.position + 1)],
            created_at=translation.created_at,
            changed_at=translation.updated_at,
            changed_by=translation.updated_by.get_username()
            if translation.updated_by
            else "",
        )


def export_exchange(
    document: Document, language: str, kind: str, *, approved_only: bool = False
) -> Iterator[bytes]:
    """Yield a PO, TMX or XLIFF file of a document in one target language."""
    units = export_units(document, language, approved_only=approved_only)
    if kind == "po":  # PO has no inline codes: they go as tokens (⟨1⟩), read back
        return po.write(
            (_with_tokens(unit) for unit in units),
            source_language=document.source_language,
            target_language=language,
            project=PROJECT,
            document_id=str(document.pk),
        )
    if kind == "tmx":
        return tmx.write(
            units, source_language=document.source_language, target_language=language
        )
    if kind in ("xliff", "xliff12"):
        writer = xliff.write if kind == "xliff" else xliff.write_12
        return writer(
            units,
            source_language=document.source_language,
            target_language=language,
            document_id=str(document.pk),
            title=document.title,
        )
    raise ExportRefused(_("Unknown export format %(kind)s.") % {"kind": kind})


def _with_tokens(unit: Unit) -> Unit:
    """Return ``unit`` with its inline codes shown as tokens (``⟨1⟩``)."""
    if unit.codes:
        unit.source, unit.target = to_tokens(unit.source), to_tokens(unit.target)
    return unit


def export_any(
    document: Document,
    language: str,
    kind: str,
    *,
    strict: bool = False,
    approved_only: bool = False,
) -> Iterator[bytes]:
    """Yield the export of any supported kind (exchange files stream)."""
    if kind in EXCHANGE_FORMATS:
        if strict:
            translated_paragraphs(
                document, language, strict=True, approved_only=approved_only
            )
        return export_exchange(document, language, kind, approved_only=approved_only)
    return iter(
        [
            export_document(
                document, language, kind, strict=strict, approved_only=approved_only
            )
        ]
    )
