"""Read a Word document into coded paragraphs with their style names."""

import io
from collections import Counter

from django.utils.translation import gettext_noop

import docx
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE

from core.inline import plain
from formats import FormatError
from formats.documents.docx.archive import check_archive
from formats.documents.docx.stories import paragraphs as found_paragraphs
from formats.documents.docx.stories import stories, unread_parts
from formats.documents.source import Paragraph, SourceDocument

__all__ = ["parse"]


def parse(
    data: bytes,
    *,
    max_unpacked_bytes: int | None = None,
    max_parts: int | None = None,
) -> SourceDocument:
    """Return the document in ``data``; raise ``FormatError`` if unreadable."""
    check_archive(data, max_unpacked_bytes=max_unpacked_bytes, max_parts=max_parts)
    try:
        document = docx.Document(io.BytesIO(data))
        names = {s.style_id: s.name or s.style_id for s in document.styles}
        default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        fallback = default.name if default is not None else "Normal"
        paragraphs = []
        not_kept: Counter = Counter()
        skipped: Counter = Counter()  # text boxes in paragraphs without text
        boxes = gettext_noop("text boxes (kept, not translated)")
        found = found_paragraphs(stories(document), skipped)
        for _element, style_id, reading, _links in found:
            text = reading.text.strip()
            paragraphs.append(Paragraph(text, names.get(style_id, fallback),
                                        reading.codes))  # fmt: skip
            not_kept[gettext_noop("tracked changes (accepted)")] += reading.tracked
            not_kept[boxes] += reading.text_boxes
        not_kept[boxes] += skipped["text_boxes"]
        if not_kept[boxes] and not any(plain(p.text).strip() for p in paragraphs):
            raise FormatError(
                gettext_noop(
                    "the document's only text is in text boxes (%(count)d), "
                    "which are not offered for translation"
                ),
                count=not_kept[boxes],
            )
        not_kept.update(unread_parts(document))
        metadata = _metadata(document)
        title = (document.core_properties.title or "").strip()
    except FormatError:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds
        raise FormatError(
            gettext_noop("the .docx file is damaged and cannot be read")
        ) from exc
    headings = (p for p in paragraphs if p.style in ("Title", "Heading 1"))
    first = next(headings, paragraphs[0] if paragraphs else Paragraph(""))
    kept = {name: count for name, count in not_kept.items() if count}
    return SourceDocument(title or plain(first.text), paragraphs, metadata, kept)


def _metadata(document: Document) -> dict[str, str]:
    """Return the author, creation time and language of ``document``."""
    properties = document.core_properties
    metadata: dict[str, str] = {}
    if properties.author:
        metadata["author"] = properties.author
    if properties.created:
        metadata["created"] = properties.created.isoformat()
    if properties.language:
        metadata["language"] = properties.language
    return metadata
