"""The translator's editor: sentences side by side, saved one at a time.

Every page and fragment here is sent with ``Cache-Control: no-store``
(``never_cache``): it carries versioned forms, and a copy from the browser's
cache (the Back button) would offer to save on top of an old version.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.inline import codes_from_json, sub_codes, to_tokens, token
from core.languages import display_name
from core.statuses import Status
from core.versions import posted_version
from documents.models import Document
from memory.lookup import taken_match_score
from translations.comments import add_comment
from translations.comments import resolve_comment as resolve_comment_of
from translations.deriving import derive_source
from translations.editing import mark_checked, restore_revision, save_translation
from translations.models import Comment, QualityWarning, Revision, Translation
from translations.pretranslating import with_codes
from translations.review import approve_translation, can_review, reject_translation
from translations.selectors import (
    by_paragraph,
    editor_rows,
    editor_translations,
    sentence_panel,
)
from translations.writing import EditConflict

ROWS_PER_PAGE = 50


@never_cache
@permission_required("workbench.change_translation", raise_exception=True)
def editor(request, pk: int, language: str):
    document = get_object_or_404(Document, pk=pk)
    if language not in document.target_languages:
        raise Http404(_("Not a target language of this document."))
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()
    translations = editor_translations(document, language, status=status, query=query)
    page = Paginator(translations, ROWS_PER_PAGE).get_page(request.GET.get("page"))
    paragraphs = by_paragraph(
        _with_codes(editor_rows(list(page.object_list), document, language))
    )
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
            "statuses": Status.choices,
            "can_review": can_review(request.user),
            "derive_from": derive_source(document, language),
        },
    )


def _chips(html: SafeString, codes: dict) -> SafeString:
    """Show the inline codes of a source as atomic chips, never raw markup.

    A chip's text is its token (``⟨1⟩``), so that copying the source copies
    the codes; its tooltip says what it stands for.
    """
    known = codes_from_json(codes)

    def chip(number: int, kind: str) -> str:
        code = known.get(number)
        tip = " · ".join(p for p in (code.label, code.type) if p) if code else ""
        return format_html(
            '<span class="code-chip code-{}" title="{}" translate="no"'
            ' contenteditable="false">{}</span>',
            kind,
            tip or _("inline code"),
            token(number, kind),
        )

    # codes are characters no escaping touches: replacing them keeps it safe
    return mark_safe(sub_codes(str(html), chip))  # noqa: S308


def _with_codes(rows: list[dict]) -> list[dict]:
    """Give each row its source's codes as chips and its text as tokens."""
    for row in rows:
        segment = row["t"].segment
        row["source_html"] = _chips(row["source_html"], segment.codes)
        row["text_tokens"] = to_tokens(row["t"].text)
        row["has_codes"] = bool(segment.codes)
    return rows


def _panel(request, translation: Translation, error: str = ""):
    """Render the sentence's panel; memory matches in the sentence's codes."""
    context = {**sentence_panel(translation), "error": error}
    source = translation.segment.source
    for item in context.get("matches", []):
        match = item["match"]
        item["text"] = to_tokens(with_codes(match.target, match.source, source)[0])
    for item in [*context.get("matches", []), *context.get("history", [])]:
        # tokens hold no markup: the escaped diff stays safe
        item["diff"] = mark_safe(to_tokens(str(item["diff"])))  # noqa: S308
    context["open_warnings"] = sum(w.is_open for w in context["warnings"])
    return render(request, "workbench/_editor_panel.html", context)


def _translation(pk: int) -> Translation:
    """A translation of a sentence of the current version (removed ones: 404)."""
    return get_object_or_404(
        Translation.objects.active().select_related("segment__document", "updated_by"),
        pk=pk,
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
    row = _with_codes(editor_rows([translation], document, translation.language))[0]
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


@never_cache
@permission_required("workbench.change_translation", raise_exception=True)
@require_POST
def save(request, pk: int):
    translation = _translation(pk)
    text = request.POST.get("text", "").replace("\r\n", "\n")
    version = posted_version(request.POST)
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
            request,
            current,
            conflict={
                "mine": text,
                "theirs": current,
                "theirs_text": to_tokens(current.text),
            },
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


@never_cache
@permission_required("workbench.review_translation", raise_exception=True)
@require_POST
def review(request, pk: int):
    translation = _translation(pk)
    version = posted_version(request.POST)
    error = ""
    try:
        if request.POST.get("action") == "approve":
            translation = approve_translation(
                translation=translation,
                reviewer=request.user,
                expected_version=version,
                despite_warnings=request.POST.get("despite") == "1",
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


@never_cache
@permission_required("workbench.change_translation", raise_exception=True)
def panel(request, pk: int):
    translation = _translation(pk)
    return _panel(request, translation)


@never_cache
@permission_required("workbench.change_translation", raise_exception=True)
@require_POST
def restore(request, pk: int, revision_id: int):
    translation = _translation(pk)
    revision = get_object_or_404(Revision, pk=revision_id, translation=translation)
    version = posted_version(request.POST)
    try:
        translation = restore_revision(
            revision=revision, user=request.user, expected_version=version
        )
    except EditConflict:
        messages.error(request, _("Someone else saved this sentence; try again."))
    return _row_response(request, _translation(translation.pk))


@never_cache
@permission_required("workbench.add_comment", raise_exception=True)
@require_POST
def comment(request, pk: int):
    translation = _translation(pk)
    add_comment(
        translation=translation,
        author=request.user,
        text=request.POST.get("text", ""),
        on_source=request.POST.get("on") == "source",
    )
    return _panel(request, translation)


@never_cache
@permission_required("workbench.add_comment", raise_exception=True)
@require_POST
def resolve_comment(request, pk: int, comment_id: int):
    translation = _translation(pk)
    item = get_object_or_404(Comment, pk=comment_id, segment=translation.segment)
    resolve_comment_of(comment=item, user=request.user)
    return _panel(request, translation)


@never_cache
@permission_required("workbench.change_translation", raise_exception=True)
@require_POST
def check_warning(request, pk: int, warning_id: int):
    """Mark a warning as checked (``checked=1``) or open again (``checked=0``)."""
    translation = _translation(pk)
    warning = get_object_or_404(QualityWarning, pk=warning_id, translation=translation)
    try:
        mark_checked(
            warning=warning,
            user=request.user,
            expected_version=posted_version(request.POST),
            checked=request.POST.get("checked", "1") == "1",
        )
    except EditConflict:
        error = _("Saved since you opened it: read the warnings again.")
        return _panel(request, _translation(pk), error=error)
    return _panel(request, _translation(pk))
