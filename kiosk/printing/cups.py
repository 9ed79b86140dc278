"""CUPS through its own command-line client (``lp``, ``lpstat``, ``lpoptions``, ``cancel``,
``cupsenable``, ``cupsaccept``): submitting badges, reading job and printer states, and the
staff's remedies for a stuck job (release a held one, start the queue again, cancel).

The server is the system's, or the one ``CUPS_SERVER`` names, as for every CUPS client. Output
is read in the C locale. Every call has a timeout: a CUPS that does not answer is a printer
that failed, never a kiosk that hangs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field

from kiosk.core.errors import KioskError

TIMEOUT = 10.0


class PrintError(KioskError):
    """CUPS refused or could not be reached; the message says what to do."""


# printer-state-reasons that mean "a person must go to the printer" (RFC 8011 and PWG 5100.9).
NEEDS_PERSON = {
    "media-empty": "out of paper or labels",
    "media-needed": "out of paper or labels",
    "media-jam": "paper jam",
    "media-low": "paper or labels running low",
    "toner-empty": "out of toner or ribbon",
    "marker-supply-empty": "out of ribbon or ink",
    "cover-open": "cover open",
    "door-open": "door open",
    "offline": "offline",
    "shutdown": "switched off",
    "connecting-to-device": "cannot reach the printer",
    "paused": "paused",
}


@dataclass(frozen=True)
class PrinterState:
    queue: str
    exists: bool
    state: str = "unknown"            # idle, processing, stopped
    enabled: bool = False
    accepting: bool = False
    reasons: tuple[str, ...] = ()     # printer-state-reasons, without -error/-warning/-report
    message: str = ""                 # printer-state-message (the reason given on disable)
    pending_jobs: tuple[int, ...] = ()
    jobs: tuple["JobState", ...] = ()  # the not-completed jobs, oldest first

    @property
    def ok(self) -> bool:
        return self.exists and self.enabled and self.accepting and not self.problems

    @property
    def problems(self) -> list[str]:
        found = [NEEDS_PERSON[r] for r in self.reasons
                 if r in NEEDS_PERSON and r not in ("media-low", "paused")]
        if self.exists and not self.enabled and not found:
            found.append("stopped" + (f" ({self.message})" if self.message else ""))
        if self.exists and not self.accepting:
            found.append("not accepting jobs")
        return found

    def summary(self) -> str:
        if not self.exists:
            return f"no CUPS queue {self.queue!r}"
        text = f"{self.queue}: {self.state}"
        if self.problems:
            text += " – " + ", ".join(dict.fromkeys(self.problems))
        if self.pending_jobs:
            text += f"; {len(self.pending_jobs)} job(s) waiting"
        return text

    def to_json(self) -> dict:
        return {"queue": self.queue, "exists": self.exists, "state": self.state,
                "enabled": self.enabled, "accepting": self.accepting, "reasons": list(self.reasons),
                "message": self.message, "pending_jobs": list(self.pending_jobs),
                "jobs": [j.to_json() for j in self.jobs], "ok": self.ok,
                "problems": self.problems}


# job-state-reasons (RFC 8011 5.3.8) that CUPS gives a job it holds back.
HELD_REASONS = ("job-hold-until-specified", "job-held-for-authentication",
                "job-held-for-review", "job-held-on-create", "job-hold-until-resources-are-ready")


@dataclass(frozen=True)
class JobState:
    job_id: int
    queue: str
    # pending (waiting its turn), held (until released), printing, stopped (its printer is
    # stopped or refuses jobs, so it cannot go), completed (CUPS no longer holds it)
    state: str
    alerts: tuple[str, ...] = field(default_factory=tuple)  # job-state-reasons
    status: str = ""  # job-printer-state-message, lpstat's "Status:"

    @property
    def stuck(self) -> bool:
        return self.state in ("held", "stopped")

    def to_json(self) -> dict:
        return {"job_id": self.job_id, "queue": self.queue, "state": self.state,
                "reasons": list(self.alerts), "status": self.status}


def _job_state(alerts: tuple[str, ...], printer_stopped: bool) -> str:
    if any(a in HELD_REASONS or a.startswith("job-hold") for a in alerts):
        return "held"
    if "job-printing" in alerts:
        return "printing"
    if printer_stopped or "printer-stopped" in alerts:
        return "stopped"
    return "pending"


def _job_details(lines: list[str], start: int) -> tuple[tuple[str, ...], str]:
    """The Alerts and Status lines under a job's line in ``lpstat -l -o``."""
    alerts, status = (), ""
    for follow in lines[start:start + 6]:
        text = follow.strip()
        if not follow.startswith("\t"):
            break
        if text.startswith("Alerts:"):
            alerts = tuple(a for a in text.split(":", 1)[1].split() if a != "none")
        elif text.startswith("Status:"):
            status = text.split(":", 1)[1].strip()
    return alerts, status


def _strip(reason: str) -> str:
    for suffix in ("-error", "-warning", "-report"):
        if reason.endswith(suffix):
            return reason[: -len(suffix)]
    return reason


class _Probe:
    def __init__(self, client: "CupsClient", queue: str, process: subprocess.Popen):
        self.client, self.queue, self.process = client, queue, process

    def result(self) -> PrinterState:
        try:
            out, _err = self.process.communicate(timeout=self.client.timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.communicate()
            raise PrintError(f"CUPS did not answer `lpstat` within {self.client.timeout:.0f} s"
                             ) from None
        return self.client._parse_printer(self.queue, out.decode("utf-8", "replace"))


class CupsClient:
    """One CUPS server (None: the system's or ``$CUPS_SERVER``)."""

    def __init__(self, server: str | None = None, timeout: float = TIMEOUT):
        self.server = server
        self.timeout = timeout

    def _env(self) -> dict[str, str]:
        env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
        if self.server:
            env["CUPS_SERVER"] = self.server
        return env

    def _run(self, *cmd: str, data: bytes | None = None) -> subprocess.CompletedProcess:
        self._installed(cmd[0])
        try:
            return subprocess.run(list(cmd), input=data, capture_output=True,
                                  timeout=self.timeout, env=self._env())
        except subprocess.TimeoutExpired:
            raise PrintError(f"CUPS did not answer `{cmd[0]}` within {self.timeout:.0f} s") from None
        except OSError as exc:
            raise PrintError(f"cannot run {cmd[0]}: {exc}") from exc

    @staticmethod
    def _installed(tool: str) -> None:
        if shutil.which(tool) is None:
            raise PrintError(f"the CUPS client `{tool}` is not installed; "
                             "apt-get install cups-client")

    @staticmethod
    def _error(result: subprocess.CompletedProcess) -> str:
        text = (result.stderr or result.stdout or b"").decode("utf-8", "replace").strip()
        return (text.splitlines() or ["unknown error"])[-1]

    # -- jobs --------------------------------------------------------------------------------
    def submit(self, queue: str, document: bytes, *, title: str, copies: int = 1,
               media: str = "", mime: str = "application/pdf") -> int:
        """Hand a document to CUPS; returns the job id once CUPS has accepted (spooled) it."""
        cmd = ["lp", "-d", queue, "-n", str(copies), "-t", title]
        if media:
            cmd += ["-o", f"media={media}"]
        cmd += ["-o", f"document-format={mime}", "-"]
        result = self._run(*cmd, data=document)
        if result.returncode != 0:
            raise PrintError(f"CUPS refused the badge for {queue}: {self._error(result)}")
        out = result.stdout.decode("utf-8", "replace")
        match = re.search(r"request id is (\S+)-(\d+)", out)
        if not match:
            raise PrintError(f"lp gave no job id: {out.strip()!r}")
        return int(match.group(2))

    def job(self, queue: str, job_id: int) -> JobState:
        result = self._run("lpstat", "-l", "-W", "not-completed", "-o", queue)
        text = result.stdout.decode("utf-8", "replace")
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.split(" ", 1)[0] == f"{queue}-{job_id}":
                alerts, status = _job_details(lines, i + 1)
                state = _job_state(alerts, False)
                return JobState(job_id, queue, "pending" if state == "stopped" else state,
                                alerts, status)
        return JobState(job_id, queue, "completed")

    def cancel(self, queue: str, job_id: int) -> None:
        result = self._run("cancel", f"{queue}-{job_id}")
        if result.returncode != 0:
            raise PrintError(f"cannot cancel job {job_id}: {self._error(result)}")

    def release(self, queue: str, job_id: int) -> None:
        """Let a held job print (``lp -i JOB -H resume``)."""
        result = self._run("lp", "-i", f"{queue}-{job_id}", "-H", "resume")
        if result.returncode != 0:
            raise PrintError(f"cannot release job {job_id}: {self._error(result)}")

    # -- printers ----------------------------------------------------------------------------
    def printer(self, queue: str) -> PrinterState:
        """The queue's state, reasons and waiting jobs (one ``lpstat`` call)."""
        return self.probe(queue).result()

    def probe(self, queue: str) -> "_Probe":
        """Start asking for the queue's state; ``.result()`` waits for it (so the question can
        travel while the badge is being drawn)."""
        self._installed("lpstat")
        try:
            process = subprocess.Popen(["lpstat", "-l", "-p", queue, "-a", queue, "-o", queue],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       env=self._env())
        except OSError as exc:
            raise PrintError(f"cannot run lpstat: {exc}") from exc
        return _Probe(self, queue, process)

    def _parse_printer(self, queue: str, text: str) -> PrinterState:
        if f"printer {queue} " not in text:
            self.check_server()
            return PrinterState(queue, exists=False)
        state, enabled, message, reasons, accepting = "unknown", False, "", [], False
        jobs: list[int] = []
        details: list[tuple[int, tuple[str, ...], str]] = []
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith(f"printer {queue} "):
                rest = line[len(f"printer {queue} "):]
                enabled = "disabled" not in rest
                state = ("stopped" if not enabled else
                         "processing" if rest.startswith("now printing") else "idle")
                if not enabled and i + 1 < len(lines) and lines[i + 1].startswith("\t") \
                        and ":" not in lines[i + 1]:
                    message = lines[i + 1].strip()
            elif line.strip().startswith("Alerts:") and not jobs:
                reasons = [_strip(r) for r in line.split(":", 1)[1].split() if r != "none"]
            elif line.startswith(f"{queue} accepting requests"):
                accepting = True
            elif re.match(rf"{re.escape(queue)}-(\d+)\s", line):
                job_id = int(line.split()[0].rsplit("-", 1)[1])
                jobs.append(job_id)
                alerts, status = _job_details(lines, i + 1)
                details.append((job_id, alerts, status))
        if message and _strip(message) in NEEDS_PERSON:
            reasons.append(_strip(message))
        blocked = not enabled or not accepting
        states = tuple(JobState(j, queue, _job_state(a, blocked), a, st) for j, a, st in details)
        return PrinterState(queue, True, state, enabled, accepting, tuple(dict.fromkeys(reasons)),
                            message, tuple(jobs), states)

    def check_server(self) -> None:
        """Raise PrintError when no CUPS scheduler answers."""
        result = self._run("lpstat", "-r")
        if "scheduler is running" not in result.stdout.decode("utf-8", "replace"):
            where = self.server or os.environ.get("CUPS_SERVER") or "the system's CUPS"
            raise PrintError(f"cannot reach CUPS at {where}; is cupsd running, and "
                             "CUPS_SERVER right?")

    def resolution(self, queue: str) -> int | None:
        """The queue's default resolution in dpi from its driver (None: the driver has none)."""
        result = self._run("lpoptions", "-p", queue, "-l")
        if result.returncode != 0:
            return None
        for line in result.stdout.decode("utf-8", "replace").splitlines():
            key, _, values = line.partition(":")
            if key.split("/")[0].strip().lower() in ("resolution", "printresolution"):
                for value in values.split():
                    if value.startswith("*"):
                        match = re.match(r"\*(\d+)(?:x(\d+))?dpi", value)
                        if match:
                            return int(match.group(1))
        return None

    def resume(self, queue: str) -> None:
        """Start a stopped queue again (after paper was loaded), as `cupsenable` does."""
        result = self._run("cupsenable", queue)
        if result.returncode != 0:
            raise PrintError(f"cannot restart {queue}: {self._error(result)}")

    def accept(self, queue: str) -> None:
        """Let a queue that refuses jobs (`cupsreject`) take them again, as `cupsaccept` does."""
        result = self._run("cupsaccept", queue)
        if result.returncode != 0:
            raise PrintError(f"cannot make {queue} accept jobs: {self._error(result)}")
