#!/usr/bin/env python3
"""Prints the figures of one scale run (target/scale/nN/figures.txt) as a table against the targets."""
import re
import sys

f = {}
for line in open(sys.argv[1], encoding="utf-8"):
    k, _, v = line.rstrip("\n").partition("=")
    f[k] = v


def num(key, default=float("nan")):
    m = re.match(r"\s*([0-9.]+)", f.get(key, ""))
    return float(m.group(1)) if m else default


n = int(f["n"])
art_s = num("ingest_art_per_s")
base_s = num("baseline_art_per_s")
ratio = num("ingest_ratio_warta_over_baseline_throughput")
rss = num("ingest_rss_mb_max")
p50, p99 = num("search_all_p50_ms"), num("search_all_p99_ms")
exp = f.get("export", "")
m = re.match(r"(\d+) rows .*?, ([0-9.]+) s, RSS (\d+) MB", exp)
exp_rows, exp_s, exp_rss = (int(m.group(1)), float(m.group(2)), int(m.group(3))) if m else (0, 0, 0)
space = num("index_over_input")
cold = num("cold_first_query")


def ok(b):
    return "yes" if b else "NO"


rows = [
    ("ingest throughput", f"{art_s:,.0f} art/s ({num('ingest_mb_per_s'):.1f} MB/s), median of runs",
     ">= 5,000 art/s and >= 0.5x baseline", ok(art_s >= 5000 and ratio >= 0.5)),
    ("  baseline (plain tantivy)", f"{base_s:,.0f} art/s; warta/baseline = {ratio:.2f}x", "", ""),
    ("ingest peak RSS", f"{rss:.0f} MB (--memory {f.get('memory', '300')})", "<= 1,500 MB", ok(rss <= 1500)),
    ("search p50 / p99 (all batches)", f"{p50:.2f} / {p99:.2f} ms", "<= 10 / <= 100 ms", ok(p50 <= 10 and p99 <= 100)),
]
for kind in ("plain", "tag", "date", "entity"):
    rows.append((f"  {kind}", f.get(f"search_{kind}", ""), "", ""))
rows += [
    ("  baseline plain p50 / p99", f"{num('baseline_search_p50_ms'):.2f} / {num('baseline_search_p99_ms'):.2f} ms; "
     f"warta/baseline = {num('search_plain_ratio_p50'):.1f}x / {num('search_plain_ratio_p99'):.1f}x", "", ""),
    ("export CSV", f"{exp_rows:,} rows in {exp_s:.2f} s, RSS {exp_rss} MB",
     "100k rows <= 3 s, <= 300 MB", ok((exp_rows >= 100000 or n < 1000000) and exp_s * 100000 / max(exp_rows, 1) <= 3 and exp_rss <= 300)),
    ("index size / input", f"{space:.3f} ({num('index_bytes') / 1e6:,.0f} MB / {num('input_bytes') / 1e6:,.0f} MB); "
     f"baseline {num('baseline_over_input'):.3f}", "<= 1.0", ok(space <= 1.0)),
    ("cold first query", f.get("cold_first_query", ""), "<= 300 ms", ok(cold <= 0.3)),
    ("  warm process", f.get("warm_process_first_query", ""), "", ""),
]
print(f"\nN = {n:,}; input {num('input_bytes') / 1e6:,.1f} MB JSONL")
print(f.get("machine", ""))
for k in sorted(x for x in f if x.startswith("ingest_run") or x.startswith("baseline_run")):
    print(f"  {k}: {f[k]}")
w = max(len(r[0]) for r in rows)
print(f"| {'figure':<{w}} | value | target | met |")
print(f"|{'-' * (w + 2)}|---|---|---|")
for r in rows:
    print(f"| {r[0]:<{w}} | {r[1]} | {r[2]} | {r[3]} |")
