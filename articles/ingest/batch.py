"""Reading and extracting many copies in worker processes: the loader's parallel path.

Workers get the known people and organizations once, when they start, and return plain results:
("ok", document, extraction) or ("error", message).
"""

from pathlib import Path
from zoneinfo import ZoneInfo

from articles.ingest.document import parse_document
from articles.ingest.errors import SeedFormatError
from articles.ingest.extraction import extract
from articles.ingest.gazetteer import Gazetteer

_gazetteer = None


def start(people, organizations):
    global _gazetteer
    _gazetteer = Gazetteer(people, organizations)


def read_and_extract(job):
    return read_and_extract_with(job, _gazetteer)


def read_and_extract_with(job, gazetteer):
    path, display, time_zone = job
    try:
        document = parse_document(Path(path).read_bytes(), source=display, tz=ZoneInfo(time_zone))
    except SeedFormatError as error:
        return "error", str(error)
    except OSError as error:
        return "error", f"{display}: cannot be read ({error.strerror})"
    return "ok", document, extract(document, gazetteer=gazetteer)
