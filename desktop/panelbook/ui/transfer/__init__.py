"""Files in and out: importing documents and exporting briefings, monitoring reports and calendars."""
