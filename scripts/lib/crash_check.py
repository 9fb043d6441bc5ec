#!/usr/bin/env python3
"""Checks of a training run folder after a SIGKILL, for scripts/crash-test.sh.

  crash_check.py checkpoint RUN_DIR     -> prints the update of the complete checkpoint, or -1 if there is none;
                                           exits 1 if a checkpoint exists but is not complete (checksum, length)
  crash_check.py metrics RUN_DIR        -> prints the last update of metrics.csv; exits 1 on a torn, short,
                                           duplicated or out-of-order row
  crash_check.py prefix RUN_DIR N FILE  -> exits 1 unless rows 1..N of metrics.csv equal those saved in FILE
  crash_check.py save RUN_DIR N FILE    -> saves rows 1..N of metrics.csv into FILE
  crash_check.py recordings DIR         -> prints the number of .pogrec files under DIR; exits 1 unless every one
                                           starts with the recording marker and ends with the CRC-32 of the rest
"""
import zlib
import os
import struct
import sys

MAGIC = b"PGMCKPT1"


def fnv1a(data):
    h = 14695981039346656037
    for b in data:
        h = ((h ^ b) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def read_7bit(buf, pos):
    value, shift = 0, 0
    while True:
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return value, pos


def checkpoint_update(run):
    path = os.path.join(run, "checkpoint.pgm")
    if not os.path.exists(path):
        return -1
    data = open(path, "rb").read()
    if data[:8] != MAGIC:
        raise SystemExit(f"checkpoint {path}: bad magic")
    length, checksum = struct.unpack_from("<qQ", data, 8)
    body = data[24:]
    if length != len(body) or fnv1a(body) != checksum:
        raise SystemExit(f"checkpoint {path}: incomplete (length {len(body)} vs {length}) or checksum mismatch")
    n, pos = read_7bit(body, 0)
    pos += n + 8  # config YAML, observation channels and size
    (updates,) = struct.unpack_from("<q", body, pos)
    return updates


def metrics_rows(run):
    path = os.path.join(run, "metrics.csv")
    if not os.path.exists(path):
        return []
    text = open(path, "rb").read().decode("utf-8")
    if text and not text.endswith("\n"):
        raise SystemExit(f"{path}: the last row is torn (no newline): {text.splitlines()[-1]!r}")
    lines = text.split("\n")[:-1]
    if not lines:
        return []
    columns = len(lines[0].split(","))
    rows = lines[1:]
    for i, row in enumerate(rows, start=1):
        fields = row.split(",")
        if len(fields) != columns:
            raise SystemExit(f"{path}: row {i} has {len(fields)} fields, not {columns}: {row!r}")
        if fields[0] != str(i):
            raise SystemExit(f"{path}: row {i} is update {fields[0]} (duplicated or missing rows)")
    return rows


def main():
    kind, run = sys.argv[1], sys.argv[2]
    if kind == "checkpoint":
        print(checkpoint_update(run))
    elif kind == "metrics":
        print(len(metrics_rows(run)))
    elif kind == "save":
        n = int(sys.argv[3])
        open(sys.argv[4], "w").write("\n".join(metrics_rows(run)[:n]))
    elif kind == "prefix":
        n = int(sys.argv[3])
        saved = open(sys.argv[4]).read()
        now = "\n".join(metrics_rows(run)[:n])
        if saved != now:
            raise SystemExit(f"rows 1..{n} of metrics.csv changed across the resume: the run did not resume from update {n}")
    elif kind == "recordings":
        count = 0
        for folder, _, files in os.walk(run):
            for name in files:
                if not name.endswith(".pogrec"):
                    continue
                data = open(os.path.join(folder, name), "rb").read()
                ok = len(data) > 5 and b"pogema-recording" in data[:24] and data[-5] == 0xCE \
                    and struct.unpack(">I", data[-4:])[0] == zlib.crc32(data[:-5]) & 0xFFFFFFFF
                if not ok:
                    raise SystemExit(f"recording {os.path.join(folder, name)} is incomplete or damaged")
                count += 1
        print(count)
    else:
        raise SystemExit(f"unknown check {kind}")


if __name__ == "__main__":
    main()
