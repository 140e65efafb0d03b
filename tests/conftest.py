"""One fixed "today" for the whole test session, so no test depends on the real calendar.

The product reads its day from ``bot.clock.today()``, which honours ``WEGWIJZER_VANDAAG``. This file
sets that variable before any test or server starts, so every process a test starts (Rasa, the
action server, the console) lives on the same day. Tests that write a date into a message write it
relative to this day (``tests/support/dates.py``), never to the real one.

``scripts/test`` runs the suite once more on another fixed day (``WEGWIJZER_TEST_VANDAAG=2027-07-31``),
so a test that reads the real calendar or assumes the default day cannot slip in unnoticed.
"""
from __future__ import annotations

import os

from tests.support.dates import TEST_TODAY

os.environ["WEGWIJZER_VANDAAG"] = TEST_TODAY.isoformat()
