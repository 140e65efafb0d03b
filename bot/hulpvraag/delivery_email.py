"""E-mail delivery over SMTP (aiosmtplib): text/plain only, a stable Message-ID per request and target
so that a receiving mail system (and people) can recognise a repeated delivery."""
from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib

from bot.hulpvraag.config import Settings
from bot.hulpvraag.delivery_errors import DeliveryError


def message_id(key: str, sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else "wegwijzer.invalid"
    return f"<{key.lower()}@{domain}>"


def build_message(subject: str, body: str, to: str, sender: str, key: str, reference: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject.replace("\r", " ").replace("\n", " ")
    msg["Date"] = formatdate(localtime=False, usegmt=True)
    msg["Message-ID"] = message_id(key, sender)
    msg["X-Wegwijzer-Referentie"] = reference
    msg["Idempotency-Key"] = key
    msg["Auto-Submitted"] = "auto-generated"
    msg.set_content(body, subtype="plain", charset="utf-8")
    return msg


async def deliver_email(msg: EmailMessage, settings: Settings) -> None:
    if not settings.smtp_host or not settings.smtp_afzender:
        raise DeliveryError("SMTP niet ingesteld (WEGWIJZER_SMTP_HOST en WEGWIJZER_SMTP_AFZENDER)")
    mode = settings.smtp_beveiliging
    try:
        await aiosmtplib.send(
            msg, hostname=settings.smtp_host, port=settings.smtp_port,
            username=settings.smtp_gebruiker or None, password=settings.smtp_wachtwoord or None,
            use_tls=mode == "tls", start_tls=True if mode == "starttls" else False if mode == "geen" else None,
            timeout=settings.bezorg_timeout)
    except aiosmtplib.SMTPRecipientsRefused as exc:
        raise DeliveryError(f"ontvanger geweigerd: {exc}"[:500], permanent=True) from exc
    except aiosmtplib.SMTPResponseException as exc:
        raise DeliveryError(f"SMTP-fout {exc.code}: {exc.message}"[:500], permanent=500 <= exc.code < 600) from exc
    except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
        raise DeliveryError(f"SMTP niet bereikbaar: {exc.__class__.__name__}: {exc}"[:500]) from exc
