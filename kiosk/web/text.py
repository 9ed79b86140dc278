"""The web dashboard's words in English, Urdu and Chinese (Simplified), from the catalogue of
words: the English sources here (context "Web"), their translations in kiosk/ui/i18n/web_*.ts,
read without Qt (kiosk.config.words)."""

from __future__ import annotations

from kiosk.config.words import in_every_language
from kiosk.core.words import QT_TRANSLATE_NOOP

LANGUAGES = ("en", "ur", "zh")
DIRECTION = {"en": "ltr", "ur": "rtl", "zh": "ltr"}
HTML_LANG = {"en": "en", "ur": "ur", "zh": "zh-Hans"}
LANGUAGE_NAMES = {"en": "English", "ur": "اردو", "zh": "中文"}



def _in_all(source: str) -> dict[str, str]:
    return in_every_language("Web", source)


WORDS: dict[str, dict[str, str]] = {
    "title": _in_all(QT_TRANSLATE_NOOP("Web", "Fair dashboard")),
    "checked_in": _in_all(QT_TRANSLATE_NOOP("Web", "Checked in today")),
    "inside_now": _in_all(QT_TRANSLATE_NOOP("Web", "Inside now")),
    "accepted": _in_all(QT_TRANSLATE_NOOP("Web", "Accepted scans")),
    "refused": _in_all(QT_TRANSLATE_NOOP("Web", "Refused scans")),
    "duplicates": _in_all(QT_TRANSLATE_NOOP("Web", "of which duplicates")),
    "exits": _in_all(QT_TRANSLATE_NOOP("Web", "Exits")),
    "halls": _in_all(QT_TRANSLATE_NOOP("Web", "Halls")),
    "capacity": _in_all(QT_TRANSLATE_NOOP("Web", "capacity")),
    "no_capacity": _in_all(QT_TRANSLATE_NOOP("Web", "no capacity set")),
    "full": _in_all(QT_TRANSLATE_NOOP("Web", "Full")),
    "nearly_full": _in_all(QT_TRANSLATE_NOOP("Web", "Nearly full")),
    "arrivals": _in_all(QT_TRANSLATE_NOOP("Web", "Arrivals per 15 minutes")),
    "today": _in_all(QT_TRANSLATE_NOOP("Web", "Today")),
    "yesterday": _in_all(QT_TRANSLATE_NOOP("Web", "Yesterday")),
    "by_gate": _in_all(QT_TRANSLATE_NOOP("Web", "By gate")),
    "by_kiosk": _in_all(QT_TRANSLATE_NOOP("Web", "By kiosk")),
    "by_category": _in_all(QT_TRANSLATE_NOOP("Web", "By category")),
    "by_hour": _in_all(QT_TRANSLATE_NOOP("Web", "By hour")),
    "kiosks": _in_all(QT_TRANSLATE_NOOP("Web", "Kiosks")),
    "kiosk": _in_all(QT_TRANSLATE_NOOP("Web", "Kiosk")),
    "gate": _in_all(QT_TRANSLATE_NOOP("Web", "Gate")),
    "last_push": _in_all(QT_TRANSLATE_NOOP("Web", "Last push")),
    "last_scan": _in_all(QT_TRANSLATE_NOOP("Web", "Last scan")),
    "pending": _in_all(QT_TRANSLATE_NOOP("Web", "Pending")),
    "camera": _in_all(QT_TRANSLATE_NOOP("Web", "Camera")),
    "printer": _in_all(QT_TRANSLATE_NOOP("Web", "Printer")),
    "scans": _in_all(QT_TRANSLATE_NOOP("Web", "Scans")),
    "unknown": _in_all(QT_TRANSLATE_NOOP("Web", "not known")),
    "recent": _in_all(QT_TRANSLATE_NOOP("Web", "Latest scans")),
    "time": _in_all(QT_TRANSLATE_NOOP("Web", "Time")),
    "outcome": _in_all(QT_TRANSLATE_NOOP("Web", "Outcome")),
    "name": _in_all(QT_TRANSLATE_NOOP("Web", "Name")),
    "category": _in_all(QT_TRANSLATE_NOOP("Web", "Category")),
    "live": _in_all(QT_TRANSLATE_NOOP("Web", "Live")),
    "offline": _in_all(QT_TRANSLATE_NOOP("Web", "Reconnecting…")),
    "updated": _in_all(QT_TRANSLATE_NOOP("Web", "Updated")),
    "source": _in_all(QT_TRANSLATE_NOOP("Web", "Source")),
    "nothing_yet": _in_all(QT_TRANSLATE_NOOP("Web", "Nothing yet today")),
    "elsewhere": _in_all(QT_TRANSLATE_NOOP("Web", "Other gates")),
    "welcome": _in_all(QT_TRANSLATE_NOOP("Web", "Welcome to ITCN Asia")),
    "public_inside": _in_all(QT_TRANSLATE_NOOP("Web", "visitors inside now")),
    "login": _in_all(QT_TRANSLATE_NOOP("Web", "Staff login")),
    "password": _in_all(QT_TRANSLATE_NOOP("Web", "Password")),
    "sign_in": _in_all(QT_TRANSLATE_NOOP("Web", "Sign in")),
    "sign_out": _in_all(QT_TRANSLATE_NOOP("Web", "Sign out")),
    "wrong_password": _in_all(QT_TRANSLATE_NOOP("Web", "Wrong password.")),
    "too_many": _in_all(QT_TRANSLATE_NOOP("Web", "Too many wrong passwords: wait a minute.")),
    "expired": _in_all(QT_TRANSLATE_NOOP("Web", "The form expired: try again.")),
    "no_password": _in_all(QT_TRANSLATE_NOOP("Web", "No staff password is set: run `kiosk web set-password`.")),
    "public_screen": _in_all(QT_TRANSLATE_NOOP("Web", "Public screen")),
    "ago_s": _in_all(QT_TRANSLATE_NOOP("Web", "{n} s ago")),
    "ago_m": _in_all(QT_TRANSLATE_NOOP("Web", "{n} min ago")),
    "ago_h": _in_all(QT_TRANSLATE_NOOP("Web", "{n} h ago")),
    "never": _in_all(QT_TRANSLATE_NOOP("Web", "never")),
    "problem": _in_all(QT_TRANSLATE_NOOP("Web", "Cannot read the figures")),
    # kiosk health codes (kiosk.services.health), as the hub has them
    "h_ok": _in_all(QT_TRANSLATE_NOOP("Web", "Working")),
    "h_reconnecting": _in_all(QT_TRANSLATE_NOOP("Web", "Reconnecting")),
    "h_lost": _in_all(QT_TRANSLATE_NOOP("Web", "Lost (scanner only)")),
    "h_camera_none": _in_all(QT_TRANSLATE_NOOP("Web", "No camera")),
    "h_printer_none": _in_all(QT_TRANSLATE_NOOP("Web", "No printer")),
    "h_no-queue": _in_all(QT_TRANSLATE_NOOP("Web", "No such CUPS queue")),
    "h_unreachable": _in_all(QT_TRANSLATE_NOOP("Web", "CUPS not answering")),
    "h_waiting": _in_all(QT_TRANSLATE_NOOP("Web", "{n} waiting")),
    "list_sep": _in_all(QT_TRANSLATE_NOOP("Web", ", ")),
    "reported": _in_all(QT_TRANSLATE_NOOP("Web", "reported {t}")),
}


def _printer_words() -> dict[str, dict[str, str]]:
    """What a printer's CUPS reasons are called (``h_<reason>``): the staff health page's own
    words from the catalogue (kiosk.services.printing), with a capital as a status reads."""
    from kiosk.services.printing import PRINTER_REASONS, reason_words

    def status(text: str) -> str:
        return text[:1].upper() + text[1:]

    return {f"h_{reason}": {lang: status(reason_words(reason, lang)) for lang in LANGUAGES}
            for reason in PRINTER_REASONS}


WORDS.update(_printer_words())


def words(lang: str) -> dict[str, str]:
    lang = lang if lang in LANGUAGES else "en"
    return {key: texts[lang] for key, texts in WORDS.items()}


def all_text() -> str:
    """Every character the pages may show in a fixed word (for the font subsets)."""
    parts = [t for texts in WORDS.values() for t in texts.values()]
    return "".join(parts) + "".join(LANGUAGE_NAMES.values())
