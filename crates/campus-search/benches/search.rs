//! Search latency on the real catalogue, in one run: this engine (the
//! production search: facets, highlights, first page), PostgreSQL full-text
//! search (`to_tsvector('french', …)`, GIN index) and SQLite FTS5
//! (`unicode61 remove_diacritics`) over the same documents, plus the
//! autocomplete's in-memory tables. Run by `bench/search.sh`, which imports
//! the real data into a fresh SQLite database first.
//!
//! Environment: `CAMPUS_BENCH_DATABASE_URL` (the imported SQLite
//! database, required), `CAMPUS_BENCH_POSTGRES_URL` (a PostgreSQL server
//! where a temporary database is created then dropped; default
//! `postgres://postgres@127.0.0.1:5432/postgres`), `CAMPUS_BENCH_ROUNDS`
//! (measured passes over the queries, default 5).

mod common;

use std::time::Instant;

use campus_domain::search::SearchDocument;
use campus_search::{Catalogue, IndexLocation, SearchIndex, SearchRequest, Suggestions};
use campus_store::Store;
use common::{Matching, Result, Timings, load, measure_sql, ms, rounds};
use sea_orm::{ConnectionTrait, Database};

const QUERIES: &str = include_str!("queries.txt");

fn queries() -> Vec<&'static str> {
    QUERIES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn no_sector() -> Result<campus_domain::Sector> {
    Ok(campus_domain::Sector::new::<&str>(&[], &[], &[])?)
}

/// The query text, the one argument of the statements.
fn text(q: &&str) -> Vec<sea_orm::Value> {
    vec![(*q).into()]
}

fn tantivy(index: &SearchIndex, queries: &[&str]) -> Result<Timings> {
    let search = |q: &str| {
        index.search(&SearchRequest {
            text: q.to_owned(),
            ..Default::default()
        })
    };
    for q in queries {
        search(q)?;
    }
    let mut timings = Timings::new("tantivy (page complète)");
    for _ in 0..rounds() {
        for q in queries {
            let start = Instant::now();
            let results = search(q)?;
            timings.samples.push(start.elapsed());
            std::hint::black_box(results);
        }
    }
    Ok(timings)
}

async fn postgres(docs: &[SearchDocument], queries: &[&str]) -> Result<(Timings, Timings)> {
    let temp = common::TempPostgres::create().await?;
    let result = async {
        let db = temp.connect().await?;
        db.execute_unprepared(&common::docs_table("french")).await?;
        common::load_postgres(&db, docs).await?;
        // The first page by rank with the total count.
        let top = measure_sql(
            "PostgreSQL FTS (20 + total)",
            &db,
            "SELECT doc_id, title, ts_rank(tsv, q) AS rank, count(*) OVER () AS total
               FROM docs, websearch_to_tsquery('french', $1) q
              WHERE tsv @@ q ORDER BY rank DESC LIMIT 20",
            queries,
            text,
        )
        .await?;
        // What a result page of this platform holds: the same, plus the
        // facet counts of every match and the highlighted title and
        // extract of the 20 shown, in one statement.
        let page = measure_sql(
            "PostgreSQL FTS (page complète)",
            &db,
            &common::page_sql(Matching {
                config: "french",
                fallback: false,
                near: false,
            }),
            queries,
            text,
        )
        .await;
        let timings = page.map(|page| (top, page));
        db.close().await?;
        timings
    }
    .await;
    temp.drop().await?;
    result
}

/// FTS5's query syntax gives meaning to quotes, `*`, `-`, `AND`…: each
/// word is quoted so that any text is a valid query (implicit AND).
fn fts5_query(text: &str) -> String {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect();
    if words.is_empty() {
        "\"\"".to_owned()
    } else {
        words.join(" ")
    }
}

async fn sqlite_fts5(docs: &[SearchDocument], queries: &[&str]) -> Result<(Timings, Timings)> {
    let dir = std::env::temp_dir().join(format!("campus-bench-fts-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let url = format!("sqlite://{}/fts.db?mode=rwc", dir.display());
    let result = async {
        let db = Database::connect(&url).await?;
        db.execute_unprepared(
            "CREATE VIRTUAL TABLE docs USING fts5(doc_id UNINDEXED, title, keywords, body,
               kind UNINDEXED, niveau UNINDEXED, departement UNINDEXED, secteur UNINDEXED,
               modalites UNINDEXED, lat UNINDEXED, lon UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')",
        )
        .await?;
        let started = Instant::now();
        load(&db, "docs", docs).await?;
        println!(
            "SQLite FTS5 : {} documents chargés et indexés en {:.2} s",
            docs.len(),
            started.elapsed().as_secs_f64()
        );
        let top = measure_sql(
            "SQLite FTS5 (20 + total)",
            &db,
            // bm25() cannot sit beside a window function: the total is a
            // second match in a subquery.
            "SELECT doc_id, title, bm25(docs, 0.0, 3.0, 1.5, 0.6) AS score,
                    (SELECT count(*) FROM docs WHERE docs MATCH ?1) AS total
               FROM docs WHERE docs MATCH ?1 ORDER BY score LIMIT 20",
            queries,
            |q| vec![fts5_query(q).into()],
        )
        .await?;
        let page = measure_sql(
            "SQLite FTS5 (page complète)",
            &db,
            "WITH m AS MATERIALIZED (
               SELECT kind, niveau, departement, secteur, modalites FROM docs WHERE docs MATCH ?1)
             SELECT (SELECT count(*) FROM m) AS total,
                    (SELECT json_group_array(json_object('id', doc_id, 'titre', titre, 'extrait', extrait))
                       FROM (SELECT doc_id, highlight(docs, 1, '<mark>', '</mark>') AS titre,
                                    snippet(docs, 3, '<mark>', '</mark>', '…', 35) AS extrait
                               FROM docs WHERE docs MATCH ?1
                              ORDER BY bm25(docs, 0.0, 3.0, 1.5, 0.6) LIMIT 20)) AS page,
                    (SELECT json_group_object(kind, n) FROM (SELECT kind, count(*) n FROM m GROUP BY kind)) AS types,
                    (SELECT json_group_object(niveau, n) FROM (SELECT niveau, count(*) n FROM m WHERE niveau IS NOT NULL GROUP BY niveau)) AS niveaux,
                    (SELECT json_group_object(departement, n) FROM (SELECT departement, count(*) n FROM m WHERE departement IS NOT NULL GROUP BY departement)) AS departements,
                    (SELECT json_array(sum(modalites & 1 <> 0), sum(modalites & 2 <> 0), sum(modalites & 4 <> 0),
                                       sum(modalites & 8 <> 0), sum(secteur = 1)) FROM m) AS autres",
            queries,
            |q| vec![fts5_query(q).into()],
        )
        .await;
        let timings = page.map(|page| (top, page));
        db.close().await?;
        timings
    }
    .await;
    std::fs::remove_dir_all(&dir)?;
    result
}

/// The autocomplete (job titles and communes, as the API answers by
/// default) at every keystroke of the queries, from the second character.
fn autocomplete(suggestions: &Suggestions, queries: &[&str]) -> Timings {
    let typed: Vec<&str> = queries
        .iter()
        .flat_map(|q| {
            q.char_indices()
                .map(|(i, c)| &q[..i + c.len_utf8()])
                .filter(|p| p.chars().count() >= 2)
        })
        .collect();
    let mut timings = Timings::new("autocomplétion (mémoire)");
    for round in 0..=rounds() {
        for p in &typed {
            let start = Instant::now();
            let appellations = suggestions.appellations(p, 10);
            let communes = suggestions.communes(p, 10);
            if round > 0 {
                timings.samples.push(start.elapsed());
            }
            std::hint::black_box((appellations, communes));
        }
    }
    timings
}

async fn run() -> Result<()> {
    let url = std::env::var("CAMPUS_BENCH_DATABASE_URL").map_err(|_| {
        "CAMPUS_BENCH_DATABASE_URL : base SQLite où le catalogue réel est importé (voir bench/search.sh)"
    })?;
    let store = Store::connect(&url, 2).await?;
    // The demonstration organisations, as `campus serve` loads them.
    store.load_demo_if_empty().await?;
    let docs = common::documents(&store, &no_sector()?).await?;
    let queries = queries();
    println!(
        "{} documents, {} requêtes, {} passages mesurés",
        docs.len(),
        queries.len(),
        rounds()
    );
    // The index and the autocomplete's tables as a node builds them.
    let started = Instant::now();
    let catalogue = Catalogue::open(&store, IndexLocation::Memory, no_sector()?).await?;
    println!(
        "tantivy : index de {} documents et tables d'autocomplétion construits en {:.2} s",
        catalogue.index().len(),
        started.elapsed().as_secs_f64()
    );
    let tantivy = tantivy(&catalogue.index(), &queries)?;
    let (postgres_top, postgres) = postgres(&docs, &queries).await?;
    let (sqlite_top, sqlite) = sqlite_fts5(&docs, &queries).await?;
    let autocomplete = autocomplete(&catalogue.suggestions(), &queries);
    println!();
    println!(
        "{:<32} {:>9} {:>9} {:>8}",
        "moteur", "p50 ms", "p99 ms", "mesures"
    );
    for t in [
        &tantivy,
        &postgres,
        &postgres_top,
        &sqlite,
        &sqlite_top,
        &autocomplete,
    ] {
        println!(
            "{:<32} {:>9.3} {:>9.3} {:>8}",
            t.name,
            ms(t.percentile(50.0)),
            ms(t.percentile(99.0)),
            t.samples.len()
        );
    }
    let ratio = |other: &Timings, p: f64| ms(other.percentile(p)) / ms(tantivy.percentile(p));
    println!();
    for other in [&postgres, &postgres_top, &sqlite, &sqlite_top] {
        println!(
            "{} / tantivy : p50 × {:.1}, p99 × {:.1}",
            other.name,
            ratio(other, 50.0),
            ratio(other, 99.0)
        );
    }
    store.close().await?;
    Ok(())
}

fn main() -> std::process::ExitCode {
    common::main(run)
}
