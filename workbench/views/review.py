"""The reviewers' queue across documents.

The queue carries versioned forms: it is never cached, and its form's
one-time token makes a double click approve (or send back) once.
"""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.once import new_token, once_per_token
from core.redirects import redirect_back
from core.versions import posted_items
from translations.review import review_many
from translations.selectors import review_filters, review_queue

QUEUE_PAGE = 50


@never_cache
@permission_required("workbench.review_translation", raise_exception=True)
def queue(request):
    document = request.GET.get("document", "")
    language = request.GET.get("language", "")
    warnings = request.GET.get("warnings") == "1"
    translations = review_queue(document=document, language=language, warnings=warnings)
    page = Paginator(translations, QUEUE_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "workbench/review_queue.html",
        {
            "page": page,
            **review_filters(),
            "document": document,
            "language": language,
            "warnings": warnings,
            "once": new_token(),
        },
    )


@permission_required("workbench.review_translation", raise_exception=True)
@require_POST
@once_per_token
def bulk(request):
    items = posted_items(request.POST)
    action = request.POST.get("action")
    reason = request.POST.get("reason", "").strip()
    if action == "reject" and not reason:
        messages.error(request, _("Say why the translations are sent back."))
    elif action in ("approve", "reject") and items:
        result = review_many(
            items=items,
            reviewer=request.user,
            action=action,
            reason=reason,
            despite=frozenset(
                int(pk) for pk in request.POST.getlist("despite") if pk.isdigit()
            ),
        )
        done = result.done
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
        if result.empty:
            messages.warning(
                request,
                ngettext(
                    "%(n)d empty sentence skipped.",
                    "%(n)d empty sentences skipped.",
                    result.empty,
                )
                % {"n": result.empty},
            )
        if result.warnings:
            messages.warning(
                request,
                ngettext(
                    "%(n)d sentence has open warnings and was not approved: read "
                    "them and tick “approve despite warnings”.",
                    "%(n)d sentences have open warnings and were not approved: read "
                    "them and tick “approve despite warnings”.",
                    result.warnings,
                )
                % {"n": result.warnings},
            )
        if result.changed:
            messages.warning(
                request,
                ngettext(
                    "%(n)d sentence changed since you loaded the page; "
                    "it was left alone.",
                    "%(n)d sentences changed since you loaded the page; "
                    "they were left alone.",
                    result.changed,
                )
                % {"n": result.changed},
            )
    return redirect_back(request, "review-queue")
