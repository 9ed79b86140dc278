"""Secrets: the hub password never in kiosk.toml or on a command line; kiosk.toml mode 0600."""

from __future__ import annotations

import stat

import pytest

from kiosk.cli import main
from kiosk.organiser.kioskdir import KioskFolder


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_a_password_in_a_hub_url_on_the_command_line_is_refused(kiosk, capsys):
    before = (kiosk.path / "kiosk.toml").read_text()
    for args in (["hub", "attach", "postgresql://kiosk:s3cret@127.0.0.1:1/hub", "--kiosk",
                  str(kiosk.path)],
                 ["push", "--kiosk", str(kiosk.path), "--hub",
                  "postgresql://kiosk:s3cret@127.0.0.1:1/hub"],
                 ["headcount", "--hub", "postgresql://kiosk:s3cret@127.0.0.1:1/hub"]):
        with pytest.raises(SystemExit) as stop:
            main(args)
        err = capsys.readouterr().err
        assert stop.value.code == 2 and "PGPASSWORD" in err and len(err.strip().splitlines()) == 1
    assert (kiosk.path / "kiosk.toml").read_text() == before


def test_attach_keeps_the_password_in_a_0600_passfile_not_in_kiosk_toml(kiosk, capsys,
                                                                        monkeypatch):
    monkeypatch.setenv("PGPASSWORD", "s3cr:et")
    url = "postgresql://kiosk@127.0.0.1:1/hub"  # nothing listens: saved anyway
    assert main(["hub", "attach", url, "--kiosk", str(kiosk.path)]) == 0
    toml = kiosk.path / "kiosk.toml"
    assert "s3cr" not in toml.read_text() and mode(toml) == 0o600
    passfile = kiosk.path / "hub.pgpass"
    assert mode(passfile) == 0o600
    assert passfile.read_text() == "127.0.0.1:1:hub:kiosk:s3cr\\:et\n"  # libpq's format
    model = KioskFolder.open(kiosk.path).model
    assert model.hub_url.startswith(url + "?passfile=") and "hub.pgpass" in model.hub_url
    # Saving the folder again never writes the passfile path or a password into kiosk.toml.
    KioskFolder.open(kiosk.path).save()
    assert "passfile" not in toml.read_text() and "s3cr" not in toml.read_text()
    assert main(["hub", "detach", "--kiosk", str(kiosk.path)]) == 0
    assert not passfile.exists()
