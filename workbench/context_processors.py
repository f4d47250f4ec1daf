"""Template context: what the signed-in user's role lets them do."""

from workbench.roles import role_of


def roles(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"role": None}
    return {
        "role": role_of(user),
        "can_import": user.has_perm("workbench.import_document"),
        "can_review": user.has_perm("workbench.review_translation"),
    }
