"""Finding seed files and the metadata that goes with each raw copy."""

import os
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
    """The path as a person at the project's root would type it (no symlinks resolved: that costs a stat
    per component, once per file)."""
    if not path.is_absolute():
        return str(path)
    relative = os.path.relpath(path)
    return str(path) if relative.startswith("..") else relative


def collect(paths):
    """The fixture files (a list, in order) and the article copies (walked lazily) under the given paths."""
    given = []
    for name in paths:
        path = Path(name)
        if not path.exists():
            raise LoaderError(f"{name}: no such file or folder")
        if path.is_file() and path.suffix not in (ARTICLE_SUFFIX, FIXTURE_SUFFIX):
            raise LoaderError(
                f"{name}: not a seed file "
                f"(expected a {ARTICLE_SUFFIX} article copy or a {FIXTURE_SUFFIX} fixture)"
            )
        given.append(path)
    given = _outermost(given)
    fixtures = Files(given, FIXTURE_SUFFIX)
    return list(fixtures), Files(given, ARTICLE_SUFFIX)


class Files:
    """Files of one kind under the given paths, in sorted order, one at a time.

    Walking lazily keeps the loader's memory flat however many copies a folder holds.
    """

    def __init__(self, paths, suffix):
        self.paths = paths
        self.suffix = suffix
        self._count = None

    def __iter__(self):
        for path in self.paths:
            for file in _walk(path):
                if file.suffix == self.suffix:
                    yield file

    def __len__(self):
        if self._count is None:
            self._count = sum(1 for _ in self)
        return self._count


def _outermost(paths):
    """The given paths, in order, less repeats and any that lie inside another given folder."""
    real = [Path(os.path.realpath(path)) for path in paths]
    roots, kept = [], set()
    for index in sorted(range(len(paths)), key=lambda i: (len(real[i].parts), i)):
        if not any(real[index].is_relative_to(root) for root in roots):
            roots.append(real[index])
            kept.add(index)
    return [path for index, path in enumerate(paths) if index in kept]


def _walk(path):
    if path.is_file():
        yield path
        return
    for root, folders, files in os.walk(path):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root, name)


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
