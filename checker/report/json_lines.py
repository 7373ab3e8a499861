"""JSON lines: one object per finding (the JSON report's finding fields plus path and lang), and one per
file that could not be checked (``path``, ``error``, ``error_code``). Streams; suits Spark, jq, BigQuery."""

from __future__ import annotations

import json
from typing import TextIO

from .json_report import finding_dict


def render(results, out: TextIO) -> None:
    for res in results:
        if res.error:
            out.write(json.dumps({"path": res.path, "error": res.error, "error_code": res.error_code},
                                 ensure_ascii=False) + "\n")
        for f in res.findings:
            out.write(json.dumps({"path": res.path, "lang": res.lang, **finding_dict(f)}, ensure_ascii=False) + "\n")
