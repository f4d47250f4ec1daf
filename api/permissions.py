"""Who may call what: the permissions the pages need, for the same users.

Every view names the Django permission its page needs (``workbench.roles``
gives them to the three roles); a signed-in user with no role is refused,
as the pages refuse them. There is no second permission model.
"""

from django.utils.translation import gettext_lazy as _

from rest_framework.permissions import BasePermission

from workbench.roles import role_of


class HasRole(BasePermission):
    message = _("Your account has no role yet: ask a manager for one.")

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and role_of(user) is not None)


def needs(permission: str, *, write_only: bool = False):
    """A permission class: ``permission`` needed (for writes only, if asked)."""

    class Needs(BasePermission):
        message = _("Your role does not allow this.")

        def has_permission(self, request, view):
            if write_only and request.method in ("GET", "HEAD", "OPTIONS"):
                return True
            return request.user.has_perm(permission)

    Needs.__name__ = "Needs_%s" % permission.replace(".", "_")
    return Needs
