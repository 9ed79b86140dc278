"""Look an attendee up (type part of a name, company, phone, e-mail or registration number, or
scan their badge), then: check them in by hand with a reason, block or unblock them, or reprint
their badge. Every action is committed to kiosk.db on its database thread and written to the
audit log; a block is applied by this kiosk at once and passed on by live sync."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QBoxLayout, QGridLayout, QLineEdit, QListWidget, QListWidgetItem,
                               QSizePolicy, QStackedWidget, QVBoxLayout, QWidget)

from kiosk.core.errors import KioskError
from kiosk.core.event import DEFAULT_TIMEZONE
from kiosk.core.timeutil import to_utc_text
from kiosk.ui import messages
from kiosk.ui.screens import button, label
from kiosk.ui.shaping import ShapedItemDelegate
from kiosk.ui.staff.common import fit_dense, local_time, ltr, outcome_word, qt_font, row_font
from kiosk.ui.staff.context import StaffContext
from kiosk.ui.keyboard import OnScreenKeyboard
from kiosk.ui.theme import TONES, Theme
from kiosk.ui.workers import error_text

CHECKIN_REASONS = (
    QT_TRANSLATE_NOOP("StaffReason", "Badge damaged or unreadable"),
    QT_TRANSLATE_NOOP("StaffReason", "Forgot badge; identity checked"),
    QT_TRANSLATE_NOOP("StaffReason", "Phone battery dead"),
    QT_TRANSLATE_NOOP("StaffReason", "Registered at the desk"),
    QT_TRANSLATE_NOOP("StaffReason", "Camera or scanner problem"),
)
BLOCK_REASONS = (
    QT_TRANSLATE_NOOP("StaffReason", "Badge reported lost"),
    QT_TRANSLATE_NOOP("StaffReason", "Badge misused or shared"),
    QT_TRANSLATE_NOOP("StaffReason", "Registration cancelled"),
    QT_TRANSLATE_NOOP("StaffReason", "Security"),
)
UNBLOCK_REASONS = (
    QT_TRANSLATE_NOOP("StaffReason", "Badge found by its holder"),
    QT_TRANSLATE_NOOP("StaffReason", "Blocked by mistake"),
    QT_TRANSLATE_NOOP("StaffReason", "Cleared by security"),
)
SEARCH_DELAY_MS = 250  # search when typing pauses, not on every key


def reason_text(reason: str) -> str:
    return QCoreApplication.translate("StaffReason", reason)


class AttendeeCard(QWidget):
    """One attendee, their standing today, and what staff can do for them."""

    closed = Signal()

    def __init__(self, page: "LookupPage"):
        super().__init__()
        self.page = page
        self.attendee = None
        self.standing = None
        self.tz = DEFAULT_TIMEZONE
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.name = label(name="card_name")
        self.details = label(name="card_details")
        self.status = label(name="card_status")
        self.blocked = label(name="card_blocked")
        self.history = label(name="card_history")
        self.message = label(name="card_message")
        for widget in (self.name, self.details, self.status, self.blocked, self.history):
            box.addWidget(widget)
        self.actions = QWidget()
        grid = QGridLayout(self.actions)
        grid.setContentsMargins(0, 0, 0, 0)
        self.checkin_button = button(name="card_checkin")
        self.block_button = button(secondary=True, name="card_block")
        self.reprint_button = button(secondary=True, name="card_reprint")
        self.back_button = button(secondary=True, name="card_back")
        for i, b in enumerate((self.checkin_button, self.block_button, self.reprint_button,
                               self.back_button)):
            grid.addWidget(b, i // 2, i % 2)
        self.checkin_button.clicked.connect(lambda: self.ask("checkin"))
        self.block_button.clicked.connect(
            lambda: self.ask("unblock" if self.standing and self.standing.blocked else "block"))
        self.reprint_button.clicked.connect(lambda: self.ask("reprint"))
        self.back_button.clicked.connect(self.closed)
        box.addWidget(self.actions)
        # Reasons (or reprint choices) replace the actions until one is picked.
        self.choices = QWidget()
        choices = QVBoxLayout(self.choices)
        choices.setContentsMargins(0, 0, 0, 0)
        self.choice_title = label(name="card_choice_title")
        choices.addWidget(self.choice_title)
        self.choice_grid = QGridLayout()
        choices.addLayout(self.choice_grid)
        self.choice_buttons: list = []
        self.cancel_button = button(secondary=True, name="card_cancel")
        self.cancel_button.clicked.connect(self.cancel_choice)
        self.choices.hide()
        box.addWidget(self.choices)
        box.addWidget(self.message)
        box.addStretch(1)
        self.asking = ""
        self.retranslate()

    # -- showing ------------------------------------------------------------------------------
    def show_attendee(self, attendee, standing, tz: str) -> None:
        self.attendee, self.standing, self.tz = attendee, standing, tz
        self.asking = ""
        self.say("")
        self.choices.hide()
        self.actions.show()
        self.retranslate()

    def refresh_standing(self, standing) -> None:
        self.standing = standing
        self.retranslate()

    def retranslate(self) -> None:
        self.checkin_button.setText(self.tr("Check in by hand"))
        blocked = self.standing is not None and self.standing.blocked
        self.block_button.setText(self.tr("Unblock") if blocked else self.tr("Block badge"))
        self.reprint_button.setText(self.tr("Reprint badge"))
        self.back_button.setText(self.tr("Back to results"))
        self.cancel_button.setText(self.tr("Cancel"))
        self._fill_choices()
        a, s = self.attendee, self.standing
        if a is None:
            return
        others = " · ".join(n for n in (a.name_ur, a.name_zh) if n and n != a.name)
        self.name.setText(a.name + (f"\n{others}" if others else ""))
        lines = [f"{messages.category(a.category)} · {a.id}"]
        if a.attention:  # pretix's "special attention" or check-in text: staff must look
            lines.insert(0, self.tr("Attention: {text}").format(text=a.attention))
        if a.company:
            lines.append(a.company)
        contact = " · ".join(x for x in (a.phone, a.email) if x)
        if contact:
            lines.append(contact)
        self.details.setText("\n".join(lines))
        if s is None:
            self.status.setText("")
        elif s.first_in_at is None:
            self.status.setText(self.tr("Not checked in today"))
        elif s.inside:
            self.status.setText(self.tr("Checked in today at {first}; inside now (last in {last})").format(
                first=local_time(s.first_in_at, self.tz, "%H:%M"),
                last=local_time(s.last_in_at, self.tz, "%H:%M")))
        else:
            self.status.setText(self.tr("Checked in today at {first}; went out at {out}").format(
                first=local_time(s.first_in_at, self.tz, "%H:%M"),
                out=local_time(s.last_out_at, self.tz, "%H:%M")))
        if s is not None and s.blocked:
            reasons = "; ".join(reason_text(b["reason"]) for b in s.blocks if b["reason"])
            self.blocked.setText(self.tr("BLOCKED: {reason}").format(reason=reasons or "–"))
            self.blocked.show()
        else:
            self.blocked.setText("")
            self.blocked.hide()
        if s is not None and s.scans:
            rows = [f"{ltr(local_time(x['at_utc'], self.tz, '%d %b %H:%M'))} · "
                    f"{outcome_word(x['outcome'])} · {ltr(x['gate'] or x['kiosk_id'])}"
                    for x in s.scans[:3]]
            self.history.setText(self.tr("Latest scans:") + "\n" + "\n".join(rows))
        else:
            self.history.setText(self.tr("No scans yet."))
        self.checkin_button.setEnabled(not blocked)

    # -- choices --------------------------------------------------------------------------------
    def ask(self, what: str) -> None:
        self.asking = what
        self.say("")
        self.actions.hide()
        self.history.hide()  # room for the choices
        self._fill_choices()
        self.choices.show()
        self.page.refit()

    def cancel_choice(self) -> None:
        self.asking = ""
        self.choices.hide()
        self.actions.show()
        self.history.show()
        self.page.refit()

    def _choice_items(self) -> list[tuple[str, str]]:
        if self.asking == "checkin":
            return [(r, reason_text(r)) for r in CHECKIN_REASONS]
        if self.asking == "block":
            return [(r, reason_text(r)) for r in BLOCK_REASONS]
        if self.asking == "unblock":
            return [(r, reason_text(r)) for r in UNBLOCK_REASONS]
        if self.asking == "reprint":
            items = [("pdf", self.tr("Save as PDF")), ("print", self.tr("Print"))]
            if self.page.ctx.services.printing is not None:  # kiosk.toml's [printer] (CUPS)
                items.append(("badge", self.tr("Badge printer")))
            if self.page.ctx.services.kiosk_key is not None:  # a new badge; the old one stops working
                items.append(("reissue", self.tr("Lost: new badge (PDF)")))
            return items
        return []

    def _fill_choices(self) -> None:
        titles = {"checkin": self.tr("Why check in by hand?"), "block": self.tr("Why block this badge?"),
                  "unblock": self.tr("Why unblock?"), "reprint": self.tr("Reprint as:")}
        self.choice_title.setText(titles.get(self.asking, ""))
        items = self._choice_items()
        while len(self.choice_buttons) < len(items):
            b = button(secondary=True, name=f"card_choice_{len(self.choice_buttons)}")
            b.clicked.connect(lambda _=False, i=len(self.choice_buttons): self._chosen(i))
            self.choice_grid.addWidget(b, len(self.choice_buttons) // 2, len(self.choice_buttons) % 2)
            self.choice_buttons.append(b)
            if self.page.theme is not None:
                self.page.theme.fit(b, "body", bold=True)
        for i, b in enumerate(self.choice_buttons):
            if i < len(items):
                b.setText(items[i][1])
                b.show()
            else:
                b.hide()
        # Cancel takes the cell after the last choice: one row less on a short screen.
        self.choice_grid.removeWidget(self.cancel_button)
        self.choice_grid.addWidget(self.cancel_button, len(items) // 2, len(items) % 2)

    def _chosen(self, index: int) -> None:
        items = self._choice_items()
        if index >= len(items) or self.attendee is None:
            return
        key = items[index][0]
        what = self.asking
        self.cancel_choice()
        if what == "checkin":
            self.page.check_in_by_hand(self.attendee, key)
        elif what in ("block", "unblock"):
            self.page.set_blocked(self.attendee, what == "block", key)
        elif what == "reprint" and key == "badge":
            self.page.reprint_on_badge_printer(self.attendee)
        elif what == "reprint" and key == "reissue":
            self.page.reissue(self.attendee)
        elif what == "reprint":
            self.page.reprint(self.attendee, to_printer=key == "print")

    def say(self, text: str, tone: str = "green") -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        colour = TONES[tone][0] if tone in TONES else "#14213D"
        self.message.setStyleSheet(f"color: {colour};")

    def apply_theme(self, theme: Theme) -> None:
        # A card of data (names are mostly Latin even in Urdu): dense text, buttons as ever.
        fit_dense(theme, self.name, "large", bold=True)
        fit_dense(theme, self.details, "body")
        fit_dense(theme, self.status, "body", bold=True)
        fit_dense(theme, self.blocked, "body", bold=True)
        self.blocked.setStyleSheet(f"color: {TONES['red'][0]};")
        fit_dense(theme, self.history, "small")
        fit_dense(theme, self.message, "body", bold=True)
        fit_dense(theme, self.choice_title, "body", bold=True)
        for b in [self.checkin_button, self.block_button, self.reprint_button, self.back_button,
                  self.cancel_button] + self.choice_buttons:
            theme.fit(b, "body", bold=True)


class LookupPage(QWidget):
    """Search, results and the attendee card."""

    searched = Signal(list)        # the hits shown (for tests and the audit)
    card_shown = Signal(str)       # attendee id
    action_done = Signal(str, object)  # what ("checkin", "block", "unblock", "reprint"), result

    def __init__(self, ctx: StaffContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.theme: Theme | None = None
        self.tz = DEFAULT_TIMEZONE
        self.hits: list = []
        self._searching = ""
        self.printer_for = None   # (QWidget) -> QPrinter | None; default asks with a dialog
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.search = QLineEdit()
        self.search.setObjectName("lookup_search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._typed)
        outer.addWidget(self.search)
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        outer.addLayout(self.body, 1)
        self.keyboard = OnScreenKeyboard(layouts=("staff",))
        self.keyboard.attach(self.search)
        self.stack = QStackedWidget()
        results_page = QWidget()
        results_box = QVBoxLayout(results_page)
        results_box.setContentsMargins(0, 0, 0, 0)
        self.hint = label(name="lookup_hint")
        self.results = QListWidget()
        self.results.setObjectName("lookup_results")
        self.results.setItemDelegate(ShapedItemDelegate(self.results))
        self.results.setWordWrap(True)
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemClicked.connect(lambda item: self.open_attendee(item.data(Qt.ItemDataRole.UserRole)))
        self.results.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        results_box.addWidget(self.hint)
        results_box.addWidget(self.results, 1)
        self.card = AttendeeCard(self)
        self.card.closed.connect(self.show_results)
        self.stack.addWidget(results_page)
        self.stack.addWidget(self.card)
        self.body.addWidget(self.keyboard, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(self.stack, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.retranslate()

    # -- layout, language -----------------------------------------------------------------------
    def resizeEvent(self, event):
        portrait = event.size().height() > event.size().width()
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait
                               else QBoxLayout.Direction.LeftToRight)
        super().resizeEvent(event)

    def refit(self) -> None:
        parent = self.parent()
        while parent is not None and not hasattr(parent, "refit"):
            parent = parent.parent()
        if parent is not None:
            parent.refit()

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Name, company, phone, e-mail or registration number"))
        self.keyboard.retranslate()
        self.card.retranslate()
        self._show_hint()
        self._fill_results()

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.search.setFont(qt_font(theme, "body"))
        self.search.setMinimumHeight(theme.target_px)
        self.keyboard.apply_theme(theme)
        self.results.setFont(row_font(theme, "body"))
        fit_dense(theme, self.hint, "body")
        self.card.apply_theme(theme)

    def _show_hint(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.hint.setText(self.tr("Type part of a name, company, phone number, e-mail or "
                                      "registration number, or scan the badge."))
        elif not self.hits and not self._searching:
            self.hint.setText(self.tr("Nobody found for “{query}”.").format(query=text))
        else:
            self.hint.setText(self.tr("Found: {n}").format(n=len(self.hits)))

    # -- searching ------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.show_results()
        self.timer.start()

    def run_search(self) -> None:
        query = self.search.text()
        self._searching = query
        staff = self.ctx.staff
        self.ctx.desk.call(lambda store, desk: staff.search(store, desk, query),
                           lambda hits: self._found(query, hits),
                           lambda exc: self._search_failed(query, exc))

    def _found(self, query: str, hits) -> None:
        if query != self.search.text():
            return  # typing went on; a newer search is coming
        self._searching = ""
        self.hits = list(hits)
        self._fill_results()
        self._show_hint()
        self.searched.emit(self.hits)

    def _search_failed(self, query: str, exc: BaseException) -> None:
        if query != self.search.text():
            return
        self._searching = ""
        self.hits = []
        self._fill_results()
        self.hint.setText(self.tr("The search failed: {problem}").format(problem=error_text(exc)))
        self.searched.emit(self.hits)

    def _fill_results(self) -> None:
        self.results.clear()
        for hit in self.hits:
            a = hit.attendee
            line = " · ".join(x for x in (a.name, messages.category(a.category), a.company, a.id) if x)
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, a.id)
            self.results.addItem(item)

    def show_results(self) -> None:
        self.stack.setCurrentIndex(0)

    def code_scanned(self, code) -> None:
        """A badge shown to the camera or scanner while looking up: open its holder's card."""
        staff = self.ctx.staff

        def done(attendee_id):
            if attendee_id is not None:
                self.open_attendee(attendee_id)
            else:
                self.show_results()
                self.hint.setText(self.tr("This badge is not on this kiosk's roster."))

        self.ctx.desk.call(lambda store, desk: staff.badge_holder(store, desk, code), done,
                           lambda exc: self.hint.setText(error_text(exc)))

    # -- the card -------------------------------------------------------------------------------
    def open_attendee(self, attendee_id: str) -> None:
        staff = self.ctx.staff

        def done(card):
            self.tz = card.timezone
            self.card.show_attendee(card.attendee, card.standing, self.tz)
            self.stack.setCurrentIndex(1)
            self.refit()
            self.card_shown.emit(card.attendee.id)

        self.ctx.desk.call(lambda store, desk: staff.open_card(store, desk, attendee_id), done,
                           lambda exc: self.hint.setText(error_text(exc)))

    def check_in_by_hand(self, attendee, reason: str) -> None:
        staff = self.ctx.staff

        def done(result):
            check, standing = result
            self.card.refresh_standing(standing)
            self.card.say(self.tr("Checked in by hand at {time} ({outcome}).").format(
                time=local_time(to_utc_text(check.at), self.tz, "%H:%M"),
                outcome=outcome_word(check.outcome.value)))
            self.ctx.changed()
            self.action_done.emit("checkin", check)

        def failed(exc):
            # Nothing was kept: the scan and its audit row are one transaction.
            self.card.say(self.tr("Not checked in: {problem}").format(problem=error_text(exc)), "red")
            self.action_done.emit("checkin", exc)

        self.ctx.desk.call(lambda store, desk: staff.check_in_by_hand(store, desk, attendee.id, reason),
                           done, failed)

    def set_blocked(self, attendee, blocked: bool, reason: str) -> None:
        staff = self.ctx.staff
        what = "block" if blocked else "unblock"

        def done(result):
            keys, standing = result
            self.card.refresh_standing(standing)
            self.card.say(self.tr("Blocked on this kiosk now; other kiosks follow through the hub.")
                          if blocked else self.tr("Unblocked."), "red" if blocked else "green")
            self.ctx.changed()
            self.action_done.emit(what, keys)

        def failed(exc):
            self.card.say(self.tr("Could not change the block: {problem}").format(
                problem=error_text(exc)), "red")
            self.action_done.emit(what, exc)

        self.ctx.desk.call(
            lambda store, desk: staff.set_blocked(store, desk, attendee.id, blocked, reason),
            done, failed)

    def reprint(self, attendee, *, to_printer: bool) -> None:
        services, staff = self.ctx.services, self.ctx.staff
        if services.render_badge is None or staff.kiosk_dir is None:
            self.card.say(self.tr("Badge printing is not set up on this kiosk."), "red")
            return

        def planned(plan):
            if plan.token is None:
                self.card.say(self.tr("This badge was never issued, and this event does not accept "
                                      "registration numbers: ask the organiser to issue it."), "red")
                return
            path = staff.reprint_path(attendee.id)

            def render():
                path.parent.mkdir(parents=True, exist_ok=True)
                services.render_badge(plan.rules, attendee, plan.token, path)
                return path

            self.card.say(self.tr("Preparing the badge…"))
            self.ctx.tasks.submit(render, lambda p: self._rendered(attendee, p, to_printer, plan.signed),
                                  self._render_failed, what="a badge reprint")

        self.ctx.desk.call(lambda store, desk: staff.reprint_plan(store, desk, attendee.id), planned,
                           lambda exc: self.card.say(error_text(exc), "red"))

    def reissue(self, attendee) -> None:
        """A lost badge: a new one (the next issue, signed by this kiosk) saved as a PDF; the
        old one is refused from now on, here and, through the hub, at the other kiosks."""
        services, staff = self.ctx.services, self.ctx.staff
        if services.render_badge is None or staff.kiosk_dir is None:
            self.card.say(self.tr("Badge printing is not set up on this kiosk."), "red")
            return

        def issued(plan):
            self.ctx.changed()  # the hub hears of it at once
            path = staff.reprint_path(attendee.id)

            def render():
                path.parent.mkdir(parents=True, exist_ok=True)
                services.render_badge(plan.rules, attendee, plan.token, path)
                return path

            self.card.say(self.tr("New badge issued: the old one no longer gets in. Preparing it…"))
            self.ctx.tasks.submit(render, lambda p: self._rendered(attendee, p, False, True, True),
                                  self._render_failed, what="a reissued badge")

        self.ctx.desk.call(lambda store, desk: staff.reissue(store, desk, attendee.id), issued,
                           lambda exc: self.card.say(error_text(exc), "red"))

    def reprint_on_badge_printer(self, attendee) -> None:
        """A staff reprint on the kiosk's badge printer (CUPS), recorded and audited there."""
        def done(outcome):
            if isinstance(outcome, BaseException) or outcome is None:
                self.card.say(self.tr("The badge printer failed: {problem}").format(
                    problem=error_text(outcome) if outcome is not None else "–"), "red")
            elif outcome.ok:
                self.card.say(self.tr("Sent to the badge printer (job {job}).").format(
                    job=ltr(f"{outcome.queue}-{outcome.job_id}")))
            else:
                self.card.say(self.tr("The badge printer failed: {problem}").format(
                    problem=outcome.problem), "red")
            self.action_done.emit("reprint", outcome)

        self.card.say(self.tr("Preparing the badge…"))
        self.ctx.services.printing.print_for(attendee, "staff", done)

    def _render_failed(self, exc: BaseException) -> None:
        self.card.say(self.tr("The badge could not be made: {problem}").format(
            problem=error_text(exc)), "red")
        self.action_done.emit("reprint", exc)

    def _rendered(self, attendee, path: Path, to_printer: bool, signed: bool,
                  reissued: bool = False) -> None:
        kind = self.tr("signed badge") if signed else self.tr("registration number (never issued)")
        if reissued:
            kind = self.tr("a new badge; the old one no longer gets in")
        staff = self.ctx.staff
        if not to_printer:
            self.ctx.desk.call(lambda store, desk: staff.record_reprint(store, attendee.id, path,
                                                                        printed=False))
            self.card.say(self.tr("Saved {file} ({kind}).").format(file=ltr(path.name), kind=kind))
            self.action_done.emit("reprint", path)
            return
        printer = (self.printer_for or ask_printer)(self)
        if printer is None:
            self.card.say(self.tr("Printing cancelled; the PDF is in {file}.").format(file=ltr(path.name)))
            self.action_done.emit("reprint", None)
            return
        try:
            pages = print_pdf(path, printer)
        except Exception as exc:  # a printer that fails must not take the kiosk down
            self.card.say(self.tr("The printer failed: {problem}").format(problem=error_text(exc)), "red")
            self.action_done.emit("reprint", exc)
            return
        self.ctx.desk.call(lambda store, desk: staff.record_reprint(store, attendee.id, path,
                                                                    printed=True, pages=pages))
        self.card.say(self.tr("Sent to the printer ({kind}).").format(kind=kind))
        self.action_done.emit("reprint", printer)


def ask_printer(parent):
    """The system's print dialog (Qt print support); None when staff cancel."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def print_pdf(path: Path, printer) -> int:
    """Print a PDF's pages on a QPrinter (rendered through Qt PDF); returns the page count."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        raise KioskError(f"cannot read {path.name}")
    painter = QPainter()
    if not painter.begin(printer):
        raise KioskError("the printer cannot be opened")
    pages = document.pageCount()  # read before close(), which empties the document
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = document.pagePointSize(page).toSize().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            image = document.render(page, QSize(size.width(), size.height()))
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
        document.close()
    return pages
