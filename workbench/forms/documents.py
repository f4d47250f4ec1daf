"""Forms: parse and check input; the work is done by the domain modules."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_NAMES
from core.once import OnceField
from exchange.importing import upload_problem
from formats.documents import EXTENSIONS


def language_choices() -> list[tuple[str, str]]:
    return [(code, name) for code, name in LANGUAGE_NAMES.items()]


def default_targets(source: str) -> list[str]:
    """The configured target languages, less the source language."""
    return [code for code in settings.WORKBENCH_TARGET_LANGUAGES if code != source]


class DocumentUploadForm(forms.Form):
    """Upload a document; the source language is never also a target.

    A browser cannot keep a file input's value when the form comes back with
    an error, so every error of a bound form with a file says to choose the
    file again (``file_again``).
    """

    once = OnceField()
    file = forms.FileField(
        label=_("Document"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    source_language = forms.ChoiceField(
        label=_("Source language"), choices=language_choices, initial="en"
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=500,
        help_text=_("Leave empty to take the title from the document."),
    )
    targets = forms.MultipleChoiceField(
        label=_("Target languages"),
        choices=language_choices,
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )
    paragraphs = forms.ChoiceField(
        label=_("Paragraphs of a text file"),
        choices=[
            ("auto", _("Tell from the text")),
            ("lines", _("One paragraph per line")),
            ("blank", _("Blank lines between paragraphs")),
        ],
        initial="auto",
        required=False,
        help_text=_(
            "For a .txt file: text copied from a web page usually has one "
            "paragraph per line; an e-mail, blank lines between paragraphs "
            "and wrapped lines inside them."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.fields["source_language"].initial
        self.fields["targets"].initial = default_targets(source)
        self.fields["file"].help_text = _(
            "A .txt, .md, .html or .docx file of up to %(mb)d MB."
        ) % {"mb": settings.MAX_DOCUMENT_BYTES // settings.MB}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        problem = upload_problem(upload.name, upload.size)
        if problem:
            raise forms.ValidationError(problem, code="file")
        return upload

    def clean(self):
        cleaned = super().clean()
        source = cleaned.get("source_language")
        targets = cleaned.get("targets") or []
        if source and source in targets:
            self.add_error(
                "targets",
                _("The source language cannot also be a target language."),
            )
        return cleaned

    def file_again(self) -> str:
        """Say the file must be chosen again, if the form has errors."""
        if not self.is_bound or not self.errors or not self.files.get("file"):
            return ""
        return _(
            "Your browser does not keep a chosen file when the form comes back "
            "with an error: choose the file again (%(name)s)."
        ) % {"name": self.files["file"].name}


class NewVersionForm(forms.Form):
    file = DocumentUploadForm.base_fields["file"]

    clean_file = DocumentUploadForm.clean_file
