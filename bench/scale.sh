#!/usr/bin/env bash
# The search at the catalogue's future size: imports every referential of
# ../shared/data (or DATA_DIR) with `campus import all` into a fresh SQLite
# database with the release CLI, then runs the scale bench: the real
# documents followed by generated training sessions (fixed seed), for each
# size of CAMPUS_SCALE_SIZES (default reel,100000,1000000: the real
# catalogue alone, then 100 000 and 1 000 000 documents): tantivy's index
# built on disk (time, size, memory) and PostgreSQL's (temporary database
# on CAMPUS_BENCH_POSTGRES_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres), full result pages within
# 30 km of real towns, p50/p99 and ratios.
#
#   bench/scale.sh [DATA_DIR]
set -euo pipefail
source "$(dirname "$0")/catalogue.sh" "$@"
cargo bench --locked -q -p campus-search --bench scale
