"""Services the kiosk's front ends share (no Qt here): what the UI, the command line and the web
ask of the kiosk, built from the lower layers."""
