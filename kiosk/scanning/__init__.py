"""Scanning: camera sources, the QR decoder chain, steady reading and keyboard-wedge scanners.

Qt-free and built on ``kiosk.core`` only. The touch UI's capture worker drives ``loop.ScanLoop``;
``kiosk decode`` and ``kiosk doctor`` use ``decoder`` and ``health``. Modules are imported one by
one (``from kiosk.scanning.decoder import DecoderChain``) so that importing this package stays cheap.
"""
