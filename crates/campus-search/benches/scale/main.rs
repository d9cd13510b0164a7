//! The search at the size the catalogue will reach (every region's
//! training sessions), in one run per size: the real documents followed by
//! generated trainings ([`generate`]): the real catalogue alone (about
//! 49 000 documents once `campus import all` brought the trainings), then
//! 100 000 and 1 000 000 by default. For each size, this engine builds its index on disk (time,
//! size, process memory before and after) and answers full result pages
//! (facets, highlighted titles and extracts) of realistic queries within
//! 30 km of real towns; PostgreSQL loads and indexes the same documents
//! (GIN on the weighted `tsvector`, GiST on the places with
//! `earthdistance`) and answers the same pages in one statement each.
//! Prints the table and the ratios. Run by `bench/scale.sh`, which imports
//! the real data first.
//!
//! Environment: `CAMPUS_BENCH_DATABASE_URL` (the imported SQLite
//! database, required), `CAMPUS_SCALE_SIZES` (documents per size, comma
//! separated, `reel` for the real catalogue; default
//! `reel,100000,1000000`; a size below the real catalogue takes its first
//! documents, trades and certifications, which have no place), `CAMPUS_SCALE_ENGINES`
//! (`tantivy,postgres` by default; one of them to profile the other),
//! `CAMPUS_BENCH_POSTGRES_URL` (a server where a temporary database is
//! created then dropped per size; default
//! `postgres://postgres@127.0.0.1:5432/postgres`), `CAMPUS_BENCH_ROUNDS`
//! (measured passes over the requests, default 5).

#[path = "../common/mod.rs"]
mod common;
mod generate;

use std::path::Path;
use std::time::Instant;

use campus_domain::GeoPoint;
use campus_search::{Near, SearchIndex, SearchRequest};
use campus_store::Store;
use common::{Matching, Result, Timings, rounds};
use generate::{Generator, Place};
use sea_orm::{ConnectionTrait, DbBackend, Statement};

/// Radius of every search: the default of a search around a commune.
const RADIUS_KM: f64 = campus_search::DEFAULT_RADIUS_KM;

/// What people look for: sector words, trades, diplomas, and general
/// training subjects that are frequent in every region's offer.
const QUERIES: [&str; 20] = [
    "cosmétique",
    "technicien de laboratoire",
    "conditionnement",
    "qualité",
    "opérateur de production",
    "maintenance industrielle",
    "bts pharmacie",
    "préparateur en pharmacie",
    "licence professionnelle chimie",
    "bac pro",
    "cap esthétique",
    "logistique",
    "soudeur",
    "électricien",
    "aide-soignant",
    "comptabilité",
    "anglais",
    "développeur web",
    "caces",
    "management",
];

/// Towns searched around, each query with two of them in turn: the
/// campus's region first, then large cities.
const TOWNS: [&str; 12] = [
    "Orléans",
    "Tours",
    "Chartres",
    "Bourges",
    "Blois",
    "Châteauroux",
    "Lyon",
    "Paris",
    "Marseille",
    "Lille",
    "Toulouse",
    "Nantes",
];

/// One request of the run: a text around a town.
struct Request {
    text: &'static str,
    town: &'static str,
    centre: GeoPoint,
}

/// The sizes to measure; `reel` stands for the real catalogue alone.
fn sizes(real: usize) -> Result<Vec<usize>> {
    let sizes =
        std::env::var("CAMPUS_SCALE_SIZES").unwrap_or_else(|_| "reel,100000,1000000".into());
    sizes
        .split(',')
        .map(|s| match s.trim() {
            "reel" => Ok(real),
            n => n
                .replace('_', "")
                .parse::<usize>()
                .map_err(|_| format!("CAMPUS_SCALE_SIZES : taille invalide « {s} »").into()),
        })
        .collect()
}

fn engine_wanted(name: &str) -> bool {
    std::env::var("CAMPUS_SCALE_ENGINES")
        .map_or(true, |engines| engines.split(',').any(|e| e.trim() == name))
}

/// Memory of this process from `/proc/self/status`, in MiB: resident
/// (`VmRSS`), resident anonymous (`RssAnon`: not the index files mapped
/// from the page cache) and the peak resident (`VmHWM`).
#[derive(Clone, Copy, Default)]
struct Memory {
    rss: f64,
    anon: f64,
    peak: f64,
}

fn memory() -> Memory {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kib| kib / 1024.0)
    };
    Memory {
        rss: field("VmRSS:"),
        anon: field("RssAnon:"),
        peak: field("VmHWM:"),
    }
}

fn dir_size(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// Segments of the index committed in `dir`, as a reader opened now sees
/// them.
fn segments(dir: &Path) -> Result<usize> {
    Ok(tantivy::Index::open_in_dir(dir)?
        .searchable_segment_metas()?
        .len())
}

/// What one engine did at one size.
struct Run {
    build_s: f64,
    disk_mib: f64,
    /// Matches of each request (the first measured pass), to check that
    /// both engines did comparable work.
    totals: Vec<usize>,
    timings: Timings,
    note: String,
}

fn tantivy_run(generator: &Generator<'_>, n: usize, requests: &[Request]) -> Result<Run> {
    let dir = tempfile::tempdir()?;
    let before = memory();
    let started = Instant::now();
    let index = SearchIndex::build(generator.documents(n), 1, Some(dir.path()))?;
    let build_s = started.elapsed().as_secs_f64();
    let built = memory();
    let segments_at_build = segments(dir.path())?;
    // Measured now: tantivy's merge policy may go on merging segments in
    // the background after the commit, writing more files.
    let disk_mib = dir_size(dir.path()) as f64 / (1024.0 * 1024.0);
    let search = |r: &Request| {
        index.search(&SearchRequest {
            text: r.text.to_owned(),
            near: Some(Near {
                centre: r.centre,
                radius_km: RADIUS_KM,
            }),
            ..Default::default()
        })
    };
    let mut totals = Vec::new();
    for r in requests {
        totals.push(search(r)?.total);
    }
    let mut timings = Timings::new("tantivy");
    for _ in 0..rounds() {
        for r in requests {
            let start = Instant::now();
            let results = search(r)?;
            timings.samples.push(start.elapsed());
            std::hint::black_box(results);
        }
    }
    let after = memory();
    let note = format!(
        "{} documents ; mémoire (Mio) avant {:.0} (anonyme {:.0}), après construction {:.0} \
         (anonyme {:.0}, pic {:.0}), après les requêtes {:.0} (anonyme {:.0}) ; \
         segments {} à la fin de la construction, {} maintenant ; disque {:.0} Mio maintenant",
        index.len(),
        before.rss,
        before.anon,
        built.rss,
        built.anon,
        built.peak,
        after.rss,
        after.anon,
        segments_at_build,
        segments(dir.path())?,
        dir_size(dir.path()) as f64 / (1024.0 * 1024.0),
    );
    drop(index);
    Ok(Run {
        build_s,
        disk_mib,
        totals,
        timings,
        note,
    })
}

async fn postgres_run(generator: &Generator<'_>, n: usize, requests: &[Request]) -> Result<Run> {
    let temp = common::TempPostgres::create().await?;
    // Index builds on a million rows need more than the default 64 MB to
    // sort in memory; searches keep the server's defaults.
    temp.set("maintenance_work_mem", "1GB").await?;
    let result = async {
        let db = temp.connect().await?;
        let result = postgres_in(&db, generator, n, requests).await;
        db.close().await?;
        result
    }
    .await;
    temp.drop().await?;
    result
}

async fn postgres_in(
    db: &sea_orm::DatabaseConnection,
    generator: &Generator<'_>,
    n: usize,
    requests: &[Request],
) -> Result<Run> {
    db.execute_unprepared(common::FRENCH_UNACCENT).await?;
    db.execute_unprepared(&common::docs_table("french_unaccent"))
        .await?;
    let started = Instant::now();
    let mut batch = Vec::with_capacity(1000);
    for d in generator.documents(n) {
        batch.push(d);
        if batch.len() == batch.capacity() {
            common::load(db, "docs", &batch).await?;
            batch.clear();
        }
    }
    common::load(db, "docs", &batch).await?;
    let loaded_s = started.elapsed().as_secs_f64();
    db.execute_unprepared("CREATE INDEX docs_tsv ON docs USING GIN (tsv)")
        .await?;
    db.execute_unprepared(common::EARTH).await?;
    db.execute_unprepared("ANALYZE docs").await?;
    let build_s = started.elapsed().as_secs_f64();
    let size = db
        .query_one_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pg_total_relation_size('docs')::bigint AS bytes",
        ))
        .await?
        .map(|row| row.try_get::<i64>("", "bytes"))
        .transpose()?
        .unwrap_or(0);
    let page = common::page_sql(Matching {
        config: "french_unaccent",
        fallback: false,
        near: true,
    });
    let values = |r: &Request| {
        vec![
            r.text.into(),
            r.centre.lat().into(),
            r.centre.lon().into(),
            RADIUS_KM.into(),
        ]
    };
    let mut totals = Vec::new();
    for r in requests {
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                DbBackend::Postgres,
                &page,
                values(r),
            ))
            .await?;
        let total = row.map(|row| row.try_get::<i64>("", "total")).transpose()?;
        totals.push(total.map_or(0, |t| usize::try_from(t).unwrap_or(0)));
    }
    let timings = common::measure_sql("PostgreSQL", db, &page, requests, values).await?;
    Ok(Run {
        build_s,
        disk_mib: size as f64 / (1024.0 * 1024.0),
        totals,
        timings,
        note: format!(
            "chargement {loaded_s:.1} s, index GIN et GiST et ANALYZE {:.1} s",
            build_s - loaded_s
        ),
    })
}

/// The towns, each the commune of that exact name with the most
/// inhabitants, or for a city counted by arrondissements (Paris, Lyon,
/// Marseille), its most populated arrondissement.
fn towns(places: &[Place]) -> Result<Vec<(&'static str, GeoPoint)>> {
    TOWNS
        .iter()
        .map(|name| {
            let wanted = campus_domain::slugify(name);
            let arrondissement = format!("{wanted}-");
            let named = |p: &&Place| campus_domain::slugify(&p.nom) == wanted;
            let part = |p: &&Place| {
                let slug = campus_domain::slugify(&p.nom);
                slug.starts_with(&arrondissement) && slug.ends_with("arrondissement")
            };
            let best = |filter: &dyn Fn(&&Place) -> bool| {
                places.iter().filter(filter).max_by_key(|p| p.population)
            };
            best(&named)
                .or_else(|| best(&part))
                .map(|p| (*name, p.point))
                .ok_or_else(|| format!("commune « {name} » introuvable").into())
        })
        .collect()
}

/// The municipal arrondissements of Paris, Lyon and Marseille: the
/// catalogue's current communes give those three cities no coordinates
/// (the official file places their arrondissements), and no store method
/// returns them, hence this one read of the imported database's table.
async fn arrondissements(url: &str) -> Result<Vec<Place>> {
    let db = sea_orm::Database::connect(url).await?;
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT nom, departement, population, latitude, longitude FROM communes
              WHERE kind = 'arrondissement-municipal' AND latitude IS NOT NULL",
        ))
        .await?;
    db.close().await?;
    let mut places = Vec::new();
    for row in rows {
        let point = GeoPoint::from_columns(
            row.try_get::<Option<f64>>("", "latitude")?,
            row.try_get::<Option<f64>>("", "longitude")?,
        );
        if let Some(point) = point {
            places.push(Place {
                nom: row.try_get("", "nom")?,
                departement: row.try_get("", "departement")?,
                population: row.try_get::<Option<i64>>("", "population")?.unwrap_or(0),
                point,
            });
        }
    }
    Ok(places)
}

/// The `count` requests slowest at the median of their rounds (samples
/// are stored round after round, request after request).
fn slowest(run: &Run, requests: &[Request], count: usize) -> String {
    let mut medians: Vec<(f64, &Request)> = requests
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let mut own: Vec<f64> = run
                .timings
                .samples
                .iter()
                .skip(i)
                .step_by(requests.len())
                .map(|d| common::ms(*d))
                .collect();
            own.sort_by(f64::total_cmp);
            (own.get(own.len() / 2).copied().unwrap_or_default(), r)
        })
        .collect();
    medians.sort_by(|a, b| b.0.total_cmp(&a.0));
    medians
        .iter()
        .take(count)
        .map(|(ms, r)| format!("« {} » à {} {} ms", r.text, r.town, fr(*ms, 1)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn fr(x: f64, decimals: usize) -> String {
    format!("{x:.decimals$}").replace('.', ",")
}

async fn run() -> Result<()> {
    let url = std::env::var("CAMPUS_BENCH_DATABASE_URL").map_err(|_| {
        "CAMPUS_BENCH_DATABASE_URL : base SQLite où le catalogue réel est importé (voir bench/scale.sh)"
    })?;
    let store = Store::connect(&url, 2).await?;
    store.load_demo_if_empty().await?;
    let sector = common::default_sector()?;
    let real = common::documents(&store, &sector).await?;
    let mut places: Vec<Place> = store
        .current_communes()
        .await?
        .into_iter()
        .filter_map(|(c, _)| {
            Some(Place {
                point: GeoPoint::from_columns(c.latitude, c.longitude)?,
                nom: c.nom,
                departement: c.departement,
                population: c.population.unwrap_or(0),
            })
        })
        .collect();
    store.close().await?;
    places.extend(arrondissements(&url).await?);
    let towns = towns(&places)?;
    let requests: Vec<Request> = QUERIES
        .iter()
        .enumerate()
        .flat_map(|(i, text)| {
            [i, i + TOWNS.len() / 2].map(|t| {
                let (town, centre) = towns[t % towns.len()];
                Request { text, town, centre }
            })
        })
        .collect();
    let generator = Generator::new(&real, places)?;
    let sizes = sizes(generator.real_len())?;
    println!(
        "{} documents réels, {} requêtes (texte et ville, rayon {RADIUS_KM} km, page complète), \
         {} passages mesurés",
        generator.real_len(),
        requests.len(),
        rounds()
    );

    let mut rows = Vec::new();
    for &n in &sizes {
        println!();
        println!("== {n} documents");
        let tantivy = if engine_wanted("tantivy") {
            let run = tantivy_run(&generator, n, &requests)?;
            println!("tantivy : construit en {:.1} s ; {}", run.build_s, run.note);
            println!("  plus lentes : {}", slowest(&run, &requests, 4));
            Some(run)
        } else {
            None
        };
        let postgres = if engine_wanted("postgres") {
            let run = postgres_run(&generator, n, &requests).await?;
            println!(
                "PostgreSQL : chargé et indexé en {:.1} s ({})",
                run.build_s, run.note
            );
            println!("  plus lentes : {}", slowest(&run, &requests, 4));
            Some(run)
        } else {
            None
        };
        if let (Some(t), Some(p)) = (&tantivy, &postgres) {
            let differ: Vec<String> = requests
                .iter()
                .zip(t.totals.iter().zip(&p.totals))
                .filter(|(_, (a, b))| a != b)
                .take(5)
                .map(|(r, (a, b))| format!("« {} » à {} : {a} / {b}", r.text, r.town))
                .collect();
            println!(
                "résultats par requête (somme) : tantivy {}, PostgreSQL {}{}",
                t.totals.iter().sum::<usize>(),
                p.totals.iter().sum::<usize>(),
                if differ.is_empty() {
                    String::new()
                } else {
                    format!(" ; écarts, par exemple {}", differ.join(", "))
                }
            );
        }
        rows.push((n, tantivy, postgres));
    }

    println!();
    println!(
        "{:>9} {:<11} {:>13} {:>11} {:>9} {:>9}",
        "documents", "moteur", "construction", "disque Mio", "p50 ms", "p99 ms"
    );
    for (n, tantivy, postgres) in &rows {
        for run in [tantivy, postgres].into_iter().flatten() {
            println!(
                "{:>9} {:<11} {:>11} s {:>11} {:>9} {:>9}",
                n,
                run.timings.name,
                fr(run.build_s, 1),
                fr(run.disk_mib, 0),
                fr(run.timings.p50_ms(), 2),
                fr(run.timings.p99_ms(), 2)
            );
        }
    }
    println!();
    for (n, tantivy, postgres) in &rows {
        if let (Some(t), Some(p)) = (tantivy, postgres) {
            println!(
                "{n} documents, PostgreSQL / tantivy : p50 × {}, p99 × {}, construction × {}",
                fr(p.timings.p50_ms() / t.timings.p50_ms(), 1),
                fr(p.timings.p99_ms() / t.timings.p99_ms(), 1),
                fr(p.build_s / t.build_s, 1)
            );
        }
    }
    Ok(())
}

fn main() -> std::process::ExitCode {
    common::main(run)
}
