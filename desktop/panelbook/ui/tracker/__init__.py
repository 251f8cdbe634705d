"""The Tracker place: the recommendations table, filters, editor and history."""
