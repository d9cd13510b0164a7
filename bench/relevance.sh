#!/usr/bin/env bash
# Relevance of the search on the judged query set
# (crates/campus-search/relevance/judged.toml): imports every referential
# of ../shared/data (or DATA_DIR) with `campus import all` — trainings with
# their places included — into a fresh SQLite database with the release
# CLI, then runs the relevance bench: nDCG@10, recall@10, queries without
# results and latencies of tantivy and of PostgreSQL full-text search
# (temporary database on CAMPUS_BENCH_POSTGRES_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres) over the same documents, in
# the same run; then per intent, and the worst-ranked queries.
#
#   bench/relevance.sh [DATA_DIR]
set -euo pipefail
source "$(dirname "$0")/catalogue.sh" "$@"
cargo bench --locked -q -p campus-search --bench relevance
