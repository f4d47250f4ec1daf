"""Jobs: state and progress of your own (managers: everyone's), the file an
export job wrote, and cancelling."""

from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.common import ByNewest
from api.permissions import HasRole
from api.problems import CONTENT_TYPE as PROBLEM
from api.problems import problem
from jobs.files import has_file, output_chunks
from jobs.models import Job, JobChunk, State
from jobs.running import cancel_job, current, reap_lost


def _sees_all(user) -> bool:
    return user.has_perm("workbench.view_job")


def _job(request, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if job.started_by_id != request.user.pk and not _sees_all(request.user):
        raise PermissionDenied(_("This job was started by someone else."))
    return job


class JobList(generics.ListAPIView):
    """Jobs, newest first: your own, or everyone's for managers."""

    permission_classes = [HasRole]
    serializer_class = s.JobSerializer
    pagination_class = ByNewest

    def get_queryset(self):
        reap_lost()
        jobs = Job.objects.all()
        if not _sees_all(self.request.user):
            jobs = jobs.filter(started_by=self.request.user)
        return jobs

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response(
            s.JobSerializer([current(job) for job in page], many=True).data
        )


class JobDetail(APIView):
    permission_classes = [HasRole]

    @extend_schema(responses=s.JobSerializer)
    def get(self, request, pk: int):
        return Response(s.JobSerializer(current(_job(request, pk))).data)


class JobCancel(APIView):
    permission_classes = [HasRole]

    @extend_schema(request=None, responses=s.JobSerializer)
    def post(self, request, pk: int):
        job = _job(request, pk)
        if job.started_by_id != request.user.pk and not request.user.has_perm(
            "workbench.change_job"
        ):
            raise PermissionDenied(_("This job was started by someone else."))
        cancel_job(job)
        job.refresh_from_db()
        return Response(s.JobSerializer(current(job)).data)


class JobDownload(APIView):
    """The file a succeeded export job wrote, while it is kept."""

    permission_classes = [HasRole]

    @extend_schema(
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY),
            (410, PROBLEM): s.ProblemSerializer,
        }
    )
    def get(self, request, pk: int):
        job = _job(request, pk)
        if job.state != State.SUCCEEDED or not has_file(job, JobChunk.OUTPUT):
            return problem(
                410,
                "gone",
                _("No file."),
                _("This job's file is no longer kept; run the export again."),
            )
        response = StreamingHttpResponse(
            output_chunks(job),
            content_type=job.result.get("content_type", "application/octet-stream"),
        )
        response["Content-Disposition"] = content_disposition_header(
            True, job.result["file"]
        )
        response["Content-Length"] = str(job.result["bytes"])
        return response
