"""Command-line commands, one module per area; each has ``register(subparsers)``."""

from __future__ import annotations

import json
import sys


def emit(data, as_json: bool, text: str | None = None) -> None:
    """Print a result: one JSON object for scripts, or a short human line."""
    if as_json:
        print(json.dumps(data, ensure_ascii=False), flush=True)
    elif text is not None:
        print(text, flush=True)


def warn(message: str) -> None:
    print(f"kiosk: warning: {message}", file=sys.stderr)


def hub_url_arg(text: str) -> str:
    """An argparse type for hub URLs: a password in a command line is visible to every user in
    `ps`, so it is refused; libpq reads it from PGPASSWORD or a password file instead."""
    import argparse

    from kiosk.core.pgurl import has_password

    if has_password(text.strip()):
        raise argparse.ArgumentTypeError(
            "the URL holds a password, which `ps` would show to everyone on this machine; "
            "leave it out and set PGPASSWORD (or a libpq password file) instead")
    return text.strip()
