"""Reading checker's own data files (``checker/data/``)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).parent
#: False for a package inside a zip (no folder on disk): its files are read through importlib.resources.
_ON_DISK = _PACKAGE.is_dir()


def package_file(*parts: str):
    """A file or folder of the package (``package_file("data", "languages.tsv")``): a plain path when the
    package is a folder on disk (importing ``importlib.resources`` costs ~15 ms of start-up), else the
    ``importlib.resources`` traversable (a zip install)."""
    if _ON_DISK:
        return _PACKAGE.joinpath(*parts)
    from importlib import resources

    return resources.files("checker").joinpath(*parts)


def tsv_rows(*parts: str) -> list[list[str]]:
    """Rows of the TSV file ``data/<parts>``: comments (#), blank lines and a ``lang`` header skipped;
    no rows for a missing file."""
    path = package_file("data", *parts)
    if not path.is_file():
        return []
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#") and not line.startswith("lang\t")]
