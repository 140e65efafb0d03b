"""bot.hulpvraag.feestdagen: the reply term in werkdagen skips weekends and the Algemene
termijnenwet's feestdagen; the promise to the user and the console's deadline both use it."""
from datetime import date

import pytest

from bot.hulpvraag.feestdagen import easter_sunday, feestdagen, is_werkdag
from bot.hulpvraag.request import Receipt, werkdagen_later


@pytest.mark.parametrize(("year", "expected"), [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)),
                                                (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28)),
                                                (2038, date(2038, 4, 25))])
def test_easter(year, expected):
    assert easter_sunday(year) == expected


def test_the_feestdagen_of_2027():
    assert sorted(feestdagen(2027)) == [
        date(2027, 1, 1), date(2027, 3, 26), date(2027, 3, 29), date(2027, 4, 27), date(2027, 5, 5),
        date(2027, 5, 6), date(2027, 5, 17), date(2027, 12, 25), date(2027, 12, 26)]


def test_koningsdag_on_a_sunday_moves_to_saturday():
    assert date(2025, 4, 26) in feestdagen(2025) and date(2025, 4, 27) not in feestdagen(2025)


def test_christmas_and_new_year_do_not_count():
    # Wednesday 23 December 2026 + 5 werkdagen: 24, 28, 29, 30, 31 December (25/26 Christmas, weekend)
    assert werkdagen_later(date(2026, 12, 23), 5) == date(2026, 12, 31)
    # + 6: 1 January is Nieuwjaarsdag, so Monday 4 January 2027
    assert werkdagen_later(date(2026, 12, 23), 6) == date(2027, 1, 4)
    assert not is_werkdag(date(2027, 1, 1)) and is_werkdag(date(2027, 1, 4))


def test_an_ordinary_week_is_unchanged():
    assert werkdagen_later(date(2026, 11, 16), 5) == date(2026, 11, 23)


def test_the_promise_to_the_user_skips_easter():
    # Thursday 25 March 2027: Goede Vrijdag 26/3 and tweede Paasdag 29/3 do not count
    receipt = Receipt(reference="WW-X", contactpunt_naam="x", reactietermijn_werkdagen=3, status="nieuw")
    assert receipt.contact_uiterlijk(date(2027, 3, 25)) == date(2027, 4, 1)
