#!/usr/bin/env python3
"""Check hand-annotated gold facts against their documents.

usage: check-gold.py WIDE_DIR [ID...]

WIDE_DIR holds docs/ID.txt and gold/ID.jsonl. Every gold line must be a JSON
object with the fields of shared/gold/SCHEMA.md, valid enum values, `doc` equal
to ID.txt, and a `quote` that is an exact substring of the document.
Prints one line per problem and exits 1 if there is any.
"""
import json, os, sys

FIELDS = ["doc", "kind", "indicator", "region", "year", "value", "value_max", "unit",
          "measure", "comparator", "attribute", "text", "quote"]
ENUMS = {"kind": {"target", "actual"},
         "measure": {"level", "growth", "avg_growth", "reduction", "cumulative"},
         "comparator": {"eq", "approx", "ge", "gt", "le", "lt"},
         "attribute": {"约束性", "预期性", None}}


def check(wide, ident):
    problems = []
    doc_path = os.path.join(wide, "docs", ident + ".txt")
    gold_path = os.path.join(wide, "gold", ident + ".jsonl")
    if not os.path.exists(doc_path):
        return [f"{ident}: no document {doc_path}"]
    if not os.path.exists(gold_path):
        return [f"{ident}: no gold file {gold_path}"]
    text = open(doc_path, encoding="utf-8").read()
    n = 0
    for ln, line in enumerate(open(gold_path, encoding="utf-8"), 1):
        if not line.strip():
            continue
        n += 1
        where = f"{gold_path}:{ln}"
        try:
            f = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON: {e}")
            continue
        missing = [k for k in FIELDS if k not in f]
        if missing:
            problems.append(f"{where}: missing fields {missing}")
            continue
        if f["doc"] != ident + ".txt":
            problems.append(f"{where}: doc is {f['doc']!r}, want {ident + '.txt'!r}")
        for k, allowed in ENUMS.items():
            if f[k] not in allowed:
                problems.append(f"{where}: {k}={f[k]!r} not one of {sorted(map(str, allowed))}")
        if f["year"] is not None and not isinstance(f["year"], int):
            problems.append(f"{where}: year must be an integer or null")
        if f["value"] is None and not f["text"]:
            problems.append(f"{where}: a qualitative fact (value null) needs text")
        if f["value"] is not None and not isinstance(f["value"], (int, float)):
            problems.append(f"{where}: value must be a number")
        if not f["quote"] or f["quote"] not in text:
            problems.append(f"{where}: quote is not an exact substring of the document: {f['quote']!r}")
        if not f["indicator"]:
            problems.append(f"{where}: empty indicator")
    if n == 0:
        problems.append(f"{gold_path}: no facts")
    return problems


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    wide = sys.argv[1]
    ids = sys.argv[2:] or sorted(f[:-4] for f in os.listdir(os.path.join(wide, "docs")) if f.endswith(".txt"))
    problems = [p for i in ids for p in check(wide, i)]
    for p in problems:
        print(p)
    print(f"{len(ids)} documents, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
