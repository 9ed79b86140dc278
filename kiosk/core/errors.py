"""Errors that carry a one-line message meant for the person at the keyboard."""


class KioskError(Exception):
    """Bad input or a state the user can fix; the CLI prints it on one line and exits non-zero."""


class StorageError(KioskError):
    """The scan could not be stored durably: never report success after this."""
