"""The API tokens page: make a named token (shown once), see when each was
last used, revoke one. Every signed-in user with a role has it."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from api.models import ApiToken
from api.tokens import create_token, revoke


@never_cache
@require_http_methods(["GET", "POST"])
def token_list(request):
    shown = None
    if request.method == "POST":
        if request.POST.get("revoke"):
            try:
                token_id = int(request.POST["revoke"])
            except ValueError:
                token_id = 0
            if revoke(request.user, token_id):
                messages.success(request, _("The token was revoked."))
            else:
                messages.error(request, _("No such token of yours to revoke."))
            return redirect("api-tokens")
        name = request.POST.get("name", "").strip()
        if not name:
            messages.error(request, _("Give the token a name, to know it again."))
            return redirect("api-tokens")
        _token, shown = create_token(request.user, name)
    tokens = ApiToken.objects.filter(user=request.user)
    return render(request, "api/tokens.html", {"tokens": tokens, "shown": shown})
