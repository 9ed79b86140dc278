"""After a check-in: where is this attendee probably going?

An exhibitor goes to their company's own booth; a speaker to their seminar hall (from a
speaker -> hall mapping when the organiser has one, else the nearest seminar hall); the press to
the media centre. Everyone else chooses for themselves (None).
"""

from __future__ import annotations

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from kiosk.wayfinding.exhibitors import Exhibitor
from kiosk.wayfinding.search import GROUPS, KIND_LABELS, SearchResult
from kiosk.wayfinding.venue import Venue

COMPANY_MATCH = 92  # company names in the roster and the exhibitor list are typed by different people


def likely_destination(attendee, exhibitors: list[Exhibitor], venue: Venue,
                       speaker_halls: dict[str, str] | None = None) -> SearchResult | None:
    category = getattr(attendee, "category", "")
    if category == "exhibitor":
        company = default_process(getattr(attendee, "company", "") or "")
        if not company:
            return None
        best, best_score = None, 0.0
        for ex in exhibitors:
            score = fuzz.token_sort_ratio(company, default_process(ex.name("en")))
            if score > best_score:
                best, best_score = ex, score
        if best is None or best_score < COMPANY_MATCH:
            return None
        from kiosk.wayfinding.service import exhibitor_titles

        return SearchResult("exhibitor", [best.booth], exhibitor_titles(venue, best),
                            KIND_LABELS["booth"], score=best_score, exhibitor=best, key=best.id)
    if category == "speaker":
        wanted = (speaker_halls or {}).get(getattr(attendee, "id", ""), "")
        seminars = venue.group("seminar")
        if wanted:
            for place in seminars:
                if wanted.casefold() in {n.casefold() for n in place.names.values()}:
                    return SearchResult("seminar", [place], _names(place), KIND_LABELS["seminar"],
                                        key=place.id)
        if seminars:
            return SearchResult("nearest", seminars, GROUPS["seminar"]["label"],
                                KIND_LABELS["nearest"], group="seminar", key="group:seminar")
        return None
    if category == "media":
        for place in venue.places.values():
            if place.feature_type == "unit" and place.name("en").casefold() == "media centre":
                return SearchResult("place", [place], _names(place), KIND_LABELS["place"],
                                    key=place.id)
    return None


def _names(place) -> dict:
    return {k: place.name(k) for k in ("en", "ur", "zh")}
