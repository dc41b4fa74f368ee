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


def _colour(widget: Widget, name: str) -> Color:
    """A theme variable as an opaque colour (translucent ones laid over the background)."""
    variables = widget.app.theme_variables
    colour = Color.parse(variables.get(name) or variables["foreground"])
    if colour.a < 1.0:
        colour = Color.parse(variables["background"]) + colour
    return colour


def theme_colour(widget: Widget, name: str) -> str:
    """A theme variable ('success', 'primary', ...) as a hex colour Rich understands."""
    return _colour(widget, name).hex6


def theme_rgb(widget: Widget, name: str) -> tuple[int, int, int]:
    """A theme variable as an RGB triple, the form plotext takes."""
    return _colour(widget, name).rgb


def status_style(widget: Widget, status: str, *, overdue: bool = False) -> str:
    """The style of a claim's status: outcome colours, warning for an overdue open claim."""
    if status == "open" and overdue:
        return theme_colour(widget, "warning")
    return theme_colour(widget, STATUS_COLOURS.get(status, "foreground"))
