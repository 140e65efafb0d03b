"""Seeded generators of hostile input for the fuzz tests: texts, JSON bodies, form bodies, headers,
paths. Plain Python (``random.Random`` with a fixed seed), so a failure can be replayed."""
from __future__ import annotations

import json
import random
import string
from typing import Any

# Markers that must never come back unescaped in HTML, nor as text in a bot message.
MARKERS = ("<script>wwfz", "<img src=x onerror=wwfz", "<svg onload=wwfz")
HTML_ATTACKS = [
    "<script>wwfz(1)</script>", '<img src=x onerror=wwfz(1)>', "<svg onload=wwfz(1)>",
    "\"><script>wwfz(2)</script>", "'><img src=x onerror=wwfz(3)>", "</textarea><svg onload=wwfz(4)>",
    "javascript:wwfz(5)", "{{7*7}}", "${7*7}", "<%= 7*7 %>",
]
SQL_LIKE = [
    "' OR '1'='1", "1; DROP TABLE events;--", "\" OR 1=1 --", "admin'--", "1' UNION SELECT password FROM accounts--",
    "%' AND 1=0 UNION SELECT NULL--", "'; EXEC xp_cmdshell('dir');--", "\\x00' OR 1=1",
]
DUTCH = [
    "wat is een tlv", "mijn zoon zit al weken thuis", "hoe werkt passend onderwijs", "ik woon in Zaandam",
    "kan iemand mij bellen", "wat is een opp", "de school wil hem schorsen", "hoi", "bedankt", "doei",
    "wat doet de leerplichtambtenaar", "ik ben 15 en zit thuis", "postcode 9712", "help", "ja", "nee",
]
EMOJI = ["\U0001F600", "\U0001F4A9", "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\u2764\ufe0f", "\U0001F1F3\U0001F1F1"]
ODD_CHARS = ["\x00", "\x07", "\x1b[31m", "\r\n", "\t", "\u202e", "\u200b", "\ufeff", "\ud800", "\udfff",
             "\uffff", "\U0010ffff", "\u0301" * 20, "\ufdd0", "\x7f", "\u2028", "\u00a0"]


class Hostile:
    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def choice(self, items):
        return self.rng.choice(items)

    def long_word(self) -> str:
        return self.choice(string.ascii_letters) * self.rng.randint(200, 5000)

    def text(self, max_chars: int = 900) -> str:
        """One hostile text: a mix of Dutch, markup, SQL, emoji floods, odd characters, long words."""
        parts = []
        for _ in range(self.rng.randint(1, 5)):
            kind = self.rng.randrange(9)
            if kind == 0:
                parts.append(self.choice(DUTCH))
            elif kind == 1:
                parts.append(self.choice(HTML_ATTACKS))
            elif kind == 2:
                parts.append(self.choice(SQL_LIKE))
            elif kind == 3:
                parts.append(self.choice(EMOJI) * self.rng.randint(1, 300))
            elif kind == 4:
                parts.append("".join(self.choice(ODD_CHARS) for _ in range(self.rng.randint(1, 30))))
            elif kind == 5:
                parts.append(self.long_word())
            elif kind == 6:
                parts.append("".join(chr(self.rng.randint(0x20, 0x2FFFF)) for _ in range(self.rng.randint(1, 80))))
            elif kind == 7:
                parts.append(self.choice(["/groet", "/veiligheid", '/vraag_tlv{"gemeente": ["x"]}',
                                          '/woonplaats_noemen{"plaats": "GM0479"}', "/restart", "/session_start",
                                          "/nlu_fallback@0.9", '/x{"a": {"b": [1, 2]}}', "///"]))
            else:
                parts.append(self.choice(DUTCH) + " " + self.choice(HTML_ATTACKS))
        text = " ".join(parts)
        return text[:max_chars] if self.rng.random() < 0.85 else text

    def marker_text(self) -> str:
        return f"{self.choice(DUTCH)} {self.choice(HTML_ATTACKS[:6])}"

    def json_value(self, depth: int = 0) -> Any:
        kind = self.rng.randrange(8 if depth < 3 else 5)
        if kind == 0:
            return None
        if kind == 1:
            return self.rng.choice([True, False])
        if kind == 2:
            return self.rng.choice([0, -1, 2**63, 10**30, 1.5e308, -0.0])
        if kind in (3, 4):
            return self.text(120)
        if kind == 5:
            return [self.json_value(depth + 1) for _ in range(self.rng.randint(0, 4))]
        return {self.text(20): self.json_value(depth + 1) for _ in range(self.rng.randint(0, 4))}

    def sender(self) -> Any:
        return self.choice([
            f"fz-{self.rng.getrandbits(48):x}", "", None, 12345, True, ["a"], {"id": 1}, "x" * 500,
            "<script>wwfz(9)</script>", "a b", "ouder\x00", "../../etc/passwd", "' OR 1=1", "\ud800",
        ])

    def rest_body(self) -> bytes:
        """A malformed or odd REST body (most are refused before NLU)."""
        kind = self.rng.randrange(14)
        if kind == 0:
            return b"[]"
        if kind == 1:
            return json.dumps([self.json_value() for _ in range(3)]).encode()
        if kind == 2:
            return b"{" + self.rng.randbytes(self.rng.randint(0, 200))
        if kind == 3:
            return self.rng.randbytes(self.rng.randint(0, 2000))
        if kind == 4:
            return json.dumps({"sender": self.sender(), "message": self.json_value()}).encode("utf-8", "surrogatepass")
        if kind == 5:
            return json.dumps({"sender": f"fz-{self.rng.getrandbits(32)}", "message": self.long_word() * 3}).encode()
        if kind == 6:
            return b'{"sender": "a", "message": "x", "metadata": ' + b"[" * 3000 + b"]" * 3000 + b"}"
        if kind == 7:
            return json.dumps({"sender": "a", "message": "hoi", "metadata": self.json_value()}).encode(
                "utf-8", "surrogatepass")
        if kind == 8:
            return b'{"sender": "a", "message": "\xff\xfe\xfd invalid utf8 \xc3\x28"'
        if kind == 9:
            return b'{"sender": "a", "message": NaN, "metadata": {"x": Infinity}}'
        if kind == 10:
            return b'{"sender": "a", "message": 1' + b"0" * 5000 + b"}"
        if kind == 11:
            return json.dumps(self.json_value()).encode("utf-8", "surrogatepass")
        if kind == 12:
            return b"sender=a&message=" + self.text(100).encode("utf-8", "surrogatepass")
        return json.dumps({"sender": self.sender(), "message": self.text(), "input_channel": self.json_value(),
                           "token": self.json_value()}).encode("utf-8", "surrogatepass")

    def content_type(self) -> str:
        return self.choice([
            "application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data",
            "multipart/form-data; boundary=----x", "application/xml", "text/html; charset=utf-7", "",
            "application/json; charset=latin-1", "*/*", "x" * 300,
        ])

    def headers(self) -> dict:
        headers = {}
        for _ in range(self.rng.randint(0, 4)):
            name, value = self.choice([
                ("Origin", self.choice(["null", "http://evil.example", "http://localhost:8080", "javascript:1",
                                        "http://" + "a" * 400, "<script>wwfz(7)</script>"])),
                ("Accept", self.choice(["text/html", "application/json", "*/*", "x/y;q=abc"])),
                ("Accept-Encoding", self.choice(["gzip", "br", "deflate", "identity;q=0", "x" * 50])),
                ("Content-Encoding", self.choice(["gzip", "deflate", "br"])),
                ("Cookie", self.choice(["a=b", "wegwijzer_sessie=" + "x" * 200, "\x01=\x02", "=; ;=;"])),
                ("X-Forwarded-For", self.choice(["1.2.3.4", "::1", "<script>wwfz(8)</script>", "x" * 300])),
                ("Referer", "http://evil.example/<script>wwfz(6)</script>"),
                ("User-Agent", self.text(100).encode("ascii", "ignore").decode() or "x"),
                ("X-Twilio-Signature", self.choice(["", "abc", "=" * 40, "\u00e9"])),
                ("Range", "bytes=0-1,2-3,4-5"),
                ("Expect", "100-continue"),
            ])
            headers[name] = value
        return headers

    def path_suffix(self) -> str:
        return self.choice([
            "", "/", "/..%2f..%2fetc%2fpasswd", "/%00", "/<script>wwfz(1)</script>", "/" + "a" * 3000,
            "?q=<script>wwfz(1)</script>", "?" + "&".join(f"a{i}=b" for i in range(300)), "/%ff%fe",
            "/;jsessionid=1", "//x", "/./../", "?stream=true", "?stream=ja&x=<svg onload=wwfz(1)>",
        ])

    def method(self) -> str:
        return self.choice(["GET", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE", "PROPFIND"])
