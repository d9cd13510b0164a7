# Sourced by the search benches: builds the release CLI and imports every
# referential of DATA_DIR (../shared/data by default) with `campus import
# all` — trainings with their places included — into a fresh SQLite
# database, removed on exit; exports its address as
# CAMPUS_BENCH_DATABASE_URL.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="${1:-../shared/data}"
cargo build --release --locked -q -p campus
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CAMPUS_DATABASE_URL="sqlite://$work/campus.db"
export CAMPUS_LOG__FILTER=warn
target/release/campus migrate >/dev/null
target/release/campus import all "$data" >/dev/null
export CAMPUS_BENCH_DATABASE_URL="$CAMPUS_DATABASE_URL"
