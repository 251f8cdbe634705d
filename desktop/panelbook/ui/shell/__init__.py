"""The window's frame: the application, the main window, its notice bar, one copy per data folder."""
