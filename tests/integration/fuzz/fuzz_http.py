"""Sends many requests concurrently (aiohttp, bounded by a semaphore) and checks every answer:
no status >= 500, no stack trace, no hostile marker unescaped in HTML or in a bot message.
Also sends raw, malformed HTTP over a socket (bad request lines, header injection) for what a normal
client library refuses to send."""
from __future__ import annotations

import asyncio
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

import aiohttp
from yarl import URL

from tests.integration.fuzz.hostile import MARKERS

TRACE_SIGNS = ("Traceback (most recent call last)", 'File "/', "site-packages/")


@dataclass
class Tally:
    """What one entry point received and answered."""
    name: str
    sent: int = 0
    real_turns: int = 0  # messages that reached the assistant's NLU
    statuses: Counter = field(default_factory=Counter)
    closed: int = 0  # the server closed the connection without an answer (e.g. a refused huge body)
    unsent: int = 0  # the client library refused to build the request (not counted as sent)
    problems: list = field(default_factory=list)

    def record(self, what: str, status: int, content_type: str, body: bytes) -> None:
        self.statuses[status] += 1
        text = body.decode("utf-8", errors="replace")
        if status >= 500:
            self.problems.append(f"{status} op {what}: {text[:200]!r}")
        if any(sign in text for sign in TRACE_SIGNS):
            self.problems.append(f"stack trace in antwoord op {what}: {text[:300]!r}")
        if "html" in content_type.lower() and any(marker in text for marker in MARKERS):
            self.problems.append(f"ongeschoonde invoer in HTML op {what}")
        for message_text in bot_texts(content_type, body):
            if any(marker in message_text for marker in MARKERS):
                self.problems.append(f"invoer als HTML herhaald in botbericht op {what}: {message_text[:200]!r}")

    def summary(self) -> str:
        codes = ", ".join(f"{code}: {count}" for code, count in sorted(self.statuses.items(), key=lambda item: str(item[0])))
        return (f"{self.name:<10} verstuurd {self.sent:>5}  naar NLU {self.real_turns:>5}  "
                f"verbinding gesloten {self.closed:>3}  statussen {{{codes}}}")


def bot_texts(content_type: str, body: bytes) -> list[str]:
    if "json" not in content_type.lower():
        return []
    try:
        data = json.loads(body)
    except ValueError:
        return []
    if isinstance(data, list):
        return [m.get("text", "") for m in data if isinstance(m, dict) and isinstance(m.get("text"), str)]
    return []


class Sender:
    def __init__(self, concurrency: int, timeout: float = 90):
        self.semaphore = asyncio.Semaphore(concurrency)
        self.timeout = aiohttp.ClientTimeout(total=timeout)

    async def __aenter__(self) -> "Sender":
        self.session = aiohttp.ClientSession(timeout=self.timeout, auto_decompress=False,
                                             connector=aiohttp.TCPConnector(limit=0, force_close=True))
        return self

    async def __aexit__(self, *exc) -> None:
        await self.session.close()

    async def request(self, tally: Tally, method: str, url: str, *, data: Optional[bytes] = None,
                      headers: Optional[dict] = None, real: bool = False) -> Optional[bytes]:
        what = f"{method} {url[:120]} {sorted((headers or {}).items())!r:.300}"
        async with self.semaphore:
            try:
                async with self.session.request(method, URL(url, encoded=True), data=data, headers=headers,
                                                allow_redirects=False) as response:
                    tally.sent += 1
                    tally.real_turns += int(real and response.status == 200)
                    body = await response.read()
                    tally.record(what, response.status, response.headers.get("Content-Type", ""), body)
                    return body
            except (ValueError, TypeError, aiohttp.InvalidURL):
                tally.unsent += 1
            except (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError,
                    aiohttp.ClientResponseError, ConnectionError):
                tally.sent += 1
                tally.closed += 1
            except asyncio.TimeoutError:
                tally.sent += 1
                tally.problems.append(f"geen antwoord binnen {self.timeout.total} s op {what}")
        return None

    async def raw(self, tally: Tally, host: str, port: int, payload: bytes) -> None:
        """Sends bytes as they are and reads the status line (if any)."""
        async with self.semaphore:
            tally.sent += 1
            try:
                reader, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 10)
            except OSError as error:
                tally.problems.append(f"geen verbinding: {error}")
                return
            try:
                writer.write(payload)
                await writer.drain()
                data = await asyncio.wait_for(reader.read(65536), 30)
            except (ConnectionError, OSError):
                data = b""
            except asyncio.TimeoutError:
                data = b""  # the server waits for the rest of a broken request until its own time-out
            finally:
                writer.close()
            if not data.startswith(b"HTTP/"):
                tally.closed += 1
                return
            head, _, body = data.partition(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            content_type = next((line.split(b":", 1)[1].decode("latin-1") for line in head.split(b"\r\n")
                                 if line.lower().startswith(b"content-type:")), "")
            tally.record(f"raw {payload[:60]!r}", status, content_type, body)


def raw_requests(host: str, path: str) -> list[bytes]:
    """Malformed HTTP that client libraries will not send."""
    h = host.encode()
    p = path.encode()
    return [
        b"GARBAGE\r\n\r\n",
        b"GET " + p + b" HTTP/9.9\r\nHost: " + h + b"\r\n\r\n",
        b"POST " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nContent-Length: -1\r\n\r\n",
        b"POST " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhallo",
        b"POST " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nxx\r\n0\r\n\r\n",
        b"POST " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nContent-Type: application/json\r\nX-Injected: 1\r\n"
        b"Content-Length: 2\r\n\r\n{}",
        b"GET " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nX-Groot: " + b"a" * 20000 + b"\r\n\r\n",
        b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: " + h + b"\r\n\r\n",
        b"GET " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\n" + b"".join(b"X-%d: 1\r\n" % i for i in range(300)) + b"\r\n",
        b"GET " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nBad\x00Header: \xff\xfe\r\n\r\n",
        b"GET " + p + b"\x00\xff HTTP/1.1\r\nHost: " + h + b"\r\n\r\n",
        b"POST " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nContent-Length: 100\r\n\r\n{\"sender\"",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40,  # a TLS ClientHello on plain HTTP
        b"GET " + p + b" HTTP/1.1\r\nHost: " + h + b"\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
        b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    ]
