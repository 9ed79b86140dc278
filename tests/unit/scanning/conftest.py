from __future__ import annotations

import pytest

from tests.helpers.synthetic_frames import synthetic_set


@pytest.fixture(scope="session")
def webcam_set():
    """Ten frames of every synthetic webcam condition and twenty empty frames (a few seconds to draw)."""
    return synthetic_set(per_condition=10, empty=20)
