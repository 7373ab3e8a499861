"""Reading checker's own data files (``checker/data/``)."""

from __future__ import annotations

from importlib import resources


def tsv_rows(*parts: str) -> list[list[str]]:
    """Rows of the TSV file ``data/<parts>``: comments (#), blank lines and a ``lang`` header skipped;
    no rows for a missing file."""
    path = resources.files("checker").joinpath("data", *parts)
    if not path.is_file():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("lang\t")]
