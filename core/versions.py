"""The version a write was based on, as a form posts it: required, always.

A write without one (or with one that is not a number) is refused with 400
Bad Request: it could only be applied blindly, over whatever changed since.
"""

from django import forms
from django.core.exceptions import BadRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


def posted_version(data, name: str = "version") -> int:
    """The whole-number version in ``data[name]``; ``BadRequest`` if absent."""
    value = (data.get(name) or "").strip()
    if not _whole_number(value):
        raise BadRequest(_("The form did not say which version it was based on."))
    return int(value)


def posted_items(data, name: str = "ids") -> list[tuple[int, int]]:
    """``(id, version)`` pairs posted as ``id:version`` values of ``name``."""
    items = []
    for value in data.getlist(name):
        pk, _colon, version = value.partition(":")
        if not (
            pk.isascii() and pk.isdigit() and version.isascii() and version.isdigit()
        ):
            raise BadRequest(
                _("The form did not say which version each item was based on.")
            )
        items.append((int(pk), int(version)))
    return items


def _whole_number(value: str) -> bool:
    """ASCII digits only: ``"²".isdigit()`` is true, yet ``int("²")`` fails."""
    return value.isascii() and value.isdigit()


_STALE = gettext_lazy("Someone else changed this since you opened it; reload the page.")


class VersionedForm(forms.ModelForm):
    """An admin form that states the version it was opened at.

    The version travels in a hidden field; a record changed by someone else
    since the form was opened is refused with a form error, never saved
    over.
    """

    based_on_version = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=0
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["based_on_version"].required = True
            self.fields["based_on_version"].initial = self.instance.version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                type(self.instance)
                .objects.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current != cleaned.get("based_on_version"):
                raise forms.ValidationError(_STALE, code="stale")
        return cleaned
