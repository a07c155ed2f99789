"""The sequence the kiosk writes to wipe a terminal, alone in its module: the served counter's
server watches for it without importing Textual."""

#: Erase the scrollback (ED 3), then the screen (ED 2), and home the cursor.
CLEAR_SEQUENCE = "\x1b[3J\x1b[2J\x1b[H"
