"""`kiosk rehearse`: many kiosks, one real PostgreSQL hub, faults on purpose (see run.py)."""
