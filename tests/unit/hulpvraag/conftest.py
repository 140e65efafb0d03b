"""Fixtures for the help-request storage tests: a fresh SQLite database and a region directory copy
whose overrides a test can write (the real RegionDirectory reads them)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.hulpvraag.config import Settings
from bot.hulpvraag.contact_point import resolve_contact_point
from bot.hulpvraag.db import create_tables, make_engine
from bot.hulpvraag.store import HelpRequestStore
from bot.regio.directory import CONTENT_DIR, RegionDirectory

@pytest.fixture(scope="session")
def regio_base(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("regio_base")
    for name in ("gemeenten.json", "samenwerkingsverbanden.json", "postcodes.json", "landelijk.yml"):
        shutil.copy(CONTENT_DIR / name, d / name)
    return d


@pytest.fixture()
def regio(tmp_path, regio_base) -> Path:
    d = tmp_path / "regio"
    d.mkdir()
    for p in regio_base.iterdir():
        (d / p.name).symlink_to(p)
    (d / "overrides").mkdir()
    return d


@pytest.fixture()
def settings(tmp_path) -> Settings:
    return Settings.from_env({
        "WEGWIJZER_DATABASE_URL": f"sqlite:///{tmp_path / 'db' / 'wegwijzer.db'}",
        "WEGWIJZER_WEBHOOK_SECRET": "algemeen-geheim",
        "WEGWIJZER_OUTBOX_MAX_POGINGEN": "3",
        "WEGWIJZER_OUTBOX_BACKOFF_BASIS": "10",
        "WEGWIJZER_OUTBOX_BACKOFF_MAX": "60",
        "WEGWIJZER_OUTBOX_LEASE": "30",
        "WEGWIJZER_BEZORG_TIMEOUT": "5",
        "WEGWIJZER_SMTP_AFZENDER": "wegwijzer@example.org",
        "WEGWIJZER_SMTP_BEVEILIGING": "geen",
    })


@pytest.fixture()
def engine(settings):
    engine = make_engine(settings.database_url)
    create_tables(engine)
    yield engine
    engine.dispose()


@pytest.fixture()
def store(engine, settings, regio) -> HelpRequestStore:
    directory = RegionDirectory(regio)
    return HelpRequestStore(engine, settings, resolver=lambda gm: resolve_contact_point(gm, settings, directory))
