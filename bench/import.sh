#!/usr/bin/env bash
# Measures the import of every real referential (../shared/data by default)
# with `campus import all`, into a fresh SQLite database or the PostgreSQL
# database of CAMPUS_DATABASE_URL: per referential its rows, time and rows
# per second; for the whole run its time, rows per second and peak memory;
# then a second run, which must change nothing.
#
#   bench/import.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
cargo build --release --locked -q -p campus
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CAMPUS_DATABASE_URL="${CAMPUS_DATABASE_URL:-sqlite://$work/campus.db}"
export CAMPUS_LOG__FILTER=warn

run() { # label
    /usr/bin/time -f "%e %M" -o "$work/time" target/release/campus import all "$data" >"$work/report"
    read -r seconds kib <"$work/time"
    echo "$1"
    awk '/^== / && !/ imports, / { kind = $2 }
         / lignes en / { printf "  %-11s %9d lignes %7.2f s %9.0f lignes/s\n", kind, $1, $4, ($4 > 0 ? $1 / $4 : 0); rows += $1 }
         / insérées / { next }
         END { printf "  %-11s %9d lignes\n", "total", rows }' "$work/report"
    awk -v s="$seconds" -v k="$kib" -v r="$(awk '/ lignes en / { n += $1 } END { print n }' "$work/report")" \
        'BEGIN { printf "  durée totale %.2f s, %.0f lignes/s, mémoire max %.1f Mio\n", s, (s > 0 ? r / s : 0), k / 1024 }'
    awk '/^[a-zé].* +[0-9]+ +[0-9]+ +[0-9]+$/ { ins += $(NF-2); upd += $(NF-1) } END { printf "  insérées %d, modifiées %d\n", ins, upd }' "$work/report"
}

run "premier import (base vide) :"
run "second import (rien ne doit changer) :"
