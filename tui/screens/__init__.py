"""Screens: each composes widgets and runs its own reads in workers through `tui.data`."""
