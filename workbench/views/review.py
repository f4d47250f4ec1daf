"""The reviewers' queue across documents."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.redirects import redirect_back
from documents.models import Document
from translations.models import Translation
from translations.review import review_many

QUEUE_PAGE = 50


def _queue(request):
    translations = (
        Translation.objects.active()
        .awaiting_review()
        .select_related("segment__document", "updated_by")
        .order_by("updated_at", "id")
    )
    document = request.GET.get("document", "")
    language = request.GET.get("language", "")
    if document.isdigit():
        translations = translations.filter(segment__document_id=int(document))
    if language:
        translations = translations.filter(language=language)
    return translations, document, language


@permission_required("workbench.review_translation", raise_exception=True)
def queue(request):
    translations, document, language = _queue(request)
    page = Paginator(translations, QUEUE_PAGE).get_page(request.GET.get("page"))
    languages = sorted(
        set(
            Translation.objects.awaiting_review()
            .values_list("language", flat=True)
            .distinct()
        )
    )
    return render(
        request,
        "workbench/review_queue.html",
        {
            "page": page,
            "documents": Document.objects.filter(
                segments__translations__status="translated"
            )
            .distinct()
            .only("id", "title"),
            "languages": languages,
            "document": document,
            "language": language,
            "query": request.GET.urlencode(),
        },
    )


@permission_required("workbench.review_translation", raise_exception=True)
@require_POST
def bulk(request):
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    action = request.POST.get("action")
    reason = request.POST.get("reason", "").strip()
    chosen = list(Translation.objects.awaiting_review().filter(pk__in=ids))
    if action == "reject" and not reason:
        messages.error(request, _("Say why the translations are sent back."))
    elif action in ("approve", "reject") and chosen:
        done, skipped = review_many(
            translations=chosen, reviewer=request.user, action=action, reason=reason
        )
        messages.success(
            request,
            (
                ngettext("%(n)d sentence approved.", "%(n)d sentences approved.", done)
                if action == "approve"
                else ngettext(
                    "%(n)d sentence sent back.", "%(n)d sentences sent back.", done
                )
            )
            % {"n": done},
        )
        if skipped:
            messages.warning(
                request,
                ngettext(
                    "%(n)d empty sentence skipped.",
                    "%(n)d empty sentences skipped.",
                    skipped,
                )
                % {"n": skipped},
            )
    return redirect_back(request, "review-queue")
