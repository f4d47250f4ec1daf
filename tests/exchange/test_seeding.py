"""The seed glossary's domains come in every UI language."""

import csv

from django.utils import translation

from exchange.seeding import SEED_DOMAINS, SEED_GLOSSARY, load_seed_glossary, seeds_dir
from glossary.models import Action, Concept, TermRevision


def test_every_seed_domain_has_both_chinese_translations():
    with (seeds_dir() / SEED_GLOSSARY).open(encoding="utf-8") as stream:
        domains = {row["domain"] for row in csv.DictReader(stream) if row["domain"]}
    with (seeds_dir() / SEED_DOMAINS).open(encoding="utf-8") as stream:
        table = {row["en"]: row for row in csv.DictReader(stream)}
    assert domains <= set(table)
    for row in table.values():
        assert row["zh-Hant"].strip() and row["zh-Hans"].strip(), row


def test_seed_domains_show_in_the_interface_language(db):
    result = load_seed_glossary()
    assert result["domains_translated"] > 0
    concept = Concept.objects.get(domain_en="Greater Bay Area", identifier="gba")
    with translation.override("zh-hant"):
        assert concept.domain == "大灣區"
    with translation.override("zh-hans"):
        assert concept.domain == "大湾区"
    with translation.override("en"):
        assert concept.domain == "Greater Bay Area"
    # Each change keeps a revision; loading again changes nothing.
    assert (
        TermRevision.objects.filter(concept=concept, action=Action.CHANGED).count() == 1
    )
    assert load_seed_glossary()["domains_translated"] == 0


def test_a_domain_someone_wrote_is_not_replaced(db):
    load_seed_glossary()
    concept = Concept.objects.filter(domain_en="Mainland").first()
    Concept.objects.filter(pk=concept.pk).update(domain_zh_hant="中國內地")
    Concept.objects.filter(pk=concept.pk).update(domain_zh_hans="")
    load_seed_glossary()
    concept.refresh_from_db()
    assert concept.domain_zh_hant == "中國內地"
    assert concept.domain_zh_hans == "内地"
