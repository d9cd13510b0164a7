#!/usr/bin/env bash
# Search latency on the real catalogue: imports ../shared/data (or DATA_DIR)
# into a fresh SQLite database with the release CLI, then runs the search
# bench: ≥ 200 fixed queries against tantivy, PostgreSQL full-text search
# (temporary database on CAMPUS_BENCH_POSTGRES_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres) and SQLite FTS5, in the same
# run, plus the autocomplete's store queries; prints p50/p99 and ratios.
#
#   bench/search.sh [DATA_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
cargo build --release --locked -q -p campus
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CAMPUS_DATABASE_URL="sqlite://$work/campus.db"
export CAMPUS_LOG__FILTER=warn
campus=target/release/campus
$campus migrate >/dev/null
$campus import rome "$data/rome_v460" >/dev/null
$campus import certifinfo "$data/certifinfo/certif_info.csv.gz" >/dev/null
$campus import rncp "$data/rncp_rs_2024-01-17" >/dev/null
$campus import communes "$data/geo/decoupage-administratif-6.0.0/communes.json.gz" "$data/geo/laposte_hexasmal_2020-04.csv.gz" >/dev/null
# Time of a full rebuild of a node's index on disk.
CAMPUS_SEARCH__DIR="$work/index" $campus reindex
CAMPUS_BENCH_DATABASE_URL="$CAMPUS_DATABASE_URL" cargo bench --locked -q -p campus-search --bench search
