"""Glossary forms: propose a concept or a term, change a term, reject with a reason."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_NAMES
from core.once import OnceField
from glossary.models import Approval, Term, Usage

#: The longest term and note the forms take (a term: the model's column).
TERM_LENGTH = Term._meta.get_field("text").max_length
NOTE_LENGTH = 2000


def language_choices():
    return [(code, name) for code, name in LANGUAGE_NAMES.items()]


class ConceptProposalForm(forms.Form):
    """A new concept: one term per main language, at least one given."""

    once = OnceField()

    term_en = forms.CharField(
        label=_("English"), required=False, max_length=TERM_LENGTH
    )
    term_zh_hant = forms.CharField(
        label=_("Traditional Chinese (Hong Kong)"),
        required=False,
        max_length=TERM_LENGTH,
    )
    term_zh_hans = forms.CharField(
        label=_("Simplified Chinese"), required=False, max_length=TERM_LENGTH
    )
    domain = forms.CharField(label=_("Domain"), required=False, max_length=200)
    definition = forms.CharField(
        label=_("Definition"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    FIELDS = {"en": "term_en", "zh-Hant": "term_zh_hant", "zh-Hans": "term_zh_hans"}

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f, "").strip() for f in self.FIELDS.values()):
            raise forms.ValidationError(
                _("Give the term in at least one language."), code="no_terms"
            )
        return cleaned

    def terms(self) -> list[tuple[str, str]]:
        return [
            (language, self.cleaned_data[field].strip())
            for language, field in self.FIELDS.items()
            if self.cleaned_data.get(field, "").strip()
        ]


class TermProposalForm(forms.Form):
    """Another term for an existing concept."""

    once = OnceField()

    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    text = forms.CharField(label=_("Term"), max_length=TERM_LENGTH)
    usage = forms.ChoiceField(label=_("Usage"), choices=Usage.choices)
    case_sensitive = forms.BooleanField(label=_("Case-sensitive"), required=False)


class TermEditForm(forms.Form):
    """A change to a term, stating the version it was made from."""

    text = forms.CharField(label=_("Term"), max_length=TERM_LENGTH)
    usage = forms.ChoiceField(label=_("Usage"), choices=Usage.choices)
    case_sensitive = forms.BooleanField(label=_("Case-sensitive"), required=False)
    note = forms.CharField(label=_("Why"), required=False, max_length=NOTE_LENGTH)
    version = forms.IntegerField(widget=forms.HiddenInput)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=NOTE_LENGTH,
        widget=forms.TextInput(attrs={"placeholder": _("Why is it rejected?")}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class GlossaryFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=lambda: [("", _("any"))] + language_choices(),
    )
    domain = forms.CharField(label=_("Domain"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("any"))] + list(Approval.choices),
    )


class GlossaryImportForm(forms.Form):
    """A CSV or TBX file to merge into the glossary, and how."""

    once = OnceField()

    file = forms.FileField(label=_("CSV or TBX file"))
    id_scope = forms.CharField(
        label=_("Identifier scope"),
        required=False,
        max_length=200,
        help_text=_(
            "The file's concept ids are matched only within this scope; by "
            "default the file's name, so re-importing the file updates its "
            "concepts."
        ),
    )
    merge_on = forms.ChoiceField(
        label=_("Join concepts of other files"),
        choices=[
            ("term", _("by a shared term in the same domain (no conflicting term)")),
            ("id", _("by the same id in another scope")),
            ("none", _("never: only list possible duplicates")),
        ],
        initial="term",
    )
    source_language = forms.CharField(
        label=_("Source language"),
        required=False,
        max_length=35,
        help_text=_("For a CSV with a source,target header or without a header."),
    )
    target_language = forms.CharField(
        label=_("Target language"), required=False, max_length=35
    )
    approval = forms.ChoiceField(
        label=_("Status of terms the file does not give one"),
        choices=Approval.choices,
        initial=Approval.APPROVED,
    )
    dry_run = forms.BooleanField(
        label=_("Dry run: show what would change, write nothing"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("%(name)s is larger than %(mb)d MB.")
                % {"name": upload.name, "mb": settings.MAX_UPLOAD_BYTES // settings.MB}
            )
        return upload
