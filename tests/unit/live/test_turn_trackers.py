"""bot.live.turn_trackers and its two users: the tracker a turn saved is read back after the turn
(no second load from the database), only inside that turn, only for its own sender, never across
concurrent turns; and the paused-safety check gives the same answer from it as from a fresh load
(a real SQLite tracker store and Rasa's own tracker and event classes, no server)."""
import asyncio

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ConversationPaused, SlotSet, UserUttered

from bot.live import paused_safety
from bot.live import turn_trackers
from bot.rasa_runtime.tracker_store import WegwijzerSQLTrackerStore

DOMAIN = Domain.from_yaml("""
version: "3.1"
intents: [veiligheid, begroeting]
slots:
  doelgroep:
    type: text
    mappings: [{type: custom}]
""")


class Tracker:
    def __init__(self, sender_id):
        self.sender_id = sender_id


def test_nothing_is_kept_outside_a_turn():
    turn_trackers.record(Tracker("a"))
    assert turn_trackers.saved_tracker("a") is None


def test_inside_a_turn_the_last_save_of_each_sender_is_kept_and_gone_after_it():
    first, again, other = Tracker("a"), Tracker("a"), Tracker("b")
    with turn_trackers.collecting():
        assert turn_trackers.saved_tracker("a") is None
        turn_trackers.record(first)
        turn_trackers.record(other)
        turn_trackers.record(again)
        assert turn_trackers.saved_tracker("a") is again
        assert turn_trackers.saved_tracker("b") is other
        assert turn_trackers.saved_tracker("c") is None
    assert turn_trackers.saved_tracker("a") is None


def test_concurrent_turns_never_see_each_others_trackers():
    seen = {}

    async def turn(sender, delay):
        with turn_trackers.collecting():
            mine = Tracker(sender)
            turn_trackers.record(mine)
            await asyncio.sleep(delay)          # the other turn records in between
            inner = asyncio.ensure_future(asyncio.sleep(0, turn_trackers.saved_tracker(sender)))  # a task it starts
            seen[sender] = (turn_trackers.saved_tracker(sender) is mine, await inner is mine,
                            turn_trackers.saved_tracker("b" if sender == "a" else "a"))

    async def both():
        await asyncio.gather(turn("a", 0.02), turn("b", 0.0))

    asyncio.run(both())
    assert seen == {"a": (True, True, None), "b": (True, True, None)}


@pytest.fixture
def store(tmp_path):
    return WegwijzerSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "tracker.db"))


def test_our_tracker_store_records_what_it_saves_only_inside_a_turn(store):
    async def run():
        tracker = await store.get_or_create_tracker("c1")
        await store.save(tracker)
        outside = turn_trackers.saved_tracker("c1")
        with turn_trackers.collecting():
            await store.save(tracker)
            inside = turn_trackers.saved_tracker("c1")
        return tracker, outside, inside

    tracker, outside, inside = asyncio.run(run())
    assert outside is None and inside is tracker


class Processor:
    """What paused_safety uses of Rasa's MessageProcessor, over the real store; counts the loads."""

    def __init__(self, store):
        self.store, self.loads = store, 0

    async def get_tracker(self, sender_id):
        self.loads += 1
        return await self.store.get_or_create_tracker(sender_id)

    async def save_tracker(self, tracker):
        await self.store.save(tracker)

    async def handle_message(self, message):  # Rasa's turn: the message logged, then the tracker saved
        tracker = await self.store.get_or_create_tracker(message.sender_id)
        tracker.update(UserUttered(message.text, {"name": self.intent, "confidence": 1.0}))
        tracker.update(ActionExecuted("action_listen"))
        await self.store.save(tracker)


def paused_conversation(store, sender, audience):
    async def run():
        tracker = await store.get_or_create_tracker(sender)
        tracker.update(SlotSet("doelgroep", audience))
        tracker.update(ConversationPaused())
        await store.save(tracker)
    asyncio.run(run())


@pytest.mark.parametrize("intent,text,audience,answered", [
    ("veiligheid", "ik wil niet meer leven", "jongere", True),
    ("begroeting", "ik wil dood", "ouder", True),            # the patterns, when NLU missed it
    ("begroeting", "hallo", "ouder", False),
])
def test_paused_safety_answers_from_the_saved_tracker_as_from_a_fresh_load(store, intent, text, audience, answered):
    replies = {}
    for how in ("saved", "loaded"):
        sender = f"{how}-{intent}-{audience}"
        paused_conversation(store, sender, audience)
        processor = Processor(store)
        processor.intent = intent
        channel = CollectingOutputChannel()
        message = UserMessage(text, channel, sender)
        if how == "saved":      # the real wrapper: our store recorded the turn's save
            asyncio.run(paused_safety._wrap(Processor.handle_message)(processor, message))
            assert processor.loads == 0
        else:                   # no record (another tracker store): loaded as before
            async def turn():
                await processor.handle_message(message)
                await paused_safety._after_turn(processor, message)
            asyncio.run(turn())
            assert processor.loads == 1
        replies[how] = "\n\n".join(m["text"] for m in channel.messages)   # the channel splits paragraphs

        async def stored_texts():
            tracker = await store.get_or_create_tracker(sender)
            return [e.text for e in tracker.events if getattr(e, "type_name", "") == "bot"]
        assert asyncio.run(stored_texts()) == ([replies[how]] if replies[how] else [])  # stored once, as sent
    assert replies["saved"] == replies["loaded"]
    assert bool(replies["saved"]) is answered
    if answered:
        assert replies["saved"] == paused_safety.safety_text(audience)
