"""Running one of the screens' pure ES modules with node, for unit tests of browser code."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


def run_module(module: Path, imports: str, script: str):
    """Run `script` after `import {imports} from module`; what it prints is read as JSON.
    Skipped when node is not installed."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = f'import {imports} from "{module.as_uri()}";\n{script}'
    result = subprocess.run(  # noqa: S603 - node with our own module
        [node, "--input-type=module", "-e", source], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)
