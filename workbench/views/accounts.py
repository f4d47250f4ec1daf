"""The managers' page of locked accounts and addresses."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import BadRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from workbench.accounts import locked_out, unlock


@permission_required("axes.view_accessattempt", raise_exception=True)
def locked_accounts(request):
    return render(request, "workbench/locked_accounts.html", {"locked": locked_out()})


@permission_required("axes.delete_accessattempt", raise_exception=True)
@require_POST
def unlock_account(request):
    kind, value = request.POST.get("kind", ""), request.POST.get("value", "")
    if kind not in ("username", "ip_address") or not value:
        raise BadRequest(_("Say which account or address to unlock."))
    unlock(kind=kind, value=value)
    messages.success(request, _("%(who)s can log in again.") % {"who": value})
    return redirect("locked-accounts")
