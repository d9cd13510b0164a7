#!/usr/bin/env bash
# HTTP load measurement of campus against 127.0.0.1 with wrk.
#
# Starts the release binary on a fresh SQLite database, signs in a test
# account, then measures in one run: the trivial baseline route /healthz,
# the home page, and an authenticated page (/compte). Prints requests/s and
# p99 latency of each, and their ratios to the baseline (same machine, same
# run: the ratios are what to compare between machines).
#
#   bench/load.sh                 # 10 s per target, 32 connections
#   DURATION=30 CONNECTIONS=64 bench/load.sh
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${DURATION:-10}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"

if ! command -v wrk >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
    else
        echo "wrk est nécessaire : sudo apt-get install wrk" >&2
        exit 1
    fi
fi

cargo build --release --locked -q -p campus

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
export CAMPUS_DATABASE_URL="sqlite://$work/campus.db"
export CAMPUS_MAIL__DIR="$work/mail"
export CAMPUS_LOG__FILTER=warn
password="une phrase de passe pour la charge"

server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "$password" | target/release/campus user add --email mesure@campus.test --name "Compte de charge" --role apprenant --password-stdin >/dev/null
target/release/campus serve --bind "127.0.0.1:$port" &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fs "$base/readyz" >/dev/null 2>&1 && break
    sleep 0.1
done

# Sign in as a browser would: the form's anti-forgery token, then the post.
curl -s -c "$work/jar" "$base/connexion" >"$work/login.html"
token="$(grep -o 'name="_csrf" value="[^"]*"' "$work/login.html" | head -n 1 | sed 's/.*value="//; s/"$//')"
status="$(curl -s -o /dev/null -w '%{http_code}' -b "$work/jar" -c "$work/jar" \
    --data-urlencode "_csrf=$token" --data-urlencode "email=mesure@campus.test" --data-urlencode "password=$password" \
    "$base/connexion")"
[ "$status" = 303 ] || { echo "connexion impossible (HTTP $status)" >&2; exit 1; }
session="$(awk '$6 == "campus_session" { print $7 }' "$work/jar")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: campus_session=$session" "$base/compte")" = 200 ]

measure() { # name url [cookie]
    local out
    if [ -n "${3:-}" ]; then
        out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -H "Cookie: $3" "$2")"
    else
        out="$(wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "$2")"
    fi
    local rps p99 errors
    rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")"
    p99="$(awk '$1 == "99%" { print $2 }' <<<"$out")"
    errors="$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")"
    echo "$1 $rps $p99 ${errors:-0}"
}

to_ms() { # wrk latency (e.g. 850.12us, 3.20ms, 1.01s) in milliseconds
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); print v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); print v + 0 }
        else if (v ~ /s$/) { sub(/s$/, "", v); print v * 1000 }
        else print v }'
}

echo "wrk : ${threads} fils, ${connections} connexions, ${duration} s par cible"
results=()
results+=("$(measure baseline "$base/healthz")")
results+=("$(measure accueil "$base/")")
results+=("$(measure compte "$base/compte" "campus_session=$session")")

read -r _ base_rps base_p99 _ <<<"${results[0]}"
base_p99_ms="$(to_ms "$base_p99")"
printf '\n%-10s %12s %10s %10s %14s %12s\n' cible "requêtes/s" "p99" "erreurs" "débit/témoin" "p99/témoin"
for line in "${results[@]}"; do
    read -r name rps p99 errors <<<"$line"
    p99_ms="$(to_ms "$p99")"
    awk -v n="$name" -v r="$rps" -v p="$p99_ms" -v e="$errors" -v br="$base_rps" -v bp="$base_p99_ms" \
        'BEGIN { printf "%-10s %12.0f %8.2fms %10s %13.0f%% %11.1fx\n", n, r, p, e, 100 * r / br, p / bp }'
done
