"""Glossary admin: concepts with tabbed translated fields, terms inline."""

from django.contrib import admin

from modeltranslation.admin import TabbedTranslationAdmin

from core.versions import VersionedForm
from glossary.approval import propose_term, update_term
from glossary.history import record_change
from glossary.models import Action, Concept, Term, TermCandidateDecision, TermRevision


class TermInline(admin.TabularInline):
    """The concept's terms, shown; each is changed on its own page or the site's."""

    model = Term
    fields = ("language", "text", "usage", "approval", "case_sensitive", "reason")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Concept)
class ConceptAdmin(TabbedTranslationAdmin):
    form = VersionedForm
    list_display = ("__str__", "identifier", "scope", "domain", "updated_at")
    search_fields = ("identifier", "scope", "terms__text", "definition")
    inlines = [TermInline]
    # The kept data categories are written back to TBX as they were read: not
    # edited by hand, where nothing would check them against TBX-Basic.
    readonly_fields = (
        "scope",
        "extra",
        "version",
        "created_by",
        "created_at",
        "updated_at",
    )

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1
        super().save_model(request, obj, form, change)

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
    form = VersionedForm
    list_display = ("text", "language", "usage", "approval", "concept")
    list_filter = ("language", "usage", "approval")
    search_fields = ("text",)
    raw_id_fields = ("concept",)
    readonly_fields = (
        "extra",
        "approval",
        "reason",
        "version",
        "proposed_by",
        "proposed_at",
        "decided_by",
        "decided_at",
    )

    def get_readonly_fields(self, request, obj=None):
        # Approval is decided in the term review; a term stays in its concept
        # and language.
        fixed = ("concept", "language") if obj else ()
        return (*fixed, *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        # Through the glossary's write path: versions checked, revisions kept.
        if change:
            saved = update_term(
                term=obj,
                user=request.user,
                text=obj.text,
                usage=obj.usage,
                case_sensitive=obj.case_sensitive,
                expected_version=form.cleaned_data["based_on_version"],
                note="admin",
            )
        else:
            saved = propose_term(
                concept=obj.concept,
                language=obj.language,
                text=obj.text,
                usage=obj.usage,
                case_sensitive=obj.case_sensitive,
                user=request.user,
                note="admin",
            )
        obj.pk, obj.version = saved.pk, saved.version


@admin.register(TermRevision)
class TermRevisionAdmin(admin.ModelAdmin):
    list_display = ("concept", "term", "action", "author", "created_at")
    list_filter = ("action",)
    raw_id_fields = ("concept", "term")

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TermCandidateDecision)
class TermCandidateDecisionAdmin(admin.ModelAdmin):
    """Reviewers' decisions on term candidates: deleting a dismissal lets the
    candidate be proposed again."""

    list_display = (
        "english",
        "chinese",
        "decision",
        "concept",
        "decided_by",
        "decided_at",
    )
    list_filter = ("decision",)
    search_fields = ("english", "chinese")
    readonly_fields = (
        "english",
        "chinese",
        "decision",
        "concept",
        "decided_by",
        "decided_at",
    )

    def has_add_permission(self, request):
        return False
