"""What the API answers and takes: plain data, read from the models and
the services' results; writes go through the services, never ``save()``."""

from django.utils.translation import gettext_lazy as _

from rest_framework import serializers

from conversion.configs import CONFIGS
from core.statuses import Status
from exchange.exporting import EXPORT_FORMATS

#: The largest id or version a request may name (a database integer).
LARGEST = 2**31 - 1


class ProblemSerializer(serializers.Serializer):
    """Problem details (RFC 9457), as every error is answered."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = serializers.DictField(required=False)


class FileSerializer(serializers.Serializer):
    file = serializers.FileField()


class DocumentUploadSerializer(FileSerializer):
    source_language = serializers.CharField(max_length=35, default="en")
    paragraphs = serializers.ChoiceField(
        choices=["auto", "lines", "blank"],
        default="auto",
        help_text=_(
            "Where a .txt file's paragraphs end: told from the text, "
            "every line, or blank lines."
        ),
    )
    title = serializers.CharField(max_length=500, required=False, allow_blank=True)
    targets = serializers.ListField(
        child=serializers.CharField(max_length=35), required=False
    )


class TargetsSerializer(serializers.Serializer):
    targets = serializers.ListField(
        child=serializers.CharField(max_length=35), min_length=1, max_length=20
    )


class ExportQuerySerializer(serializers.Serializer):
    language = serializers.CharField(max_length=35)
    format = serializers.ChoiceField(choices=sorted(EXPORT_FORMATS))
    approved_only = serializers.BooleanField(default=False)


class LanguageProgressSerializer(serializers.Serializer):
    language = serializers.CharField()
    total = serializers.IntegerField()
    done_percent = serializers.IntegerField()
    counts = serializers.DictField(child=serializers.IntegerField())


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    source_language = serializers.CharField()
    target_languages = serializers.ListField(child=serializers.CharField())
    original_filename = serializers.CharField()
    file_kind = serializers.CharField()
    current_version = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class DocumentDetailSerializer(DocumentSerializer):
    progress = LanguageProgressSerializer(many=True)


class WarningSerializer(serializers.Serializer):
    check = serializers.CharField()
    message = serializers.CharField()


class TranslationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sentence = serializers.IntegerField(source="segment_id")
    language = serializers.CharField()
    text = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    origin = serializers.CharField()
    version = serializers.IntegerField()
    review_note = serializers.CharField(allow_blank=True)
    updated_at = serializers.DateTimeField(allow_null=True)
    open_warnings = serializers.IntegerField()
    warnings = WarningSerializer(many=True, source="open_warning_list")


class SentenceSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    key = serializers.CharField()
    position = serializers.IntegerField()
    paragraph = serializers.IntegerField()
    source = serializers.CharField()
    translation = TranslationSerializer(allow_null=True)


class TranslationWriteSerializer(serializers.Serializer):
    text = serializers.CharField(
        allow_blank=True, max_length=20000, trim_whitespace=False
    )
    status = serializers.ChoiceField(
        choices=[Status.TRANSLATED.value, Status.DRAFT.value],
        default=Status.TRANSLATED.value,
    )
    version = serializers.IntegerField(
        min_value=0,
        max_value=LARGEST,
        help_text=_("The version the client started from; a stale one is a 409."),
    )


class ReviewSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=0, max_value=LARGEST)
    despite_warnings = serializers.BooleanField(default=False)


class SendBackSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=0, max_value=LARGEST)
    reason = serializers.CharField(max_length=2000)


class ConflictSerializer(serializers.Serializer):
    """A 409: problem details with the translation as it is now."""

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    current = TranslationSerializer()


class ConvertSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=200_000, trim_whitespace=False)
    config = serializers.ChoiceField(choices=sorted(CONFIGS))
    use_glossary = serializers.BooleanField(default=True)


class ConvertedSerializer(serializers.Serializer):
    text = serializers.CharField()
    config = serializers.CharField()


class GlossaryLookupSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=200_000, trim_whitespace=False)
    language = serializers.CharField(max_length=35)


class GlossaryHitSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    text = serializers.CharField()
    concept = serializers.IntegerField()
    terms = serializers.DictField(child=serializers.CharField())


class JobSerializer(serializers.Serializer):
    """A job as ``manage.py jobs`` prints it."""

    id = serializers.IntegerField()
    kind = serializers.CharField()
    state = serializers.CharField()
    done = serializers.IntegerField()
    total = serializers.IntegerField()
    percent = serializers.IntegerField()
    unit = serializers.CharField()
    phase = serializers.CharField(allow_blank=True)
    result = serializers.JSONField(allow_null=True)
    error = serializers.CharField(allow_blank=True)
    worker = serializers.CharField(allow_blank=True)
    started_at = serializers.CharField(allow_null=True)
    finished_at = serializers.CharField(allow_null=True)


class BulkItemSerializer(serializers.Serializer):
    id = serializers.IntegerField(min_value=1, max_value=LARGEST)
    version = serializers.IntegerField(min_value=0, max_value=LARGEST)
    despite_warnings = serializers.BooleanField(default=False)


class BulkReviewSerializer(serializers.Serializer):
    action = serializers.ChoiceField(choices=["approve", "reject"])
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)
    items = BulkItemSerializer(many=True, min_length=1, max_length=1000)


class BulkResultSerializer(serializers.Serializer):
    done = serializers.IntegerField()
    empty = serializers.IntegerField()
    changed = serializers.IntegerField()
    warnings = serializers.IntegerField()


class CommentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    sentence = serializers.IntegerField(source="segment_id")
    language = serializers.CharField(allow_blank=True)
    text = serializers.CharField()
    author = serializers.CharField(source="author.username", allow_null=True)
    resolved = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class NewCommentSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=5000)
    on_source = serializers.BooleanField(default=False)


class RevisionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    text = serializers.CharField(allow_blank=True)
    status = serializers.CharField()
    origin = serializers.CharField(allow_blank=True)
    author = serializers.CharField(source="author.username", allow_null=True)
    note = serializers.CharField(source="shown_note", allow_blank=True)
    created_at = serializers.DateTimeField()


class TermSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    concept = serializers.IntegerField(source="concept_id")
    language = serializers.CharField()
    text = serializers.CharField()
    usage = serializers.CharField()
    approval = serializers.CharField()
    version = serializers.IntegerField()


class ConceptSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    domain = serializers.CharField(allow_blank=True)
    definition = serializers.CharField(allow_blank=True)
    version = serializers.IntegerField()
    created_at = serializers.DateTimeField()
    terms = TermSerializer(many=True, source="terms.all")


class NewTermSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=35)
    text = serializers.CharField(max_length=500)


class NewConceptSerializer(serializers.Serializer):
    terms = NewTermSerializer(many=True, min_length=1, max_length=20)
    domain = serializers.CharField(max_length=200, required=False, allow_blank=True)
    definition = serializers.CharField(
        max_length=5000, required=False, allow_blank=True
    )
    approve = serializers.BooleanField(default=False)


class TermDecisionSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=0, max_value=LARGEST)
    reason = serializers.CharField(max_length=2000, required=False, allow_blank=True)


class MemoryLookupSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=20000, trim_whitespace=False)
    source_language = serializers.CharField(max_length=35)
    target_language = serializers.CharField(max_length=35)
    limit = serializers.IntegerField(min_value=1, max_value=100, default=5)
    threshold = serializers.IntegerField(min_value=0, max_value=101, default=50)


class ConcordanceSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=500)
    source_language = serializers.CharField(max_length=35)
    target_language = serializers.CharField(max_length=35)
    limit = serializers.IntegerField(min_value=1, max_value=500, default=50)


class HitSerializer(serializers.Serializer):
    source = serializers.CharField()
    target = serializers.CharField()
    origin = serializers.CharField(allow_blank=True)
    source_language = serializers.CharField()
    target_language = serializers.CharField()
    codes = serializers.DictField(required=False)


class MatchSerializer(HitSerializer):
    score = serializers.IntegerField()
    notes = serializers.JSONField()
    props = serializers.JSONField()


class TmxExportSerializer(serializers.Serializer):
    source_language = serializers.CharField(max_length=35, required=False)
    target_language = serializers.CharField(max_length=35, required=False)


class PretranslateSerializer(serializers.Serializer):
    language = serializers.CharField(max_length=35)
    threshold = serializers.IntegerField(min_value=1, max_value=100, default=75)


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    original_filename = serializers.CharField()
    segment_count = serializers.IntegerField()
    summary = serializers.JSONField()
    created_at = serializers.DateTimeField()
