"""Turning article copies into (source, document, extraction), in order, on every core for long runs."""

import multiprocessing
import os
from collections import deque
from itertools import islice

from articles.ingest import batch
from articles.ingest.gazetteer import Gazetteer
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
    """
    workers = workers if workers is not None else default_workers()
    if workers < 2 or len(paths) < PARALLEL_FROM:
        gazetteer = Gazetteer(directory.people, directory.organizations)
        for path in paths:
            source = describe(path)
            yield source, *_checked(source, batch.read_and_extract_with(source_job(source), gazetteer))
        return
    # fork: the workers need nothing but articles.ingest, already imported; the other start methods
    # would re-import the caller's main module, which a script may not guard.
    context = multiprocessing.get_context("fork")
    initargs = (directory.people, directory.organizations)
    with context.Pool(workers, initializer=batch.start, initargs=initargs) as pool:
        in_flight = deque()
        for chunk in _chunks(paths):
            sources = list(map(describe, chunk))
            in_flight.append((sources, pool.map_async(batch.read_and_extract, map(source_job, sources))))
            if len(in_flight) > AHEAD:
                yield from _results(*in_flight.popleft())
        while in_flight:
            yield from _results(*in_flight.popleft())


def _chunks(paths):
    """Small chunks first, so the writer starts while the workers warm up; CHUNK-sized after that."""
    iterator = iter(paths)
    size = CHUNK // 8
    while chunk := list(islice(iterator, size)):
        yield chunk
        size = min(size * 2, CHUNK)


def _results(sources, pending):
    for source, result in zip(sources, pending.get(), strict=True):
        yield source, *_checked(source, result)


def default_workers():
    return min(len(os.sched_getaffinity(0)), 4)


def source_job(source):
    return str(source.path), source.display, source.time_zone.key


def _checked(source, result):
    if result[0] == "error":
        raise LoaderError(result[1])
    _, document, extraction = result
    if document.updated_at and document.updated_at < document.published_at:
        raise LoaderError(f"{source.display}: the UPDATED time is earlier than the PUBLISHED time")
    return document, extraction
