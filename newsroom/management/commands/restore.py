from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article, Quote
from people.models import Organization, Person


def holds_a_newsroom():
    return any(model.objects.exists() for model in (Article, Quote, Person, Organization, get_user_model()))


def restore(path):
    """Load a `backup` file, all of it or nothing; loaddata resets PostgreSQL's sequences after it."""
    with transaction.atomic():
        if holds_a_newsroom():
            raise CommandError(
                "The database already holds articles, people or accounts: restore into an empty one "
                "(create it and run `manage.py migrate` first)."
            )
        call_command("loaddata", path, verbosity=0)


class Command(BaseCommand):
    help = "Load a file written by `backup` into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the file `backup` wrote")

    def handle(self, *args, path, **options):
        restore(path)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Restored {path}"))
