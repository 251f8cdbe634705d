"""The Search place: one box over every meeting, item, page and note."""
