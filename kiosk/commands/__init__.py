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
