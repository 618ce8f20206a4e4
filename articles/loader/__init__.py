"""Loading seed folders (raw article copies, fixtures, source metadata) into the database."""

from articles.loader.errors import LoaderError
from articles.loader.run import load_seeds

__all__ = ["LoaderError", "load_seeds"]
