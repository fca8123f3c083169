"""Inline SVG charts, drawn on the server (no script, no CDN: the page fetches nothing from elsewhere).

Every label passes through :func:`markupsafe.escape`; the result is trusted markup for Jinja2.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from markupsafe import Markup, escape

PALETTE = ("#2f6f9f", "#d08a2b", "#4c9a5a", "#a34b6d")
GOOD, BAD, NEUTRAL = "#3b8f4f", "#b3412f", "#7d7d7d"


def _text(x: float, y: float, label: str, *, anchor: str = "start", size: int = 12, cls: str = "") -> str:
    extra = f' class="{cls}"' if cls else ""
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}"{extra}>{escape(label)}</text>'


def _svg_open(width: int, height: int, title: str) -> str:
    # direction="ltr": the charts place every label themselves, also on a right-to-left page.
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" direction="ltr" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" aria-label="{escape(title)}">'
    )


def horizontal_bars(
    rows: Sequence[tuple[str, float | None]],
    *,
    maximum: float,
    fmt: Callable[[float], str],
    colour: Callable[[float], str] = lambda _v: PALETTE[0],
    title: str,
    empty: str = "—",
    rtl: bool = False,
) -> Markup:
    """One bar per row (label, value or None); values are drawn against ``maximum``."""
    label_w, bar_w, row_h, width = 170, 300, 26, 560
    height = 30 + row_h * max(len(rows), 1)
    parts = [
        _svg_open(width, height, title),
        _text(width / 2, 16, title, anchor="middle", size=13, cls="chart-title"),
    ]
    for i, (label, value) in enumerate(rows):
        y = 28 + i * row_h
        label_x, bar_x = (width - 6, width - label_w - 10) if rtl else (6, label_w + 10)
        parts.append(_text(label_x, y + 15, label[:26], anchor="end" if rtl else "start"))
        if value is None:
            parts.append(_text(bar_x, y + 15, empty, anchor="end" if rtl else "start"))
            continue
        length = 0 if maximum <= 0 else max(2.0, bar_w * min(value, maximum) / maximum)
        x = bar_x - length if rtl else bar_x
        bar = f'x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="{row_h - 8}"'
        parts.append(f'<rect {bar} fill="{colour(value)}"/>')
        value_x = x - 6 if rtl else x + length + 6
        parts.append(_text(value_x, y + 15, fmt(value), anchor="end" if rtl else "start", cls="value"))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  # nosec B704 - every label above went through escape()


def weekly_columns(
    weeks: Sequence[str], series: Mapping[str, Sequence[int]], *, names: dict[str, str], title: str, rtl: bool = False
) -> Markup:
    """Grouped columns: one group per week, one column per series (e.g. per service), with a legend."""
    width, height, left, bottom, top = 620, 230, 34, 40, 40
    plot_w, plot_h = width - left - 10, height - top - bottom
    peak = max([1, *(v for values in series.values() for v in values)])
    group_w = plot_w / max(len(weeks), 1)
    col_w = max(2.0, (group_w - 6) / max(len(series), 1))
    parts = [
        _svg_open(width, height, title),
        _text(width / 2, 16, title, anchor="middle", size=13, cls="chart-title"),
        f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" stroke="#999"/>',
        _text(left - 4, top + 10, str(peak), anchor="end", size=10),
        _text(left - 4, top + plot_h, "0", anchor="end", size=10),
    ]
    for s_index, (key, values) in enumerate(series.items()):
        colour = PALETTE[s_index % len(PALETTE)]
        legend_x = 10 + s_index * 200
        parts.append(f'<rect x="{legend_x}" y="24" width="10" height="10" fill="{colour}"/>')
        parts.append(_text(legend_x + 14, 33, names.get(key, key), size=11))
        for w_index, value in enumerate(values):
            slot = (len(weeks) - 1 - w_index) if rtl else w_index  # time runs right-to-left in Persian
            h = plot_h * value / peak
            x = left + slot * group_w + 3 + s_index * col_w
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{col_w:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{escape(weeks[w_index])}: {value}</title></rect>"
            )
    for w_index, week in enumerate(weeks):
        if w_index % 2:
            continue
        slot = (len(weeks) - 1 - w_index) if rtl else w_index
        parts.append(_text(left + slot * group_w + group_w / 2, height - bottom + 16, week, anchor="middle", size=9))
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704  # nosec B704 - every label above went through escape()
