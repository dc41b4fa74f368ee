"""Colours taken from the running Textual theme, so tables and charts follow it."""

from __future__ import annotations

from textual.color import Color
from textual.widget import Widget

STATUS_COLOURS = {
    "true": "success",
    "false": "error",
    "void": "foreground-muted",
    "open": "foreground",
}


def theme_colour(widget: Widget, name: str) -> str:
    """A theme variable ('success', 'primary', ...) as a hex colour Rich understands."""
    value = widget.app.theme_variables.get(name) or widget.app.theme_variables["foreground"]
    return Color.parse(value).hex


def theme_rgb(widget: Widget, name: str) -> tuple[int, int, int]:
    """A theme variable as an RGB triple, the form plotext takes."""
    value = widget.app.theme_variables.get(name) or widget.app.theme_variables["foreground"]
    return Color.parse(value).rgb


def status_style(widget: Widget, status: str, *, overdue: bool = False) -> str:
    """The style of a claim's status: outcome colours, warning for an overdue open claim."""
    if status == "open" and overdue:
        return theme_colour(widget, "warning")
    return theme_colour(widget, STATUS_COLOURS.get(status, "foreground"))
