"""A signed-in user without a role sees one page: that they need one.

Roles are the ``translators``, ``reviewers`` and ``managers`` groups
(``workbench.roles``). Without one, a user could otherwise read every
document and use the converter; here they can only log out, change their
password and switch the interface language.
"""

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from workbench.roles import role_of


class RoleRequiredMiddleware:
    """Answer 403 with the "you need a role" page to users with no role."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and role_of(user) is None
            and not self._open_to_all(request.path)
        ):
            return render(request, "workbench/no_role.html", status=403)
        return self.get_response(request)

    @staticmethod
    def _open_to_all(path: str) -> bool:
        open_paths = (
            reverse("logout"),
            reverse("set_language"),
            reverse("password_change"),
            reverse("password_change_done"),
        )
        return path in open_paths or path.startswith("/static/")


#: Control characters that have no place in a form field or a query; tab,
#: line feed and carriage return stay.
_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))
_CONTROLS[0x7F] = None


class ControlCharacterMiddleware:
    """Refuse a NUL character in a form or a query; drop other control characters.

    A NUL can only come from a broken or hostile client (PostgreSQL refuses
    to store it): the request is answered 400, naming the field. Other
    control characters (a vertical tab pasted from a word processor) are
    removed before any view sees the values.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name in ("GET", "POST"):
            values = getattr(request, name)
            field = next(
                (
                    key
                    for key, items in values.lists()
                    if "\x00" in key or any("\x00" in value for value in items)
                ),
                None,
            )
            if field is not None:
                return render(
                    request,
                    "workbench/bad_request.html",
                    {"field": field.replace("\x00", "")},
                    status=400,
                )
            if any(
                value.translate(_CONTROLS) != value
                for _key, items in values.lists()
                for value in items
            ):
                cleaned = values.copy()
                for key, items in values.lists():
                    cleaned.setlist(
                        key, [value.translate(_CONTROLS) for value in items]
                    )
                cleaned._mutable = False
                setattr(request, name, cleaned)
        return self.get_response(request)


class HostileRequestMiddleware:
    """Refuse a NUL in the path or a cookie before anything reads them (400).

    The session middleware would otherwise look the cookie up in the
    database, which refuses a NUL with an error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in name or "\x00" in value for name, value in request.COOKIES.items()
        ):
            return HttpResponseBadRequest(
                _("The request holds a NUL character."), content_type="text/plain"
            )
        return self.get_response(request)
