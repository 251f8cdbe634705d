"""The command line's own error: bad arguments (exit status 2)."""


class UsageError(Exception):
    """Bad arguments: exit status 2."""
