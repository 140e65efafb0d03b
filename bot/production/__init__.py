"""The production profile: the same code on PostgreSQL (tracker store, help requests), Redis (lock
store) and several Rasa replicas behind nginx, started and watched by one supervisor.

  settings.py         every setting, from the environment (table at the top)
  commands.py         every process: command line, environment, health and readiness checks
  supervisor.py       start in order, wait until ready, restart what stops, stop in reverse order
  stack.py            the whole profile on free ports as a context manager (tests)
  postgres_server.py  own PostgreSQL (initdb/pg_ctl)      redis_server.py  own Redis
  nginx_config.py     generated nginx config              endpoints.py     generated Rasa endpoints
  tracker_store.py    Rasa's SQL tracker store, reconnecting after a database restart
  migrate.py          alembic upgrade (bot/migrations)    health.py        running the checks
  process.py          one child process                   __main__.py      python -m bot.production

Operators: docs/productie.md. One command: scripts/start_production.
"""
