"""`checker names cluster`: the contract that ../shared/eval/score_names.py reads."""

from __future__ import annotations

import json

from checker.errors import ExitCode

MENTIONS = [
    {"mention_index": 0, "set": "t", "mention": "Wołodymyr Zełenski", "lang": "pl", "type": "PER"},
    {"mention_index": 1, "set": "t", "mention": "Zełenskiego", "lang": "pl", "type": "PER"},
    {"mention_index": 2, "set": "t", "mention": "Володимир Зеленський", "lang": "uk", "type": "PER"},
    {"mention_index": 3, "set": "t", "mention": "Volodymyr Zelensky", "lang": "en", "type": "PER"},
    {"mention_index": 4, "set": "t", "mention": "Olena Zelenska", "lang": "en", "type": "PER"},
    {"mention_index": 5, "set": "t", "mention": "Olaf Scholz", "lang": "de", "type": "PER"},
    {"mention_index": 6, "set": "t", "mention": "Martin Schulz", "lang": "de", "type": "PER"},
]


def test_cluster_contract(cli, tmp_path):
    p = tmp_path / "mentions.jsonl"
    p.write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in MENTIONS), encoding="utf-8")
    proc = cli("names", "cluster", "--format", "json", str(p))
    assert proc.returncode == 0, proc.stderr.decode()
    rows = json.loads(proc.stdout)["clusters"]
    cluster = {r["mention_index"]: r["cluster"] for r in rows}
    assert len(cluster) == len(MENTIONS)
    assert cluster[0] == cluster[1] == cluster[3]
    assert cluster[4] != cluster[3] and cluster[5] != cluster[6]


def test_cluster_bad_line_names_file_and_line(cli, tmp_path):
    p = tmp_path / "mentions.jsonl"
    p.write_text(json.dumps(MENTIONS[0]) + "\n{not json\n", encoding="utf-8")
    proc = cli("names", "cluster", str(p))
    assert proc.returncode == ExitCode.INPUT
    assert f"{p}:2: not JSON" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_cluster_reads_standard_input(cli, tmp_path):
    lines = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in MENTIONS).encode("utf-8")
    p = tmp_path / "mentions.jsonl"
    p.write_bytes(lines)
    piped = cli("names", "cluster", "-", stdin=lines)
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout == cli("names", "cluster", str(p)).stdout
    bad = cli("names", "cluster", "-", stdin=b"\xff\xfe\n")
    assert bad.returncode == ExitCode.INPUT
    assert bad.stderr.decode().strip() == \
        "checker: error: <stdin>:1: not UTF-8 (byte 0xff); save the mention file as UTF-8"
