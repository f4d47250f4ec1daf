"""One-time form tokens: a form sent twice does its work once.

A form that creates something carries a hidden field ``once`` holding a
fresh random token (``new_token``). The view, wrapped in ``@once_per_token``,
claims the token on the first post (``cache.add`` is atomic), does its work
and records where the work led (the redirect's address). A second post with
the same token (a double click, a reload of the POST, the Back button and
send again) does nothing: it waits briefly for the first post to finish and
redirects to the same result with a message saying so.

A view that shows its result on the page itself (an import's account)
marks that response with ``keep_result``: a second post gets the same page
again. Such a view renews the token of the form it shows again
(``renew_token``), so the next file is a new post.

A post that did not lead anywhere (the form came back with errors) releases
its token, so the corrected form can be sent again; a repeat that was
waiting for it then runs as a post of its own. A repeat that waits longer
than ``WAIT_SECONDS`` goes back to the page it came from, saying the form is
still being worked on. A post without a token (an old page, a script) is
done as before.

Tokens are kept for a day in the cache named ``once``: the settings make it
a database table (``manage.py createcachetable``), so every worker process
sees them, and ``cache.add`` there is an insert under a unique key. Without
that cache the default one is used; if the store cannot be reached, the
post is done unguarded and a warning logged, never refused.
"""

import functools
import logging
import secrets
import time

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.cache import caches
from django.db import DatabaseError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

FIELD = "once"
PENDING = "pending"
KEEP_SECONDS = 24 * 60 * 60
WAIT_SECONDS = 30.0


def new_token() -> str:
    """A fresh token for a form's hidden ``once`` field."""
    return secrets.token_urlsafe(18)


class OnceField(forms.CharField):
    """The hidden one-time token of a form that creates something."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, initial=new_token, max_length=64, **kwargs)


def renew_token(form) -> None:
    """Give a bound form shown again a fresh token (its work was done)."""
    form.data = form.data.copy()
    form.data[FIELD] = new_token()


def keep_result(response):
    """Mark a rendered result page as the answer to a repeat of its post."""
    response.once_keep = True
    return response


def _cache():
    """The token store: the ``once`` cache if configured, else the default."""
    return caches["once"] if "once" in settings.CACHES else caches["default"]


def _key(request, token: str) -> str:
    return "once:%s:%s" % (getattr(request.user, "pk", None) or "-", token)


def once_per_token(view):
    """Run a POST with a given token once; a repeat goes to the first result."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        token = request.POST.get(FIELD, "") if request.method == "POST" else ""
        if not token or len(token) > 64:
            return view(request, *args, **kwargs)
        key, cache = _key(request, token), _cache()
        try:
            while not cache.add(key, PENDING, KEEP_SECONDS):
                answer = _repeat(request, cache, key)
                if answer is not None:
                    return answer
                # the first post released its token (its form had errors): go on
        except DatabaseError as error:
            log.warning("One-time form tokens unavailable (%s): post unguarded", error)
            return view(request, *args, **kwargs)
        try:
            response = view(request, *args, **kwargs)
        except BaseException:
            cache.delete(key)
            raise
        try:
            _remember(cache, key, response)
        except DatabaseError as error:
            log.warning("One-time form token not recorded (%s)", error)
        return response

    return wrapped


def _remember(cache, key: str, response) -> None:
    """Keep where the post led (or its page); release the token otherwise."""
    location = response.get("Location", "")
    if 300 <= response.status_code < 400 and location:
        cache.set(key, location, KEEP_SECONDS)
    elif getattr(response, "once_keep", False):
        page = (response.content, response.get("Content-Type", ""))
        cache.set(key, page, KEEP_SECONDS)
    else:
        cache.delete(key)


def _repeat(request, cache, key: str):
    """The first post's result, once it has one; None if it released the token."""
    deadline = time.monotonic() + WAIT_SECONDS
    location = cache.get(key)
    while location == PENDING and time.monotonic() < deadline:
        time.sleep(0.1)
        location = cache.get(key)
    if location is None:
        return None
    if isinstance(location, tuple):
        content, content_type = location
        return HttpResponse(content, content_type=content_type)
    if location != PENDING:
        messages.info(request, _("This form was already sent; this is what it did."))
        return redirect(location)
    messages.info(
        request, _("This form was already sent and is still being worked on.")
    )
    back = request.META.get("HTTP_REFERER", "")
    if not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = "/"
    return redirect(back)
