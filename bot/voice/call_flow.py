"""One webhook request of a phone call, from checked request to TwiML.

Plain Python: the assistant is reached through ``Assistant`` (two async calls), which the Rasa
channel implements with ``on_new_message`` and the tracker store, and tests with a real stack.

- Call start (Twilio's first request, ``CallStatus=ringing``, or no answer yet): the greeting, which
  says the assistant is a computer program; if the first turn does not say so, it is said first.
- Long answers are said in parts of about 80 words (``bot.voice.parts``); "verder" says the next
  part, "herhaal" the part just said, both without asking the model (the part travels in the URL).
- Speech: "herhaal" and similar repeat the assistant's last turn without asking the model; anything
  else goes to the assistant with metadata ``spraak: true`` so the actions choose the voice-safe
  variant. After a goodbye (intent ``afscheid``) the call ends.
- Silence: a Dutch re-prompt, and after repeated silence a goodbye and hang-up.
- Any failure: a friendly Dutch message with 112 and a number for a person, never a stack trace.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Protocol, Sequence

from bot.voice.events import has_spoken, last_bot_turn, last_user_intent, last_user_text
from bot.voice.more import is_more_request
from bot.voice.parts import split_turn
from bot.voice.repeat import is_repeat_request
from bot.voice.reprompt import DEFAULT_MAX_SILENCES, after_silence
from bot.voice.request_check import CallRequest
from bot.voice.speech_text import SpokenTurn, speak_turn
from bot.voice.texts import VoiceTexts
from bot.voice.twiml import VoiceSettings, hangup_response, turn_response

logger = logging.getLogger(__name__)

START_MESSAGE = "/groet"  # the greeting intent: says it is a computer program and how to reach a person
CHANNEL_METADATA = {"spraak": True, "kanaal": "telefoon"}
GOODBYE_INTENT = "afscheid"
GOODBYE_MIN_CONFIDENCE = 0.7
DISCLOSURE_WORD = "computerprogramma"


class Assistant(Protocol):
    async def send(self, sender_id: str, text: str, metadata: Mapping[str, Any]) -> list[dict]:
        """Sends the caller's words; returns the assistant's messages (dicts with text, buttons)."""

    async def events(self, sender_id: str) -> list[dict]:
        """The conversation's events as dicts (Rasa's event format), [] for a new conversation."""


@dataclass(frozen=True)
class VoiceReply:
    status: int
    twiml: str


@dataclass
class CallFlow:
    settings: VoiceSettings
    texts: VoiceTexts
    max_silences: int = DEFAULT_MAX_SILENCES

    async def handle(self, call: CallRequest, assistant: Assistant) -> VoiceReply:
        try:
            return VoiceReply(200, await self._handle(call, assistant))
        except Exception:  # the caller hears a friendly message; the log gets the details
            logger.exception("phone channel: turn failed for %s", call.sender_id)
            return self.failure()

    def failure(self) -> VoiceReply:
        return VoiceReply(200, hangup_response([self.texts.fout], self.settings))

    def rejection(self, status: int) -> VoiceReply:
        return VoiceReply(status, hangup_response([self.texts.ongeldig], self.settings))

    async def _handle(self, call: CallRequest, assistant: Assistant) -> str:
        sender = call.sender_id
        if call.speech and call.part is not None and is_more_request(call.speech):
            return self._more(await assistant.events(sender), call.part)
        if call.speech and is_repeat_request(call.speech):
            return self._repeat(await assistant.events(sender), call.part)
        if call.speech:
            messages = await assistant.send(sender, call.speech, CHANNEL_METADATA)
            return await self._answer(sender, messages, assistant, first_turn=False)
        if call.call_status == "ringing" or not has_spoken(await assistant.events(sender)):
            messages = await assistant.send(sender, START_MESSAGE, CHANNEL_METADATA)
            return await self._answer(sender, messages, assistant, first_turn=True)
        step = after_silence(call.silences, self.texts, self.max_silences)
        if step.hang_up:
            return hangup_response(step.turn.parts, self.settings)
        return turn_response(step.turn, self.settings, silences=step.silences, part=call.part)

    def _speak(self, messages: Sequence[Mapping[str, Any]]) -> SpokenTurn:
        return speak_turn(messages, self.texts.standaardvraag, self.texts.keuze_zeg, self.texts.keuze_of)

    def _pages(self, turn: SpokenTurn) -> list[SpokenTurn]:
        return split_turn(turn, self.texts.verder)

    def _last_pages(self, events: Sequence[Mapping[str, Any]]) -> list[SpokenTurn]:
        """The pages of the assistant's last turn, rebuilt exactly as they were first said."""
        messages = last_bot_turn(events)
        if not messages:
            return []
        turn = self._speak(messages)
        if last_user_text(events) == START_MESSAGE:
            turn = with_disclosure(turn, self.texts.kennismaking)
        return self._pages(turn)

    def _say_page(self, pages: Sequence[SpokenTurn], index: int) -> str:
        return turn_response(pages[index], self.settings, part=index if len(pages) > 1 else None)

    def _repeat(self, events: Sequence[Mapping[str, Any]], part: Optional[int]) -> str:
        pages = self._last_pages(events)
        if not pages:
            turn = SpokenTurn(parts=(self.texts.herhaal_leeg,), prompt=self.texts.standaardvraag)
            return turn_response(turn, self.settings)
        return self._say_page(pages, min(part or 0, len(pages) - 1))

    def _more(self, events: Sequence[Mapping[str, Any]], part: int) -> str:
        pages = self._last_pages(events)
        if part + 1 < len(pages):
            return self._say_page(pages, part + 1)
        last = pages[-1] if pages else SpokenTurn(parts=(), prompt=self.texts.standaardvraag)
        turn = SpokenTurn(parts=(self.texts.verder_einde,), prompt=last.prompt, own_question=last.own_question)
        return turn_response(turn, self.settings, part=len(pages) - 1 if len(pages) > 1 else None)

    async def _answer(self, sender: str, messages: list[dict], assistant: Assistant, first_turn: bool) -> str:
        turn = self._speak(messages)
        if first_turn:
            turn = with_disclosure(turn, self.texts.kennismaking)
        if not turn.parts and not turn.own_question:
            logger.warning("phone channel: the assistant sent nothing to say for %s", sender)
            return hangup_response([self.texts.fout], self.settings)
        if not first_turn and ends_call(await assistant.events(sender)):
            return hangup_response(turn.parts, self.settings)
        return self._say_page(self._pages(turn), 0)


def with_disclosure(turn: SpokenTurn, disclosure: str) -> SpokenTurn:
    """Makes sure the first turn of a call says that this is a computer program."""
    spoken = " ".join((*turn.parts, turn.prompt)).lower()
    if DISCLOSURE_WORD in spoken:
        return turn
    return SpokenTurn(parts=(disclosure, *turn.parts), prompt=turn.prompt, own_question=turn.own_question)


def ends_call(events: Sequence[Mapping[str, Any]]) -> bool:
    intent, confidence = last_user_intent(events)
    return intent == GOODBYE_INTENT and confidence >= GOODBYE_MIN_CONFIDENCE
