"""The hulpverzoek block in region overrides, and the staff CLI."""
import io
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.hulpvraag import cli
from bot.hulpvraag.db import utcnow
from bot.hulpvraag.outbox import Outbox
from bot.hulpvraag.schema import hulpverzoek
from bot.regio.directory import validate_override
from hulpvraag_testhulp import GESPREK, make_request, write_override


def errors(hulp: dict) -> list[str]:
    return validate_override(Path("GM0479.yml"), {"gebied": "GM0479", "hulpverzoek": hulp})


@pytest.mark.parametrize("hulp, ok", [
    ({"naam": "Loket", "email": "a@b.nl", "reactietermijn_werkdagen": 3}, True),
    ({"naam": "Loket", "webhook_url": "https://x.example.org/h"}, True),
    ({"naam": "Loket", "webhook_url": "http://127.0.0.1:8080/h"}, True),
    ({"naam": "Loket", "webhook_url": "http://localhost/h"}, True),
    ({"naam": "Loket", "webhook_url": "http://x.example.org/h"}, False),
    ({"naam": "Loket", "webhook_url": "http://localhost.evil.org/h"}, False),
    ({"naam": "Loket", "email": "a@b.nl", "reactietermijn_werkdagen": 0}, False),
    ({"naam": "Loket", "email": "a@b.nl", "reactietermijn_werkdagen": "vijf"}, False),
    ({"naam": "Loket", "email": "a@b.nl", "reactietermijn_werkdagen": 31}, False),
    ({"naam": "Loket", "email": "a@b.nl", "geheim": "x"}, False),
])
def test_hulpverzoek_validation(hulp, ok):
    assert (errors(hulp) == []) is ok


@pytest.fixture()
def cli_env(monkeypatch, settings):
    monkeypatch.setenv("WEGWIJZER_DATABASE_URL", settings.database_url)

    def run(*args):
        out = io.StringIO()
        code = cli.main(list(args), out=out)
        return code, out.getvalue()
    return run


def test_cli_status_retry_cleanup(cli_env, store, regio, settings):
    write_override(regio, "GM0479", {"naam": "Loket Test", "webhook_url": "https://loket.example.org/h"})
    ref = store.submit(make_request()).reference
    outbox = Outbox(store.engine, settings)
    outbox.failed(outbox.claim("w")[0], "webhook antwoordde 404: weg", permanent=True)
    code, out = cli_env("status")
    assert code == 0 and "nieuw" in out and "webhook/dood" in out and ref in out and "404" in out
    code, out = cli_env("retry", ref.lower())
    assert code == 0 and out.startswith("1 bezorging")
    assert cli_env("retry", "WW-ONZIN")[0] == 2
    outbox.failed(outbox.claim("w")[0], "weer", permanent=True)
    assert cli_env("retry", "--alle-dode")[1].startswith("1 bezorging")
    store.withdraw(ref, GESPREK)
    with store.engine.begin() as conn:
        conn.execute(update(hulpverzoek).values(afgesloten_op=utcnow() - timedelta(days=10)))
    assert cli_env("cleanup", "--dagen", "30")[1].startswith("0 ")
    code, out = cli_env("cleanup", "--dagen", "5")
    assert code == 0 and out.startswith("1 ") and store.get(ref) is None


def test_cli_reports_unreachable_database(monkeypatch, tmp_path):
    (tmp_path / "bestand").write_text("x")
    monkeypatch.setenv("WEGWIJZER_DATABASE_URL", f"sqlite:///{tmp_path / 'bestand' / 'x.db'}")
    out = io.StringIO()
    assert cli.main(["status"], out=out) == 1
    assert "database niet bereikbaar" in out.getvalue()
