"""Forms of the alignment pages: two files or a zip, or two documents."""

import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _

from core.once import OnceField
from documents.models import Document
from exchange.importing import upload_problem
from formats.documents import EXTENSIONS

CHINESE_LANGUAGES = [
    ("zh-Hant", _("Traditional Chinese")),
    ("zh-Hans", _("Simplified Chinese")),
]


def _document_file(upload):
    if upload is None:
        return None
    problem = upload_problem(upload.name, upload.size)
    if problem:
        raise forms.ValidationError(problem, code="file")
    return upload


class AlignmentUploadForm(forms.Form):
    """An English file and its Chinese version, or a zip of such pairs."""

    once = OnceField()
    english = forms.FileField(
        label=_("English version"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    chinese = forms.FileField(
        label=_("Chinese version"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(EXTENSIONS)}),
    )
    batch = forms.FileField(
        label=_("Or a zip of releases"),
        required=False,
        help_text=_(
            "Each release as NAME.en.EXT and NAME.zh.EXT (.txt, .md, .html or .docx)."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".zip"}),
    )
    chinese_language = forms.ChoiceField(
        label=_("The Chinese version is in"),
        choices=CHINESE_LANGUAGES,
        initial="zh-Hant",
    )

    def clean_english(self):
        return _document_file(self.cleaned_data.get("english"))

    def clean_chinese(self):
        return _document_file(self.cleaned_data.get("chinese"))

    def clean_batch(self):
        upload = self.cleaned_data.get("batch")
        if upload is None:
            return None
        if not zipfile.is_zipfile(upload):
            raise forms.ValidationError(
                _("%(name)s is not a zip file."),
                params={"name": upload.name},
                code="zip",
            )
        upload.seek(0)
        return upload

    def clean(self):
        cleaned = super().clean()
        english, chinese, batch = (
            cleaned.get("english"),
            cleaned.get("chinese"),
            cleaned.get("batch"),
        )
        if self.errors:
            return cleaned
        if batch is not None and (english or chinese):
            raise forms.ValidationError(
                _("Give either the two versions or a zip, not both."), code="both"
            )
        if batch is None and not (english and chinese):
            raise forms.ValidationError(
                _(
                    "Choose the English file and its Chinese version, or a zip "
                    "of releases."
                ),
                code="missing",
            )
        return cleaned


class AlignDocumentsForm(forms.Form):
    """Two documents already in the workbench: English and its Chinese version."""

    once = OnceField()
    english_document = forms.ModelChoiceField(
        label=_("English document"),
        queryset=Document.objects.filter(source_language="en").order_by("title"),
    )
    chinese_document = forms.ModelChoiceField(
        label=_("Chinese document"),
        queryset=Document.objects.filter(source_language__startswith="zh").order_by(
            "title"
        ),
    )


class CommitForm(forms.Form):
    """What a commit does besides the memory."""

    fill = forms.ChoiceField(
        label=_("Also fill the English document's translations"),
        choices=[
            ("", _("No: only the memory")),
            ("translated", _("Yes, as translated")),
            ("approved", _("Yes, as approved")),
        ],
        required=False,
    )
