"""The glossary: concepts with their terms, propose, approve or reject a
term, and the approved terms found in a text (as ``glossary_lookup``)."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.common import ByNewest, language, valid
from api.permissions import HasRole, needs
from api.problems import CONTENT_TYPE as PROBLEM
from api.problems import problem
from glossary.approval import (
    GlossaryConflict,
    NewTerm,
    approve_term,
    propose_concept,
    reject_term,
)
from glossary.lookup import lookup
from glossary.models import Concept, Term


class ConceptList(generics.ListAPIView):
    """Concepts with their terms, newest first; ``q`` finds a term's text;
    ``POST`` proposes a concept (approved at once if a reviewer asks)."""

    serializer_class = s.ConceptSerializer
    permission_classes = [
        HasRole,
        needs("glossary.view_concept"),
        needs("glossary.add_concept", write_only=True),
    ]

    pagination_class = ByNewest

    def get_queryset(self):
        concepts = Concept.objects.prefetch_related(
            Prefetch("terms", queryset=Term.objects.order_by("language", "pk"))
        )
        query = self.request.query_params.get("q", "").strip()[:200]
        if query:
            concepts = concepts.filter(terms__text__icontains=query).distinct()
        return concepts

    @extend_schema(parameters=[OpenApiParameter("q", str)])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(request=s.NewConceptSerializer, responses={201: s.ConceptSerializer})
    def post(self, request):
        data = valid(s.NewConceptSerializer, request)
        concept = propose_concept(
            terms=[
                NewTerm(language(term["language"], "terms"), term["text"])
                for term in data["terms"]
            ],
            user=request.user,
            domain=data.get("domain", ""),
            definition=data.get("definition", ""),
            ui_language=request.LANGUAGE_CODE,
            approve=data["approve"],
        )
        return Response(s.ConceptSerializer(concept).data, status=201)


class ConceptDetail(APIView):
    permission_classes = [HasRole, needs("glossary.view_concept")]

    @extend_schema(responses=s.ConceptSerializer)
    def get(self, request, pk: int):
        return Response(s.ConceptSerializer(get_object_or_404(Concept, pk=pk)).data)


class _Decide(APIView):
    """A reviewer's decision on a term, based on the version read."""

    permission_classes = [HasRole, needs("glossary.review_term")]

    def decide(self, term: Term, user, data: dict) -> Term:
        raise NotImplementedError

    @extend_schema(
        request=s.TermDecisionSerializer,
        responses={200: s.TermSerializer, (409, PROBLEM): s.ProblemSerializer},
    )
    def post(self, request, pk: int):
        term = get_object_or_404(Term, pk=pk)
        data = valid(s.TermDecisionSerializer, request)
        try:
            decided = self.decide(term, request.user, data)
        except GlossaryConflict as found:
            term.refresh_from_db()
            return problem(
                409,
                "conflict",
                str(found),
                str(found),
                current=s.TermSerializer(term).data,
            )
        return Response(s.TermSerializer(decided).data)


class TermApprove(_Decide):
    def decide(self, term, user, data):
        return approve_term(
            term=term,
            reviewer=user,
            expected_version=data["version"],
            note=data.get("reason", ""),
        )


class TermReject(_Decide):
    def decide(self, term, user, data):
        return reject_term(
            term=term,
            reviewer=user,
            reason=data.get("reason", ""),
            expected_version=data["version"],
        )


class GlossaryLookup(APIView):
    """The approved glossary terms in a text, as ``glossary_lookup``."""

    permission_classes = [HasRole, needs("glossary.view_concept")]

    @extend_schema(
        request=s.GlossaryLookupSerializer, responses=s.GlossaryHitSerializer(many=True)
    )
    def post(self, request):
        data = valid(s.GlossaryLookupSerializer, request)
        code = language(data["language"], "language")
        return Response([hit.as_dict() for hit in lookup(data["text"], code)])
