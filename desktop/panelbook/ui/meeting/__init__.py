"""The Meeting place: the header, the agenda, an item's details and the earlier recommendations."""
