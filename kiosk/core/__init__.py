"""Pure domain: event rules, attendees, tokens, check-in decisions, headcount maths.

Imports only the standard library and the crypto library; no I/O, no Qt, no database.
"""
