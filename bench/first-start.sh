#!/usr/bin/env bash
# A fresh clone's first start, measured: the release binary on an empty
# SQLite database, with no national data reachable (CAMPUS_SHARED_DATA
# points nowhere; the server never reads it anyway). Prints the time until
# /healthz answers (migrations, demonstration data, the embedded subset
# imported, programmes attached, blocs aligned, search index built), then
# what a visitor gets: search results for « conditionnement », the trades
# of /metiers-du-campus, and the training path H3301 (five years) → I1304
# within 80 km of Tours.
#
#   bench/first-start.sh
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --release --locked -q -p campus
bin="$PWD/target/release/campus"
port="${PORT:-18080}"
base="http://127.0.0.1:$port"

work="$(mktemp -d)"
cd "$work"
export CAMPUS_DATABASE_URL="sqlite://$work/campus.db" CAMPUS_SEARCH__DIR="$work/index" \
    CAMPUS_MAIL__DIR="$work/mail" CAMPUS_BIND="127.0.0.1:$port" CAMPUS_SHARED_DATA=/nulle/part
start="$(date +%s.%N)"
"$bin" serve >"$work/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 1200); do
    curl -sf "$base/healthz" >/dev/null && break
    sleep 0.1
done
ready="$(date +%s.%N)"
echo "premier démarrage : $(awk -v a="$start" -v b="$ready" 'BEGIN { printf "%.2f", b - a }') s"
sed 's/\x1b\[[0-9;]*m//g' "$work/serve.log" | grep -o 'lignes=[0-9]*.*total_s=[0-9.]*' || true
echo "taille du sous-ensemble embarqué : $(stat -c %s "$OLDPWD/crates/campus-import/sous-ensemble.tar.gz") octets"

curl -s "$base/api/v1/recherche?q=conditionnement" |
    python3 -c 'import json, sys; print("recherche « conditionnement » :", json.load(sys.stdin)["total"], "résultats")'
echo "métiers du campus : $(curl -s "$base/metiers-du-campus" | grep -o 'href="/metiers/[A-N][0-9]*"' | sort -u | wc -l)"

password='une phrase de passe solide'
printf '%s' "$password" | CAMPUS_LOG__FILTER=warn "$bin" user add --email mesure@campus.test --name Mesure --role apprenant --password-stdin >/dev/null
jar="$work/cookies"
csrf() { curl -s -c "$jar" -b "$jar" "$base$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "_csrf=$(csrf /connexion)" \
    --data-urlencode email=mesure@campus.test --data-urlencode "password=$password" "$base/connexion"
curl -s -c "$jar" -b "$jar" -H "x-csrf-token: $(csrf /compte)" -H 'content-type: application/json' \
    -d '{"experiences":[{"metier":"H3301","annees":5}],"niveau":3,"commune":"Tours","cible":"I1304","distance_max_km":80}' \
    "$base/api/v1/parcours" | python3 -c '
import json, sys
answer = json.load(sys.stdin)
plans = answer.get("plans") or []
print("parcours H3301 → I1304 à 80 km de Tours :", len(plans), "plan(s)")
for plan in plans[:1]:
    for unit in plan.get("unites", []):
        print("  ", unit.get("libelle"), "·", unit.get("lieu"), "·", round(unit.get("distance_km") or 0), "km")
    print("   durée", plan.get("duree_heures"), "h")
'
