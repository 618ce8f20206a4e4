class SeedFormatError(ValueError):
    """A raw copy that cannot be read, naming the file, the line and what was expected there."""

    def __init__(self, source: str, line: int | None, message: str):
        self.source = source
        self.line = line
        self.message = message
        where = f"{source}, line {line}" if line is not None else source
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # Rebuilt from its parts, so that it crosses from a worker process to the loader intact.
        return type(self), (self.source, self.line, self.message)
