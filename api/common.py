"""What the API's views share: pagination, reading a body, conflicts."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response

from api import serializers as s
from api.problems import CONTENT_TYPE as PROBLEM
from api.problems import problem
from core import languages
from jobs.running import JobRefused, current, start_job
from translations.models import QualityWarning, Translation
from translations.writing import EditConflict

#: A 409 in the schema: problem details with the record as it is now.
CONFLICT = {(409, PROBLEM): s.ConflictSerializer}


class ByNewest(CursorPagination):
    ordering = ("-created_at", "-id")
    page_size = 50
    max_page_size = 200
    page_size_query_param = "page_size"


class ByPosition(CursorPagination):
    ordering = ("position", "id")
    page_size = 100
    max_page_size = 500
    page_size_query_param = "page_size"


def valid(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def valid_query(serializer_class, request) -> dict:
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


def language(code: str, field: str) -> str:
    """A language code as the workbench files it; a 400 naming ``field``."""
    try:
        return languages.normalise(code)
    except languages.UnknownLanguage as error:
        raise ValidationError({field: [str(error)]}) from error


def counted(translations) -> list[Translation]:
    """Translations with ``warnings``, their open warnings (check and
    message, in the reader's language)."""
    rows = list(translations)
    found: dict[int, list[dict]] = {}
    for warning in (
        QualityWarning.objects.open()
        .filter(translation__in=[row.pk for row in rows])
        .order_by("pk")
    ):
        found.setdefault(warning.translation_id, []).append(
            {"check": warning.check_name, "message": warning.message}
        )
    for row in rows:
        row.open_warning_list = found.get(row.pk, [])
        row.open_warnings = len(row.open_warning_list)
    return rows


def translation(pk: int) -> Translation:
    return counted([get_object_or_404(Translation, pk=pk)])[0]


def conflict(found: EditConflict):
    return problem(
        status.HTTP_409_CONFLICT,
        "conflict",
        _("Someone saved this sentence first."),
        str(found),
        current=s.TranslationSerializer(translation(found.current.pk)).data,
    )


def started(request, *, kind: str, arguments: dict, upload=None):
    """Start a job as a page does; 202 with the job, or 409 for a twin."""
    try:
        job = start_job(
            kind=kind,
            user=request.user,
            arguments=arguments,
            file_name=upload.name if upload is not None else "",
            pieces=upload.chunks() if upload is not None else None,
        )
    except JobRefused as refused:
        earlier = refused.args[0]
        return problem(
            status.HTTP_409_CONFLICT,
            "already-running",
            _("This is already under way."),
            _("This is already under way (job %(job)d); wait for it to finish.")
            % {"job": earlier.pk},
        )
    return Response(s.JobSerializer(current(job)).data, status=status.HTTP_202_ACCEPTED)
