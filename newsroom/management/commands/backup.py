from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Rebuilt by migrate, or of no use in another database: logins in progress, lockouts, admin history.
NOT_BACKED_UP = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "admin.logentry",
    "axes",
    "reversion",
]


def back_up(output):
    """The whole newsroom as one JSON file, every reference by natural key, so it loads anywhere."""
    # Tables Django does not manage are the search indexes, which inserting their rows fills again.
    indexes = [model._meta.label for model in apps.get_models() if not model._meta.managed]
    call_command(
        "dumpdata",
        *(f"--exclude={label}" for label in [*NOT_BACKED_UP, *indexes]),
        natural_foreign=True,
        natural_primary=True,
        indent=1,
        output=output,
        verbosity=0,
    )


class Command(BaseCommand):
    help = (
        "Write the newsroom (articles, quotes, people, organizations, staff accounts and groups) "
        "to a JSON file that `restore` loads into an empty database; .gz, .bz2, .xz or .zip compress it."
    )

    def add_arguments(self, parser):
        parser.add_argument("output", help="the file to write, e.g. newsroom-2026-12-02.json.gz")

    def handle(self, *args, output, **options):
        back_up(output)
        if options["verbosity"]:
            self.stdout.write(self.style.SUCCESS(f"Backed up to {output}"))
