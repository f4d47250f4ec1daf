"""The translation memory: fuzzy lookup and concordance (as
``memory_lookup``), a TMX import and a TMX export, each a job."""

from django.conf import settings
from django.utils.translation import gettext as _

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.common import language, started, valid
from api.permissions import HasRole, needs
from api.problems import CONTENT_TYPE as PROBLEM
from jobs.models import Kind
from memory.lookup import concordance, lookup, query_of, shown


class Lookup(APIView):
    """The best matches for a text, best first (``memory_lookup``)."""

    permission_classes = [HasRole, needs("workbench.view_memoryentry")]

    @extend_schema(
        request=s.MemoryLookupSerializer, responses=s.MatchSerializer(many=True)
    )
    def post(self, request):
        data = valid(s.MemoryLookupSerializer, request)
        source = language(data["source_language"], "source_language")
        target = language(data["target_language"], "target_language")
        matches = lookup(
            query_of(data["text"]),
            source,
            target,
            limit=data["limit"],
            threshold=data["threshold"],
        )
        return Response([shown(match.as_dict(), match.codes) for match in matches])


class Concordance(APIView):
    """Every entry holding a phrase in its source or target."""

    permission_classes = [HasRole, needs("workbench.view_memoryentry")]

    @extend_schema(
        request=s.ConcordanceSerializer, responses=s.HitSerializer(many=True)
    )
    def post(self, request):
        data = valid(s.ConcordanceSerializer, request)
        source = language(data["source_language"], "source_language")
        target = language(data["target_language"], "target_language")
        hits = concordance(data["text"], source, target, limit=data["limit"])
        return Response(
            [
                shown(
                    {
                        "source": hit.source,
                        "target": hit.target,
                        "origin": hit.origin,
                        "source_language": hit.source_language,
                        "target_language": hit.target_language,
                    },
                    hit.codes,
                )
                for hit in hits
            ]
        )


class TmxImport(APIView):
    """A TMX file (1.1–1.4) into the memory, by a job."""

    permission_classes = [HasRole, needs("workbench.add_memoryentry")]
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": s.FileSerializer},
        responses={202: s.JobSerializer, (409, PROBLEM): s.ProblemSerializer},
    )
    def post(self, request):
        data = valid(s.FileSerializer, request)
        if data["file"].size > settings.MAX_TMX_UPLOAD_BYTES:
            raise ValidationError(
                {
                    "file": [
                        _("%(name)s is larger than %(mb)d MB.")
                        % {
                            "name": data["file"].name,
                            "mb": settings.MAX_TMX_UPLOAD_BYTES // settings.MB,
                        }
                    ]
                }
            )
        return started(
            request, kind=Kind.IMPORT_MEMORY, upload=data["file"], arguments={}
        )


class TmxExport(APIView):
    """The memory (or one language pair of it) as TMX 1.4b, by a job; the
    job's file is at ``/api/v1/jobs/{id}/download/``."""

    permission_classes = [HasRole, needs("workbench.add_memoryentry")]

    @extend_schema(
        request=s.TmxExportSerializer,
        responses={202: s.JobSerializer, (409, PROBLEM): s.ProblemSerializer},
    )
    def post(self, request):
        data = valid(s.TmxExportSerializer, request)
        source = target = None
        if data.get("source_language") and data.get("target_language"):
            source = language(data["source_language"], "source_language")
            target = language(data["target_language"], "target_language")
        name = "memory.%s-%s.tmx" % (source, target) if source else "memory.tmx"
        return started(
            request,
            kind=Kind.EXPORT_MEMORY,
            arguments={
                "source_language": source,
                "target_language": target,
                "output_name": name,
            },
        )
