"""Glossary test material: real sample files and concepts using every field."""

import pytest

from formats import FormatError
from formats.glossary import ConceptUnit, TermUnit, csv
from tests.support import DATA as TEST_DATA

DATA = TEST_DATA / "glossary"
LANGUAGES = ["en", "zh-Hant", "zh-Hans"]


def read_sample(name: str) -> bytes:
    return (DATA / name).read_bytes()


def parse_csv(text: str, encoding: str = "utf-8") -> list[ConceptUnit]:
    return csv.parse(text.encode(encoding))


def format_error(reader, data: bytes) -> str:
    with pytest.raises(FormatError) as caught:
        reader.parse(data)
    return str(caught.value)


def rich_concepts() -> list[ConceptUnit]:
    """Return concepts using every field, grouped by language, texts clean."""
    return [
        ConceptUnit(
            identifier="0421",
            terms=[
                TermUnit(
                    "en",
                    "Secretary for Constitutional and Mainland Affairs",
                    "preferred",
                ),
                TermUnit("en", "SCMA", "admitted", "approved", case_sensitive=True),
                TermUnit("en", "Secretary for Constitutional Affairs", "deprecated"),
                TermUnit("zh-Hant", "政制及內地事務局局長", "preferred", "approved"),
                TermUnit("zh-Hant", "政制事務局局長", "forbidden", "rejected"),
                TermUnit("zh-Hans", "政制及内地事务局局长", "preferred", "proposed"),
                TermUnit("zh-Hans", "政制事务局局长", "forbidden"),
            ],
            domain="Government <officials> & titles",
            definitions={
                "en": "Head of the Constitutional and Mainland Affairs Bureau",
                "zh-Hant": "政制及內地事務局的首長",
                "zh-Hans": "政制及内地事务局的首长",
                "fr": "Chef du Bureau des affaires constitutionnelles",
            },
            notes={"en": "Title since 2007 & still used", "zh-Hant": "二零零七年起"},
        ),
        ConceptUnit(
            identifier="",
            terms=[
                TermUnit("en", "Chief Executive", "preferred", "approved"),
                TermUnit("zh-Hant", "行政長官", "preferred", "approved"),
                TermUnit("zh-Hant", "特首", "admitted", "proposed"),
            ],
        ),
        ConceptUnit(
            identifier="",
            terms=[TermUnit("en", "Financial Secretary", "preferred")],
            notes={"de": "Finanzsekretär"},
        ),
        ConceptUnit(
            identifier="HK gov/1 <a&b>",
            terms=[TermUnit("zh-Hant", "律政司司長", "preferred", case_sensitive=True)],
        ),
        ConceptUnit(
            identifier="0421",
            terms=[TermUnit("en", "a second concept with the same identifier")],
        ),
    ]
