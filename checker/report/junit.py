"""JUnit XML: one test suite per file, one failing test case per finding (a clean file is one passing case;
an unreadable file one case in error). CI systems that read test reports show findings with no plug-in."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO


def render(results, out: TextIO) -> None:
    root = ET.Element("testsuites", name="checker", tests="0", failures="0", errors="0")
    tests = failures = errors = 0
    for res in results:
        suite = ET.SubElement(root, "testsuite", name=res.path)
        cases = 0
        if res.error:
            case = ET.SubElement(suite, "testcase", name="read", classname=res.path)
            ET.SubElement(case, "error", message=res.error, type=f"exit {res.error_code}")
            cases, errors = 1, errors + 1
        for f in res.findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.match} ({f.line}:{f.column})",
                                 classname=res.path, file=res.path, line=str(f.line))
            fail = ET.SubElement(case, "failure", message=f.message, type=f.code)
            fix = f"\nfix: {' | '.join(f.suggestions)}" if f.suggestions else ""
            fail.text = f"{res.path}:{f.line}:{f.column}: {f.code} {f.message}{fix}"
            cases += 1
        if not cases:
            ET.SubElement(suite, "testcase", name="no findings", classname=res.path)
            cases = 1
        suite.set("tests", str(cases))
        suite.set("failures", str(len(res.findings)))
        suite.set("errors", "1" if res.error else "0")
        tests += cases
        failures += len(res.findings)
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
