"""Turning article copies into (source, document, extraction), in order, on every core for long runs."""

import multiprocessing
import os
from collections import deque
from contextlib import contextmanager
from itertools import islice
from pathlib import Path
from zoneinfo import ZoneInfo

from articles.ingest import Gazetteer, SeedFormatError, extract, parse_document
from articles.loader.errors import LoaderError

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 300
CHUNK = 200
# Chunks handed to the workers beyond the one being written: enough to keep them busy, few enough
# that memory stays flat.
AHEAD = 2


def extracted(paths, describe, directory, workers=None):
    """Yield (source, document, extraction) for each path, in order.

    With enough files the text work runs in worker processes while the caller writes to the
    database; at most AHEAD + 1 chunks are in flight, so memory stays flat however many files there are.
    Raises LoaderError naming the first file (in order) that cannot be read.
    """
    workers = workers if workers is not None else default_workers()
    if workers < 2 or len(paths) < PARALLEL_FROM:
        gazetteer = Gazetteer(directory.people, directory.organizations)
        for path in paths:
            source = describe(path)
            with _reported():
                document, extraction = read_and_extract(source_job(source), gazetteer)
            yield source, document, extraction
        return
    # fork: the workers need nothing but articles.ingest, already imported; the other start methods
    # would re-import the caller's main module, which a script may not guard.
    context = multiprocessing.get_context("fork")
    initargs = (directory.people, directory.organizations)
    with context.Pool(workers, initializer=_start, initargs=initargs) as pool:
        in_flight = deque()
        for chunk in _chunks(paths):
            sources = list(map(describe, chunk))
            # imap, not map_async: results, and the first error, come back in the files' order.
            jobs = map(source_job, sources)
            in_flight.append((sources, pool.imap(_work, jobs, chunksize=_chunksize(len(sources), workers))))
            if len(in_flight) > AHEAD:
                yield from _results(*in_flight.popleft())
        while in_flight:
            yield from _results(*in_flight.popleft())


def read_and_extract(job, gazetteer):
    """The document and extraction of one copy; SeedFormatError or LoaderError naming the file if it
    cannot be read. `job` is (path, display name, time zone name), which a worker process can receive."""
    path, display, time_zone = job
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise LoaderError(f"{display}: cannot be read ({error.strerror})") from None
    document = parse_document(raw, source=display, tz=ZoneInfo(time_zone))
    return document, extract(document, gazetteer=gazetteer)


def source_job(source):
    return str(source.path), source.display, source.time_zone.key


def default_workers():
    return min(len(os.sched_getaffinity(0)), 4)


# A worker's gazetteer, built once when it starts from the people and organizations it was given.
_gazetteer = None


def _start(people, organizations):
    global _gazetteer
    _gazetteer = Gazetteer(people, organizations)


def _work(job):
    return read_and_extract(job, _gazetteer)


def _chunks(paths):
    """Small chunks first, so the writer starts while the workers warm up; CHUNK-sized after that."""
    iterator = iter(paths)
    size = CHUNK // 8
    while chunk := list(islice(iterator, size)):
        yield chunk
        size = min(size * 2, CHUNK)


def _chunksize(jobs, workers):
    # As map_async would choose: about four tasks per worker and chunk.
    return max(1, -(-jobs // (workers * 4)))


def _results(sources, results):
    for source in sources:
        with _reported():
            document, extraction = next(results)
        yield source, document, extraction


@contextmanager
def _reported():
    """A copy that cannot be read, reported as a LoaderError with the parser's words (a worker's
    SeedFormatError arrives in this process as itself)."""
    try:
        yield
    except SeedFormatError as error:
        raise LoaderError(str(error)) from error
