#!/usr/bin/env python3
"""Markdown tables from the JSON of fanout-matrix.sh runs: summarize.py DIR [DIR …].
Several DIRs (repeated matrix runs) are combined by taking the median of each figure per row."""
import json, statistics, sys
from collections import defaultdict
from pathlib import Path

rows = defaultdict(list)
for d in sys.argv[1:]:
    for f in sorted(Path(d).glob("*.json")):
        store, n = f.stem.rsplit("-", 1)
        rows[(store, int(n))].append(json.loads(f.read_text()))

def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None

def fmt(v, digits=0):
    return "n/a" if v is None else f"{v:.{digits}f}"

def first_round(r, hub, key):
    return next((x["server"][key] for x in r["results"] if x["hub"] == hub and x["round"] == 1), None)

print("| store | N | runs | CC last client intranet / public (ms) | bare last client intranet / public (ms) | ratio intranet | ratio public | CC p50 / p95 / p99 / max (ms) | bare p99 (ms) | all verified |")
print("|---|---:|---:|---|---|---:|---:|---|---:|---|")
for (store, n), runs in sorted(rows.items()):
    g = lambda f: med([f(r) for r in runs])
    print(f"| {store} | {n:,} | {len(runs)} "
          f"| {fmt(g(lambda r: r['crisis']['lastClientIntranetMs']))} / {fmt(g(lambda r: r['crisis']['lastClientPublicMs']))} "
          f"| {fmt(g(lambda r: r['baseline']['lastClientIntranetMs']))} / {fmt(g(lambda r: r['baseline']['lastClientPublicMs']))} "
          f"| {fmt(g(lambda r: r['ratioIntranet']), 2)} | {fmt(g(lambda r: r['ratioPublic']), 2)} "
          f"| {fmt(g(lambda r: r['crisis']['p50Ms']))} / {fmt(g(lambda r: r['crisis']['p95Ms']))} / {fmt(g(lambda r: r['crisis']['p99Ms']))} / {fmt(g(lambda r: r['crisis']['maxMs']))} "
          f"| {fmt(g(lambda r: r['baseline']['p99Ms']))} | {'yes' if all(r['ok'] for r in runs) else 'NO'} |")
print()
print("| store | N | RSS per connection, fresh server (KB) | managed heap per connection CC / bare (KB) | server RSS with N clients (MB) | server CPU s: connecting N, CC / bare | server CPU s: 5 publishes, CC / bare |")
print("|---|---:|---:|---|---:|---|---|")
for (store, n), runs in sorted(rows.items()):
    g = lambda f: med([f(r) for r in runs])
    rss_loaded = g(lambda r: first_round(r, "crisis", "rssBytesConnected"))
    print(f"| {store} | {n:,} | {fmt(g(lambda r: first_round(r, 'crisis', 'rssKbPerConnection')), 1)} "
          f"| {fmt(g(lambda r: r['crisis']['heapKbPerConnection']), 1)} / {fmt(g(lambda r: r['baseline']['heapKbPerConnection']), 1)} "
          f"| {fmt(None if rss_loaded is None else rss_loaded / 2**20)} "
          f"| {fmt(g(lambda r: r['crisis']['cpuSecondsConnecting']), 2)} / {fmt(g(lambda r: r['baseline']['cpuSecondsConnecting']), 2)} "
          f"| {fmt(g(lambda r: r['crisis']['cpuSecondsPublishing']), 2)} / {fmt(g(lambda r: r['baseline']['cpuSecondsPublishing']), 2)} |")
