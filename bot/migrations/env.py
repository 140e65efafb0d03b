"""Alembic environment: the database URL comes from the caller (bot.production.migrate passes it in
``config.attributes["url"]``) or from WEGWIJZER_DATABASE_URL, never from alembic.ini."""
from __future__ import annotations


from alembic import context
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from bot import settings
from bot.migrations import include_object, target_metadata

config = context.config


def _url() -> str:
    url = config.attributes.get("url") or settings.read("WEGWIJZER_DATABASE_URL")
    if not url:
        from bot.hulpvraag.config import DEFAULT_DB_URL

        url = DEFAULT_DB_URL
    return url


def _configure(**kwargs) -> None:
    context.configure(target_metadata=target_metadata(), include_object=include_object,
                      compare_type=True, render_as_batch=True, **kwargs)


def run_offline() -> None:
    _configure(url=_url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(_url(), poolclass=NullPool, future=True)
    with engine.connect() as conn:
        _configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
