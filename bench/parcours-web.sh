#!/usr/bin/env bash
# The training-path engine behind HTTP, on the real catalogue.
#
# Builds the release binary, imports the referentials of ../shared/data
# into a fresh SQLite database (plus the LHÉO samples), aligns the blocs,
# serves, signs in, then times N sequential requests of each kind on one
# kept-alive connection: the baseline /healthz, the passerelles of H3301
# (with the best plan's summary of each), and the plans of two personas
# through POST /api/v1/parcours. Prints p50/p99 in milliseconds and their
# ratios to the baseline of the same run. The first parcours request loads
# the engine (timed apart): the others must use the loaded one.
#
#   bench/parcours-web.sh [DOSSIER_DONNEES]      # N=200 by default
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-../shared/data}"
n="${N:-200}"

cargo build --release --locked -q -p campus
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export CAMPUS_DATABASE_URL="sqlite://$work/campus.db"
export CAMPUS_MAIL__DIR="$work/mail"
export CAMPUS_LOG__FILTER=warn
password="une phrase de passe pour la mesure"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

target/release/campus import all "$data" >/dev/null
target/release/campus import lheo "$data/lheo/samples" >/dev/null
target/release/campus parcours aligner >/dev/null
echo "$password" | target/release/campus user add --email perf@campus.test --name "Compte perf" --role apprenant --password-stdin >/dev/null
target/release/campus serve --bind "127.0.0.1:$port" &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
    sleep 0.1
done

python3 - "$port" "$password" "$n" <<'PY'
import http.client, json, re, sys, time, urllib.parse

port, password, n = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
cookies = {}

def request(method, path, body=None, headers=None):
    h = dict(headers or {})
    if cookies:
        h["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    conn.request(method, path, body=body, headers=h)
    r = conn.getresponse()
    data = r.read()
    for k, v in r.getheaders():
        if k.lower() == "set-cookie":
            name, value = v.split(";", 1)[0].split("=", 1)
            cookies[name] = value
    return r.status, data

def csrf(path):
    _, page = request("GET", path)
    return re.search(rb'name="_csrf" value="([^"]+)"', page).group(1).decode()

token = csrf("/connexion")
form = urllib.parse.urlencode({"_csrf": token, "email": "perf@campus.test", "password": password})
status, _ = request("POST", "/connexion", form, {"Content-Type": "application/x-www-form-urlencoded"})
assert status == 303, status
token = csrf("/compte")

def parcours(body):
    return lambda: request("POST", "/api/v1/parcours", json.dumps(body),
                           {"Content-Type": "application/json", "X-CSRF-Token": token})

operator = parcours({"statut": "salarie", "experiences": [{"metier": "H3301", "annees": 5}],
                     "niveau": 3, "commune": "Tours", "cible": "I1304", "distance_max_km": 80})
retail = parcours({"statut": "demandeur_emploi", "experiences": [{"metier": "D1507", "annees": 4}],
                   "niveau": 4, "commune": "Tours", "cible": "H2303", "objectif": "cout"})
start = time.perf_counter()
status, _ = operator()
assert status == 200, status
print(f"premier plan (chargement du moteur compris) : {(time.perf_counter() - start) * 1000:.0f} ms")

# What each persona is offered: the best plan's units and certifications.
for name, call in [("H3301 → I1304", operator), ("D1507 → H2303", retail)]:
    status, body = call()
    plans = json.loads(body)["plans"]
    if not plans:
        print(f"{name} : aucun plan")
        continue
    best = plans[0]
    units = "; ".join(f"{u['libelle']} ({u['organisme']}, {u['lieu']}, {u['distance_km'] or 0:.0f} km)"
                      for u in best["unites"])
    certs = ", ".join(f"{c['code']} {c['libelle']}" for c in best["certifications"])
    print(f"{name} : {units} ; {best['duree_heures']} h ; {certs}")

def timed(call):
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        status, _ = call()
        samples.append((time.perf_counter() - t) * 1000)
        assert status == 200, status
    samples.sort()
    return samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.99))]

runs = [
    ("/healthz (témoin)", lambda: request("GET", "/healthz")),
    ("passerelles H3301 (10, avec plans)", lambda: request("GET", "/api/v1/passerelles/H3301?limite=10")),
    ("plan H3301 → I1304, 80 km de Tours", operator),
    ("plan D1507 → H2303, coût", retail),
]
base = None
print(f"{'requête':40} {'p50 ms':>8} {'p99 ms':>8} {'p50/témoin':>11} {'p99/témoin':>11}")
for name, call in runs:
    p50, p99 = timed(call)
    base = base or (p50, p99)
    print(f"{name:40} {p50:8.2f} {p99:8.2f} {p50 / base[0]:11.1f} {p99 / base[1]:11.1f}")
PY
