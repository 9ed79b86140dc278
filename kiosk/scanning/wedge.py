"""Keyboard-wedge USB scanners: tell a scanner's burst of keys from a person typing.

A wedge scanner (as pretixSCAN desktop uses them) types the code it read as key presses a few
milliseconds apart and ends with Enter. ``WedgeScanner`` is a pure state machine fed every key
with its time; the touch UI wires it to Qt's key events.

    scanner = WedgeScanner()
    scanner.feed("I", 0.000)        # None: a burst may be starting
    ...
    scanner.feed("\\r", 0.120)      # "ITC1:...": Enter ended a fast enough, long enough burst
    scanner.feed_key("Enter", t)    # the same, for key events that carry a name and no text

A burst counts when it has at least ``min_chars`` characters, every gap (Enter's included) is at
most ``max_gap_s``, and it ends in Enter. A slower gap means a person is typing: the characters
so far are dropped and a new burst may start with the next key. After ``reset_s`` of silence
everything is forgotten. Keys without text (Shift, which scanners send for capitals) are
ignored; Backspace, Escape and other editing keys are a person's and reset the machine.

``burst`` (the characters of a burst that is still fast) lets the UI hold those keys back from a
text field until it knows whether a scanner or a person sent them.
"""

from __future__ import annotations

_EPSILON = 1e-9  # times are sums of floats: a gap of exactly max_gap_s must count as one
ENTER_KEYS = frozenset({"Enter", "Return", "KP_Enter", "\r", "\n"})
IGNORED_KEYS = frozenset({"Shift", "Shift_L", "Shift_R", "Control", "Control_L", "Control_R",
                          "Alt", "Alt_L", "Alt_R", "AltGr", "Meta", "CapsLock", "NumLock"})


class WedgeScanner:
    def __init__(self, min_chars: int = 5, max_gap_s: float = 0.05, reset_s: float = 2.0):
        if min_chars < 1 or max_gap_s <= 0 or reset_s < max_gap_s:
            raise ValueError("need min_chars >= 1, max_gap_s > 0 and reset_s >= max_gap_s")
        self.min_chars = min_chars
        self.max_gap_s = max_gap_s
        self.reset_s = reset_s
        self._chars: list[str] = []
        self._last_t: float | None = None

    @property
    def burst(self) -> str:
        """The characters of the burst in progress (empty when none is)."""
        return "".join(self._chars)

    def reset(self) -> None:
        self._chars.clear()
        self._last_t = None

    def feed(self, char: str, t: float) -> str | None:
        """One typed character (``"\\r"`` or ``"\\n"`` for Enter) at time ``t`` in seconds.

        Returns the scanned code when this key is the Enter that ends a scanner's burst.
        """
        if not char:
            return None
        if char in ENTER_KEYS:
            return self._enter(t)
        if len(char) != 1 or not char.isprintable():
            self.reset()
            return None
        gap = None if self._last_t is None else t - self._last_t
        if gap is None or gap < 0 or gap > self.max_gap_s + _EPSILON:
            # Too slow (or the first key, or a clock that went back): a burst can only start here.
            self._chars = [char]
        else:
            self._chars.append(char)
        self._last_t = t
        return None

    def feed_key(self, key: str, t: float, text: str = "") -> str | None:
        """A key event by name (as Qt reports it): Enter/Return end a burst, modifiers are ignored,
        keys with ``text`` count as that text, and other keys reset the machine."""
        if key in ENTER_KEYS:
            return self._enter(t)
        if key in IGNORED_KEYS:
            return None
        if text:
            result = None
            for char in text:
                result = self.feed(char, t)
            return result
        if len(key) == 1:
            return self.feed(key, t)
        self.reset()
        return None

    def _enter(self, t: float) -> str | None:
        chars, last = list(self._chars), self._last_t
        self.reset()
        if last is None or not chars:
            return None
        gap = t - last
        if 0 <= gap <= self.max_gap_s + _EPSILON and len(chars) >= self.min_chars:
            return "".join(chars)
        return None

    def expire(self, t: float) -> None:
        """Forget a burst that has been silent for ``reset_s`` (call from a timer, if wanted)."""
        if self._last_t is not None and t - self._last_t >= self.reset_s:
            self.reset()
