//! What the benches comparing this engine with SQL engines share: timings
//! and their percentiles, the temporary PostgreSQL database, the table of
//! documents, its loading, and the statements of a result page, so that
//! every bench measures PostgreSQL the same way.
//!
//! Each bench uses a part of this module; what one leaves unused is not
//! dead code of the others.
#![allow(dead_code)]

use std::error::Error;
use std::future::Future;
use std::time::{Duration, Instant};

use campus_domain::Sector;
use campus_domain::search::{Modalite, SearchDocument};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement, Value};

pub type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// Latencies of one engine.
pub struct Timings {
    pub name: String,
    pub samples: Vec<Duration>,
}

impl Timings {
    pub fn new(name: impl Into<String>) -> Timings {
        Timings {
            name: name.into(),
            samples: Vec::new(),
        }
    }

    /// The nearest-rank percentile `p` (0 to 100).
    pub fn percentile(&self, p: f64) -> Duration {
        let mut sorted = self.samples.clone();
        sorted.sort_unstable();
        let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted
            .get(rank.saturating_sub(1).min(sorted.len().saturating_sub(1)))
            .copied()
            .unwrap_or_default()
    }

    pub fn p50_ms(&self) -> f64 {
        ms(self.percentile(50.0))
    }

    pub fn p99_ms(&self) -> f64 {
        ms(self.percentile(99.0))
    }
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Measured passes over the queries (`CAMPUS_BENCH_ROUNDS`, 5 by default),
/// after one unmeasured pass that warms the caches.
pub fn rounds() -> usize {
    std::env::var("CAMPUS_BENCH_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5)
}

/// Runs a bench on a multi-threaded runtime (the search answers off the
/// async threads, as in the server) and turns its error into a French
/// message and a failure status.
pub fn main<F: Future<Output = Result<()>>>(run: impl FnOnce() -> F) -> std::process::ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("erreur : {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("erreur : {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The application's default sector. There is no shared source of it
/// outside the web crate (which this crate must not depend on): these are
/// the lists of `SectorConfig` in `Config::default`,
/// `crates/campus-web/src/config.rs`; keep them in step.
pub fn default_sector() -> Result<Sector> {
    let romes = [
        "H2301", "H3301", "H3302", "H3303", "H1503", "H1502", "H1303", "H1206", "H1210", "H1404",
        "H2502", "H2503", "H2504", "I1304", "I1302", "I1310", "I1102", "N1103", "N1101", "J1307",
        "K2402",
    ];
    let nsf = [
        "111", "112", "116", "118", "200", "201", "221", "222", "250", "251",
    ];
    let formacodes = [
        "115", "12058", "12081", "228", "313", "314", "316", "317", "31834", "31845", "244",
        "43006", "43026",
    ];
    Ok(Sector::new(&romes, &nsf, &formacodes)?)
}

/// Every document of the catalogue, read by the producers the index is
/// built from.
pub async fn documents(
    store: &campus_store::Store,
    sector: &Sector,
) -> Result<Vec<SearchDocument>> {
    let mut docs = store.metier_documents(sector).await?;
    docs.extend(store.certification_documents(sector).await?);
    docs.extend(store.formation_documents(sector).await?);
    docs.extend(store.organisation_documents().await?);
    Ok(docs)
}

/// `<kind>:<id>`, the key of a document in the SQL tables and in the
/// judged query set.
pub fn key(d: &SearchDocument) -> String {
    format!("{}:{}", d.kind.as_str(), d.id)
}

/// Columns of the documents in the SQL engines: the texts, the facet
/// values a result page counts, and the place.
pub const COLUMNS: [&str; 11] = [
    "doc_id",
    "title",
    "keywords",
    "body",
    "kind",
    "niveau",
    "departement",
    "secteur",
    "modalites",
    "lat",
    "lon",
];

/// Modalities as a bit mask (bit `i`: `Modalite::ALL[i]`), counted by the
/// page statements with `&`.
fn modalites_mask(d: &SearchDocument) -> i32 {
    Modalite::ALL
        .iter()
        .enumerate()
        .filter(|(_, m)| d.modalites.contains(m))
        .fold(0i32, |mask, (bit, _)| mask | (1 << bit))
}

/// Inserts the documents into `table` ([`COLUMNS`]), a few hundred rows
/// per statement.
pub async fn load(db: &DatabaseConnection, table: &str, docs: &[SearchDocument]) -> Result<()> {
    let backend = db.get_database_backend();
    for chunk in docs.chunks(200) {
        let mut sql = format!("INSERT INTO {table} ({}) VALUES ", COLUMNS.join(", "));
        let mut values: Vec<Value> = Vec::new();
        for (i, d) in chunk.iter().enumerate() {
            if i > 0 {
                sql.push(',');
            }
            let n = values.len();
            let marks: Vec<String> = (1..=COLUMNS.len())
                .map(|k| match backend {
                    DbBackend::Postgres => format!("${}", n + k),
                    _ => "?".to_owned(),
                })
                .collect();
            sql.push_str(&format!("({})", marks.join(", ")));
            values.push(key(d).into());
            values.push(d.title.clone().into());
            values.push(d.keywords.join(" · ").into());
            values.push(d.text.join(" ").into());
            values.push(d.kind.as_str().into());
            values.push(d.niveau.map(i32::from).into());
            values.push(d.departement.clone().into());
            values.push(i32::from(d.secteur).into());
            values.push(modalites_mask(d).into());
            values.push(d.position.map(|p| p.lat()).into());
            values.push(d.position.map(|p| p.lon()).into());
        }
        db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
            .await?;
    }
    Ok(())
}

/// Loads the documents into PostgreSQL's `docs` table ([`docs_table`]),
/// then builds its GIN index and statistics, as both search benches
/// compare it: the time of the whole is printed.
pub async fn load_postgres(db: &DatabaseConnection, docs: &[SearchDocument]) -> Result<()> {
    let started = Instant::now();
    load(db, "docs", docs).await?;
    db.execute_unprepared("CREATE INDEX docs_tsv ON docs USING GIN (tsv)")
        .await?;
    db.execute_unprepared("ANALYZE docs").await?;
    println!(
        "PostgreSQL : {} documents chargés et indexés en {:.2} s",
        docs.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Times `sql` once per item and round, after one unmeasured pass.
pub async fn measure_sql<Q>(
    name: impl Into<String>,
    db: &DatabaseConnection,
    sql: &str,
    items: &[Q],
    values: impl Fn(&Q) -> Vec<Value>,
) -> Result<Timings> {
    let backend = db.get_database_backend();
    let run = |q: &Q| {
        let stmt = Statement::from_sql_and_values(backend, sql, values(q));
        db.query_all_raw(stmt)
    };
    for q in items {
        run(q).await?;
    }
    let mut timings = Timings::new(name);
    for _ in 0..rounds() {
        for q in items {
            let start = Instant::now();
            let rows = run(q).await?;
            timings.samples.push(start.elapsed());
            std::hint::black_box(rows);
        }
    }
    Ok(timings)
}

/// A database created for one run on the server of
/// `CAMPUS_BENCH_POSTGRES_URL` (default
/// `postgres://postgres@127.0.0.1:5432/postgres`), dropped by
/// [`TempPostgres::drop`] whatever the run's outcome.
pub struct TempPostgres {
    admin: DatabaseConnection,
    name: String,
    url: String,
}

impl TempPostgres {
    pub async fn create() -> Result<TempPostgres> {
        let admin_url = std::env::var("CAMPUS_BENCH_POSTGRES_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned());
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        // Unique per run and per size, even when earlier ones were kept.
        let name = format!("campus_bench_{}_{stamp}", std::process::id());
        let admin = Database::connect(&admin_url).await?;
        admin
            .execute_unprepared(&format!("CREATE DATABASE {name}"))
            .await?;
        let mut url = url::Url::parse(&admin_url)?;
        url.set_path(&format!("/{name}"));
        Ok(TempPostgres {
            admin,
            name,
            url: url.to_string(),
        })
    }

    /// Sets a parameter for every later session of the database (the pool
    /// opens several).
    pub async fn set(&self, parameter: &str, value: &str) -> Result<()> {
        self.admin
            .execute_unprepared(&format!(
                "ALTER DATABASE {} SET {parameter} = '{value}'",
                self.name
            ))
            .await?;
        Ok(())
    }

    pub async fn connect(&self) -> Result<DatabaseConnection> {
        Ok(Database::connect(&self.url).await?)
    }

    /// Drops the database, unless `CAMPUS_BENCH_KEEP_DATABASE` is set:
    /// then it stays, named on the output, to study the plans of the
    /// statements (`EXPLAIN ANALYZE`) on the same data.
    pub async fn drop(self) -> Result<()> {
        if std::env::var_os("CAMPUS_BENCH_KEEP_DATABASE").is_some() {
            println!("base PostgreSQL conservée : {}", self.url);
            self.admin.close().await?;
            return Ok(());
        }
        self.admin
            .execute_unprepared(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .await?;
        self.admin.close().await?;
        Ok(())
    }
}

/// A copy of the `french` text search configuration that folds accents
/// before stemming, as this engine does: « procédés » and « procedes »
/// then meet.
pub const FRENCH_UNACCENT: &str = "
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION french_unaccent
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;";

/// Distances with `earthdistance` on the same sphere as
/// `campus_domain::geo::GeoPoint` (the extension's default radius is
/// 6 378 168 m; its documentation says to redefine `earth()` to change
/// it), and the GiST index of the places; after [`docs_table`] and the
/// load.
pub const EARTH: &str = "
    CREATE EXTENSION IF NOT EXISTS cube;
    CREATE EXTENSION IF NOT EXISTS earthdistance;
    CREATE OR REPLACE FUNCTION earth() RETURNS float8
        LANGUAGE SQL IMMUTABLE PARALLEL SAFE AS 'SELECT 6371008.8::float8';
    CREATE INDEX docs_place ON docs USING gist (ll_to_earth(lat, lon));";

/// The table of documents with a `tsvector` in text search configuration
/// `config`, weighted title A, keywords B, text C.
pub fn docs_table(config: &str) -> String {
    format!(
        "CREATE TABLE docs (id serial PRIMARY KEY, doc_id text, title text, keywords text, body text,
           kind text, niveau int, departement text, secteur int, modalites int,
           lat double precision, lon double precision,
           tsv tsvector GENERATED ALWAYS AS (
             setweight(to_tsvector('{config}', title), 'A') ||
             setweight(to_tsvector('{config}', keywords), 'B') ||
             setweight(to_tsvector('{config}', body), 'C')) STORED)"
    )
}

/// How the statements of [`ranked_sql`] and [`page_sql`] match.
#[derive(Clone, Copy)]
pub struct Matching<'a> {
    /// Text search configuration.
    pub config: &'a str,
    /// When no document has every word, rank those with any of them (the
    /// same lexemes joined with `|`), as this engine does.
    pub fallback: bool,
    /// Only documents within `$4` km of (`$2`, `$3`) (latitude,
    /// longitude), nearest first, as a search around a place does.
    pub near: bool,
}

impl Matching<'_> {
    /// `websearch_to_tsquery` of `$1` as `q`, and with the fallback its
    /// lexemes joined with `|` as `any_q` (NULL without lexemes, which
    /// matches nothing).
    fn queries(&self) -> String {
        let config = self.config;
        let mut sql =
            format!("q AS MATERIALIZED (SELECT websearch_to_tsquery('{config}', $1) AS q)");
        if self.fallback {
            sql.push_str(&format!(
                ",\n any_q AS MATERIALIZED (SELECT (SELECT string_agg(quote_literal(l), ' | ')
                    FROM unnest(tsvector_to_array(to_tsvector('{config}', $1))) l)::tsquery AS q)"
            ));
        }
        sql
    }

    /// The condition on the place and the distance column.
    fn place(&self) -> (&'static str, &'static str) {
        if self.near {
            (
                " AND earth_box(ll_to_earth($2, $3), $4 * 1000.0) @> ll_to_earth(lat, lon)
                  AND earth_distance(ll_to_earth($2, $3), ll_to_earth(lat, lon)) <= $4 * 1000.0",
                "earth_distance(ll_to_earth($2, $3), ll_to_earth(lat, lon)) / 1000.0",
            )
        } else {
            ("", "0.0")
        }
    }

    /// The matches with `columns`, `rank`, `km` and the query `q` they
    /// matched: those of every word, else (with the fallback) those of
    /// any.
    fn matches(&self, columns: &str) -> String {
        let (place, km) = self.place();
        let one = |from: &str| {
            format!(
                "SELECT {columns}, ts_rank(tsv, {from}.q) AS rank, {km} AS km, {from}.q AS q
                   FROM docs, {from} WHERE tsv @@ {from}.q{place}"
            )
        };
        if self.fallback {
            format!(
                "{}
                 UNION ALL
                 {} AND NOT EXISTS (SELECT 1 FROM docs, q WHERE tsv @@ q.q{place})",
                one("q"),
                one("any_q")
            )
        } else {
            one("q")
        }
    }

    /// Order of a result list: nearest first around a place, else by rank.
    fn order(&self) -> &'static str {
        if self.near {
            "km, rank DESC, doc_id"
        } else {
            "rank DESC, doc_id"
        }
    }
}

/// The first `limit` matches, ranked: `doc_id`, `title`, `rank`.
pub fn ranked_sql(matching: Matching<'_>, limit: usize) -> String {
    format!(
        "WITH {queries},
         m AS ({matches})
         SELECT doc_id, title, rank FROM m ORDER BY {order} LIMIT {limit}",
        queries = matching.queries(),
        matches = matching.matches("doc_id, title"),
        order = matching.order(),
    )
}

/// What a result page of this platform holds, in one statement: the total,
/// the facet counts of every match (type, level, département, modalities,
/// sector) and the highlighted title and extract of the first 20.
pub fn page_sql(matching: Matching<'_>) -> String {
    let config = matching.config;
    format!(
        "WITH {queries},
         m AS MATERIALIZED ({matches}),
         page AS (SELECT * FROM m ORDER BY {order} LIMIT 20)
         SELECT (SELECT count(*) FROM m) AS total,
                (SELECT json_agg(json_build_object('id', doc_id, 'km', km,
                    'titre', ts_headline('{config}', title, q, 'HighlightAll=true, StartSel=<mark>, StopSel=</mark>'),
                    'extrait', ts_headline('{config}', body, q, 'StartSel=<mark>, StopSel=</mark>, MaxWords=35, MinWords=15'))
                    ORDER BY {order}) FROM page) AS page,
                (SELECT json_object_agg(kind, n) FROM (SELECT kind, count(*) n FROM m GROUP BY kind) f) AS types,
                (SELECT json_object_agg(niveau, n) FROM (SELECT niveau, count(*) n FROM m WHERE niveau IS NOT NULL GROUP BY niveau) f) AS niveaux,
                (SELECT json_object_agg(departement, n) FROM (SELECT departement, count(*) n FROM m WHERE departement IS NOT NULL GROUP BY departement) f) AS departements,
                (SELECT json_build_array(count(*) FILTER (WHERE modalites & 1 <> 0), count(*) FILTER (WHERE modalites & 2 <> 0),
                                         count(*) FILTER (WHERE modalites & 4 <> 0), count(*) FILTER (WHERE modalites & 8 <> 0),
                                         count(*) FILTER (WHERE secteur = 1)) FROM m) AS autres",
        queries = matching.queries(),
        matches = matching.matches("doc_id, title, body, kind, niveau, departement, secteur, modalites"),
        order = matching.order(),
    )
}
