"""The server process's garbage collector settings (cms/collector.py)."""

import gc

import pytest

from cms import collector


def test_the_thresholds_come_from_the_environment_or_the_measured_default():
    assert collector.thresholds_from(None) == collector.THRESHOLDS
    assert collector.thresholds_from("") == collector.THRESHOLDS
    assert collector.thresholds_from("700,10,10") == (700, 10, 10)
    with pytest.raises(ValueError):
        collector.thresholds_from("700,10")


def test_serving_freezes_what_is_loaded_and_sets_the_thresholds(monkeypatch):
    before = gc.get_threshold()
    monkeypatch.setenv("GC_THRESHOLDS", "900,11,12")
    try:
        collector.tune_for_serving()
        assert gc.get_threshold() == (900, 11, 12)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
