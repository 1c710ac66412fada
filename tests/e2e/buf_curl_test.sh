#!/usr/bin/env bash
# The README's operator examples, run for real: `buf curl` over server
# reflection lists the services, ingests a document, reads it back, checks
# health, and shows an error with its ErrorInfo. Exit 77 (skipped) when buf
# is not installed (scripts/ensure-buf.sh installs it).
set -euo pipefail
ingest_bin=$1
query_bin=$2
repo=$(cd "$(dirname "$0")/../.." && pwd)
buf=$repo/tools/buf/node_modules/.bin/buf
[[ -x "$buf" ]] || { echo "buf not installed; skipping"; exit 77; }

tmp=$(mktemp -d)
pids=()
cleanup() {
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"$ingest_bin" --data_dir="$tmp/data" --listen=127.0.0.1:0 \
  --port_file="$tmp/ingest.port" 2>"$tmp/ingest.log" &
pids+=($!)
"$query_bin" --data_dir="$tmp/data" --listen=127.0.0.1:0 \
  --port_file="$tmp/query.port" --secondary_dir="$tmp/secondary" 2>"$tmp/query.log" &
pids+=($!)
for f in ingest query; do
  for _ in $(seq 100); do [[ -s "$tmp/$f.port" ]] && break; sleep 0.1; done
done
ingest=$(cat "$tmp/ingest.port")
query=$(cat "$tmp/query.port")
curl_grpc() { "$buf" curl --protocol grpc --http2-prior-knowledge "$@"; }
fail() { echo "FAIL: $*"; cat "$tmp"/*.log; exit 1; }

curl_grpc --list-methods "http://$ingest" | tee "$tmp/methods"
grep -q "accord.v1.IngestService/IngestBundle" "$tmp/methods" || fail "IngestBundle not listed"
grep -q "grpc.health.v1.Health/Check" "$tmp/methods" || fail "Health not listed"
curl_grpc --list-methods "http://$query" >"$tmp/query-methods"
grep -q "accord.v1.QueryService/GetDocument" "$tmp/query-methods" || fail "GetDocument not listed"
grep -q "accord.v1.QueryService/GetEntity" "$tmp/query-methods" || fail "GetEntity not listed"
grep -q "accord.v1.QueryService/GetStory" "$tmp/query-methods" || fail "GetStory not listed"

text=$'Talks on cyber norms\n\nGeneva (AP) – Delegations discussed norms of responsible state behaviour.\n'
content=$(printf '%s' "$text" | base64 -w0)
curl_grpc -d "{\"submitter\":\"buf-curl\",\"documents\":[{\"content\":\"$content\",\"contentType\":\"text/plain\"}]}" \
  "http://$ingest/accord.v1.IngestService/IngestBundle" | tee "$tmp/bundle.json"
id=$(grep -o '"documentId": *"[0-9a-f]*"' "$tmp/bundle.json" | grep -o '[0-9a-f]\{32\}')
[[ -n "$id" ]] || fail "no document id in the reply"

for _ in $(seq 50); do
  if curl_grpc -d "{\"documentId\":\"$id\"}" "http://$query/accord.v1.QueryService/GetDocument" \
      >"$tmp/doc.json" 2>/dev/null; then break; fi
  sleep 0.1
done
cat "$tmp/doc.json"
grep -q '"title": "Talks on cyber norms"' "$tmp/doc.json" || fail "document not read back"

# The README's GetStory: a document alone is a story of its own.
curl_grpc -d "{\"documentId\":\"$id\"}" "http://$query/accord.v1.QueryService/GetStory" \
  >"$tmp/story.json" || { cat "$tmp/story.json"; fail "GetStory"; }
grep -q "\"id\": \"st-$id\"" "$tmp/story.json" || { cat "$tmp/story.json"; fail "GetStory: not the document's own story"; }

# The README's knowledge queries, with their request bodies as written
# there, on a document that names Vietnam, Russia and Putin.
for method in SearchDocuments SearchEntities ListEvents GetRelations GetStats ListStories WatchDocuments; do
  grep -q "accord.v1.QueryService/$method" "$tmp/query-methods" || fail "$method not listed"
done
text=$'Cyber pact\n\nHanoi (VNA) – Vietnam and Russia signed an agreement on information security on November 10, 2017, in the presence of President Vladimir Putin.\n'
content=$(printf '%s' "$text" | base64 -w0)
curl_grpc -d "{\"submitter\":\"buf-curl\",\"documents\":[{\"content\":\"$content\",\"contentType\":\"text/plain\"}]}" \
  "http://$ingest/accord.v1.IngestService/IngestBundle" >"$tmp/bundle2.json"
pact=$(grep -o '"documentId": *"[0-9a-f]*"' "$tmp/bundle2.json" | grep -o '[0-9a-f]\{32\}')
for _ in $(seq 50); do
  if curl_grpc -d "{\"documentId\":\"$pact\"}" "http://$query/accord.v1.QueryService/GetDocument" \
      >/dev/null 2>&1; then break; fi
  sleep 0.1
done
curl_grpc -d '{"query":"Путин","page_size":5}' \
  "http://$query/accord.v1.QueryService/SearchEntities" >"$tmp/entities.json" ||
  { cat "$tmp/entities.json"; fail "SearchEntities"; }
grep -q '"id": "person/vladimir-putin"' "$tmp/entities.json" ||
  { cat "$tmp/entities.json"; fail "SearchEntities: Putin not found from Путин"; }
curl_grpc -d '{"participant_ids":["country/VN","country/RU"]}' \
  "http://$query/accord.v1.QueryService/ListEvents" >"$tmp/events.json" ||
  { cat "$tmp/events.json"; fail "ListEvents"; }
grep -q '"date": "2017-11-10"' "$tmp/events.json" ||
  { cat "$tmp/events.json"; fail "ListEvents: the signing is not listed"; }
curl_grpc -d '{"entity_ids":["country/VN","country/RU"],"facets":["FACET_FIELD_LANGUAGE","FACET_FIELD_COUNTRY"]}' \
  "http://$query/accord.v1.QueryService/SearchDocuments" >"$tmp/facets.json" ||
  { cat "$tmp/facets.json"; fail "SearchDocuments with facets"; }
grep -q "\"documentId\": \"$pact\"" "$tmp/facets.json" ||
  { cat "$tmp/facets.json"; fail "SearchDocuments: the document naming both is not listed"; }
grep -q '"label": "Russia"' "$tmp/facets.json" ||
  { cat "$tmp/facets.json"; fail "SearchDocuments: no country facet for Russia"; }
curl_grpc -d '{}' "http://$query/accord.v1.QueryService/GetStats" >"$tmp/stats.json" ||
  { cat "$tmp/stats.json"; fail "GetStats"; }
grep -q '"field": "FACET_FIELD_LANGUAGE"' "$tmp/stats.json" ||
  { cat "$tmp/stats.json"; fail "GetStats: no counts by language"; }
curl_grpc -d '{"min_documents":2,"order_by":"STORY_ORDER_LARGEST"}' \
  "http://$query/accord.v1.QueryService/ListStories" >"$tmp/stories.json" ||
  { cat "$tmp/stories.json"; fail "ListStories"; }
curl_grpc -d '{"order_by":"STORY_ORDER_LARGEST"}' \
  "http://$query/accord.v1.QueryService/ListStories" >"$tmp/stories.json" ||
  { cat "$tmp/stories.json"; fail "ListStories"; }
grep -q "\"storyId\": \"st-" "$tmp/stories.json" ||
  { cat "$tmp/stories.json"; fail "ListStories: no story listed"; }
curl_grpc -d '{"entity_id":"country/VN","kinds":["ENTITY_KIND_COUNTRY"]}' \
  "http://$query/accord.v1.QueryService/GetRelations" >"$tmp/relations.json" ||
  { cat "$tmp/relations.json"; fail "GetRelations"; }
grep -q '"entityId": "country/RU"' "$tmp/relations.json" ||
  { cat "$tmp/relations.json"; fail "GetRelations: Russia not related"; }

curl_grpc "http://$ingest/grpc.health.v1.Health/Check" >"$tmp/health.json"
grep -q SERVING "$tmp/health.json" || fail "health"

if curl_grpc -d '{"documentId":"not-an-id"}' "http://$query/accord.v1.QueryService/GetDocument" \
    >"$tmp/err.json" 2>&1; then
  fail "bad id accepted"
fi
cat "$tmp/err.json"
grep -q "invalid_argument" "$tmp/err.json" || fail "no invalid_argument code"
grep -q '"type": "google.rpc.ErrorInfo"' "$tmp/err.json" || fail "no ErrorInfo detail"
# buf curl prints the detail's bytes as unpadded base64; its reason is inside.
value=$(grep -o '"value": "[^"]*"' "$tmp/err.json" | head -1 | cut -d'"' -f4 | tr '_-' '/+')
while (( ${#value} % 4 )); do value+="="; done
printf '%s' "$value" | base64 -d | grep -aq INVALID_DOCUMENT_ID || fail "ErrorInfo reason is not INVALID_DOCUMENT_ID"
if curl_grpc -d '{"entityId":"country/ZW"}' "http://$query/accord.v1.QueryService/GetEntity" \
    >"$tmp/entity.json" 2>&1; then
  fail "an entity no document mentions was found"
fi
grep -q "not_found" "$tmp/entity.json" || { cat "$tmp/entity.json"; fail "GetEntity: no not_found code"; }
echo "buf curl e2e: ok"
