"""Counter use on a shared terminal: the idle watcher, the wipe, the staff PIN, the welcome."""
