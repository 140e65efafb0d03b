"""python -m bot.action_server: see bot/action_server/app.py."""
import sys

from bot.action_server.app import main

if __name__ == "__main__":
    sys.exit(main())
