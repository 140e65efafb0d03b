"""One child process of the supervisor: started from its spec, output in its own log file, stopped
politely (SIGTERM, then SIGKILL), restarted with a growing pause when it keeps stopping."""
from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path
from typing import Optional

from bot.production.commands import ProcessSpec
from bot.production.health import Result, check


class ManagedProcess:
    def __init__(self, spec: ProcessSpec, log_dir: Path):
        self.spec = spec
        self.log = log_dir / f"{spec.name}.log"
        self.popen: Optional[subprocess.Popen] = None
        self.starts = 0
        self.next_start_at = 0.0
        self.started_at = 0.0
        self.wanted = False           # False after stop(): the watcher leaves it alone

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def pid(self) -> Optional[int]:
        return self.popen.pid if self.popen else None

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def start(self) -> None:
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("a") as out:
            out.write(f"\n===== start {time.strftime('%Y-%m-%d %H:%M:%S')} =====\n")
            out.flush()
            self.popen = subprocess.Popen(self.spec.argv, cwd=self.spec.cwd, env=self.spec.env, stdout=out,
                                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                          start_new_session=True)
        self.starts += 1
        self.started_at = time.monotonic()
        self.wanted = True

    def stop(self, timeout: float = 20) -> None:
        self.wanted = False
        if not self.alive():
            return
        self.popen.send_signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(timeout=10)

    def kill(self) -> None:
        """SIGKILL, like a crash (the watcher restarts it when restarts are on)."""
        if self.alive():
            self.popen.kill()
            self.popen.wait(timeout=10)

    def live(self) -> Result:
        if not self.alive():
            return Result(False, "draait niet")
        return check(self.spec.live)

    def ready(self) -> Result:
        if not self.alive():
            return Result(False, "draait niet")
        return check(self.spec.ready)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if not self.alive():
                raise RuntimeError(f"{self.name} is gestopt (code {self.popen.returncode}):\n{self.log_tail()}")
            result = self.ready()
            if result.ok:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name} niet klaar binnen {timeout:.0f} s ({result.detail}):\n"
                                   f"{self.log_tail()}")
            time.sleep(0.5)

    def restart_pause(self) -> float:
        """1, 2, 4 ... 60 seconds between restarts of a process that keeps stopping."""
        return min(60.0, 2.0 ** max(0, self.starts - 1))

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""
