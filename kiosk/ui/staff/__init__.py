"""Staff mode: the live dashboard, look-up and manual check-in, blocking, reprints, kiosk health
and export. Only reachable behind the PIN pad (or, for the dashboard alone, `kiosk dashboard`);
nothing here is ever shown to attendees."""
