"""The phone channel's logic as plain Python, tested without Rasa.

``speech_text`` turns bot messages into speakable text, ``twiml`` builds Twilio's TwiML in Dutch,
``reprompt`` handles silence, ``repeat`` recognises "herhaal", ``request_check`` validates Twilio's
form posts, ``call_flow`` ties them together for one webhook request. The Rasa adapter is
``bot/channels/twilio_voice_nl.py``.
"""
