"""Admin pages: a view of every table for managers and support."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from conversion.models import ConversionOverride, ConversionOverrideRevision
from conversion.overrides import save_override
from core.versions import VersionedForm
from documents.models import Document, DocumentVersion, Paragraph, Segment
from exchange.models import Alignment
from memory.models import MemoryEntry
from memory.store import forget
from translations.models import Comment, Revision, Translation


class VersionInline(admin.TabularInline):
    model = DocumentVersion
    fields = ("number", "original_filename", "segment_count", "summary", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ("title", "source_language", "current_version", "created_at")
    list_filter = ("source_language", "file_kind")
    search_fields = ("title", "original_filename")
    # Languages change through the document page (target rows are made there).
    readonly_fields = (
        "source_language",
        "target_languages",
        "checksum",
        "current_version",
        "created_by",
        "created_at",
    )
    inlines = [VersionInline]


@admin.register(DocumentVersion)
class DocumentVersionAdmin(admin.ModelAdmin):
    list_display = ("document", "number", "original_filename", "created_at")
    exclude = ("content",)
    readonly_fields = (
        "document",
        "number",
        "original_filename",
        "checksum",
        "segment_count",
        "summary",
        "created_by",
        "created_at",
    )


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows that only an import makes: shown, never added, edited or deleted."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Paragraph)
class ParagraphAdmin(ReadOnlyAdmin):
    list_display = ("document", "index", "style", "translatable")
    list_filter = ("translatable",)
    list_select_related = ("document",)


@admin.register(Segment)
class SegmentAdmin(ReadOnlyAdmin):
    list_display = ("document", "position", "paragraph", "short_source", "is_active")
    list_filter = ("is_active",)
    search_fields = ("source", "key")
    list_select_related = ("document",)
    readonly_fields = (
        "key",
        "created_in_version",
        "changed_in_version",
        "removed_in_version",
    )

    @admin.display(description=Segment._meta.get_field("source").verbose_name)
    def short_source(self, obj):
        return obj.source[:100]


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ("version", "text", "status", "origin", "note", "author", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(Translation)
class TranslationAdmin(admin.ModelAdmin):
    list_display = ("segment", "language", "status", "origin", "version", "updated_at")
    list_filter = ("language", "status", "origin")
    search_fields = ("text", "segment__source")
    raw_id_fields = ("segment",)
    readonly_fields = ("version", "updated_by", "updated_at")
    inlines = [RevisionInline]

    def has_change_permission(self, request, obj=None):
        # Edits go through the editor so that every change keeps a revision.
        return False


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ("translation", "version", "status", "author", "created_at")
    list_filter = ("status",)
    raw_id_fields = ("translation",)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("segment", "language", "author", "resolved", "created_at")
    list_filter = ("resolved", "language")
    raw_id_fields = ("segment",)


class OverrideRevisionInline(admin.TabularInline):
    model = ConversionOverrideRevision
    fields = ("snapshot", "author", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(ConversionOverride)
class ConversionOverrideAdmin(admin.ModelAdmin):
    form = VersionedForm
    list_display = ("source_text", "target_text", "variant", "is_active", "updated_at")
    list_filter = ("variant", "is_active")
    search_fields = ("source_text", "target_text")
    readonly_fields = ("version", "updated_by", "updated_at")
    inlines = [OverrideRevisionInline]

    def save_model(self, request, obj, form, change):
        # Through the one write path: a revision, and a conflict if the
        # override changed since this request loaded it.
        saved = save_override(
            user=request.user,
            variant=obj.variant,
            source_text=obj.source_text,
            target_text=obj.target_text,
            note=obj.note,
            is_active=obj.is_active,
            override=obj if change else None,
            expected_version=form.cleaned_data["based_on_version"] if change else None,
        )
        obj.pk, obj.version = saved.pk, saved.version


@admin.register(MemoryEntry)
class MemoryEntryAdmin(admin.ModelAdmin):
    """Entries are read here and deleted here; they come from approvals and TMX."""

    list_display = (
        "source",
        "target",
        "source_language",
        "target_language",
        "origin",
        "status",
        "changed_at",
    )
    list_filter = ("source_language", "target_language", "source_kind", "status")
    search_fields = ("source", "target", "origin")
    raw_id_fields = ("translation",)
    actions = ["forget_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def delete_model(self, request, obj):
        forget([obj])

    @admin.action(
        description=_("Delete the selected entries from the memory"),
        permissions=["delete"],
    )
    def forget_selected(self, request, queryset):
        forget(list(queryset))


@admin.register(Alignment)
class AlignmentAdmin(ReadOnlyAdmin):
    """Alignments change on their review page, where versions are checked."""

    list_display = (
        "name",
        "title",
        "chinese_language",
        "state",
        "created_by",
        "created_at",
    )
    list_filter = ("state", "chinese_language")
    search_fields = ("name", "title")
    exclude = ("english_file",)
