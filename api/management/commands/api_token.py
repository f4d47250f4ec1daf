from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from api.tokens import create_token


class Command(BaseCommand):
    help = (
        "Make a personal API token for a user (as the API tokens page does) and "
        "print it alone on one line: it is shown this once, only its digest is "
        "kept. Revoke it on the page."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="what it is for")

    def handle(self, *args, **options):
        user = (
            get_user_model()
            .objects.filter(username=options["username"], is_active=True)
            .first()
        )
        if user is None:
            raise CommandError("%s: no such active user" % options["username"])
        if not options["name"].strip():
            raise CommandError("--name may not be empty")
        _token, raw = create_token(user, options["name"])
        self.stdout.write(raw)
