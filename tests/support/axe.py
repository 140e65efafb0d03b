"""axe-core (WCAG 2.0, 2.1 and 2.2 at levels A and AA) in a Playwright page, shared by the widget and
console browser tests. The page's CSP forbids injected scripts: run it in a context made with
``bypass_csp=True``. axe-core comes from web/node_modules (``npm ci`` in web/)."""
from __future__ import annotations

import json

from tests.support.browser import AXE

AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
}"""


def axe_violations(page) -> list:
    """Every violation on the page as it is now: id, impact, help and the elements concerned."""
    page.add_script_tag(path=str(AXE))
    return page.evaluate(AXE_RUN)


def assert_axe_clean(page, what: str = "") -> None:
    violations = axe_violations(page)
    assert violations == [], (f"{what}: " if what else "") + json.dumps(violations, indent=1, ensure_ascii=False)
