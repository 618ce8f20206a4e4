"""Pages of reader lists that may hold millions of rows, each page costing about what the first does."""

from functools import cached_property
from math import ceil

from django.core.paginator import Paginator

PAGE_SIZE = 20
# Past this many pages, a reader narrows the list (dates, a person, words) or browses the archive by
# month; counting and skipping stop here, so a list costs the same at any size of archive.
MAX_PAGES = 500


class ArchivePaginator(Paginator):
    """Counts no further than the last page it offers, and finds a page's rows by their keys first.

    Past the first page, the keys of a page are read from the index that orders the list, so
    skipping to page 500 skips index entries, not whole rows and their joins; then only that page's
    rows are fetched. Rows pass through `rows` (a function of the queryset), for what a page needs
    and a list does not.
    """

    def __init__(
        self, object_list, per_page, *, max_pages=MAX_PAGES, rows=None, counted=None, keyed=None, **kwargs
    ):
        super().__init__(object_list, per_page, **kwargs)
        self.max_pages = max_pages
        self.rows = rows or (lambda queryset: queryset)
        self.counted = object_list if counted is None else counted
        # A list known to be short (a search ranks its newest matches only) and dear to compute:
        # all its keys are read once, in order, and give the count and each page's keys; the page's
        # rows are then read by key from `keyed`.
        self.keyed = keyed

    @cached_property
    def keys(self):
        return list(self.object_list.values_list("pk", flat=True)[: self.limit + 1])

    @cached_property
    def limit(self):
        return self.per_page * self.max_pages

    @cached_property
    def count(self):
        if self.keyed is not None:
            return len(self.keys)
        # In any order: which rows are counted does not change how many there are, up to the limit.
        return self.counted.order_by().values("pk")[: self.limit + 1].count()

    @property
    def capped(self):
        """Whether there is more than the pages offered show."""
        return self.count > self.limit

    @cached_property
    def num_pages(self):
        shown = min(self.count, self.limit)
        if shown == 0 and not self.allow_empty_first_page:
            return 0
        return max(1, ceil(max(shown - self.orphans, 1) / self.per_page))

    def page(self, number):
        number = self.validate_number(number)
        if number == 1 and self.keyed is None:
            return self._get_page(list(self.rows(self.object_list)[: self.per_page]), number, self)
        bottom = (number - 1) * self.per_page
        if self.keyed is not None:
            keys, source = self.keys[bottom : bottom + self.per_page], self.keyed
        else:
            keys = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
            source = self.object_list
        rows = {row.pk: row for row in self.rows(source.filter(pk__in=keys))}
        return self._get_page([rows[key] for key in keys if key in rows], number, self)


class PagedListMixin:
    """For list views: ArchivePaginator pages, whose rows pass through `page_rows`, counted from
    `counted_rows` (as many rows as the list, from a cheaper query) when a view has them."""

    paginate_by = PAGE_SIZE
    paginator_class = ArchivePaginator

    def page_rows(self, queryset):
        return queryset

    def counted_rows(self):
        return None

    def keyed(self, queryset):
        """A queryset to read a page's rows from by key, when the list is to be paged by its keys,
        read once."""
        return None

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return self.paginator_class(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            rows=self.page_rows,
            counted=self.counted_rows(),
            keyed=self.keyed(queryset),
        )
