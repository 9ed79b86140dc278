"""Export this kiosk's scan log as one self-checking bundle (`kiosk merge` reads it) to a USB
stick or a chosen folder. The bundle is written from a read-only connection in the staff worker
thread: check-ins go on while it is written."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QFileDialog, QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.screens import button, label
from kiosk.ui.staff.common import ltr
from kiosk.ui.staff.context import StaffContext
from kiosk.ui.theme import TONES, Theme


def folder_exporter(kiosk_dir: Path) -> Callable[[Path], dict]:
    """export(folder) for a kiosk folder: kiosk.toml for the kiosk, kiosk.db read-only."""

    def export(folder: Path) -> dict:
        from kiosk.config import load_kiosk
        from kiosk.storage.kiosk_store import KioskStore
        from kiosk.sync.bundle import export_bundle

        from kiosk.organiser.kioskdir import KioskFolder

        model = load_kiosk(kiosk_dir / "kiosk.toml")
        key = KioskFolder(kiosk_dir, model).signing_key()  # signed, as `kiosk export` does
        with KioskStore.open(kiosk_dir / "kiosk.db", readonly=True) as store:
            return export_bundle(store, model, folder, signing_key=key)
    return export


def choose_folder(parent) -> Path | None:
    title = QCoreApplication.translate("ExportPage", "Export to which folder?")
    folder = QFileDialog.getExistingDirectory(parent, title, "", QFileDialog.Option.DontUseNativeDialog)
    return Path(folder) if folder else None


class ExportPage(QWidget):
    exported = Signal(object)  # the export summary, or the exception

    def __init__(self, ctx: StaffContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.pick_folder: Callable = choose_folder
        self.drives: list[tuple[str, Path]] = []
        self.last: dict | Exception | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.info = label(name="export_info")
        box.addWidget(self.info)
        self.drive_grid = QGridLayout()
        box.addLayout(self.drive_grid)
        self.drive_buttons: list = []
        self.no_drive = label(name="export_no_drive")
        box.addWidget(self.no_drive)
        self.folder_button = button(secondary=True, name="export_folder")
        self.folder_button.clicked.connect(self._pick)
        box.addWidget(self.folder_button)
        self.status = label(name="export_status")
        box.addWidget(self.status)
        box.addStretch(1)
        self.theme: Theme | None = None
        self.retranslate()

    def showEvent(self, event):
        super().showEvent(event)
        self.find_drives()

    def find_drives(self) -> None:
        try:
            self.drives = list(self.ctx.services.drives())
        except Exception:
            self.drives = []
        while len(self.drive_buttons) < len(self.drives):
            b = button(name=f"export_drive_{len(self.drive_buttons)}")
            b.clicked.connect(lambda _=False, i=len(self.drive_buttons): self.export_to(self.drives[i][1]))
            self.drive_grid.addWidget(b, len(self.drive_buttons) // 2, len(self.drive_buttons) % 2)
            self.drive_buttons.append(b)
            if self.theme is not None:
                self.theme.fit(b, "body", bold=True)
        self.retranslate()

    def _pick(self) -> None:
        folder = self.pick_folder(self)
        if folder is not None:
            self.export_to(folder)

    def export_to(self, folder: Path) -> None:
        export = self.ctx.services.export_bundle
        if export is None:
            self.last = RuntimeError(self.tr("Export is not set up on this kiosk."))
            self.retranslate()
            return
        self.last = None
        self.status.setText(self.tr("Writing the bundle to {folder}…").format(folder=ltr(str(folder))))
        self.status.setStyleSheet("")
        for b in self.drive_buttons + [self.folder_button]:
            b.setEnabled(False)
        self.ctx.tasks.run(lambda: export(Path(folder)), self._done)

    def _done(self, result) -> None:
        for b in self.drive_buttons + [self.folder_button]:
            b.setEnabled(True)
        self.last = result
        if isinstance(result, Exception):
            self.ctx.audit("export_failed", "", str(result))
        else:
            self.ctx.audit("export", result.get("bundle", ""), f"{result.get('scans', 0)} scans")
        self.retranslate()
        self.exported.emit(result)

    def retranslate(self) -> None:
        self.info.setText(self.tr("Save this kiosk's whole scan log as one bundle file, to merge "
                                  "with the other kiosks' logs (kiosk merge)."))
        for b, (name, folder) in zip(self.drive_buttons, self.drives):
            b.setText(self.tr("Export to {drive}").format(drive=name))
        for i, b in enumerate(self.drive_buttons):
            b.setVisible(i < len(self.drives))
        self.no_drive.setText(self.tr("No USB stick found. Plug one in, or choose a folder."))
        self.no_drive.setVisible(not self.drives)
        self.folder_button.setText(self.tr("Choose a folder…"))
        if isinstance(self.last, Exception):
            self.status.setText(self.tr("Export failed: {problem}").format(problem=self.last))
            self.status.setStyleSheet(f"color: {TONES['red'][0]};")
        elif isinstance(self.last, dict):
            self.status.setText(self.tr("Saved to {file} (scans: {scans})").format(
                scans=f"{self.last.get('scans', 0):,}", file=ltr(self.last.get("bundle", ""))))
            self.status.setStyleSheet(f"color: {TONES['green'][0]};")

    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        theme.fit(self.info, "body")
        theme.fit(self.no_drive, "small")
        theme.fit(self.status, "body", bold=True)
        for b in self.drive_buttons + [self.folder_button]:
            theme.fit(b, "body", bold=True)
