#!/usr/bin/env python3
"""Generates the load-test corpus at bench time (never committed).

Reads the Reuters and BBC articles from ../shared/data and writes N dated
variants as JSONL on stdout: variant v of an article is re-published by
outlet v, shifted by (v // 2) * 400 days and (v % 2) days, with one added
sentence, so that pairs of variants form two-source stories and the rest
spread over years. Deterministic: no randomness.

    python3 crates/server/benches/corpus.py ../shared 100000 > /tmp/corpus.jsonl
"""
import datetime
import json
import sys

shared, total = sys.argv[1], int(sys.argv[2])
bases = []
for name in ("reuters21578", "bbc"):
    with open(f"{shared}/data/{name}/articles.jsonl", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                bases.append(json.loads(line))
start = datetime.date(2001, 1, 1)
written = 0
variant = 0
while written < total:
    for n, base in enumerate(bases):
        if written >= total:
            break
        day = start + datetime.timedelta(days=(n % 365) + (variant // 2) * 400 + (variant % 2))
        outlet = f"outlet{variant}.example"
        text = (base.get("text") or "") + f"\n\nThis report was filed by {outlet} on {day.isoformat()}."
        record = {
            "id": f"{base['id']}-v{variant}",
            "source": outlet,
            "title": base.get("title"),
            "text": text,
            "url": f"https://{outlet}/{base['id']}",
            "published": day.isoformat(),
        }
        sys.stdout.write(json.dumps(record) + "\n")
        written += 1
    variant += 1
