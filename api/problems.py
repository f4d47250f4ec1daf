"""Errors as problem details (RFC 9457): ``type``, ``title``, ``status``,
``detail`` (one line, as the commands say it) and, for bad fields,
``errors`` ({field: [messages]}). Served as ``application/problem+json``."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, JsonResponse
from django.utils.translation import gettext as _

from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

from workbench.middleware import page_not_found

CONTENT_TYPE = "application/problem+json"
TYPE = "https://workbench.example/problems/%s"


def problem(status_code: int, kind: str, title: str, detail: str, **extra) -> Response:
    body = {
        "type": TYPE % kind,
        "title": title,
        "status": status_code,
        "detail": detail,
        **extra,
    }
    return Response(body, status=status_code, content_type=CONTENT_TYPE)


def _one_line(detail) -> str:
    if isinstance(detail, list):
        return " ".join(_one_line(d) for d in detail)
    if isinstance(detail, dict):
        return " ".join(
            "%s: %s" % (key, _one_line(value)) for key, value in detail.items()
        )
    return str(detail)


def handler(exc, context):
    """DRF's exception handler, answering with problem details."""
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(exc.messages)
    response = exception_handler(exc, context)
    if response is None:
        return None
    code = response.status_code
    if isinstance(exc, exceptions.ValidationError):
        detail = exc.detail
        errors = detail if isinstance(detail, dict) else {"non_field_errors": detail}
        answer = problem(
            code,
            "invalid",
            _("The request is not valid."),
            _one_line(detail),
            errors=errors,
        )
    else:
        kind = getattr(exc, "default_code", "error")
        answer = problem(
            code,
            kind,
            str(getattr(exc, "default_detail", "")) or status.HTTP_400_BAD_REQUEST,
            _one_line(getattr(exc, "detail", "")),
        )
    for header in ("WWW-Authenticate", "Retry-After", "Allow"):
        if header in response:
            answer[header] = response[header]
    return answer


def not_found(request, exception=None):
    """The site's 404: problem details under ``/api/``, the page elsewhere
    (a path no route matches never reaches a view of the API)."""
    if request.path.startswith("/api/"):
        return JsonResponse(
            {
                "type": TYPE % "not_found",
                "title": _("Not found."),
                "status": 404,
                "detail": _("No such address in the API: %(path)s")
                % {"path": request.path},
            },
            status=404,
            content_type=CONTENT_TYPE,
        )
    return page_not_found(request, exception)
