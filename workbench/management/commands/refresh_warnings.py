import json

from django.core.management.base import BaseCommand

from tqdm import tqdm

from translations.models import QualityWarning, Translation
from translations.warnings import refresh_all


class Command(BaseCommand):
    help = (
        "Run the quality checks on every current translation again and store "
        "their warnings (after an upgrade, or translations changed outside the "
        "workbench); marks of checked warnings that still apply are kept. "
        "Prints JSON counts."
    )

    def handle(self, *args, **options):
        total = Translation.objects.active().count()
        with tqdm(total=total, desc="checks", unit="sentence", disable=None) as bar:
            count = refresh_all(progress=lambda done: bar.update(done - bar.n))
        warnings = QualityWarning.objects.filter(translation__segment__is_active=True)
        self.stdout.write(
            json.dumps(
                {
                    "translations": count,
                    "warnings": warnings.count(),
                    "open_warnings": warnings.open().count(),
                }
            )
        )
