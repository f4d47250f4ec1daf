"""django-modeltranslation: which concept fields exist in every UI language."""

from modeltranslation.translator import TranslationOptions, register

from glossary.models import Concept


@register(Concept)
class ConceptTranslationOptions(TranslationOptions):
    fields = ("domain", "definition", "note")
