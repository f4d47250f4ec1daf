"""Glossary admin: concepts with tabbed translated fields, terms inline."""

from django.contrib import admin

from modeltranslation.admin import TabbedTranslationAdmin

from glossary.history import record_change
from glossary.models import Action, Concept, Term, TermRevision


class TermInline(admin.TabularInline):
    model = Term
    fields = ("language", "text", "usage", "approval", "case_sensitive", "reason")
    extra = 0
    show_change_link = True


@admin.register(Concept)
class ConceptAdmin(TabbedTranslationAdmin):
    list_display = ("__str__", "identifier", "domain", "updated_at")
    search_fields = ("identifier", "terms__text", "definition")
    inlines = [TermInline]
    readonly_fields = ("version", "created_by", "created_at", "updated_at")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        record_change(
            concept=form.instance,
            term=None,
            action=Action.CHANGED if change else Action.CREATED,
            user=request.user,
            note="admin",
        )


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ("text", "language", "usage", "approval", "concept")
    list_filter = ("language", "usage", "approval")
    search_fields = ("text",)
    raw_id_fields = ("concept",)
    readonly_fields = (
        "version",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
    )

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)
        record_change(
            concept=obj.concept,
            term=obj,
            action=Action.EDITED if change else Action.PROPOSED,
            user=request.user,
            note="admin",
        )


@admin.register(TermRevision)
class TermRevisionAdmin(admin.ModelAdmin):
    list_display = ("concept", "term", "action", "author", "created_at")
    list_filter = ("action",)
    raw_id_fields = ("concept", "term")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
