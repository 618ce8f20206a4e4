class LoaderError(Exception):
    """A seed that cannot be loaded; the message names the file, and the line where there is one."""
