"""Errors the user gets to read: each names the problem and leaves the data untouched."""


class ProgrammeError(Exception):
    """A programme cannot be created, opened, read or written as asked; the message says why."""
