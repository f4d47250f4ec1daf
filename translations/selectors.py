"""What the pages show of translations: read models, nothing that writes.

The editor, the document list and page, and the review queue
(``workbench/views/``) call these and render. The write paths are
``translations.writing`` (every change of a translation),
``translations.editing`` (the editor's save and restore),
``translations.review`` and ``translations.comments``.
"""

from django.db.models import Count, Prefetch, Q, QuerySet

from core.diffing import diff_html
from core.highlighting import highlight_terms
from core.statuses import Status
from documents.models import Document
from glossary.lookup import Hit, lookup, preferred_terms
from glossary.matching import current_matcher
from memory.lookup import lookup as memory_lookup
from memory.store import segment_context
from translations.models import Comment, QualityWarning, Translation
from translations.progress import progress_for
from translations.warnings import open_counts, with_open_warnings

#: Memory matches shown for the active sentence (Ctrl+Alt+1 to 5 take them).
MEMORY_MATCHES = 5
#: Revisions listed in the side panel, newest first.
HISTORY_LENGTH = 50
#: The filter value that narrows a list to sentences with open warnings.
WITH_WARNINGS = "warnings"


def editor_translations(
    document: Document, language: str, *, status: str = "", query: str = ""
) -> QuerySet[Translation]:
    """The document's current sentences in one language, filtered as asked.

    ``status`` is a status value, ``todo`` (untranslated, draft or
    rejected) or ``warnings`` (open warnings of the checks); ``query`` is
    found in the source or the translation.
    """
    translations = (
        Translation.objects.filter(
            segment__document=document, segment__is_active=True, language=language
        )
        .select_related("segment", "updated_by")
        .order_by("segment__position")
    )
    if status == "todo":
        translations = translations.needing_work()
    elif status == WITH_WARNINGS:
        translations = with_open_warnings(translations)
    elif status in Status.values:
        translations = translations.filter(status=status)
    if query:
        translations = translations.filter(
            Q(segment__source__icontains=query) | Q(text__icontains=query)
        )
    return translations


def editor_rows(translations: list[Translation], document: Document, language: str):
    """Return the editor's rows: translation, highlighted source, comments, warnings."""
    matcher = current_matcher()
    found = {
        t.pk: matcher.find(t.segment.source, document.source_language)
        for t in translations
    }
    concepts = {m.concept_id for matches in found.values() for m in matches}
    renderings = preferred_terms(concepts) if concepts else {}
    comments = dict(
        Comment.objects.filter(
            segment__in=[t.segment_id for t in translations], resolved=False
        )
        .values_list("segment_id")
        .annotate(n=Count("id"))
    )
    warnings = open_counts(t.pk for t in translations)
    rows = []
    for translation in translations:
        hits = [Hit(m, renderings.get(m.concept_id, {})) for m in found[translation.pk]]
        rows.append(
            {
                "t": translation,
                "source_html": highlight_terms(
                    translation.segment.source, hits, language
                ),
                "comments": comments.get(translation.segment_id, 0),
                "warnings": warnings.get(translation.pk, 0),
            }
        )
    return rows


def by_paragraph(rows: list[dict]) -> list[dict]:
    """Group consecutive rows of the same source paragraph."""
    paragraphs: list[dict] = []
    for row in rows:
        index = row["t"].segment.paragraph
        if not paragraphs or paragraphs[-1]["index"] != index:
            paragraphs.append({"index": index, "rows": []})
        paragraphs[-1]["rows"].append(row)
    return paragraphs


def memory_matches(translation: Translation) -> list[dict]:
    """The memory's best matches for a sentence, with what differs marked."""
    segment = translation.segment
    language = segment.document.source_language
    return [
        {
            "match": match,
            "diff": diff_html(match.source, segment.source, language),
        }
        for match in memory_lookup(
            segment.source,
            language,
            translation.language,
            limit=MEMORY_MATCHES,
            context=segment_context(segment),
        )
    ]


def sentence_panel(translation: Translation) -> dict:
    """The side panel of one sentence: terms, checks, matches, history, comments."""
    segment = translation.segment
    document = segment.document
    revisions = list(
        translation.revisions.select_related("author").order_by("-version")[
            :HISTORY_LENGTH
        ]
    )
    history = []
    for index, revision in enumerate(revisions):
        older = revisions[index + 1].text if index + 1 < len(revisions) else ""
        history.append(
            {
                "revision": revision,
                "diff": diff_html(older, revision.text, translation.language),
            }
        )
    return {
        "t": translation,
        "segment": segment,
        "document": document,
        "hits": glossary_hits(
            segment.source, document.source_language, translation.language
        ),
        "warnings": list(translation.warnings.select_related("checked_by")),
        "matches": memory_matches(translation),
        "history": history,
        "comments": Comment.objects.filter(segment=segment)
        .filter(Q(language="") | Q(language=translation.language))
        .select_related("author"),
    }


def glossary_hits(source: str, source_language: str, language: str) -> list[dict]:
    """The panel's glossary list: each term once, in order of first use, counted.

    A sentence that names one term many times (a long list, a worst-case
    sentence) lists it once with ``count`` occurrences, not once per use.
    """
    hits: dict[tuple[int, str], dict] = {}
    for hit in lookup(source, source_language):
        key = (hit.match.concept_id, hit.match.text)
        if key in hits:
            hits[key]["count"] += 1
            continue
        hits[key] = {
            "text": hit.match.text,
            "concept": hit.match.concept_id,
            "rendering": hit.renderings.get(language, ""),
            "count": 1,
        }
    return list(hits.values())


def document_rows(documents: list[Document]) -> list[dict]:
    """The document list: each document with its progress per target language."""
    progress = progress_for([d.pk for d in documents])
    return [
        {
            "document": d,
            "languages": [
                progress[d.pk].get(code)
                for code in d.target_languages
                if code in progress[d.pk]
            ],
        }
        for d in documents
    ]


def document_sentences(document: Document, language: str, status: str = ""):
    """The document page's sentences, those of one status in ``language`` if asked.

    ``status`` may also be ``warnings``: sentences whose translation into
    ``language`` has open warnings.
    """
    segments = document.segments.active().order_by("position")
    if status == WITH_WARNINGS and language:
        ours = Translation.objects.filter(segment__document=document, language=language)
        segments = segments.filter(translations__in=with_open_warnings(ours))
    elif status in Status.values and language:
        segments = segments.filter(
            translations__language=language, translations__status=status
        )
    return segments


def sentence_rows(segments: list, language: str) -> list[dict]:
    """The document page's paragraphs: each sentence with its translation, if any."""
    translations = {}
    if language:
        translations = {
            t.segment_id: t
            for t in Translation.objects.filter(
                segment__in=[s.pk for s in segments], language=language
            )
        }
    warnings = open_counts(t.pk for t in translations.values())
    paragraphs: list[dict] = []
    for segment in segments:
        if not paragraphs or paragraphs[-1]["index"] != segment.paragraph:
            paragraphs.append({"index": segment.paragraph, "rows": []})
        translation = translations.get(segment.pk)
        paragraphs[-1]["rows"].append(
            {
                "segment": segment,
                "translation": translation,
                "warnings": warnings.get(translation.pk, 0) if translation else 0,
            }
        )
    return paragraphs


def document_progress(document: Document) -> list[dict]:
    """The document's progress in each of its target languages, in their order."""
    progress = progress_for([document.pk]).get(document.pk, {})
    return [progress[c] for c in document.target_languages if c in progress]


def review_queue(
    *, document: str = "", language: str = "", warnings: bool = False
) -> QuerySet[Translation]:
    """Translations awaiting review, oldest first, of one document or language.

    Each comes with its open warnings (``open_warnings``), shown beside the
    text; ``warnings`` narrows the queue to sentences that have some.
    """
    translations = (
        Translation.objects.active()
        .awaiting_review()
        .select_related("segment__document", "updated_by")
        .prefetch_related(
            Prefetch(
                "warnings",
                queryset=QualityWarning.objects.open(),
                to_attr="open_warnings",
            )
        )
        .order_by("updated_at", "id")
    )
    if document.isdigit():
        translations = translations.filter(segment__document_id=int(document))
    if language:
        translations = translations.filter(language=language)
    if warnings:
        translations = with_open_warnings(translations)
    return translations


def review_filters() -> dict:
    """What the review queue can be narrowed to: documents and languages waiting."""
    return {
        "documents": Document.objects.filter(
            segments__translations__status=Status.TRANSLATED
        )
        .distinct()
        .only("id", "title"),
        "languages": sorted(
            set(
                Translation.objects.awaiting_review()
                .values_list("language", flat=True)
                .distinct()
            )
        ),
    }
