"""A signed-in user without a role sees one page: that they need one.

Roles are the ``translators``, ``reviewers`` and ``managers`` groups
(``workbench.roles``). Without one, a user could otherwise read every
document and use the converter; here they can only log out, change their
password and switch the interface language.
"""

from django.shortcuts import render
from django.urls import reverse

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
