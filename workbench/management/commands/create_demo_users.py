from django.conf import settings
from django.core.management.base import BaseCommand

from workbench.demo import create_demo_accounts


class Command(BaseCommand):
    help = "Create one demo account per role and print the passwords."

    def handle(self, *args, **options):
        accounts = create_demo_accounts(settings.DATA_DIR / "demo-accounts.json")
        for account in accounts:
            self.stdout.write(
                "  %(role)-12s user: %(username)-11s password: %(password)s" % account
            )
