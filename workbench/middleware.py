"""A signed-in user without a role sees one page: that they need one.

Roles are the ``translators``, ``reviewers`` and ``managers`` groups
(``workbench.roles``). Without one, a user could otherwise read every
document and use the converter; here they can only log out, change their
password and switch the interface language.
"""

from django.db import OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from workbench.roles import (
    MANAGERS,
    REVIEWERS,
    ROLE_PERMISSIONS,
    ROLES,
    TRANSLATORS,
    role_of,
)


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
                field = field.replace("\x00", "")
                if _for_the_api(request):
                    return _problem(
                        _("The field %(field)s holds a NUL character.")
                        % {"field": field}
                    )
                return render(
                    request, "workbench/bad_request.html", {"field": field}, status=400
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
            if _for_the_api(request):
                return _problem(_("The request holds a NUL character."))
            return HttpResponseBadRequest(
                _("The request holds a NUL character."), content_type="text/plain"
            )
        return self.get_response(request)


def _for_the_api(request) -> bool:
    return request.path.startswith("/api/")


def _problem(detail: str) -> HttpResponse:
    """A 400 as the API answers it (problem details, RFC 9457)."""
    return JsonResponse(
        {
            "type": "https://workbench.example/problems/invalid",
            "title": _("The request is not valid."),
            "status": 400,
            "detail": detail,
        },
        status=400,
        content_type="application/problem+json",
    )


#: What each role is called on the permission page, weakest role first.
_ROLE_NAMES = {
    TRANSLATORS: gettext_lazy("translator"),
    REVIEWERS: gettext_lazy("reviewer"),
    MANAGERS: gettext_lazy("manager"),
}


def _permissions_of(view) -> list[str]:
    """The permissions a view's ``permission_required`` decorators ask for.

    Django's decorator keeps them in the closure of its check; a view
    without one (or a decorator that changed shape) gives an empty list.
    """
    found: list[str] = []
    seen = set()
    while view is not None and id(view) not in seen:
        seen.add(id(view))
        for cell in getattr(view, "__closure__", None) or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if callable(value) and getattr(value, "__name__", "") == "check_perms":
                for inner in value.__closure__ or ():
                    try:
                        perm = inner.cell_contents
                    except ValueError:
                        continue
                    if isinstance(perm, str) and "." in perm:
                        found.append(perm)
                    elif isinstance(perm, (list, tuple)):
                        found.extend(p for p in perm if isinstance(p, str))
        view = getattr(view, "__wrapped__", None)
    return found


def roles_needed(request) -> list[str]:
    """The roles (weakest first) that may open the page ``request`` asked for."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        try:
            match = resolve(request.path_info)
        except Resolver404:
            return []
    wanted = _permissions_of(match.func)
    if not wanted:
        return []
    return [
        role for role in ROLES if all(perm in ROLE_PERMISSIONS[role] for perm in wanted)
    ]


def permission_denied(request, exception=None):
    """The 403 page: styled, translated, naming the role the page needs."""
    roles = roles_needed(request)
    message = str(exception) if exception is not None and str(exception) else ""
    context = {
        "roles": [_ROLE_NAMES[role] for role in roles],
        "your_role": _ROLE_NAMES.get(role_of(request.user))
        if getattr(request, "user", None) is not None
        else None,
        "message": message,
    }
    return render(request, "403.html", context, status=403)


def page_not_found(request, exception=None):
    """The 404 page: styled and translated, never Django's technical page."""
    return render(request, "404.html", {"path": request.path}, status=404)


class DatabaseBusyMiddleware:
    """A write that waited too long for the database becomes a page saying
    so (503), never a server error.

    SQLite writes one transaction at a time: while a background job imports,
    a save waits for it (the ``timeout`` of the settings), then SQLite gives
    up with "database is locked". Nothing of the request was written.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not (
            isinstance(exception, OperationalError)
            and "database is locked" in str(exception)
        ):
            return None
        message = _(
            "The database is busy with a long job and could not save this in "
            "time; nothing was saved. Try again in a moment."
        )
        if getattr(request, "htmx", False):
            return HttpResponse(message, status=503, content_type="text/plain")
        return render(request, "503.html", {"message": message}, status=503)
