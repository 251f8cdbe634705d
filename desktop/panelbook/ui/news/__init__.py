"""What's new and the window side of following a council: the list of what syncs found,
its unread counts, the Follow your council dialog, the Sync action and its status line,
and the one notification a sync sends."""
