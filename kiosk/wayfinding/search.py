"""Finding things as a visitor types: exhibitors, booth numbers, sectors, halls and facilities.

Names in English, Urdu and Chinese, tolerant of typos and partial words, ranked. Each word typed
is matched against the words of a name (rapidfuzz's edit-distance ratio, or the start of a word
for the word still being typed), and every word typed must match: "chenb softwre" finds Chenab
Software, not Chengdu Electronics. Chinese names are also found through their pinyin (pypinyin),
typed on the Latin keyboard or as a homophone. Booth numbers ("H2-B14", "h2 b14", "b14") are
matched exactly first. Facilities that occur more than once (washrooms, cafés) are one result
that routes to the nearest of them; washrooms are three choices (men, women, accessible), and
"toilet" in any language offers all three.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Callable

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein
from rapidfuzz.utils import default_process

from kiosk.wayfinding.exhibitors import SECTORS, Exhibitor, sector_label
from kiosk.wayfinding.venue import Place, Venue, label_text, normalise_booth
from kiosk.config.words import in_every_language
from kiosk.core.words import QT_TRANSLATE_NOOP


def _in_all(source: str) -> dict[str, str]:
    """A word of this module (context "Search" in the translators' files) in every language."""
    return in_every_language("Search", source)

KIND_LABELS = {
    "exhibitor": _in_all(QT_TRANSLATE_NOOP("Search", "Exhibitor")),
    "booth": _in_all(QT_TRANSLATE_NOOP("Search", "Booth")),
    "hall": _in_all(QT_TRANSLATE_NOOP("Search", "Exhibition hall")),
    "seminar": _in_all(QT_TRANSLATE_NOOP("Search", "Seminars and talks")),
    "facility": _in_all(QT_TRANSLATE_NOOP("Search", "Facility")),
    "nearest": _in_all(QT_TRANSLATE_NOOP("Search", "Nearest to you")),
    "gate": _in_all(QT_TRANSLATE_NOOP("Search", "Gate")),
    "sector": _in_all(QT_TRANSLATE_NOOP("Search", "Sector")),
    "place": _in_all(QT_TRANSLATE_NOOP("Search", "Place")),
}

# One-tap groups, their labels and what people type for them (roman Urdu included).
WASHROOM_WORDS = ["washroom", "toilet", "restroom", "wc", "bathroom", "loo", "lavatory",
                  "washrooms", "toilets", "واش روم", "ٹوائلٹ", "بیت الخلا", "بیت الخلاء",
                  "باتھ روم", "洗手间", "厕所", "卫生间", "xishoujian", "cesuo"]
GROUPS: dict[str, dict] = {
    "washroom_men": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Washroom (men)")),
                     "words": WASHROOM_WORDS + ["gents", "men", "mens", "male", "mard",
                                                "مرد", "مردانہ", "男", "男厕所"]},
    "washroom_women": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Washroom (women)")),
                       "words": WASHROOM_WORDS + ["ladies", "women", "womens", "female",
                                                  "khawateen", "خواتین", "زنانہ", "女",
                                                  "女厕所"]},
    "washroom_wheelchair": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Accessible washroom")),
                            "words": WASHROOM_WORDS + ["accessible", "wheelchair", "disabled",
                                                       "وہیل چیئر", "معذور", "无障碍",
                                                       "残疾人"]},
    "prayer_men": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Prayer room (men)")),
                   "words": ["prayer room", "prayer", "namaz", "mosque", "masjid", "musalla",
                             "نماز", "مسجد", "祈祷室", "礼拜室"]},
    "prayer_women": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Prayer room (women)")),
                     "words": ["ladies prayer room", "women prayer", "namaz khawateen",
                               "خواتین نماز", "女祈祷室"]},
    "food": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Food and drink")),
             "words": ["food", "restaurant", "cafe", "coffee", "tea", "chai", "lunch", "eat",
                       "snacks", "khana", "کھانا", "چائے", "کیفے", "餐厅", "咖啡", "吃饭", "美食"]},
    "exit": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Exit")),
             "words": ["exit", "way out", "leave", "out", "gate", "باہر", "خارجی راستہ",
                       "出口", "大门"]},
    "information": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Information desk")),
                    "words": ["information", "info", "help", "help desk", "enquiry", "inquiry",
                              "معلومات", "مدد", "服务台", "帮助", "咨询"]},
    "firstaid": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "First aid")),
                 "words": ["first aid", "medical", "doctor", "clinic", "nurse", "ambulance",
                           "طبی امداد", "ڈاکٹر", "急救", "医务室", "医生"]},
    "atm": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "ATM")),
            "words": ["atm", "cash", "bank", "money", "پیسے", "بینک", "取款机", "银行"]},
    "parking": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Parking")),
                "words": ["parking", "car park", "gaari", "گاڑی", "停车"]},
    "registration": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Registration desk")),
                     "words": ["registration", "register", "badge", "check in", "tickets",
                               "رجسٹریشن", "بیج", "注册", "胸卡", "登记"]},
    "seminar": {"label": _in_all(QT_TRANSLATE_NOOP("Search", "Seminar halls")),
                "words": ["seminar", "conference", "talks", "sessions", "auditorium", "speakers",
                          "سیمینار", "کانفرنس", "研讨会", "会议", "讲座"]},
}
FACILITY_KINDS = {"washroom", "prayer", "food", "firstaid", "information", "atm", "parking",
                  "registration", "exit"}
KIND_ORDER = {"nearest": 0, "hall": 1, "facility": 2, "seminar": 2, "gate": 3, "exhibitor": 4,
              "sector": 5, "booth": 6, "place": 7}

BOOTH_QUERY = re.compile(r"^(?:h(?:all)?\s*-?\s*(\d+)\s*[-/ ]?\s*(?:b(?:ooth)?)?|b(?:ooth)?"
                         r"|stand|stall)\s*-?\s*(\d+)$", re.IGNORECASE)


CJK = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
WORD_CUTOFF = 72.0  # below this, a typed word does not match a word of the name at all


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def pinyin_forms(text: str) -> list[str]:
    """How a Chinese name is typed in pinyin: pairs of syllables, the way words are typed
    ("shenzhen dianzi" for 深圳电子), and the whole name joined ("shenzhendianzi...")."""
    if not has_cjk(text):
        return []
    syllables = [s for s in lazy_pinyin(text, errors="ignore") if s.strip().isalpha()]
    if not syllables:
        return []
    pairs = [a + b for a, b in zip(syllables, syllables[1:])]
    return ["".join(syllables)] + ([" ".join(pairs)] if len(pairs) > 1 else [])


# Letters that sound alike in Urdu and are often typed for one another (ہ/ھ/ح, ک/ق, ت/ط/ٹ,
# س/ص/ث, ز/ذ/ض/ظ, ی/ے), and the Arabic code points that look like Urdu ones.
URDU_FOLD = str.maketrans({"ھ": "ہ", "ح": "ہ", "ۃ": "ہ", "ة": "ہ", "ه": "ہ", "ق": "ک", "ك": "ک",
                           "ط": "ت", "ٹ": "ت", "ص": "س", "ث": "س", "ذ": "ز", "ض": "ز", "ظ": "ز",
                           "ے": "ی", "ي": "ی", "ى": "ی", "آ": "ا", "أ": "ا", "إ": "ا",
                           "ئ": "ی", "ڑ": "ر", "ڈ": "د"})
URDU_FINAL_HE = re.compile("ہ(?=\\s|$)")


def normalise(text: str) -> str:
    """What search compares: case, punctuation and Urdu spelling variants folded."""
    text = default_process(text or "")
    if ARABIC_LETTERS.search(text):
        text = URDU_FINAL_HE.sub("ا", text.translate(URDU_FOLD))  # ہنزہ / ہنزا
    return text


ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")


def lang_key(lang: str) -> str:
    return {"zh-Hans": "zh"}.get(lang, lang)


@dataclass
class SearchResult:
    kind: str  # nearest, exhibitor, booth, hall, seminar, facility, gate, sector, place
    targets: list[Place]  # route to the nearest of these
    titles: dict  # lang -> text
    subtitles: dict = field(default_factory=dict)
    score: float = 0.0
    group: str | None = None  # for "nearest" results: route with Router.nearest
    exhibitor: Exhibitor | None = None
    key: str = ""

    def title(self, lang: str = "en") -> str:
        return label_text(self.titles, lang)

    def subtitle(self, lang: str = "en") -> str:
        return label_text(self.subtitles, lang)

    @property
    def place(self) -> Place:
        return self.targets[0]


@dataclass
class _Entry:
    result: SearchResult
    expands: list[int] = field(default_factory=list)  # a sector lists its exhibitors


def _l3(en: str, ur: str, zh: str) -> dict:
    return {"en": en, "ur": ur, "zh": zh}


class SearchIndex:
    """Built once per venue and exhibitor list; `search` is what runs on every keystroke."""

    def __init__(self, venue: Venue, exhibitors: list[Exhibitor] | None = None):
        self.venue = venue
        self.exhibitors = list(exhibitors or [])
        self.entries: list[_Entry] = []
        self.choices: list[str] = []
        self.owner: list[int] = []
        self._booth_keys: list[tuple[str, Place]] = []
        self._by_booth: dict[str, list[int]] = {}
        self._amenity_nodes: set[str] | None = None
        self.choice_words: list[tuple[str, ...]] = []
        self._build()
        self.vocab = sorted({w for words in self.choice_words for w in words})
        self.entry_words: list[set[str]] = [set() for _ in self.entries]
        self.first_choice: list[int] = [0] * len(self.entries)
        for choice_index in reversed(range(len(self.choices))):
            owner = self.owner[choice_index]
            self.entry_words[owner].update(self.choice_words[choice_index])
            self.first_choice[owner] = choice_index
        self._joined = [c.replace(" ", "") for c in self.choices]
        self.shortest = [min((len(self.choice_words[i]) for i in range(len(self.choices))
                              if self.owner[i] == owner), default=0)
                         for owner in range(len(self.entries))]

    # -- building -----------------------------------------------------------------------
    def _add(self, result: SearchResult, words, expands=None) -> int:
        index = len(self.entries)
        self.entries.append(_Entry(result, list(expands or [])))
        seen = set()
        for word in words:
            text = normalise(word)
            forms = [text] + [normalise(p) for p in pinyin_forms(text)]
            for form in forms:
                if form and form not in seen:
                    seen.add(form)
                    self.choices.append(form)
                    self.choice_words.append(tuple(form.split()))
                    self.owner.append(index)
        return index

    def _build(self) -> None:
        venue = self.venue
        halls = {h.id: h for h in venue.halls}

        def hall_sub(place: Place) -> dict:
            hall = halls.get(place.hall_id or "")
            return {k: hall.name(k) for k in ("en", "ur", "zh")} if hall else {}

        for key, group in GROUPS.items():
            members = venue.group(key)
            if not members:
                continue
            titles = group["label"]
            self._add(SearchResult("nearest", members, titles, KIND_LABELS["nearest"],
                                   group=key, key=f"group:{key}"),
                      list(titles.values()) + group["words"])
        for hall in venue.halls:
            number = re.sub(r"\D", "", hall.name("en"))
            words = list(hall.names.values()) + ([f"h{number}", f"{number}馆"] if number else [])
            self._add(SearchResult("hall", [hall], _names(hall), KIND_LABELS["hall"],
                                   key=hall.id), words)
        # Facilities, seminar halls and gates: one result per distinct name.
        by_name: dict[str, list[Place]] = {}
        for place in venue.places.values():
            if place.kind in FACILITY_KINDS or place.kind in ("seminar", "room") \
                    or (place.kind == "door" and place.names):
                if place.feature_type == "unit" and self._has_amenity(place):
                    continue  # the amenity inside stands for it
                if place.kind == "room" and not place.names:
                    continue
                by_name.setdefault(place.name("en"), []).append(place)
        for name, places in by_name.items():
            first = places[0]
            kind = {"seminar": "seminar", "exit": "gate", "door": "place",
                    "room": "place"}.get(first.kind, "facility")
            sub = hall_sub(first) if first.kind == "door" else KIND_LABELS[kind]
            self._add(SearchResult(kind, places, _names(first), sub, key=f"name:{name}"),
                      list(first.names.values()))
        # Exhibitors, and sectors that list them.
        by_sector: dict[str, list[int]] = {}
        for ex in self.exhibitors:
            hall = halls.get(ex.booth.hall_id or "")
            subs = {}
            for lang in ("en", "ur", "zh"):
                parts = [ex.booth.code]
                if hall:
                    parts.append(hall.name(lang))
                parts.append(sector_label(ex.category, lang))
                subs[lang] = " · ".join(parts)
            words = list(ex.names.values())
            index = self._add(SearchResult("exhibitor", [ex.booth],
                                           {lang_key(k): v for k, v in ex.names.items()}, subs,
                                           exhibitor=ex, key=ex.id), words)
            by_sector.setdefault(ex.category, []).append(index)
            self._by_booth.setdefault(normalise_booth(ex.booth.code), []).append(index)
        for sector, members in by_sector.items():
            labels = SECTORS.get(sector, {"en": sector_label(sector)})
            words = list(labels.values()) + [sector]
            self._add(SearchResult("sector", [self.entries[i].result.place for i in members],
                                   {k: labels.get(k, labels["en"]) for k in ("en", "ur", "zh")},
                                   KIND_LABELS["sector"], key=f"sector:{sector}"),
                      words, expands=members)
        self._booth_keys = sorted(((normalise_booth(b.code), b) for b in venue.booths),
                                  key=lambda item: item[0])
        self._booth_prefix = [k for k, _ in self._booth_keys]

    def _has_amenity(self, unit: Place) -> bool:
        if self._amenity_nodes is None:
            self._amenity_nodes = {n for p in self.venue.places.values()
                                   if p.feature_type == "amenity" for n in p.nodes}
        return bool(set(unit.nodes) & self._amenity_nodes)

    # -- searching ---------------------------------------------------------------------------
    def _word_scores(self, word: str, last: bool) -> dict[str, float]:
        """How well one typed word matches each word of the vocabulary (those above the cutoff)."""
        scores = {w: s for w, s, _ in process.extract(
            word, self.vocab, scorer=fuzz.ratio, processor=None, limit=None,
            score_cutoff=WORD_CUTOFF)}
        if len(word) >= 3:
            # One letter wrong in a short word ("tahr" for "thar") is still that word.
            for w, _, _ in process.extract(word, self.vocab, scorer=Levenshtein.distance,
                                           processor=None, limit=None, score_cutoff=1):
                if abs(len(w) - len(word)) <= 1:
                    scores[w] = max(scores.get(w, 0.0), 80.0)
        if len(word) >= 2 or has_cjk(word):
            # The start of a word ("chen" of Chenab; the last word may be unfinished).
            start = bisect.bisect_left(self.vocab, word)
            end = bisect.bisect_right(self.vocab, word + "\uffff")
            for w in self.vocab[start:end]:
                prefix = 84.0 + 16.0 * len(word) / len(w) if last else 75.0 + 10.0 * len(word) / len(w)
                scores[w] = max(scores.get(w, 0.0), prefix)
        if has_cjk(word):
            # Chinese is written without spaces: a run of characters inside a name.
            for w in self.vocab:
                if len(word) >= 2 and word in w and w not in scores:
                    scores[w] = 80.0 + 20.0 * len(word) / len(w)
        return scores

    def _fuzzy(self, query: str):
        """(choice index, score) for every entry whose words match each typed word."""
        words = query.split()
        per_word = [self._word_scores(w, i == len(words) - 1) for i, w in enumerate(words)]
        found = []
        for owner, entry_words in enumerate(self.entry_words):
            total = 0.0
            for scores in per_word:
                best = max((scores.get(w, 0.0) for w in entry_words), default=0.0)
                if best < WORD_CUTOFF:
                    break
                total += best
            else:
                score = total / len(per_word)
                if self.shortest[owner] == len(words):
                    score += 4  # a name typed whole beats longer names that contain it
                found.append((self.first_choice[owner], score))
        for choice_index, choice in enumerate(self.choices):
            if choice == query:
                found.append((choice_index, 115.0))  # typed exactly
        # Typed without spaces ("chenabsoftware"): the whole name, as one string.
        if len(words) == 1 and len(query) >= 6:
            for choice, score, choice_index in process.extract(
                    query, self._joined, scorer=fuzz.ratio, processor=None, limit=20,
                    score_cutoff=80):
                found.append((choice_index, score))
        return found

    # -- browsing: the directory, for those who would rather not type -------------------------
    def directory(self, lang: str = "en") -> list[SearchResult]:
        """Every exhibitor, A to Z by the name shown in this language."""
        found = [e.result for e in self.entries if e.result.kind == "exhibitor"]
        return sorted(found, key=lambda r: (r.title(lang).casefold(), r.title("en").casefold()))

    def sectors(self, lang: str = "en") -> list[SearchResult]:
        found = [e.result for e in self.entries if e.result.kind == "sector"]
        return sorted(found, key=lambda r: r.title(lang).casefold())

    def members(self, sector: SearchResult, lang: str = "en") -> list[SearchResult]:
        """The exhibitors of a sector, A to Z."""
        entry = next((e for e in self.entries if e.result.key == sector.key), None)
        found = [self.entries[i].result for i in (entry.expands if entry else [])]
        return sorted(found, key=lambda r: r.title(lang).casefold())

    def booth_result(self, booth: Place, score: float) -> SearchResult:
        hall = self.venue.hall_of(booth)
        owners = [self.entries[i].result.exhibitor for i in
                  self._by_booth.get(normalise_booth(booth.code), [])]
        subs = {}
        for lang in ("en", "ur", "zh"):
            parts = [hall.name(lang)] if hall else []
            parts += [o.name(lang) for o in owners[:2] if o]
            subs[lang] = " · ".join(parts)
        return SearchResult("booth", [booth], _names(booth), subs, score=score,
                            key=booth.id)

    def search(self, query: str, limit: int = 20,
               distance: Callable[[list[Place]], float] | None = None) -> list[SearchResult]:
        """Ranked results for what the visitor typed; `distance` breaks ties by nearness."""
        q = normalise(query)
        if not q:
            return []
        scored: dict[int, float] = {}
        booths: list[SearchResult] = []
        compact = normalise_booth(query)
        m = BOOTH_QUERY.match(q.replace(" ", "") if len(q) < 16 else q)
        if m:
            hall_no, number = m.group(1), m.group(2)
            codes = [f"H{hall_no}B{number}"] if hall_no else \
                [f"H{h}B{number}" for h in range(1, 20)]
            for code in codes:
                booth = self.venue.booth(code)
                if booth is not None:
                    booths.append(self.booth_result(booth, 100.0))
                    for i in self._by_booth.get(code, []):
                        scored[i] = max(scored.get(i, 0), 99.0)
        if compact[:1] == "H" and any(ch.isdigit() for ch in compact) and len(compact) >= 2:
            # A booth number being typed: "H2-B1" lists H2-B1, H2-B10, H2-B11, ...
            start = bisect.bisect_left(self._booth_prefix, compact)
            end = bisect.bisect_right(self._booth_prefix, compact + "\uffff")
            shortest = sorted(self._booth_keys[start:end], key=lambda kb: (len(kb[0]), kb[0]))
            for key, booth in shortest[:12]:
                if any(r.place.id == booth.id for r in booths):
                    continue
                booths.append(self.booth_result(booth, 92.0 - (len(key) - len(compact))))
        digits = re.findall(r"\d+", q)
        if len(q) <= 2:
            for choice_index, choice in enumerate(self.choices):
                if any(word.startswith(q) for word in choice.split()) or choice.startswith(q):
                    owner = self.owner[choice_index]
                    bonus = 100.0 if choice == q else 85.0
                    scored[owner] = max(scored.get(owner, 0.0), bonus)
        else:
            queries = [q] + [normalise(p) for p in pinyin_forms(q)]
            for query in queries:
                for choice_index, score in self._fuzzy(query):
                    choice = self.choices[choice_index]
                    if digits and not all(d in choice for d in digits):
                        continue  # "hall 2" must not find Hall 3
                    owner = self.owner[choice_index]
                    scored[owner] = max(scored.get(owner, 0.0), score)
        # A sector that matched lists its exhibitors just below itself.
        for index, score in list(scored.items()):
            for member in self.entries[index].expands:
                scored[member] = max(scored.get(member, 0.0), score - 1)
        results = []
        for index, score in scored.items():
            base = self.entries[index].result
            results.append(SearchResult(base.kind, base.targets, base.titles, base.subtitles,
                                        score, base.group, base.exhibitor, base.key))
        results += booths
        near = {}
        if distance is not None:
            for r in results:
                near[r.key] = distance(r.targets)
        order = {g: i for i, g in enumerate(GROUPS)}
        results.sort(key=lambda r: (-round(r.score), KIND_ORDER.get(r.kind, 9),
                                    order.get(r.group, 99), near.get(r.key, 0.0),
                                    r.title("en")))
        unique, seen = [], set()
        for r in results:
            if r.key in seen:
                continue
            seen.add(r.key)
            unique.append(r)
        return unique[:limit]


def _names(place: Place) -> dict:
    return {k: place.name(k) for k in ("en", "ur", "zh")}
