#!/usr/bin/env bash
# Measures the imports of the real referentials (../shared/data by default)
# into a fresh SQLite database, or the PostgreSQL database of
# CAMPUS_DATABASE_URL: time, rows per second and peak memory of each.
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

run() { # name, arguments of `campus import`
    local name="$1"
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" target/release/campus import "$@" >"$work/report"
    read -r seconds kib <"$work/time"
    local rows
    rows="$(awk '/ lignes en / { print $1 }' "$work/report")"
    awk -v n="$name" -v r="$rows" -v s="$seconds" -v k="$kib" \
        'BEGIN { printf "%-11s %9d lignes %7.2f s %9.0f lignes/s   mémoire max %6.1f Mio\n", n, r, s, (s > 0 ? r / s : 0), k / 1024 }'
}

run rome rome "$data/rome_v460"
run certifinfo certifinfo "$data/certifinfo/certif_info.csv.gz"
run rncp rncp "$data/rncp_rs_2024-01-17"
run formacode formacode "$data/formacode/FCod-utf-8.csv.gz"
run communes communes "$data/geo/decoupage-administratif-6.0.0/communes.json.gz" "$data/geo/laposte_hexasmal_2020-04.csv.gz"
run esr esr "$data/esr"
run lheo lheo "$data/lheo/samples"
echo "second passage (rien ne change) :"
run rome rome "$data/rome_v460"
