"""The loader's worker processes report a copy that cannot be read as the serial path does.

(These test articles.loader.extracting, the ingest package's caller; they need no database.)
"""

from types import SimpleNamespace

import pytest

from articles.loader.errors import LoaderError
from articles.loader.extracting import PARALLEL_FROM, extracted
from tests.articles.ingest.copies import HONG_KONG, raw_copy

NOBODY = SimpleNamespace(people=(), organizations=())
# No database is used; the mark only has pytest-django run these with the database tests, before the
# browser tests start server threads, which the loader's fork() would copy into its workers.
pytestmark = pytest.mark.django_db


def describe(path):
    return SimpleNamespace(path=path, display=path.name, time_zone=HONG_KONG)


@pytest.fixture
def copies(tmp_path):
    paths = []
    for n in range(PARALLEL_FROM + 10):
        path = tmp_path / f"copy-{n:04d}.txt"
        path.write_text(raw_copy(f"“Point {n} stands,” said Jane Smith."), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "parallel"])
def test_copies_come_back_in_order(copies, workers):
    results = list(extracted(copies, describe, NOBODY, workers=workers))

    assert [source.path for source, _, _ in results] == copies
    assert [extraction.quotes[0].text for _, _, extraction in results[-2:]] == [
        f"Point {PARALLEL_FROM + 8} stands",
        f"Point {PARALLEL_FROM + 9} stands",
    ]


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "parallel"])
def test_the_first_bad_copy_in_order_is_reported_with_its_line(copies, workers):
    copies[305].write_bytes(b"Headline\n\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\n\nBody \xff\n")
    copies[306].write_text("Headline\n\nNo date here\n", encoding="utf-8")

    with pytest.raises(LoaderError) as error:
        list(extracted(copies, describe, NOBODY, workers=workers))

    assert str(error.value) == "copy-0305.txt, line 5: expected UTF-8 text; byte 0xff is not valid UTF-8"


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "parallel"])
def test_an_updated_time_before_the_published_time_names_the_file_and_line(copies, workers):
    copies[301].write_text(
        "Headline\n\nPUBLISHED : Tuesday, 27 March, 2018, 5:55pm\n"
        "UPDATED : Tuesday, 27 March, 2018, 5:00pm\n\nBody.\n",
        encoding="utf-8",
    )

    with pytest.raises(LoaderError, match=r"^copy-0301\.txt, line 4: the UPDATED time .* is earlier than"):
        list(extracted(copies, describe, NOBODY, workers=workers))


@pytest.mark.parametrize("workers", [1, 2], ids=["serial", "parallel"])
def test_a_copy_that_cannot_be_read_names_the_file(copies, workers):
    copies[302].unlink()
    copies[302].mkdir()

    with pytest.raises(LoaderError) as error:
        list(extracted(copies, describe, NOBODY, workers=workers))

    assert str(error.value) == "copy-0302.txt: cannot be read (Is a directory)"
