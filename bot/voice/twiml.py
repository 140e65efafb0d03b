"""Builds Twilio TwiML for the Dutch phone channel.

Every <Say> and the <Gather> carry ``language="nl-NL"`` (Rasa's own ``twilio_voice`` channel sets no
language, so Twilio would listen in English) and a Dutch Amazon Polly voice. The answer is said
first; the spoken choices and the one question are said inside <Gather>, so the caller can answer
(or interrupt the question). A <Redirect> after <Gather> reports silence if Twilio does not call
the action itself. Text is XML-escaped by the twilio library (``<script>`` and ``&`` stay text).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional, Sequence
from urllib.parse import urlencode

from twilio.twiml.voice_response import Gather, VoiceResponse

from bot.voice.speech_text import SpokenTurn

LANGUAGE = "nl-NL"
# Amazon Polly voices for nl-NL as Twilio names them: Lotte (female) and Ruben (male) are standard
# voices, Laura is a neural voice (more natural, priced higher by Twilio).
DUTCH_VOICES = ("Polly.Laura-Neural", "Polly.Lotte", "Polly.Ruben")
DEFAULT_VOICE = "Polly.Laura-Neural"
SPEECH_MODELS = ("default", "phone_call", "numbers_and_commands", "experimental_conversations",
                 "experimental_utterances", "googlev2_telephony", "googlev2_long", "googlev2_short",
                 "deepgram_nova-2", "deepgram_nova-3")
SILENCE_PARAM = "stil"
PART_PARAM = "deel"
MAX_HINTS_CHARS = 1000
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class VoiceConfigError(ValueError):
    """A setting in credentials.yml that Twilio would reject or that would not speak Dutch."""


@dataclass(frozen=True)
class VoiceSettings:
    action_url: str  # the webhook path, e.g. /webhooks/twilio_voice_nl/webhook
    voice: str = DEFAULT_VOICE
    language: str = LANGUAGE
    speech_timeout: str = "auto"  # seconds of silence that end the caller's sentence, or "auto"
    timeout: int = 6  # seconds Twilio waits for the caller to start speaking
    speech_model: Optional[str] = None  # None: Twilio chooses the model for the language
    hints: tuple[str, ...] = ()
    pause_seconds: int = 1

    def __post_init__(self) -> None:
        if self.voice not in DUTCH_VOICES:
            raise VoiceConfigError(
                f"stem {self.voice!r} is geen Nederlandse stem; kies uit {', '.join(DUTCH_VOICES)}")
        if not re.fullmatch(r"nl-(NL|BE)", self.language):
            raise VoiceConfigError(f"taal {self.language!r}: alleen nl-NL (of nl-BE) is mogelijk")
        if self.speech_timeout != "auto" and not (
                self.speech_timeout.isdigit() and 1 <= int(self.speech_timeout) <= 10):
            raise VoiceConfigError("speech_timeout: 'auto' of 1 tot en met 10 seconden")
        if not 1 <= int(self.timeout) <= 30:
            raise VoiceConfigError("timeout: 1 tot en met 30 seconden")
        if self.speech_model is not None and self.speech_model not in SPEECH_MODELS:
            raise VoiceConfigError(f"speech_model {self.speech_model!r}: kies uit {', '.join(SPEECH_MODELS)}")
        if not self.action_url.startswith(("/", "https://")):
            raise VoiceConfigError("action_url: een pad (/webhooks/...) of een https-adres")

    def action(self, silences: int, part: Optional[int] = None) -> str:
        query = {SILENCE_PARAM: silences}
        if part is not None:  # the page of a long answer just said (bot/voice/parts.py)
            query[PART_PARAM] = part
        return f"{self.action_url}?{urlencode(query)}"


def xml_safe(text: str) -> str:
    """Removes characters XML 1.0 cannot hold (escaping of <, > and & is done by the library)."""
    return _XML_INVALID.sub(" ", text)


def _say(parent, text: str, settings: VoiceSettings) -> None:
    parent.say(xml_safe(text), voice=settings.voice, language=settings.language)


def _hints(settings: VoiceSettings) -> Optional[str]:
    hints, used = [], 0
    for hint in settings.hints:
        clean = xml_safe(hint).replace(",", " ").strip()
        if clean and used + len(clean) + 2 <= MAX_HINTS_CHARS:
            hints.append(clean)
            used += len(clean) + 2
    return ", ".join(hints) or None


def _gather(settings: VoiceSettings, silences: int, part: Optional[int]) -> Gather:
    attributes = dict(
        input="speech",
        action=settings.action(silences, part),
        method="POST",
        language=settings.language,
        speech_timeout=settings.speech_timeout,
        timeout=settings.timeout,
        action_on_empty_result=True,
    )
    if settings.speech_model:
        attributes["speech_model"] = settings.speech_model
    hints = _hints(settings)
    if hints:
        attributes["hints"] = hints
    return Gather(**attributes)


def _say_parts(response: VoiceResponse, parts: Sequence[str], settings: VoiceSettings) -> None:
    for index, part in enumerate(p for p in parts if p.strip()):
        if index:
            response.pause(length=settings.pause_seconds)
        _say(response, part, settings)


def turn_response(turn: SpokenTurn, settings: VoiceSettings, silences: int = 0,
                  part: Optional[int] = None) -> str:
    """Says the turn, then asks its question inside <Gather> and listens in Dutch. ``part``: the
    page of a long answer this turn says (carried in the action URL for "verder" and "herhaal")."""
    response = VoiceResponse()
    _say_parts(response, turn.parts, settings)
    gather = _gather(settings, silences, part)
    _say(gather, turn.prompt, settings)
    response.append(gather)
    response.redirect(settings.action(silences, part), method="POST")
    return str(response)


def hangup_response(parts: Sequence[str], settings: VoiceSettings) -> str:
    """Says ``parts`` and ends the call."""
    response = VoiceResponse()
    _say_parts(response, parts, settings)
    response.hangup()
    return str(response)
