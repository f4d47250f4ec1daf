"""Export documents: the translated document rebuilt paragraph by paragraph."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from workbench.formats import Paragraph as ParagraphUnit
from workbench.formats.documents import write_document
from workbench.models import Document, Translation
from workbench.models.translations import Status

DOCUMENT_FORMATS = ("txt", "md", "html", "docx")
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
    by_paragraph: dict[int, list[str]] = {}
    missing = []
    for segment in document.segments.active().order_by("position"):
        text = texts.get(segment.pk)
        if not text:
            missing.append(segment.position)
            text = segment.source
        by_paragraph.setdefault(segment.paragraph, []).append(text)
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
            text = glue.join(by_paragraph[paragraph.index])
        else:
            text = paragraph.text
        out.append(ParagraphUnit(text=text, style=paragraph.style))
    return out


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
    if kind == "docx" and document.file_kind == "docx":
        version = document.versions.order_by("-number").first()
        template = bytes(version.content) if version else None
    title = paragraphs[0].text if paragraphs else document.title
    return write_document(
        kind, paragraphs, title=title, language=language, template=template
    )
