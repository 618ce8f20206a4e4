"""Finding seed files and the metadata that goes with each raw copy."""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.conf import settings

from articles.loader.errors import LoaderError

ARTICLE_SUFFIX = ".txt"
FIXTURE_SUFFIX = ".json"
SOURCES_FILE = "sources.toml"
STATUSES = ("published", "draft")
SOURCE_KEYS = {"outlet", "source_url", "time_zone", "status"}


@dataclass(frozen=True)
class Source:
    """A raw article copy and what sources.toml says about it."""

    path: Path | None
    display: str
    key: str
    outlet: str | None
    source_url: str
    time_zone: ZoneInfo
    status: str


def display_path(path):
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def collect(paths):
    """Split the given files and folders into fixture files and article copies, each sorted by path."""
    fixtures, articles = [], []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        elif path.is_file():
            files = [path]
        else:
            raise LoaderError(f"{given}: no such file or folder")
        for file in files:
            if file.suffix == FIXTURE_SUFFIX:
                fixtures.append(file)
            elif file.suffix == ARTICLE_SUFFIX:
                articles.append(file)
            elif path.is_file() and file.name != SOURCES_FILE:
                raise LoaderError(
                    f"{given}: not a seed file (expected a {ARTICLE_SUFFIX} article copy or a "
                    f"{FIXTURE_SUFFIX} fixture)"
                )
    return _unique(fixtures), _unique(articles)


def _unique(files):
    seen, kept = set(), []
    for file in files:
        resolved = file.resolve()
        if resolved not in seen:
            seen.add(resolved)
            kept.append(file)
    return kept


class Sources:
    """Describes article copies one at a time, reading each folder's sources.toml once."""

    def __init__(self):
        self.metadata = {}

    def __call__(self, file):
        return _source(file, self.metadata)


def _source(file, metadata):
    folder = file.parent.resolve()
    if folder not in metadata:
        metadata[folder] = read_sources(folder / SOURCES_FILE)
    defaults, entries = metadata[folder]
    entry = {**defaults, **entries.get(file.name, {})}
    return Source(
        path=file,
        display=display_path(file),
        key=file.stem,
        outlet=entry.get("outlet") or None,
        source_url=entry.get("source_url", ""),
        time_zone=entry["time_zone"],
        status=entry.get("status", "published"),
    )


def read_sources(path):
    """(defaults, {file name: entry}) from a folder's sources.toml; settings.TIME_ZONE when there is none."""
    defaults = {"time_zone": ZoneInfo(settings.TIME_ZONE), "status": "published"}
    if not path.exists():
        return defaults, {}
    shown = display_path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise LoaderError(f"{shown}: not valid UTF-8 ({error.reason} at byte {error.start})") from error
    except tomllib.TOMLDecodeError as error:
        raise LoaderError(f"{shown}: not valid TOML: {error}") from error
    entries = {}
    for name, entry in data.items():
        if not isinstance(entry, dict):
            raise LoaderError(f"{shown}: [{name}] must be a table of outlet, source_url, time_zone, status")
        checked = _check_entry(shown, name, entry)
        if name == "defaults":
            defaults.update(checked)
        else:
            entries[name] = checked
    return defaults, entries


def _check_entry(shown, name, entry):
    unknown = set(entry) - SOURCE_KEYS
    if unknown:
        raise LoaderError(
            f"{shown}: [{name}] has unknown keys {', '.join(sorted(unknown))}; expected "
            f"{', '.join(sorted(SOURCE_KEYS))}"
        )
    checked = dict(entry)
    for key, value in entry.items():
        if not isinstance(value, str):
            raise LoaderError(f"{shown}: [{name}] {key} must be a string, not {value!r}")
    if "time_zone" in entry:
        try:
            checked["time_zone"] = ZoneInfo(entry["time_zone"])
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise LoaderError(
                f"{shown}: [{name}] time_zone {entry['time_zone']!r} is not a known time zone "
                "(expected a name such as 'Asia/Hong_Kong')"
            ) from error
    if entry.get("status", "published") not in STATUSES:
        raise LoaderError(
            f"{shown}: [{name}] status {entry['status']!r} must be one of {', '.join(STATUSES)}"
        )
    return checked
