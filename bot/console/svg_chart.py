"""Accessible bar charts as inline SVG, written on the server (no JavaScript, no chart library).

``bar_chart`` returns one ``<svg role="img">`` with a ``<title>`` and ``<desc>`` (referenced by
``aria-labelledby``), grouped bars per category, a y axis with a few round values and a legend in words.
Every text is escaped. Series differ in colour *and* fill pattern (solid, hatched), so colour is never
the only cue; the page puts a real ``<table>`` with the same numbers next to it. No ``style``
attributes (the console's CSP allows no inline styles): only presentation attributes.
"""
from __future__ import annotations

from html import escape
from math import ceil, log10

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 28, 44
COLOURS = ("#1f4e79", "#a34100", "#2e6b30")    # ≥ 3:1 against white (WCAG 1.4.11)


def _e(text) -> str:
    return escape(str(text), quote=True)


def nice_max(value: int) -> int:
    """The top of the y axis: 1, 2, 5 × 10^n at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1
    power = 10 ** int(log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def ticks(top: int) -> list[int]:
    """0, a middle value and the top (whole numbers only)."""
    values = [0, top // 2, top] if top % 2 == 0 and top >= 2 else [0, top]
    return sorted(set(values))


def label_every(n: int, room: int = 8) -> int:
    """Show every k-th category label so at most ``room`` fit."""
    return max(1, ceil(n / room))


def bar_chart(chart_id: str, title: str, desc: str, categories: list[str],
              series: list[tuple[str, list[int]]]) -> str:
    """``series``: (name, one value per category). ``chart_id`` makes the ids of title and desc unique on the page
    (letters, digits and '-' only)."""
    if not chart_id.replace("-", "").isalnum():
        raise ValueError("chart_id: letters, digits and '-' only")
    n = max(len(categories), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    top = nice_max(max((v for _name, values in series for v in values), default=0))
    group = plot_w / n
    bar = max(group * 0.8 / max(len(series), 1), 1.0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="grafiek" viewBox="0 0 {WIDTH} {HEIGHT}" '
           f'role="img" aria-labelledby="{chart_id}-titel {chart_id}-uitleg" focusable="false">',
           f'<title id="{chart_id}-titel">{_e(title)}</title>',
           f'<desc id="{chart_id}-uitleg">{_e(desc)}</desc>',
           '<defs>']
    for i, colour in enumerate(COLOURS):
        out.append(f'<pattern id="{chart_id}-p{i}" width="6" height="6" patternUnits="userSpaceOnUse" '
                   f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
                   f'<rect width="3" height="6" fill="{colour}"/></pattern>')
    out.append('</defs>')
    for value in ticks(top):
        y = TOP + plot_h - plot_h * value / top
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}" stroke="#767676" '
                   f'stroke-width="{1 if value == 0 else 0.5}"/>')
        out.append(f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="14" fill="#222222">{value}</text>')
    every = label_every(n)
    for c, category in enumerate(categories):
        x0 = LEFT + c * group + group * 0.1
        for s, (_name, values) in enumerate(series):
            value = values[c] if c < len(values) else 0
            h = plot_h * value / top
            fill = COLOURS[s % len(COLOURS)] if s % 2 == 0 else f"url(#{chart_id}-p{s % len(COLOURS)})"
            out.append(f'<rect x="{x0 + s * bar:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                       f'fill="{fill}" stroke="{COLOURS[s % len(COLOURS)]}" stroke-width="1"/>')
        if c % every == 0:
            out.append(f'<text x="{LEFT + c * group + group / 2:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
                       f'font-size="13" fill="#222222">{_e(category)}</text>')
    x = LEFT
    for s, (name, _values) in enumerate(series):
        fill = COLOURS[s % len(COLOURS)] if s % 2 == 0 else f"url(#{chart_id}-p{s % len(COLOURS)})"
        out.append(f'<rect x="{x}" y="{HEIGHT - 16}" width="12" height="12" fill="{fill}" '
                   f'stroke="{COLOURS[s % len(COLOURS)]}" stroke-width="1"/>')
        out.append(f'<text x="{x + 18}" y="{HEIGHT - 5}" font-size="14" fill="#222222">{_e(name)}</text>')
        x += 18 + 9 * len(name) + 24
    out.append('</svg>')
    return "".join(out)
