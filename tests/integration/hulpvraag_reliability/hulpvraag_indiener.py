"""Submits help requests in a loop, like the action server does after a user's "ja".

    python hulpvraag_indiener.py [--aantal N] [--pauze S]

Prints "BEVESTIGD <reference>" only after submit() returned (that is what the user would be told), and
"FOUT" when the store raised StorageError (the user would get the apology). Configuration from the
environment, as in production (HelpRequestStore.from_env).
"""
import argparse
import itertools
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
from bot.hulpvraag.request import HelpRequest  # noqa: E402
from bot.hulpvraag.store import HelpRequestStore, StorageError  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--aantal", type=int, default=0, help="0 = tot het proces gestopt wordt")
    parser.add_argument("--pauze", type=float, default=0.0)
    args = parser.parse_args()
    store = HelpRequestStore.from_env()
    counter = itertools.count(1) if args.aantal == 0 else range(1, args.aantal + 1)
    for i in counter:
        request = HelpRequest(
            gesprek_id=f"proc-{os.getpid()}-{i}", rol="ouder", gemeente_code="GM0479", gemeente_naam="Zaanstad",
            leeftijd=12, schoolfase="basisonderwijs", thuis_sinds="3 weken", geprobeerd=["school"],
            hulpvraag=f"Verzoek {i}: 'mijn dochter' zit thuis & 3 < 4 😟", telefoon="+31612345678",
            voorkeurstijd="middag", toestemming=True)
        try:
            receipt = store.submit(request)
        except StorageError:
            print("FOUT", flush=True)
            time.sleep(0.1)
            continue
        print(f"BEVESTIGD {receipt.reference}", flush=True)
        if args.pauze:
            time.sleep(args.pauze)


if __name__ == "__main__":
    main()
