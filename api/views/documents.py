"""Documents: list, upload (a job), detail with progress, a new version (a
job), target languages, sentences with their translations, exports."""

from django.conf import settings
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.common import (
    ByNewest,
    ByPosition,
    counted,
    language,
    started,
    valid,
    valid_query,
)
from api.permissions import HasRole, needs
from api.problems import CONTENT_TYPE as PROBLEM
from api.problems import problem
from documents.models import Document, DocumentVersion, Segment
from exchange.exporting import CONTENT_TYPES, EXPORT_FORMATS, ExportRefused, export_any
from exchange.importing import ImportRefused, set_target_languages, upload_problem
from jobs.models import Kind
from translations.models import Translation
from translations.pretranslating import PretranslateRefused, check_request
from translations.progress import progress_for


def progress(document: Document) -> list[dict]:
    found = progress_for([document.pk]).get(document.pk, {})
    out = []
    for code in document.target_languages:
        figures = found.get(code)
        out.append(
            {
                "language": code,
                "total": figures.total if figures else 0,
                "done_percent": figures.done_percent if figures else 0,
                "counts": dict(figures.counts) if figures else {},
            }
        )
    return out


def _document_file(upload):
    problem = upload_problem(upload.name, upload.size)
    if problem:
        raise ValidationError({"file": [problem]})
    return upload


class DocumentList(generics.ListAPIView):
    """The documents, newest first; ``POST`` uploads one, imported by a job."""

    serializer_class = s.DocumentSerializer
    pagination_class = ByNewest
    permission_classes = [
        HasRole,
        needs("workbench.view_document"),
        needs("workbench.import_document", write_only=True),
    ]
    parser_classes = [MultiPartParser]

    def get_queryset(self):
        documents = Document.objects.all()
        source = self.request.query_params.get("source_language")
        if source:
            documents = documents.filter(source_language=source)
        return documents

    @extend_schema(parameters=[OpenApiParameter("source_language", str)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        request={"multipart/form-data": s.DocumentUploadSerializer},
        responses={202: s.JobSerializer, (409, PROBLEM): s.ProblemSerializer},
    )
    def post(self, request):
        data = valid(s.DocumentUploadSerializer, request)
        upload = _document_file(data["file"])
        targets = [language(code, "targets") for code in data.get("targets") or []]
        source = language(data["source_language"], "source_language")
        return started(
            request,
            kind=Kind.IMPORT_DOCUMENT,
            upload=upload,
            arguments={
                "source_language": source,
                "title": data.get("title") or "",
                "paragraphs": data["paragraphs"],
                "targets": targets
                or [t for t in settings.WORKBENCH_TARGET_LANGUAGES if t != source],
            },
        )


class DocumentDetail(APIView):
    permission_classes = [HasRole, needs("workbench.view_document")]

    @extend_schema(responses=s.DocumentDetailSerializer)
    def get(self, request, pk: int):
        document = get_object_or_404(Document, pk=pk)
        data = s.DocumentSerializer(document).data
        data["progress"] = progress(document)
        return Response(data)


class NewVersion(APIView):
    """The document's versions; ``POST`` a changed file to replace the
    document's text, by a job."""

    permission_classes = [
        HasRole,
        needs("workbench.view_document"),
        needs("workbench.import_document", write_only=True),
    ]
    parser_classes = [MultiPartParser]

    @extend_schema(responses=s.VersionSerializer(many=True))
    def get(self, request, pk: int):
        document = get_object_or_404(Document, pk=pk)
        versions = DocumentVersion.objects.filter(document=document).order_by("number")
        return Response(s.VersionSerializer(versions, many=True).data)

    @extend_schema(
        request={"multipart/form-data": s.FileSerializer},
        responses={202: s.JobSerializer, (409, PROBLEM): s.ProblemSerializer},
    )
    def post(self, request, pk: int):
        document = get_object_or_404(Document, pk=pk)
        data = valid(s.FileSerializer, request)
        return started(
            request,
            kind=Kind.NEW_VERSION,
            upload=_document_file(data["file"]),
            arguments={"document": document.pk},
        )


class Targets(APIView):
    """The document's target languages (removing one only hides it)."""

    permission_classes = [HasRole, needs("workbench.import_document")]

    @extend_schema(request=s.TargetsSerializer, responses=s.DocumentDetailSerializer)
    def put(self, request, pk: int):
        document = get_object_or_404(Document, pk=pk)
        data = valid(s.TargetsSerializer, request)
        wanted = [language(code, "targets") for code in data["targets"]]
        try:
            set_target_languages(document=document, languages=wanted)
        except ImportRefused as refused:
            raise ValidationError({"targets": [refused.problem]}) from refused
        document.refresh_from_db()
        body = s.DocumentSerializer(document).data
        body["progress"] = progress(document)
        return Response(body)


class SentenceList(generics.ListAPIView):
    """A document's current sentences in order, each with its translation
    into ``language`` (one of the document's target languages; the first by
    default)."""

    serializer_class = s.SentenceSerializer
    pagination_class = ByPosition
    permission_classes = [HasRole, needs("workbench.view_translation")]

    def get_queryset(self):
        document = get_object_or_404(Document, pk=self.kwargs["pk"])
        asked = self.request.query_params.get("language", "")
        code = language(asked, "language") if asked else ""
        if not code and document.target_languages:
            code = document.target_languages[0]
        if code not in document.target_languages:
            raise ValidationError(
                {"language": [_("Not a target language of this document.")]}
            )
        self.language = code
        return Segment.objects.filter(document=document).active()

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        rows = counted(
            Translation.objects.filter(
                segment__in=[segment.pk for segment in page], language=self.language
            )
        )
        by_segment = {row.segment_id: row for row in rows}
        items = [
            {
                "id": segment.pk,
                "key": segment.key,
                "position": segment.position,
                "paragraph": segment.paragraph,
                "source": segment.source,
                "translation": by_segment.get(segment.pk),
            }
            for segment in page
        ]
        return self.get_paginated_response(s.SentenceSerializer(items, many=True).data)

    @extend_schema(parameters=[OpenApiParameter("language", str)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class Export(APIView):
    """The document as PO, TMX, XLIFF or the translated document, streamed
    (a document longer than ``EXPORT_JOB_SENTENCES`` is written by a job:
    202 with the job, whose file ``/api/v1/jobs/{id}/download/`` serves)."""

    permission_classes = [HasRole, needs("workbench.import_document")]

    @extend_schema(
        parameters=[
            OpenApiParameter("language", str, required=True),
            OpenApiParameter("format", str, required=True, enum=sorted(EXPORT_FORMATS)),
            OpenApiParameter("approved_only", bool),
        ],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
            202: s.JobSerializer,
        },
    )
    def get(self, request, pk: int):
        document = get_object_or_404(Document, pk=pk)
        data = valid_query(s.ExportQuerySerializer, request)
        code = language(data["language"], "language")
        if code not in document.target_languages:
            raise ValidationError(
                {"language": [_("Not a target language of this document.")]}
            )
        kind = data["format"]
        suffix = "xlf" if kind == "xliff12" else kind
        name = "document-%d.%s.%s" % (document.pk, code, suffix)
        if document.segments.active().count() > settings.EXPORT_JOB_SENTENCES:
            return started(
                request,
                kind=Kind.EXPORT_DOCUMENT,
                arguments={
                    "document": document.pk,
                    "language": code,
                    "format": kind,
                    "approved_only": data["approved_only"],
                    "output_name": name,
                },
            )
        try:
            chunks = export_any(
                document, code, kind, approved_only=data["approved_only"]
            )
        except ExportRefused as refused:
            return problem(422, "export-refused", _("Not exported."), str(refused))
        response = StreamingHttpResponse(chunks, content_type=CONTENT_TYPES[kind])
        response["Content-Disposition"] = content_disposition_header(True, name)
        return response


class Pretranslate(APIView):
    """Fill a language's untranslated sentences from the memory, as drafts,
    by a job (exact matches, and fuzzy ones down to ``threshold``)."""

    permission_classes = [HasRole, needs("workbench.import_document")]

    @extend_schema(
        request=s.PretranslateSerializer,
        responses={202: s.JobSerializer, (409, PROBLEM): s.ProblemSerializer},
    )
    def post(self, request, pk: int):
        document = get_object_or_404(Document, pk=pk)
        data = valid(s.PretranslateSerializer, request)
        code = language(data["language"], "language")
        try:
            check_request(document=document, language=code, threshold=data["threshold"])
        except PretranslateRefused as refused:
            raise ValidationError({"language": [str(refused)]}) from refused
        return started(
            request,
            kind=Kind.PRETRANSLATE,
            arguments={
                "document": document.pk,
                "language": code,
                "threshold": data["threshold"],
            },
        )
