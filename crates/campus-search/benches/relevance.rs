//! Relevance of the search on the judged query set
//! (`relevance/judged.toml`, see `campus_search::relevance`), in one run
//! over the same documents: this engine, asked exactly as `/recherche?q=…`
//! asks it (so that query understanding in `Catalogue::search` counts),
//! and PostgreSQL full-text search (`french` with accents folded, weighted
//! `tsvector`, GIN index, `websearch_to_tsquery` then any word when no
//! document has them all, ranked by `ts_rank`). Prints nDCG@10, recall@10,
//! the share of queries without results and latencies per engine, nDCG
//! per intent, and the queries this engine ranks worst with what was
//! expected, so that ranking work can aim at them. Run by
//! `bench/relevance.sh`, which imports the real data first.
//!
//! Environment: `CAMPUS_BENCH_DATABASE_URL` (the imported SQLite
//! database, required), `CAMPUS_BENCH_POSTGRES_URL` (a PostgreSQL server
//! where a temporary database is created then dropped; default
//! `postgres://postgres@127.0.0.1:5432/postgres`), `CAMPUS_BENCH_ROUNDS`
//! (measured passes over the queries, default 5), `CAMPUS_RELEVANCE_JUDGED`
//! (another judged file, read at run time: to try judgments being written
//! without rebuilding).

mod common;

use std::collections::HashMap;
use std::time::Instant;

use campus_domain::GeoPoint;
use campus_domain::search::{DocumentKind, SearchDocument};
use campus_search::relevance::{
    CUTOFF, Intent, JudgedQuery, JudgedSet, QueryScore, Summary, Target,
};
use campus_search::{Catalogue, IndexLocation, SearchRequest};
use campus_store::Store;
use common::{Matching, Result, Timings, measure_sql, rounds};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, Statement};

/// Radius of « near the place » of a judgment: the default radius of a
/// search around a commune (`rayon`, README « Recherche »).
const RADIUS_KM: f64 = campus_search::DEFAULT_RADIUS_KM;

/// Queries shown in the list of the worst, unless `CAMPUS_RELEVANCE_WORST`
/// says how many.
const WORST: usize = 15;

/// The judged catalogue: documents by key, and the trainings by code, to
/// judge `prepare:` judgments.
struct Corpus<'a> {
    by_key: HashMap<String, &'a SearchDocument>,
    trainings_by_code: HashMap<String, Vec<&'a SearchDocument>>,
}

impl<'a> Corpus<'a> {
    fn new(docs: &'a [SearchDocument]) -> Corpus<'a> {
        let mut trainings_by_code: HashMap<String, Vec<&SearchDocument>> = HashMap::new();
        for d in docs.iter().filter(|d| d.kind == DocumentKind::Formation) {
            for k in &d.keywords {
                let list = trainings_by_code.entry(k.to_uppercase()).or_default();
                if !list.iter().any(|t| std::ptr::eq(*t, d)) {
                    list.push(d);
                }
            }
        }
        Corpus {
            by_key: docs.iter().map(|d| (common::key(d), d)).collect(),
            trainings_by_code,
        }
    }

    /// The keys of the trainings satisfying `prepare:<code>` near `place`
    /// (anywhere without one).
    fn satisfying(&self, code: &str, place: Option<GeoPoint>) -> Vec<String> {
        self.trainings_by_code
            .get(&code.to_uppercase())
            .map_or_else(Vec::new, |list| {
                list.iter()
                    .filter(|d| near(d, place))
                    .map(|d| common::key(d))
                    .collect()
            })
    }

    fn title(&self, key: &str) -> String {
        self.by_key
            .get(key)
            .map_or_else(|| "(absent du corpus)".to_owned(), |d| d.title.clone())
    }
}

fn near(d: &SearchDocument, place: Option<GeoPoint>) -> bool {
    match place {
        None => true,
        Some(centre) => d
            .position
            .is_some_and(|p| centre.distance_km(p) <= RADIUS_KM),
    }
}

/// The commune a judgment names, as a search « autour de » finds it: the
/// commune of that exact name with coordinates, else the best suggestion
/// for it (the most populated).
fn locate(catalogue: &Catalogue, name: &str) -> Option<GeoPoint> {
    let tables = catalogue.suggestions();
    let candidates = tables.communes(name, 20);
    let wanted = campus_domain::slugify(name);
    let placed = |c: &&campus_search::CommuneSuggestion| {
        GeoPoint::from_columns(c.latitude, c.longitude).is_some()
    };
    let chosen = candidates
        .iter()
        .copied()
        .filter(placed)
        .find(|c| campus_domain::slugify(&c.nom) == wanted)
        .or_else(|| candidates.iter().copied().find(placed))?;
    GeoPoint::from_columns(chosen.latitude, chosen.longitude)
}

/// What an engine answered to one query: the keys and titles of its first
/// results.
type Ranked = Vec<(String, String)>;

/// This engine, as `/recherche?q=…` asks it: the first results' keys, and
/// the latency of each search (after one unmeasured pass).
async fn tantivy(catalogue: &Catalogue, set: &JudgedSet) -> Result<(Vec<Ranked>, Timings)> {
    let mut answers = Vec::new();
    let mut timings = Timings::new("tantivy (page complète)");
    for round in 0..=rounds() {
        for q in &set.queries {
            let start = Instant::now();
            let results = catalogue
                .search(SearchRequest {
                    text: q.text.clone(),
                    ..Default::default()
                })
                .await?;
            let elapsed = start.elapsed();
            if round == 0 {
                answers.push(
                    results
                        .hits
                        .iter()
                        .take(CUTOFF)
                        .map(|h| (format!("{}:{}", h.kind.as_str(), h.id), h.title.clone()))
                        .collect(),
                );
            } else {
                timings.samples.push(elapsed);
            }
        }
    }
    Ok((answers, timings))
}

/// PostgreSQL's answers and latencies: the ranked first results, and the
/// full result page of `benches/search.rs` with the same matching.
async fn postgres(
    docs: &[SearchDocument],
    set: &JudgedSet,
) -> Result<(Vec<Ranked>, Timings, Timings)> {
    let temp = common::TempPostgres::create().await?;
    let result = async {
        let db = temp.connect().await?;
        let result = postgres_in(&db, docs, set).await;
        db.close().await?;
        result
    }
    .await;
    temp.drop().await?;
    result
}

async fn postgres_in(
    db: &DatabaseConnection,
    docs: &[SearchDocument],
    set: &JudgedSet,
) -> Result<(Vec<Ranked>, Timings, Timings)> {
    db.execute_unprepared(common::FRENCH_UNACCENT).await?;
    db.execute_unprepared(&common::docs_table("french_unaccent"))
        .await?;
    common::load_postgres(db, docs).await?;
    let matching = Matching {
        config: "french_unaccent",
        fallback: true,
        near: false,
    };
    let ranked = common::ranked_sql(matching, CUTOFF);
    let mut answers = Vec::new();
    for q in &set.queries {
        let rows = db
            .query_all_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                &ranked,
                [q.text.clone().into()],
            ))
            .await?;
        let mut answer = Vec::new();
        for row in rows {
            answer.push((
                row.try_get::<String>("", "doc_id")?,
                row.try_get::<String>("", "title")?,
            ));
        }
        answers.push(answer);
    }
    let text = |q: &JudgedQuery| vec![q.text.clone().into()];
    let top = measure_sql(
        format!("PostgreSQL ({CUTOFF} premiers)"),
        db,
        &ranked,
        &set.queries,
        text,
    )
    .await?;
    let page = measure_sql(
        "PostgreSQL (page complète)",
        db,
        &common::page_sql(matching),
        &set.queries,
        text,
    )
    .await?;
    Ok((answers, top, page))
}

/// Scores of each query for one engine's answers.
fn scores(
    set: &JudgedSet,
    corpus: &Corpus<'_>,
    places: &[Option<GeoPoint>],
    answers: &[Ranked],
) -> Vec<QueryScore> {
    set.queries
        .iter()
        .zip(places)
        .zip(answers)
        .map(|((q, place), answer)| {
            let hits: Vec<&str> = answer.iter().map(|(key, _)| key.as_str()).collect();
            q.score(&hits, |code| corpus.satisfying(code, *place))
        })
        .collect()
}

fn summary<'a>(set: &'a JudgedSet, scores: &'a [QueryScore]) -> Summary {
    Summary::of(set.queries.iter().map(|q| q.intent).zip(scores))
}

/// « 0,812 » : French decimal comma.
fn fr(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}").replace('.', ",")
}

/// What a query expected, shortly: its grade-2 judgments with titles.
fn expected(q: &JudgedQuery, corpus: &Corpus<'_>, place: Option<GeoPoint>) -> String {
    q.relevant
        .iter()
        .filter(|j| j.grade == 2)
        .map(|j| match &j.target {
            Target::Document { .. } => {
                let key = j.target.key();
                format!("{key} « {} »", corpus.title(&key))
            }
            Target::Prepares(code) => format!(
                "formation préparant {code}{} ({} au corpus)",
                q.place
                    .as_deref()
                    .map(|p| format!(" près de {p}"))
                    .unwrap_or_default(),
                corpus.satisfying(code, place).len()
            ),
        })
        .collect::<Vec<_>>()
        .join(" ; ")
}

async fn run() -> Result<()> {
    let url = std::env::var("CAMPUS_BENCH_DATABASE_URL").map_err(|_| {
        "CAMPUS_BENCH_DATABASE_URL : base SQLite où le catalogue réel est importé (voir bench/relevance.sh)"
    })?;
    let set = match std::env::var("CAMPUS_RELEVANCE_JUDGED") {
        Ok(path) => {
            JudgedSet::parse(&std::fs::read_to_string(&path).map_err(|e| format!("{path} : {e}"))?)?
        }
        Err(_) => JudgedSet::embedded()?,
    };
    let store = Store::connect(&url, 2).await?;
    // The demonstration organisations, as `campus serve` loads them.
    store.load_demo_if_empty().await?;
    let sector = common::default_sector()?;
    let docs = common::documents(&store, &sector).await?;
    let corpus = Corpus::new(&docs);
    let started = Instant::now();
    let catalogue = Catalogue::build(&store, IndexLocation::Memory, sector).await?;
    println!(
        "{} documents, {} requêtes jugées, {} passages mesurés ; index tantivy construit en {:.2} s",
        docs.len(),
        set.queries.len(),
        rounds(),
        started.elapsed().as_secs_f64()
    );

    // The judged set against this corpus: places that cannot be found and
    // judged documents the catalogue lacks make figures wrong silently.
    let places: Vec<Option<GeoPoint>> = set
        .queries
        .iter()
        .map(|q| q.place.as_deref().and_then(|p| locate(&catalogue, p)))
        .collect();
    for (q, place) in set.queries.iter().zip(&places) {
        if let (Some(name), None) = (&q.place, place) {
            println!(
                "attention : commune « {name} » introuvable (requête « {} »)",
                q.text
            );
        }
        for j in &q.relevant {
            let missing = match &j.target {
                Target::Document { .. } => !corpus.by_key.contains_key(&j.target.key()),
                Target::Prepares(code) => corpus.satisfying(code, *place).is_empty(),
            };
            if missing {
                println!(
                    "attention : « {} » (note {}) sans document au corpus (requête « {} »)",
                    j.target.key(),
                    j.grade,
                    q.text
                );
            }
        }
    }

    let (tantivy_answers, tantivy_timings) = tantivy(&catalogue, &set).await?;
    let (pg_answers, pg_top, pg_page) = postgres(&docs, &set).await?;
    let tantivy_scores = scores(&set, &corpus, &places, &tantivy_answers);
    let pg_scores = scores(&set, &corpus, &places, &pg_answers);
    let t = summary(&set, &tantivy_scores);
    let p = summary(&set, &pg_scores);

    println!();
    println!(
        "{:<28} {:>8} {:>10} {:>13} {:>9} {:>9}",
        "moteur", "nDCG@10", "rappel@10", "sans résultat", "p50 ms", "p99 ms"
    );
    let row = |name: &str, m: Option<&Summary>, timings: &Timings| {
        let (ndcg, recall, zero) = match m {
            Some(s) => (
                fr(s.overall.ndcg, 3),
                fr(s.overall.recall, 3),
                format!("{} %", fr(100.0 * s.overall.zero_result_rate, 1)),
            ),
            None => ("".to_owned(), "".to_owned(), "".to_owned()),
        };
        println!(
            "{:<28} {:>8} {:>10} {:>13} {:>9} {:>9}",
            name,
            ndcg,
            recall,
            zero,
            fr(timings.p50_ms(), 3),
            fr(timings.p99_ms(), 3)
        );
    };
    row(&tantivy_timings.name, Some(&t), &tantivy_timings);
    row(&pg_top.name, Some(&p), &pg_top);
    row(&pg_page.name, None, &pg_page);
    println!();
    println!(
        "écart nDCG@10 tantivy − PostgreSQL : {} points ; rappel@10 : {} points",
        fr(100.0 * (t.overall.ndcg - p.overall.ndcg), 1),
        fr(100.0 * (t.overall.recall - p.overall.recall), 1)
    );
    println!(
        "p99 PostgreSQL / tantivy : {} premiers × {}, page complète × {}",
        CUTOFF,
        fr(pg_top.p99_ms() / tantivy_timings.p99_ms(), 1),
        fr(pg_page.p99_ms() / tantivy_timings.p99_ms(), 1)
    );

    println!();
    println!(
        "{:<10} {:>8} {:>15} {:>18} {:>15} {:>18}",
        "intention",
        "requêtes",
        "nDCG tantivy",
        "nDCG PostgreSQL",
        "rappel tantivy",
        "rappel PostgreSQL"
    );
    for intent in Intent::ALL {
        if let (Some(a), Some(b)) = (t.per_intent.get(&intent), p.per_intent.get(&intent)) {
            println!(
                "{:<10} {:>8} {:>15} {:>18} {:>15} {:>18}",
                intent.as_str(),
                a.queries,
                fr(a.ndcg, 3),
                fr(b.ndcg, 3),
                fr(a.recall, 3),
                fr(b.recall, 3)
            );
        }
    }

    let worst = std::env::var("CAMPUS_RELEVANCE_WORST")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(WORST);
    println!();
    println!("Les {worst} requêtes les moins bien classées par tantivy :");
    let mut order: Vec<usize> = (0..set.queries.len()).collect();
    order.sort_by(|a, b| {
        tantivy_scores[*a]
            .ndcg
            .total_cmp(&tantivy_scores[*b].ndcg)
            .then(set.queries[*a].text.cmp(&set.queries[*b].text))
    });
    for i in order.into_iter().take(worst) {
        let q = &set.queries[i];
        println!(
            "- « {} » ({}) : nDCG tantivy {}, PostgreSQL {}",
            q.text,
            q.intent.as_str(),
            fr(tantivy_scores[i].ndcg, 3),
            fr(pg_scores[i].ndcg, 3)
        );
        let top: Vec<String> = tantivy_answers[i]
            .iter()
            .zip(&tantivy_scores[i].grades)
            .take(3)
            .map(|((key, title), grade)| format!("{title} [{key}, note {grade}]"))
            .collect();
        if top.is_empty() {
            println!("    tantivy : aucun résultat");
        } else {
            println!("    tantivy : {}", top.join(" | "));
        }
        println!("    attendu : {}", expected(q, &corpus, places[i]));
    }
    store.close().await?;
    Ok(())
}

fn main() -> std::process::ExitCode {
    common::main(run)
}
