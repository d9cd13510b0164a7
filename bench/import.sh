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
run bcn bcn "$data/bcn"
run onisep onisep "$data/onisep/ideo-formations_initiales_en_france.csv.gz"
run rncp-xml rncp-xml "$data/rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml"

# The full XML export weighs hundreds of megabytes and is not in the shared
# data: exports of 1 000 and 4 000 fiches are made from the sample's two,
# renumbered. Peak memory must not follow the file's size.
sample="$data/rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml"
fiches() { # copies, output file
    {
        echo '<?xml version="1.0" encoding="UTF-8" standalone="no"?>'
        echo '<FICHES><VERSION_FLUX>4.1</VERSION_FLUX>'
        local body
        body="$(sed -n '/<FICHE>/,/<\/FICHE>/p' "$sample")"
        for ((i = 1; i <= $1; i++)); do
            printf '%s\n' "${body//RNCP35340/RNCP${i}1}" | sed "s/RNCP40792/RNCP${i}2/g"
        done
        echo '</FICHES>'
    } >"$2"
}
for copies in 500 2000; do
    fiches "$copies" "$work/export.xml"
    size="$(du -m "$work/export.xml" | cut -f1)"
    run "xml ${size}Mo" rncp-xml "$work/export.xml"
done
echo "second passage (rien ne change) :"
run rome rome "$data/rome_v460"
