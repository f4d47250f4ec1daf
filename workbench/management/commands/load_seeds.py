from django.core.management.base import BaseCommand

from tqdm import tqdm

from exchange.seeding import SEED_DOCUMENTS, load_seed_documents


class Command(BaseCommand):
    help = (
        "Load the seed documents, glossary and memory; running it again changes "
        "nothing."
    )

    def handle(self, *args, **options):
        with tqdm(
            total=len(SEED_DOCUMENTS) + 2, desc="seeds", unit="file", disable=None
        ) as bar:
            summary = load_seed_documents(progress=lambda name: bar.update(1))
        self.stdout.write(
            "Seeds: %(documents_created)d documents created, "
            "%(documents_updated)d updated, %(documents_unchanged)d unchanged; "
            "glossary: %(terms_created)d terms created, %(terms_updated)d updated, "
            "%(terms_unchanged)d unchanged; memory: %(memory_added)d entries "
            "added, %(memory_merged)d already there." % summary.as_dict()
        )
