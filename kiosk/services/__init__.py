"""Qt-free services under the screens: what the kiosk does, apart from how it is drawn."""
