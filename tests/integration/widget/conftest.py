"""Real stack for the browser tests, started once per test session: the Rasa server (with the
widget's socket.io channel from credentials.yml) and the action server via bot.tooling.launcher, a cuttable
TCP proxy in front of Rasa's socket, the web app (python -m bot.web) and Debian's chromium driven by
Playwright. The content is a temporary copy in which one answer carries hostile HTML."""
from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from bot.tooling.launcher import REPO, free_port, local_stack, wait_until_up
from tests.integration.widget.tcp_proxy import CuttableProxy
from tests.support.browser import AXE, CHROMIUM, SCREENSHOTS, chromium_browser, page_factory  # noqa: F401
from tests.support.browser import require as _require

MODEL = REPO / "models" / "wegwijzer.tar.gz"
HOSTILE_BOT = ('<img src=x onerror="window.__aangevallen=\'bot-img\'"> '
               '<script>window.__aangevallen=\'bot-script\'</script> '
               '<a href="javascript:window.__aangevallen=\'bot-link\'">klik</a> ')
RATE = (5, 60)


def _hostile_content(content_dir: Path) -> None:
    path = content_dir / "bedankt.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    Graag gedaan.\n", f"    {HOSTILE_BOT}Graag gedaan.\n", 1)
    text = text.replace("    Graag gedaan!\n", f"    {HOSTILE_BOT}Graag gedaan!\n", 1)
    assert HOSTILE_BOT in text
    path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def widget_stack(tmp_path_factory):
    _require(MODEL.exists(), f"geen getraind model in {MODEL}")
    _require(Path(CHROMIUM).exists(), f"chromium ontbreekt ({CHROMIUM})")
    subprocess.run([str(REPO / "scripts" / "build_widget")], check=True)
    work = tmp_path_factory.mktemp("widget")
    content_dir, regio_dir = work / "antwoorden", work / "regio"
    shutil.copytree(REPO / "content" / "antwoorden", content_dir)
    shutil.copytree(REPO / "content" / "regio", regio_dir)
    _hostile_content(content_dir)
    web_port, proxy_port = free_port(), free_port()
    base_url = f"http://127.0.0.1:{web_port}"
    widget_env = {
        "WEGWIJZER_WIDGET_SECRET": secrets.token_hex(32),
        "WEGWIJZER_WIDGET_ORIGINS": base_url,
        "WEGWIJZER_WIDGET_RATE": f"{RATE[0]}/{RATE[1]}",
        "WEGWIJZER_WIDGET_MAX_CHARS": "500",
    }
    database_url = f"sqlite:///{work / 'wegwijzer.db'}"   # help requests and the live-chat queue
    live_token = secrets.token_urlsafe(32)                  # the console's key to the live endpoint (bot.live)
    with local_stack(MODEL, work, content_dir=content_dir,
                     extra_env={"WEGWIJZER_REGIO_DIR": str(regio_dir), "WEGWIJZER_DATABASE_URL": database_url,
                                "WEGWIJZER_LIVE_TOKEN": live_token, **widget_env}) as running:
        rasa_port = int(running.rasa_url.rsplit(":", 1)[1])
        proxy = CuttableProxy(proxy_port, rasa_port)
        feedback_db = f"sqlite:///{work / 'feedback.db'}"  # feedback on answers (bot.web.feedback)
        env = dict(os.environ, PYTHONPATH=str(REPO), **widget_env,
                   WEGWIJZER_RASA_PUBLIC_URL=f"http://127.0.0.1:{proxy_port}", WEGWIJZER_DATABASE_URL=feedback_db)
        log = work / "web.log"
        web = subprocess.Popen([sys.executable, "-m", "bot.web", "--port", str(web_port), "--host", "127.0.0.1"],
                               cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
        try:
            wait_until_up(f"{base_url}/gezond", web, log, timeout=60)
            yield SimpleNamespace(base_url=base_url, web_port=web_port, rasa_url=running.rasa_url,
                                  proxy=proxy, secret=widget_env["WEGWIJZER_WIDGET_SECRET"],
                                  feedback_db=feedback_db, regio_dir=regio_dir, database_url=database_url,
                                  live_token=live_token, workdir=work, tracker=running.workdir / "tracker.db")
        finally:
            web.terminate()
            web.wait(timeout=20)
            proxy.stop()


@pytest.fixture(scope="session")
def browser(widget_stack):
    with chromium_browser() as browser:
        yield browser


@pytest.fixture
def new_page(browser):
    """new_page(width=1280, height=800, **context_options) -> a page in a fresh browser context."""
    with page_factory(browser, 90_000) as make:
        yield make


@pytest.fixture(scope="session")
def screenshots_dir():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    print(f"\nschermafbeeldingen: {SCREENSHOTS}")
    return SCREENSHOTS
