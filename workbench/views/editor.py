"""The translator's editor: sentences side by side, saved one at a time."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.diffing import diff_html
from core.highlighting import highlight_terms
from core.languages import display_name
from core.statuses import Status
from documents.models import Document
from glossary.lookup import Hit, lookup, preferred_terms
from glossary.matching import current_matcher
from memory.lookup import lookup as memory_lookup
from memory.lookup import taken_match_score
from memory.store import segment_context
from translations.editing import restore_revision, save_translation
from translations.models import Comment, Revision, Translation
from translations.qa import check_translation
from translations.review import approve_translation, can_review, reject_translation
from translations.writing import EditConflict
from workbench.views.documents import derive_source

ROWS_PER_PAGE = 50
#: Memory matches shown for the active sentence (Ctrl+Alt+1 to 5 take them).
MEMORY_MATCHES = 5


def _rows(translations: list[Translation], document: Document, language: str):
    """Return the editor's rows: translation, highlighted source, comment count."""
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
            }
        )
    return rows


@permission_required("workbench.change_translation", raise_exception=True)
def editor(request, pk: int, language: str):
    document = get_object_or_404(Document, pk=pk)
    if language not in document.target_languages:
        raise Http404(_("Not a target language of this document."))
    translations = (
        Translation.objects.filter(
            segment__document=document, segment__is_active=True, language=language
        )
        .select_related("segment", "updated_by")
        .order_by("segment__position")
    )
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()
    if status == "todo":
        translations = translations.needing_work()
    elif status in Status.values:
        translations = translations.filter(status=status)
    if query:
        translations = translations.filter(
            Q(segment__source__icontains=query) | Q(text__icontains=query)
        )
    page = Paginator(translations, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    rows = _rows(list(page.object_list), document, language)
    paragraphs: list[dict] = []
    for row in rows:
        index = row["t"].segment.paragraph
        if not paragraphs or paragraphs[-1]["index"] != index:
            paragraphs.append({"index": index, "rows": []})
        paragraphs[-1]["rows"].append(row)
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "workbench/editor.html",
        {
            "document": document,
            "language": language,
            "language_name": display_name(language),
            "paragraphs": paragraphs,
            "page": page,
            "status": status,
            "query": query,
            "params": params.urlencode(),
            "statuses": Status.choices,
            "can_review": can_review(request.user),
            "derive_from": derive_source(document, language),
        },
    )


def _translation(pk: int) -> Translation:
    return get_object_or_404(
        Translation.objects.select_related("segment__document", "updated_by"), pk=pk
    )


def _row_response(request, translation: Translation, **extra):
    """Return the sentence's row for htmx, or the editor page for a plain form."""
    document = translation.segment.document
    if not request.htmx:
        if extra.get("conflict"):
            messages.error(
                request,
                _("Someone else saved sentence %(n)d first; your text was not saved.")
                % {"n": translation.segment.position + 1},
            )
        elif extra.get("error"):
            messages.error(request, extra["error"])
        url = reverse("editor", args=[document.pk, translation.language])
        return redirect("%s#row-%d" % (url, translation.pk))
    row = _rows([translation], document, translation.language)[0]
    context = {
        "row": row,
        "document": document,
        "language": translation.language,
        "can_review": can_review(request.user),
        **extra,
    }
    response = render(request, "workbench/_editor_row.html", context)
    response["HX-Trigger"] = "segment-saved"
    return response


@permission_required("workbench.change_translation", raise_exception=True)
@require_POST
def save(request, pk: int):
    translation = _translation(pk)
    text = request.POST.get("text", "").replace("\r\n", "\n")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    try:
        translation = save_translation(
            translation=translation,
            text=text,
            status=request.POST.get("status", Status.TRANSLATED),
            user=request.user,
            expected_version=version,
            memory_score=_taken_match(request, translation, text),
        )
    except EditConflict as conflict:
        current = conflict.current
        return _row_response(
            request, current, conflict={"mine": text, "theirs": current}
        )
    return _row_response(request, translation)


def _taken_match(request, translation: Translation, text: str) -> int | None:
    """The score of the memory match the editor says the text came from."""
    try:
        entry_id = int(request.POST.get("match", ""))
    except ValueError:
        return None
    segment = translation.segment
    return taken_match_score(
        entry_id,
        segment.source,
        segment.document.source_language,
        translation.language,
        text,
    )


@permission_required("workbench.review_translation", raise_exception=True)
@require_POST
def review(request, pk: int):
    translation = _translation(pk)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = None
    error = ""
    try:
        if request.POST.get("action") == "approve":
            translation = approve_translation(
                translation=translation, reviewer=request.user, expected_version=version
            )
        else:
            translation = reject_translation(
                translation=translation,
                reviewer=request.user,
                reason=request.POST.get("reason", ""),
                expected_version=version,
            )
    except EditConflict as conflict:
        translation = conflict.current
        error = str(conflict)
    except (ValidationError, PermissionDenied) as problem:
        error = " ".join(getattr(problem, "messages", [str(problem)]))
    return _row_response(request, translation, error=error)


@permission_required("workbench.change_translation", raise_exception=True)
def panel(request, pk: int):
    translation = _translation(pk)
    return render(request, "workbench/_editor_panel.html", _panel_context(translation))


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


def _panel_context(translation: Translation) -> dict:
    segment = translation.segment
    document = segment.document
    revisions = list(
        translation.revisions.select_related("author").order_by("-version")[:50]
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
        "hits": [
            {
                "text": hit.match.text,
                "concept": hit.match.concept_id,
                "rendering": hit.renderings.get(translation.language, ""),
            }
            for hit in lookup(segment.source, document.source_language)
        ],
        "findings": check_translation(
            source=segment.source,
            source_language=document.source_language,
            target=translation.text,
            target_language=translation.language,
        )
        if translation.status != Status.UNTRANSLATED
        else [],
        "matches": memory_matches(translation),
        "history": history,
        "comments": Comment.objects.filter(segment=segment)
        .filter(Q(language="") | Q(language=translation.language))
        .select_related("author"),
    }


@permission_required("workbench.change_translation", raise_exception=True)
@require_POST
def restore(request, pk: int, revision_id: int):
    translation = _translation(pk)
    revision = get_object_or_404(Revision, pk=revision_id, translation=translation)
    try:
        translation = restore_revision(
            revision=revision,
            user=request.user,
            expected_version=int(request.POST.get("version", "-1")),
        )
    except (EditConflict, ValueError):
        messages.error(request, _("Someone else saved this sentence; try again."))
    return _row_response(request, _translation(translation.pk))


@permission_required("workbench.add_comment", raise_exception=True)
@require_POST
def comment(request, pk: int):
    translation = _translation(pk)
    text = request.POST.get("text", "").strip()
    if text:
        Comment.objects.create(
            segment=translation.segment,
            language="" if request.POST.get("on") == "source" else translation.language,
            text=text[:5000],
            author=request.user,
        )
    return render(request, "workbench/_editor_panel.html", _panel_context(translation))


@permission_required("workbench.add_comment", raise_exception=True)
@require_POST
def resolve_comment(request, pk: int, comment_id: int):
    translation = _translation(pk)
    item = get_object_or_404(Comment, pk=comment_id, segment=translation.segment)
    if item.author_id != request.user.pk and not can_review(request.user):
        raise PermissionDenied
    item.resolved = True
    item.save(update_fields=["resolved"])
    return render(request, "workbench/_editor_panel.html", _panel_context(translation))
