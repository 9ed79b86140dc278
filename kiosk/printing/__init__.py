"""Printing badges at the kiosk through CUPS (no Qt here; the UI reaches it through
kiosk.services.printing).

    media.py    the badge stocks a kiosk.toml ``[printer]`` may name, and their CUPS names
    badge.py    one badge as a one-page PDF of the stock's size, drawn at the printer's resolution
    cups.py     the CUPS command-line client (lp, lpstat, lpoptions, cancel): jobs and states
"""
