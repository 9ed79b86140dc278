"""SQLite through sqlite-utils: schema, migrations, the roster copy and the scan log."""
