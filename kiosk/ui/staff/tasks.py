"""The thread for slow staff jobs (exporting a bundle, rendering a badge, asking the hub), so the
GUI thread and the kiosk's database thread never wait on them: a plain Worker."""

from __future__ import annotations

from kiosk.ui.workers import Worker


def staff_tasks(parent=None) -> Worker:
    return Worker("StaffTasks", parent=parent)
