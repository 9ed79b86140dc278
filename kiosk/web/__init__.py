"""The read-only web dashboard (`kiosk web`): Starlette app, templates, static files.

Only the entry points import this package; it reads everything through kiosk.web.data and never
imports Qt.
"""
