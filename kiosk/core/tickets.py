"""Tickets signed by another registration system, verified offline (pretix's pretix_sig1).

Core only knows what such a ticket says; reading one (its wire format, its signature) lives in
``kiosk/tickets`` with the libraries that needs, and comes in through the desk's constructor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ExternalTicket:
    system: str  # "pretix"
    holder: str  # who it admits, for anti-passback ("pretix:" + the ticket's seed)
    product: str  # what it is, for people ("pretix item 11")
    category: str | None  # None: the organiser did not say which category this product is


class ExternalTickets(Protocol):
    def read(self, text: str) -> ExternalTicket | None:
        """The ticket ``text`` is, None when it is not one of this system's signed tickets;
        raises kiosk.core.tokens.TokenError (reason "malformed" or "bad_signature") for one that
        is damaged or not signed by a known key."""
