"""What every place shares: the database worker, settings, icons, colours, small widgets and models."""
