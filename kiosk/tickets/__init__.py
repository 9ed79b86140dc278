"""Readers of tickets that other registration systems sign (see kiosk.core.tickets).

Outside kiosk/core because they need libraries that are not small and pure (protobuf's wire
format is read by its C extension); they build on core only.
"""
