#!/usr/bin/env bash
# Measures the LHÉO import and export on a large generated file: the Étoile
# sample's offer (28 Kio) repeated N times under distinct numbers (default
# 1 000 and 5 000, that is 28 and 140 Mio of XML), into a fresh SQLite database (or CAMPUS_DATABASE_URL): time,
# offers per second and peak memory of the import, of a second import that
# changes nothing, and of the export.
#
#   bench/lheo.sh [DATA_DIR] [N...]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
shift || true
sizes=("${@:-1000 5000}")
bin="${CAMPUS_BIN:-target/release/campus}"
[ -n "${CAMPUS_BIN:-}" ] || cargo build --release --locked -q -p campus
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export CAMPUS_LOG__FILTER=warn
sample="$data/lheo/samples/etoile-centre_07_10_titre-pro-plaquiste_lheo22.xml"

measure() { # label, offers, command…
    local label="$1" offers="$2"
    shift 2
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r seconds kib <"$work/time"
    awk -v l="$label" -v n="$offers" -v s="$seconds" -v k="$kib" \
        'BEGIN { printf "%-28s %7d offres %7.2f s %8.0f offres/s   mémoire max %6.1f Mio\n", l, n, s, (s > 0 ? n / s : 0), k / 1024 }'
}

for n in ${sizes[*]}; do
    file="$work/offres-$n.xml"
    # The offer between <offres> and </offres>, repeated with numbers 1..n.
    awk -v n="$n" '
        /<offres>/ { print; inside = 1; next }
        /<\/offres>/ { for (i = 1; i <= n; i++) { t = body; gsub(/numero="07_10"/, "numero=\"b" i "\"", t); printf "%s", t } print; inside = 0; next }
        inside { body = body $0 "\n"; next }
        { print }' "$sample" >"$file"
    db="${CAMPUS_DATABASE_URL:-sqlite://$work/campus-$n.db}"
    measure "import $n" "$n" "$bin" import lheo "$file" --database "$db"
    measure "second import $n" "$n" "$bin" import lheo "$file" --database "$db"
    measure "export $n" "$n" "$bin" export lheo --output "$work/export.xml" --database "$db"
done
