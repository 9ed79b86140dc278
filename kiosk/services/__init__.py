"""The Qt-free application layer: what the screens, the web dashboard and the command line call."""
