"""The server process's interpreter settings (cms/runtime.py)."""

import gc
import sys

import pytest

from cms import runtime


def test_the_thresholds_come_from_the_environment_or_the_measured_default():
    assert runtime.thresholds_from(None) == runtime.THRESHOLDS
    assert runtime.thresholds_from("") == runtime.THRESHOLDS
    assert runtime.thresholds_from("700,10,10") == (700, 10, 10)
    for wrong in ("700,10", "700,10,x", "700,10,10,10"):
        with pytest.raises(ValueError, match="GC_THRESHOLDS"):
            runtime.thresholds_from(wrong)


def test_serving_freezes_what_is_loaded_and_sets_the_thresholds_and_switches(monkeypatch):
    before = gc.get_threshold(), sys.getswitchinterval()
    monkeypatch.setenv("GC_THRESHOLDS", "900,11,12")
    monkeypatch.delenv("SWITCH_INTERVAL_S", raising=False)
    try:
        runtime.tune_for_serving()
        assert gc.get_threshold() == (900, 11, 12)
        assert gc.get_freeze_count() > 0
        assert sys.getswitchinterval() == pytest.approx(runtime.SWITCH_INTERVAL_S)
    finally:
        gc.unfreeze()
        gc.set_threshold(*before[0])
        sys.setswitchinterval(before[1])
