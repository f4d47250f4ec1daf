"""Forms of the converter page and of the house-style overrides."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from conversion.models import Variant

CONFIG_LABELS = [
    ("s2hk", _("Simplified → Traditional (Hong Kong)")),
    ("hk2s", _("Traditional (Hong Kong) → Simplified")),
    ("s2t", _("Simplified → Traditional (OpenCC standard)")),
    ("t2s", _("Traditional (OpenCC standard) → Simplified")),
    ("s2tw", _("Simplified → Traditional (Taiwan)")),
    ("tw2s", _("Traditional (Taiwan) → Simplified")),
    ("s2twp", _("Simplified → Traditional (Taiwan, with phrases)")),
    ("tw2sp", _("Traditional (Taiwan, with phrases) → Simplified")),
    ("s2hkp", _("Simplified → Traditional (Hong Kong, with phrases)")),
    ("hk2sp", _("Traditional (Hong Kong, with phrases) → Simplified")),
    ("t2hk", _("Traditional → Hong Kong variants")),
    ("hk2t", _("Hong Kong variants → Traditional")),
    ("t2tw", _("Traditional → Taiwan variants")),
    ("tw2t", _("Taiwan variants → Traditional")),
    ("t2jp", _("Traditional → Japanese shinjitai")),
    ("jp2t", _("Japanese shinjitai → Traditional")),
]


class ConvertForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=settings.MAX_CONVERT_CHARS,
        widget=forms.Textarea(attrs={"rows": 10, "lang": "zh"}),
    )
    config = forms.ChoiceField(label=_("Direction"), choices=CONFIG_LABELS)
    use_glossary = forms.BooleanField(
        label=_("Let the glossary and house style win"), required=False, initial=True
    )


class OverrideForm(forms.Form):
    variant = forms.ChoiceField(label=_("Target variant"), choices=Variant.choices)
    source_text = forms.CharField(label=_("OpenCC writes"), max_length=200)
    target_text = forms.CharField(label=_("Write instead"), max_length=200)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)
