"""Typing Chinese names on a Latin keyboard: pinyin in, characters out, most used first.

The kiosk has no input method. Visitors who write their name in characters type its pinyin
without tones ("wang", "wangwei"; ü as v) and pick the characters from a short list, as any
pinyin keyboard offers them. The list comes from two well-kept packages' data: jieba's
dictionary (about 350,000 words with how often each is used) gives the order, pypinyin gives
each word's reading. Single characters come under every reading they have (a rare reading far
down its list); two-character words under their usual reading. Building the index takes a
second or two, so callers build it off the GUI thread (``PinyinIndex.load`` once per process).
"""

from __future__ import annotations

import importlib.util
import re
import threading
from collections import defaultdict
from pathlib import Path

_LETTERS = re.compile(r"[a-z]+\Z")
_TRAILING = re.compile(r"[A-Za-z]+\Z")
_TWO_CHARACTER_WORDS = 40_000  # the most used ones: names and common words, not every idiom
_RARE_READING = 10_000         # a character's other readings come far below its usual one


def _everyday(word: str) -> bool:
    try:
        word.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def _dictionary() -> Path:
    spec = importlib.util.find_spec("jieba")  # located, not imported: only its data is used
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the jieba package (its dictionary) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "dict.txt"


class PinyinIndex:
    def __init__(self, words: dict[str, list[str]]):
        self.words = words  # pinyin (no tones, v for ü) -> characters, most used first

    @classmethod
    def build(cls, dictionary: Path | None = None) -> "PinyinIndex":
        from pypinyin import Style, lazy_pinyin, pinyin

        counts: dict[str, dict[str, int]] = defaultdict(dict)

        def add(key: str, word: str, n: int) -> None:
            bucket = counts[key]
            bucket[word] = max(bucket.get(word, 0), n)

        pairs = []
        with open(dictionary or _dictionary(), encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and parts[1].isdigit() and len(parts[0]) <= 2 \
                        and all("\u4e00" <= ch <= "\u9fff" for ch in parts[0]):
                    pairs.append((parts[0], int(parts[1])))
        for word, n in pairs:
            if len(word) == 1:
                usual = lazy_pinyin(word, style=Style.NORMAL)[0]
                add(usual, word, n)
                for reading in pinyin(word, style=Style.NORMAL, heteronym=True)[0]:
                    if reading != usual:
                        add(reading, word, n // _RARE_READING)
        doubles = sorted((p for p in pairs if len(p[0]) == 2), key=lambda p: -p[1])
        used_in_words: dict[tuple[str, str], int] = defaultdict(int)
        for word, n in doubles[:_TWO_CHARACTER_WORDS]:
            readings = lazy_pinyin(word, style=Style.NORMAL)
            add("".join(readings), word, n)
            for ch, reading in zip(word, readings):
                used_in_words[(reading, ch)] += n
        # A character on its own is ranked by how often it is used alone and in words (伟 is
        # rare alone, common in 伟大 and in names); one outside GB 2312 (the simplified set of
        # everyday use) comes after the everyday ones, never left out (喆, 堃 are in names).
        for (reading, ch), n in used_in_words.items():
            if ch in counts[reading]:
                counts[reading][ch] += n // 2
        for bucket in counts.values():
            for word in bucket:
                if not _everyday(word):
                    bucket[word] //= 100
        return cls({key: sorted(bucket, key=lambda w: (-bucket[w], w))
                    for key, bucket in counts.items()})

    _shared: "PinyinIndex | None" = None
    _lock = threading.Lock()

    @classmethod
    def load(cls) -> "PinyinIndex":
        """The process's index, built on first use (thread-safe)."""
        with cls._lock:
            if cls._shared is None:
                cls._shared = cls.build()
            return cls._shared

    def candidates(self, typed: str, limit: int = 10) -> list[str]:
        """Characters for the pinyin ``typed``: whole-reading matches first, then words whose
        reading starts with it ("zh" offers 这, 中, 张 …); nothing for what is not pinyin."""
        typed = typed.lower().replace("ü", "v")
        if not typed or not _LETTERS.match(typed):
            return []
        found = list(self.words.get(typed, ()))[:limit]
        if len(found) < limit:
            seen = set(found)
            prefixed = [(key, w) for key in self.words if key.startswith(typed) and key != typed
                        for w in self.words[key][:3]]
            prefixed.sort(key=lambda kw: (len(kw[0]), self.words[kw[0]].index(kw[1])))
            for _, word in prefixed:
                if word not in seen:
                    found.append(word)
                    seen.add(word)
                if len(found) >= limit:
                    break
        return found


def composing(text: str) -> str:
    """The pinyin still being typed at the end of a field ("王wei" -> "wei")."""
    m = _TRAILING.search(text)
    return m.group(0) if m else ""


def choose(text: str, characters: str) -> str:
    """The field's text once ``characters`` replace the pinyin typed for them."""
    return text[:len(text) - len(composing(text))] + characters
