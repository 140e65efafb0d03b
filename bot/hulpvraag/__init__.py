"""Help requests: durable storage, withdrawal, and delivery to the regional contact point via an outbox.

Public API (used by the Rasa form adapter):

    from bot.hulpvraag.request import HelpRequest
    from bot.hulpvraag.store import HelpRequestStore, StorageError, HelpRequestInvalid
    from bot.hulpvraag.contact_point import resolve_contact_point

See docs/hulpvragen.md for operation (worker, CLI, configuration).
"""
