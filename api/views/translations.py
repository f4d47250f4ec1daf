"""Translations: read, save (based on a version: a stale one is a 409),
approve, send back, review many at once; comments and revisions."""

from django.shortcuts import get_object_or_404

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.common import CONFLICT, conflict, translation, valid
from api.permissions import HasRole, needs
from translations.comments import add_comment
from translations.editing import save_translation
from translations.models import Comment, Revision, Translation
from translations.review import approve_translation, reject_translation, review_many
from translations.writing import EditConflict


def _answer(row) -> Response:
    return Response(s.TranslationSerializer(translation(row.pk)).data)


class TranslationDetail(APIView):
    """A translation; ``PATCH`` saves a text, based on the version read."""

    permission_classes = [HasRole, needs("workbench.change_translation")]

    @extend_schema(responses=s.TranslationSerializer)
    def get(self, request, pk: int):
        return Response(s.TranslationSerializer(translation(pk)).data)

    @extend_schema(
        request=s.TranslationWriteSerializer,
        responses={200: s.TranslationSerializer, **CONFLICT},
    )
    def patch(self, request, pk: int):
        row = translation(pk)
        data = valid(s.TranslationWriteSerializer, request)
        try:
            saved = save_translation(
                translation=row,
                text=data["text"],
                status=data["status"],
                user=request.user,
                expected_version=data["version"],
            )
        except EditConflict as found:
            return conflict(found)
        return _answer(saved)


class Approve(APIView):
    permission_classes = [HasRole, needs("workbench.review_translation")]

    @extend_schema(
        request=s.ReviewSerializer, responses={200: s.TranslationSerializer, **CONFLICT}
    )
    def post(self, request, pk: int):
        data = valid(s.ReviewSerializer, request)
        try:
            approved = approve_translation(
                translation=translation(pk),
                reviewer=request.user,
                expected_version=data["version"],
                despite_warnings=data["despite_warnings"],
            )
        except EditConflict as found:
            return conflict(found)
        return _answer(approved)


class SendBack(APIView):
    permission_classes = [HasRole, needs("workbench.review_translation")]

    @extend_schema(
        request=s.SendBackSerializer,
        responses={200: s.TranslationSerializer, **CONFLICT},
    )
    def post(self, request, pk: int):
        data = valid(s.SendBackSerializer, request)
        try:
            sent_back = reject_translation(
                translation=translation(pk),
                reviewer=request.user,
                reason=data["reason"],
                expected_version=data["version"],
            )
        except EditConflict as found:
            return conflict(found)
        return _answer(sent_back)


class BulkReview(APIView):
    """Approve or send back many sentences, each at the version the client
    read: one that moved since is left alone and counted as changed."""

    permission_classes = [HasRole, needs("workbench.review_translation")]

    @extend_schema(request=s.BulkReviewSerializer, responses=s.BulkResultSerializer)
    def post(self, request):
        data = valid(s.BulkReviewSerializer, request)
        result = review_many(
            items=[(item["id"], item["version"]) for item in data["items"]],
            reviewer=request.user,
            action=data["action"],
            reason=data.get("reason", ""),
            despite=frozenset(
                item["id"] for item in data["items"] if item["despite_warnings"]
            ),
        )
        return Response(s.BulkResultSerializer(result).data)


class Comments(APIView):
    """The comments on a translation's sentence; ``POST`` adds one."""

    permission_classes = [
        HasRole,
        needs("workbench.view_comment"),
        needs("workbench.add_comment", write_only=True),
    ]

    @extend_schema(responses=s.CommentSerializer(many=True))
    def get(self, request, pk: int):
        row = translation(pk)
        comments = Comment.objects.filter(segment=row.segment_id).order_by("created_at")
        return Response(s.CommentSerializer(comments, many=True).data)

    @extend_schema(request=s.NewCommentSerializer, responses={201: s.CommentSerializer})
    def post(self, request, pk: int):
        data = valid(s.NewCommentSerializer, request)
        comment = add_comment(
            translation=translation(pk),
            author=request.user,
            text=data["text"],
            on_source=data["on_source"],
        )
        return Response(s.CommentSerializer(comment).data, status=201)


class Revisions(APIView):
    """Every saved state of a translation, newest first."""

    permission_classes = [HasRole, needs("workbench.view_revision")]

    @extend_schema(responses=s.RevisionSerializer(many=True))
    def get(self, request, pk: int):
        row = get_object_or_404(Translation, pk=pk)
        revisions = Revision.objects.filter(translation=row).order_by("-version", "-pk")
        return Response(s.RevisionSerializer(revisions, many=True).data)
