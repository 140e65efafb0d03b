"""Debian's chromium driven by Playwright, shared by the widget and console browser tests.

No browser is downloaded: Playwright launches /usr/bin/chromium (scripts/system_packages installs it)
with flags that work on these machines' closed network. axe-core comes from web/node_modules.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("WEGWIJZER_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = REPO / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO / "reports" / "screenshots"


def require(condition: bool, why: str) -> None:
    """Skip a browser test when something it needs is missing; fail instead in the full test run."""
    if condition:
        return
    if os.environ.get("WEGWIJZER_REQUIRE_MODEL") == "1" or os.environ.get("CI"):
        pytest.fail(why)
    pytest.skip(why)


@contextmanager
def chromium_browser():
    from playwright.sync_api import sync_playwright

    require(Path(CHROMIUM).exists(), f"chromium ontbreekt ({CHROMIUM})")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def page_factory(browser, timeout_ms: int, **defaults) -> Iterator[Callable]:
    """make(width=1280, height=800, **context_options) -> a page in a fresh Dutch browser context."""
    contexts = []

    def make(width: int = 1280, height: int = 800, **options):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="nl-NL",
                                      **{**defaults, **options})
        context.set_default_timeout(timeout_ms)
        contexts.append(context)
        return context.new_page()

    try:
        yield make
    finally:
        for context in contexts:
            context.close()
