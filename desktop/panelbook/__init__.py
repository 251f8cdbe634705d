"""Panelbook: an offline companion for members of council scrutiny panels."""

__version__ = "0.1.0"
