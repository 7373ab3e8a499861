"""Shared fixtures: the seed story and a CLI runner that behaves like the console script."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "coalition-of-the-willing.en.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``checker`` in a subprocess (real exit codes, real stderr)."""
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, timeout=120)


@pytest.fixture
def cli():
    return run_cli
