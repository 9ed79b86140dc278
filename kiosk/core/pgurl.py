"""PostgreSQL URLs without passwords in them: the password lives in libpq's password file
(``hub.pgpass`` in the kiosk folder, mode 0600) or in PGPASSWORD, never in kiosk.toml or on a
command line that `ps` shows."""

from __future__ import annotations

import re


def split_password(url: str) -> tuple[str, str | None]:
    """The URL without its password, and the password (None if it had none)."""
    from urllib.parse import unquote

    match = re.match(r"^(postgres(?:ql)?://[^:/@]+):([^@]*)@(.*)$", url)
    if not match:
        return url, None
    return f"{match.group(1)}@{match.group(3)}", unquote(match.group(2))


def has_password(url: str) -> bool:
    return split_password(url)[1] is not None


def passfile_line(url: str, password: str) -> str:
    """One line of a libpq password file (host:port:database:user:password) for ``url``."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)

    def esc(text: str) -> str:
        return text.replace("\\", "\\\\").replace(":", "\\:")

    return ":".join([esc(parts.hostname or "localhost"), str(parts.port or 5432),
                     esc(unquote(parts.path.lstrip("/")) or "*"),
                     esc(unquote(parts.username or "*")), esc(password)]) + "\n"


def with_passfile(url: str, passfile) -> str:
    """The URL asking libpq to read the password from ``passfile`` (never from the URL)."""
    from urllib.parse import quote

    if not url or "passfile=" in url:
        return url
    return url + ("&" if "?" in url else "?") + "passfile=" + quote(str(passfile), safe="/")


def without_passfile(url: str) -> str:
    return re.sub(r"[?&]passfile=[^&]*", "", url)
