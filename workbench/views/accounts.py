"""The managers' page of locked accounts."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from axes.models import AccessAttempt

from workbench.accounts import locked_out, unlock


@permission_required("axes.view_accessattempt", raise_exception=True)
def locked_accounts(request):
    return render(request, "workbench/locked_accounts.html", {"locked": locked_out()})


@permission_required("axes.delete_accessattempt", raise_exception=True)
@require_POST
def unlock_account(request, pk: int):
    attempt = get_object_or_404(AccessAttempt, pk=pk)
    unlock(attempt=attempt)
    messages.success(
        request,
        _("%(who)s can log in again.")
        % {"who": attempt.username or attempt.ip_address},
    )
    return redirect("locked-accounts")
