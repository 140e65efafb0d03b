"""WCAG 2.2 AA checks of the open widget on both demo pages: axe-core (levels A and AA) with zero
violations, reflow at 320 px and at 200 % zoom, and screenshots at 320 and 1280 px for CI."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.integration.widget.helpers import ask, launcher, open_by_keyboard, question_box
from tests.support.axe import assert_axe_clean

pytestmark = pytest.mark.integration

PAGES = {"gemeente": "/", "jongeren": "/jongeren"}
NO_HORIZONTAL_SCROLL = """() => {
  const panel = document.querySelector('#wegwijzer-widget').shadowRoot.querySelector('.wegwijzer__paneel');
  return {page: document.documentElement.scrollWidth <= window.innerWidth,
          panel: panel.scrollWidth <= panel.clientWidth,
          inside: panel.getBoundingClientRect().right <= window.innerWidth + 0.5};
}"""


@pytest.mark.parametrize("thema", ["gemeente", "jongeren"])
def test_axe_has_no_violations_on_the_open_widget(widget_stack, new_page, thema):
    page = new_page(bypass_csp=True)
    page.goto(widget_stack.base_url + PAGES[thema])
    expect(launcher(page, thema)).to_be_visible()
    assert_axe_clean(page, f"{thema} dicht")
    open_by_keyboard(page, thema)
    ask(page, "wat is een tlv", thema)  # an answer with buttons and a link in the log
    assert_axe_clean(page, f"{thema} open")


@pytest.mark.parametrize("thema", ["gemeente", "jongeren"])
def test_reflow_and_screenshots(widget_stack, new_page, screenshots_dir, thema):
    for width, height in ((1280, 800), (320, 640)):
        page = new_page(width, height, bypass_csp=True)
        page.goto(widget_stack.base_url + PAGES[thema])
        open_by_keyboard(page, thema)
        ask(page, "wat is een tlv", thema)
        fits = page.evaluate(NO_HORIZONTAL_SCROLL)
        assert all(fits.values()), f"{thema} {width}px loopt horizontaal over: {fits}"
        assert_axe_clean(page, f"{thema} {width}px")  # also the small-screen layout (one-line header, "Over Wegwijzer")
        path = screenshots_dir / f"widget-{thema}-{width}px.png"
        page.screenshot(path=str(path))
        print(f"schermafbeelding: {path}")


def test_200_percent_zoom_keeps_everything_usable(widget_stack, new_page):
    # 1280 x 720 at 200 % zoom is a 640 x 360 CSS-pixel viewport.
    page = new_page(640, 360, device_scale_factor=2)
    page.goto(widget_stack.base_url + "/")
    open_by_keyboard(page)
    fits = page.evaluate(NO_HORIZONTAL_SCROLL)
    assert all(fits.values()), fits
    # At high zoom the disclaimer and the options sit behind "Over Wegwijzer" (one header line).
    page.get_by_role("button", name="Over Wegwijzer").click()
    for name in ("Nieuw gesprek", "Sluiten", "Verstuur"):
        button = page.get_by_role("button", name=name)
        button.scroll_into_view_if_needed()
        expect(button).to_be_in_viewport()
    box = question_box(page)
    box.scroll_into_view_if_needed()
    expect(box).to_be_in_viewport()
