"""Load the sample documents in ``seeds/``; running it again changes nothing."""

import csv
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop

from documents.models import Document
from exchange.importing import import_document, import_new_version
from glossary.history import record_change
from glossary.importing import import_concepts, read_file
from glossary.models import Action, Concept
from memory.tmx import import_tmx

#: Seed files and their source language.
SEED_DOCUMENTS = [
    ("000_a73269a67c9f1785.txt", "en"),
    ("003_75247c11c068f792.txt", "en"),
]


SEED_GLOSSARY = "glossary.csv"
#: The seed concepts' domains in the Chinese UI languages (columns en,
#: zh-Hant, zh-Hans): the glossary CSV carries the English domain only.
SEED_DOMAINS = "glossary_domains.csv"
#: Column of the domain table -> the concept's translated domain field.
DOMAIN_FIELDS = {"zh-Hant": "domain_zh_hant", "zh-Hans": "domain_zh_hans"}
SEED_MEMORY = "memory.tmx"


@dataclass
class SeedSummary:
    created: list[int] = field(default_factory=list)
    updated: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)
    glossary: dict = field(default_factory=dict)
    memory: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "documents_created": len(self.created),
            "documents_updated": len(self.updated),
            "documents_unchanged": len(self.unchanged),
            **self.glossary,
            "memory_added": self.memory.get("added", 0),
            "memory_merged": self.memory.get("merged", 0),
        }


def seeds_dir() -> Path:
    return Path(settings.BASE_DIR) / "seeds"


@transaction.atomic
def load_seed_documents(progress=None) -> SeedSummary:
    """Import each seed once; a seed file that changed becomes a new version."""
    summary = SeedSummary()
    for name, language in SEED_DOCUMENTS:
        data = (seeds_dir() / name).read_bytes()
        existing = Document.objects.filter(original_filename=name).first()
        if existing is None:
            doc = import_document(data=data, filename=name, source_language=language)
            summary.created.append(doc.pk)
        elif existing.checksum == hashlib.sha256(data).hexdigest():
            summary.unchanged.append(existing.pk)
        else:
            import_new_version(document=existing, data=data, filename=name)
            summary.updated.append(existing.pk)
        if progress:
            progress(name)
    summary.glossary = load_seed_glossary()
    if progress:
        progress(SEED_GLOSSARY)
    summary.memory = load_seed_memory()
    if progress:
        progress(SEED_MEMORY)
    return summary


def load_seed_glossary() -> dict:
    """Merge ``seeds/glossary.csv`` into the glossary, approved."""
    units = read_file((seeds_dir() / SEED_GLOSSARY).read_bytes(), SEED_GLOSSARY)
    result = import_concepts(units)
    result["domains_translated"] = translate_seed_domains()
    return result


def translate_seed_domains() -> int:
    """Fill the empty Chinese domains of concepts from ``seeds/glossary_domains.csv``.

    A domain someone already wrote is never replaced; each concept changed
    keeps a revision. Returns how many concepts changed.
    """
    text = (seeds_dir() / SEED_DOMAINS).read_text(encoding="utf-8")
    table = {
        row["en"].strip().casefold(): row for row in csv.DictReader(io.StringIO(text))
    }
    changed = 0
    for concept in Concept.objects.exclude(domain_en="").order_by("pk"):
        row = table.get((concept.domain_en or "").strip().casefold())
        if row is None:
            continue
        fields = [
            name
            for column, name in DOMAIN_FIELDS.items()
            if row[column].strip() and not getattr(concept, name)
        ]
        if not fields:
            continue
        for column, name in DOMAIN_FIELDS.items():
            if name in fields:
                setattr(concept, name, row[column].strip())
        concept.version += 1
        concept.save(update_fields=[*fields, "version", "updated_at"])
        record_change(
            concept=concept,
            term=None,
            action=Action.CHANGED,
            user=None,
            note=gettext_noop("Domain translated from the seed glossary."),
            note_values={},
        )
        changed += 1
    return changed


def load_seed_memory() -> dict:
    """Merge ``seeds/memory.tmx`` (an earlier year's press releases) into the memory."""
    with (seeds_dir() / SEED_MEMORY).open("rb") as stream:
        return import_tmx(stream, origin=SEED_MEMORY).as_dict()
