"""Reads TwiML in tests (shared by the unit and integration tests of the phone channel)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

URL_MARKERS = re.compile(r"https?://|www\.|\.nl\b|\.com\b|@", re.IGNORECASE)


@dataclass
class Twiml:
    root: ET.Element

    @classmethod
    def parse(cls, text: str) -> "Twiml":
        root = ET.fromstring(text)
        assert root.tag == "Response", text
        return cls(root)

    @property
    def says(self) -> list[ET.Element]:
        return list(self.root.iter("Say"))

    @property
    def said(self) -> str:
        return " ".join((say.text or "") for say in self.says)

    @property
    def gather(self) -> ET.Element | None:
        return self.root.find("Gather")

    @property
    def prompt(self) -> str:
        gather = self.gather
        assert gather is not None, "no <Gather>"
        return " ".join((say.text or "") for say in gather.iter("Say"))

    @property
    def before_gather(self) -> str:
        return " ".join((say.text or "") for say in self.root.findall("Say"))

    @property
    def hangs_up(self) -> bool:
        return self.root.find("Hangup") is not None
