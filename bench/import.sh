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
    # Table lines: name, inserted, updated, unchanged, deleted.
    awk '/^[a-z0-9_]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+$/ { ins += $(NF-3); upd += $(NF-2); del += $NF }
         END { printf "  insérées %d, modifiées %d, supprimées %d\n", ins, upd, del }' "$work/report"
}

run "premier import (base vide) :"
run "second import (rien ne doit changer) :"

# The full RNCP XML export weighs hundreds of megabytes and is not in the
# shared data: exports of 1 000 and 4 000 fiches are made from the sample's
# two, renumbered. Peak memory must not follow the file's size.
run_one() { # name, arguments of `campus import`
    local name="$1"
    shift
    /usr/bin/time -f "%e %M" -o "$work/time" target/release/campus import "$@" >"$work/report"
    read -r seconds kib <"$work/time"
    local rows
    rows="$(awk '/ lignes en / { print $1 }' "$work/report")"
    awk -v n="$name" -v r="$rows" -v s="$seconds" -v k="$kib" \
        'BEGIN { printf "  %-11s %9d lignes %7.2f s %9.0f lignes/s   mémoire max %6.1f Mio\n", n, r, s, (s > 0 ? r / s : 0), k / 1024 }'
}
sample="$(ls "$data"/rncp_xml_sample/*.xml | head -n 1)"
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
echo "export XML du RNCP fabriqué (la mémoire ne doit pas suivre la taille) :"
for copies in 500 2000; do
    fiches "$copies" "$work/export.xml"
    size="$(du -m "$work/export.xml" | cut -f1)"
    run_one "xml ${size}Mo" rncp-xml "$work/export.xml"
done
