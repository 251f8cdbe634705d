"""The Calendar place: the month, the meetings list and what is coming up."""
