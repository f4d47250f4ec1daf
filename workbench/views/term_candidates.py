"""The Term candidates page: bilingual names found in the aligned archive,
with their evidence, for reviewers to accept into the glossary (edited if
need be) or dismiss for good."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from exchange.term_candidates import (
    MAX_PAIRS,
    CandidateRefused,
    accept,
    dismiss,
    open_candidates,
)

PERMISSION = "glossary.review_term"
#: Candidates shown at once, and sentence pairs of evidence per candidate.
SHOWN = 50
EVIDENCE_SHOWN = 5


@never_cache
@permission_required(PERMISSION, raise_exception=True)
def candidate_list(request):
    try:
        min_count = max(1, min(int(request.GET.get("min_count", 2)), 100))
    except ValueError:
        min_count = 2
    every_name = request.GET.get("every_name") == "1"
    proposals = open_candidates(min_count=min_count, limit=SHOWN, every_name=every_name)
    return render(
        request,
        "workbench/term_candidates.html",
        {
            "proposals": [
                {
                    "proposal": p,
                    "evidence": p.evidence[:EVIDENCE_SHOWN],
                    "more": max(0, len(p.evidence) - EVIDENCE_SHOWN),
                }
                for p in proposals
            ],
            "min_count": min_count,
            "every_name": every_name,
            "max_pairs": MAX_PAIRS,
        },
    )


@permission_required(PERMISSION, raise_exception=True)
@require_POST
def candidate_decide(request):
    english = request.POST.get("english", "")
    chinese = request.POST.get("chinese", "")
    language = request.POST.get("language", "")
    action = request.POST.get("action", "")
    back = reverse("term-candidates")
    if not english or not chinese or not language.startswith("zh"):
        messages.error(request, _("The change was not understood."))
        return redirect(back)
    try:
        if action == "dismiss":
            dismiss(user=request.user, english=english, chinese=chinese)
            messages.success(
                request,
                _("%(english)s = %(chinese)s dismissed: it will not be proposed again.")
                % {"english": english, "chinese": chinese},
            )
        elif action in ("propose", "approve"):
            concept = accept(
                user=request.user,
                english=english,
                chinese=chinese,
                language=language,
                as_english=request.POST.get("as_english", ""),
                as_chinese=request.POST.get("as_chinese", ""),
                approve=action == "approve",
                ui_language=request.LANGUAGE_CODE,
            )
            messages.success(
                request,
                (
                    _("Added to the glossary as an approved concept.")
                    if action == "approve"
                    else _("Added to the glossary as a proposed concept.")
                ),
            )
            return redirect(back + "#accepted-%d" % concept.pk)
        else:
            messages.error(request, _("The change was not understood."))
    except CandidateRefused as refused:
        messages.error(request, str(refused))
    except (ValidationError, PermissionDenied) as problem:
        messages.error(request, " ".join(getattr(problem, "messages", [str(problem)])))
    return redirect(back)
