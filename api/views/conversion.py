"""Simplified ↔ Traditional conversion of a text, as ``convert_chinese``."""

from django.utils.translation import gettext as _

from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api import serializers as s
from api.common import valid
from api.permissions import HasRole
from api.problems import problem
from conversion.engine import ConversionUnavailable, convert_text


class Convert(APIView):
    permission_classes = [HasRole]

    @extend_schema(request=s.ConvertSerializer, responses=s.ConvertedSerializer)
    def post(self, request):
        data = valid(s.ConvertSerializer, request)
        try:
            text = convert_text(
                data["text"], data["config"], use_glossary=data["use_glossary"]
            )
        except ConversionUnavailable as error:
            return problem(503, "unavailable", _("Conversion unavailable."), str(error))
        return Response({"text": text, "config": data["config"]})
