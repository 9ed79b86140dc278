"""A kiosk's database owner thread, as the touch UI runs one (without Qt).

SQLite has one owner thread per kiosk; live-sync tests route the desk's check-ins and the sync
service's outbox calls to it exactly as ``kiosk run`` does (``KioskSide.routed(owner.run)``).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from kiosk.organiser.kioskdir import KioskFolder, build_desk
from kiosk.storage.outbox import Outbox
from kiosk.sync.hub import KioskInfo
from kiosk.sync.live import KioskSide


class KioskOnThread:
    """A kiosk folder's store and desk, owned by one worker thread."""

    def __init__(self, folder: KioskFolder, **desk_kwargs):
        self.folder = folder
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"db-{folder.model.kiosk_id}")
        self.store = self.run(folder.open_store)
        self.desk = self.run(lambda: build_desk(folder, self.store, **desk_kwargs))
        self.outbox = Outbox(self.store)

    def run(self, fn):
        return self._pool.submit(fn).result()

    def check_in(self, code, **kwargs):
        return self.run(lambda: self.desk.check_in(code, **kwargs))

    def side(self) -> KioskSide:
        return KioskSide.direct(self.outbox).routed(self.run)

    def info(self) -> KioskInfo:
        return KioskInfo.from_model(self.folder.model,
                                    self.run(lambda: self.store.get_meta("event_toml")))

    def close(self) -> None:
        try:
            self.run(self.store.close)
        finally:
            self._pool.shutdown(wait=True)
