#!/usr/bin/env bash
# The evaluation dashboard over a generated year of a large campus, on SQLite
# then PostgreSQL (CAMPUS_BENCH_POSTGRES_URL, by default
# postgres://postgres@127.0.0.1:5432/postgres; a temporary database is created
# and dropped). Each run prints its own baseline (SELECT COUNT(*) of the event
# registrations) and the ratios to it.
#
#   bench/evaluation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pg="${CAMPUS_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
echo "== SQLite"
env -u CAMPUS_TEST_DATABASE_URL cargo bench --locked -q -p campus-store --bench evaluation
echo "== PostgreSQL"
CAMPUS_TEST_DATABASE_URL="$pg" cargo bench --locked -q -p campus-store --bench evaluation
