#!/usr/bin/env bash
# Load test of `dossier serve` on 100,000 stored articles (generated at
# bench time from ../shared, never committed), with wrk at 50 connections:
# the story page (HTML and JSON) and search. Then 8 writers post through
# the API while wrk browses, and the store is counted afterwards.
#
#   bash crates/server/benches/load.sh [WORK_DIR]
#
# Needs a release build (cargo build --release -p dossier), wrk, curl, python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
work="${1:-/tmp/dossier-load}"
bin="${DOSSIER_BIN:-$root/target/release/dossier}"
benches="$root/crates/server/benches"
addr=127.0.0.1:18181
duration="${DURATION:-20s}"
export DOSSIER_TOKEN=load-test-token-0123456789
mkdir -p "$work"
db="$work/load.db"

if [ ! -f "$db" ]; then
    python3 "$benches/corpus.py" "$root/../shared" 100000 > "$work/corpus.jsonl"
    /usr/bin/time -v "$bin" --db "$db" ingest --json "$work/corpus.jsonl" 2> "$work/ingest.err" | tee "$work/ingest.json"
    grep -E "articles/s|Maximum resident|Elapsed" "$work/ingest.err"
fi
"$bin" --db "$db" serve --addr "$addr" > "$work/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://$addr/health" > /dev/null; do sleep 0.2; done
stories=$(curl -s "http://$addr/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["stories"])')
echo "== store: $(curl -s "http://$addr/health")"
# The background checker makes every story's fact check once; pages read it.
start=$(date +%s.%N)
until curl -s "http://$addr/health" | python3 -c 'import json,sys; sys.exit(json.load(sys.stdin)["unchecked"] != 0)'; do sleep 1; done
echo "== fact checks ready after $(python3 -c "print(round($(date +%s.%N)-$start,1))") s: $(curl -s "http://$addr/health")"

for what in "story page (HTML)|/stories/|story.lua" "story (JSON API)|/api/stories/|story.lua" "search (JSON API)|/api/search?q=|search.lua" "search (HTML)|/search?q=|search.lua"; do
    IFS='|' read -r name path script <<< "$what"
    echo "== $name: wrk -t2 -c50 -d$duration"
    STORIES=$stories STORY_PATH=$path SEARCH_PATH=$path wrk -t2 -c50 -d"$duration" --latency -s "$benches/$script" "http://$addr" \
        | grep -E "Requests/sec|Latency  |  50%|  99%|Non-2xx|Socket errors"
done

echo "== 8 writers posting while wrk browses"
before=$(curl -s "http://$addr/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
# 8 writers x 250 posts x 10 new articles; each writer also re-posts its
# neighbour's batches, so every article arrives twice.
for w in range(8):
    with open(f"{work}/writer{w}.jsonl", "w") as out:
        for p in range(250):
            lines = [json.dumps({"id": f"load-w{w}-p{p}-a{a}", "source": f"writer{w}.example",
                                 "title": f"Writer {w} post {p} item {a}",
                                 "text": f"Item {a} of post {p} from writer {w}: the harbour board met to discuss berth {a}.",
                                 "published": "2030-01-01"}) for a in range(10)]
            out.write(" ".join(["\n".join(lines).replace("\n", "\\n")]) + "\n")
PY
STORIES=$stories STORY_PATH=/stories/ wrk -t1 -c10 -d60s -s "$benches/story.lua" "http://$addr" > "$work/browse.txt" &
browse=$!
start=$(date +%s.%N)
for w in $(seq 0 7); do
    (
        n=$(( (w + 1) % 8 ))
        paste -d'\n' "$work/writer$w.jsonl" "$work/writer$n.jsonl" | while IFS= read -r body; do
            printf '%b' "$body" | curl -sf -o /dev/null -X POST -H "authorization: Bearer $DOSSIER_TOKEN" \
                -H 'content-type: application/json' --data-binary @- "http://$addr/api/articles" || echo "post failed" >&2
        done
    ) &
done
wait $(jobs -p | grep -v "^$browse$" | grep -v "^$server$") 2>/dev/null || true
end=$(date +%s.%N)
kill $browse 2>/dev/null || true
after=$(curl -s "http://$addr/health")
echo "posted 8 x 500 requests (40,000 records, 20,000 distinct articles) in $(python3 -c "print(round($end-$start,1))") s"
echo "store before: $before articles; after: $after"
kill $server; wait $server 2>/dev/null || true
"$bin" --db "$db" export | python3 -c '
import json, sys, collections
ids = collections.Counter(json.loads(line)["id"] for line in sys.stdin)
load = [i for i in ids if i.startswith("load-w")]
twice = [i for i, n in ids.items() if n > 1]
print(f"distinct load articles stored: {len(load)} (want 20000); stored twice: {len(twice)}")
'
