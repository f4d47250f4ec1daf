"""Glossary pages: search, concept, proposals and the reviewers' queue."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.languages import UnknownLanguage, normalise
from core.once import once_per_token
from core.redirects import redirect_back
from core.versions import posted_version
from glossary.approval import (
    GlossaryConflict,
    NewTerm,
    approve_term,
    can_review,
    propose_concept,
    propose_term,
    reject_term,
    update_term,
)
from glossary.forms import (
    NOTE_LENGTH,
    TERM_LENGTH,
    ConceptProposalForm,
    GlossaryFilterForm,
    RejectForm,
    TermEditForm,
    TermProposalForm,
)
from glossary.merging import keep_apart, merge_concepts
from glossary.models import Concept, PossibleDuplicate, Term, Usage
from glossary.selectors import (
    MAIN_LANGUAGES,
    concept_history,
    concept_rows,
    concept_terms,
    possible_duplicates,
    search_concepts,
    terms_awaiting_review,
    waiting_count,
)

CONCEPTS_PER_PAGE = 50


@permission_required("glossary.view_concept", raise_exception=True)
def concept_list(request):
    form = GlossaryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    concepts = search_concepts(**filters)
    page = Paginator(concepts, CONCEPTS_PER_PAGE).get_page(request.GET.get("page"))
    rows = concept_rows(page.object_list)
    return render(
        request,
        "glossary/concept_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows,
            "languages": MAIN_LANGUAGES,
            "waiting": waiting_count(),
        },
    )


@never_cache
@permission_required("glossary.view_concept", raise_exception=True)
def concept_detail(request, pk: int):
    concept = get_object_or_404(Concept, pk=pk)
    return render(
        request,
        "glossary/concept_detail.html",
        {
            "concept": concept,
            "terms": concept_terms(concept),
            "history": concept_history(concept),
            "term_form": TermProposalForm(),
            "usages": Usage.choices,
            "term_length": TERM_LENGTH,
            "note_length": NOTE_LENGTH,
            "reject_form": RejectForm(),
            "can_review_terms": can_review(request.user),
        },
    )


@permission_required("glossary.add_term", raise_exception=True)
@once_per_token
def concept_propose(request):
    initial = {}
    if request.method == "GET" and request.GET.get("text"):
        try:
            language = normalise(request.GET.get("language", "en"))
        except UnknownLanguage:
            language = "en"
        field = ConceptProposalForm.FIELDS.get(language)
        if field:
            initial[field] = request.GET["text"][:TERM_LENGTH]
    form = ConceptProposalForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            concept = propose_concept(
                terms=[NewTerm(lang, text) for lang, text in form.terms()],
                user=request.user,
                domain=form.cleaned_data["domain"],
                definition=form.cleaned_data["definition"],
                note=form.cleaned_data["note"],
                ui_language=request.LANGUAGE_CODE,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("Your proposal was saved; a reviewer will look at it.")
            )
            return redirect(concept)
    return render(request, "glossary/concept_propose.html", {"form": form})


@permission_required("glossary.add_term", raise_exception=True)
@require_POST
@once_per_token
def term_propose(request, pk: int):
    concept = get_object_or_404(Concept, pk=pk)
    form = TermProposalForm(request.POST)
    if form.is_valid():
        try:
            propose_term(
                concept=concept,
                language=form.cleaned_data["language"],
                text=form.cleaned_data["text"],
                usage=form.cleaned_data["usage"],
                case_sensitive=form.cleaned_data["case_sensitive"],
                user=request.user,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Your proposal was saved; a reviewer will look at it.")
            )
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    return redirect(concept)


@permission_required("glossary.change_term", raise_exception=True)
@require_POST
def term_edit(request, pk: int):
    term = get_object_or_404(Term.objects.select_related("concept"), pk=pk)
    posted_version(request.POST)
    form = TermEditForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return _back(request, term)
    try:
        term = update_term(
            term=term,
            user=request.user,
            text=form.cleaned_data["text"],
            usage=form.cleaned_data["usage"],
            case_sensitive=form.cleaned_data["case_sensitive"],
            note=form.cleaned_data["note"],
            expected_version=form.cleaned_data["version"],
        )
    except GlossaryConflict as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("“%(term)s” changed.") % {"term": term.text})
    return _back(request, term)


@never_cache
@permission_required("glossary.review_term", raise_exception=True)
def review_queue(request):
    language = request.GET.get("language", "")
    terms = terms_awaiting_review(language)
    page = Paginator(terms, CONCEPTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "glossary/review_queue.html",
        {"page": page, "reject_form": RejectForm(), "language": language},
    )


def _back(request, term: Term):
    return redirect_back(request, term.concept)


@permission_required("glossary.review_term", raise_exception=True)
@require_POST
def term_approve(request, pk: int):
    term = get_object_or_404(Term, pk=pk)
    version = posted_version(request.POST)
    try:
        approve_term(term=term, reviewer=request.user, expected_version=version)
    except (GlossaryConflict, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("“%(term)s” approved.") % {"term": term.text})
    return _back(request, term)


@permission_required("glossary.review_term", raise_exception=True)
@require_POST
def term_reject(request, pk: int):
    term = get_object_or_404(Term, pk=pk)
    posted_version(request.POST)
    form = RejectForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the term is rejected."))
        return _back(request, term)
    try:
        reject_term(
            term=term,
            reviewer=request.user,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except (GlossaryConflict, PermissionDenied, ValidationError) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, _("“%(term)s” rejected.") % {"term": term.text})
    return _back(request, term)


@permission_required("glossary.review_term", raise_exception=True)
def duplicate_list(request):
    pairs = possible_duplicates()
    page = Paginator(pairs, CONCEPTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "glossary/duplicates.html", {"page": page})


@permission_required("glossary.review_term", raise_exception=True)
@require_POST
def duplicate_merge(request, pk: int):
    """Merge one concept of a pair into the other (``into``: concept or other)."""
    pair = get_object_or_404(PossibleDuplicate, pk=pk)
    keep_other = request.POST.get("into") != "concept"
    target, source = (
        (pair.other, pair.concept)
        if keep_other
        else (
            pair.concept,
            pair.other,
        )
    )
    versions = (
        posted_version(request.POST, "source_version"),
        posted_version(request.POST, "target_version"),
    )
    try:
        merged = merge_concepts(
            source=source,
            target=target,
            user=request.user,
            source_version=versions[0],
            target_version=versions[1],
        )
    except (GlossaryConflict, PermissionDenied) as error:
        messages.error(request, str(error))
    else:
        message = _("The two concepts are now one.")
        if merged.doubled:
            message += " " + _("Both had %(terms)s: kept once.") % {
                "terms": ", ".join(merged.doubled)
            }
        messages.success(request, message)
    return redirect("glossary:duplicates")


@permission_required("glossary.review_term", raise_exception=True)
@require_POST
def duplicate_keep_apart(request, pk: int):
    pair = get_object_or_404(PossibleDuplicate, pk=pk)
    try:
        keep_apart(pair=pair, user=request.user)
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Kept apart; the pair will not be listed again."))
    return redirect("glossary:duplicates")
