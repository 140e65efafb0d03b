"""Getting into the widget socket like a page on an allowed site: Origin header and a signed token."""
import asyncio
import time

import pytest

from bench.load.access import WidgetAccess
from bot.channels import widget_policy as wp
from bot.channels.widget_token import token_valid_for

ORIGIN = "https://www.gemeente-voorbeeld.nl"


def test_signed_token_is_accepted_by_the_channel_rules(monkeypatch):
    monkeypatch.setenv("LOAD_WIDGET_SECRET", "geheim-voor-de-test")
    access = WidgetAccess(origin=ORIGIN, secret_env="LOAD_WIDGET_SECRET")
    access.validate()
    auth = asyncio.run(access.auth(session=None))
    assert token_valid_for(b"geheim-voor-de-test", auth["token"], ORIGIN, now=time.time())
    policy = wp.WidgetPolicy(allowed_origins=(ORIGIN,), secret=b"geheim-voor-de-test")
    assert wp.connection_refusal(policy, ORIGIN, auth, time.time()) is None
    assert wp.connection_refusal(policy, "https://elders.nl", auth, time.time()) == wp.REFUSED_ORIGIN
    assert access.headers() == {"Origin": ORIGIN}


def test_no_token_without_configuration():
    access = WidgetAccess()
    access.validate()
    assert asyncio.run(access.auth(session=None)) is None
    assert access.headers() == {}


def test_misconfiguration_is_refused_before_the_run(monkeypatch):
    monkeypatch.delenv("LEEG_GEHEIM", raising=False)
    with pytest.raises(ValueError, match="origin"):
        WidgetAccess(token_url="http://localhost:8080/widget/toegang").validate()
    with pytest.raises(ValueError, match="LEEG_GEHEIM"):
        WidgetAccess(origin=ORIGIN, secret_env="LEEG_GEHEIM").validate()
