"""A local SMTP server as its own process (aiosmtpd), recording each message to a JSON-lines file.

    python hulpvraag_smtp.py --port P --log FILE
"""
import argparse
import email
import json
import os
import signal
import threading
from email import policy

from aiosmtpd.controller import Controller


class Recorder:
    def __init__(self, path):
        self.log = open(path, "a", encoding="utf-8")

    async def handle_DATA(self, server, session, envelope):
        msg = email.message_from_bytes(envelope.content, policy=policy.default)
        self.log.write(json.dumps({"message_id": msg["Message-ID"], "to": envelope.rcpt_tos,
                                   "subject": msg["Subject"], "type": msg.get_content_type()}) + "\n")
        self.log.flush()
        os.fsync(self.log.fileno())
        return "250 OK"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--log", required=True)
    args = parser.parse_args()
    controller = Controller(Recorder(args.log), hostname="127.0.0.1", port=args.port)
    controller.start()
    print("klaar", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
