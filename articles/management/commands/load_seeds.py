import json
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.loader import LoaderError, load_seeds


class Command(BaseCommand):
    help = (
        "Load raw article copies (.txt), curated fixtures (.json) and sources.toml metadata from the given "
        "files and folders (default: seeds/). All or nothing: any bad file leaves the database unchanged."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="Seed files or folders (default: the project's seeds/).")
        parser.add_argument("--dry-run", action="store_true", help="Do everything but write nothing.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load articles from their copies even where an editor changed them since their last import "
            "(quotes an editor added are kept).",
        )
        parser.add_argument(
            "--json", action="store_true", help="Print a machine-readable report on standard output."
        )

    def handle(self, *args, paths, dry_run, force, verbosity, **options):
        as_json = options["json"]
        paths = paths or [settings.BASE_DIR / "seeds"]
        progress = self._progress if verbosity >= 1 else None
        try:
            report = load_seeds(paths, dry_run=dry_run, force=force, keep_articles=as_json, progress=progress)
        except LoaderError as error:
            raise CommandError(f"load_seeds: nothing was loaded. {error}") from error
        finally:
            if progress and self._shown:
                self.stderr.write("")
        out = self.stderr if as_json else self.stdout
        if verbosity >= 1:
            for line in report.lines():
                out.write(line)
        if as_json:
            self.stdout.write(_dumps(report.as_json()))

    _shown = False

    def _progress(self, done, total):
        """A line that counts up on a terminal; a line per tenth of a long run in a log."""
        if sys.stderr.isatty():
            if done == total or done % 50 == 0:
                self.stderr.write(f"\rloading articles: {done}/{total}", ending="")
                self.stderr.flush()
                self._shown = True
        elif total >= 500 and done % (total // 10) == 0:
            self.stderr.write(f"loading articles: {done}/{total}")


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
