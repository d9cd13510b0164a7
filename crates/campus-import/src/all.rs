//! `campus import all DIR`: every referential of a data folder laid out as
//! the campus keeps its downloads (one sub-folder per source, as in
//! `shared/data`), in the order their references need.
//!
//! Each referential is one import, in its own transaction: a failure stops
//! the run there, with the referentials already imported kept (each is
//! whole) and the failing one unchanged.

use std::path::{Path, PathBuf};

use campus_store::Store;

use crate::{ImportError, ImportReport};

/// One import to run: the referential's name and its files or folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub kind: &'static str,
    pub paths: Vec<PathBuf>,
}

pub(crate) fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}

pub(crate) fn name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
}

/// The folder of `dir` whose name starts with `prefix`, the last in name
/// order (`rome_v460` after `rome_v450`: the newest release).
pub(crate) fn newest_dir(dir: &Path, prefix: &str) -> Option<PathBuf> {
    entries(dir)
        .into_iter()
        .rfind(|p| p.is_dir() && name(p).starts_with(prefix))
}

/// The file of `dir` named `stem` plus a CSV or JSON extension, plain or
/// compressed.
pub(crate) fn file(dir: &Path, stem: &str) -> Option<PathBuf> {
    entries(dir).into_iter().find(|p| {
        let n = name(p);
        n.strip_prefix(stem).is_some_and(|rest| {
            matches!(
                rest,
                ".csv" | ".csv.gz" | ".json" | ".json.gz" | ".xml" | ".xml.gz"
            )
        })
    })
}

/// The largest file of `dir` whose name starts with `prefix`: the national
/// file rather than a regional extract beside it.
pub(crate) fn largest(dir: &Path, prefix: &str) -> Option<PathBuf> {
    entries(dir)
        .into_iter()
        .filter(|p| p.is_file() && name(p).starts_with(prefix))
        .max_by_key(|p| p.metadata().map(|m| m.len()).unwrap_or(0))
}

fn has_xml(dir: &Path) -> bool {
    entries(dir).iter().any(|p| {
        let n = name(p);
        p.is_file() && (n.ends_with(".xml") || n.ends_with(".xml.gz"))
    })
}

/// The folders of LHÉO offers of `dir`. Offers may sit in `lheo/` itself
/// or in sub-folders of it; the schema folder holds the language's
/// definition, not offers.
pub(crate) fn lheo_dirs(dir: &Path) -> Vec<PathBuf> {
    let lheo = dir.join("lheo");
    std::iter::once(lheo.clone())
        .chain(
            entries(&lheo)
                .into_iter()
                .filter(|d| d.is_dir() && name(d) != "schema"),
        )
        .filter(|d| has_xml(d))
        .collect()
}

/// The imports `dir` allows, in dependency order: communes first (trainings
/// are placed in them), then the thesaurus and the trades, the
/// certifications that point to them, the nomenclatures, the trainings.
pub fn discover(dir: &Path) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut push = |kind: &'static str, paths: Option<Vec<PathBuf>>| {
        if let Some(paths) = paths.filter(|p| !p.is_empty()) {
            steps.push(Step { kind, paths });
        }
    };
    let geo = dir.join("geo");
    let cog = newest_dir(&geo, "decoupage-administratif").and_then(|d| file(&d, "communes"));
    let laposte = largest(&geo, "laposte_hexasmal");
    push("communes", cog.zip(laposte).map(|(c, l)| vec![c, l]));
    push(
        "formacode",
        largest(&dir.join("formacode"), "FCod").map(|f| vec![f]),
    );
    push("rome", newest_dir(dir, "rome_v").map(|d| vec![d]));
    push(
        "certifinfo",
        file(&dir.join("certifinfo"), "certif_info").map(|f| vec![f]),
    );
    push("rncp", newest_dir(dir, "rncp_rs_").map(|d| vec![d]));
    push(
        "correspondances",
        newest_dir(dir, "rncp_tables_").map(|d| vec![d]),
    );
    let xml: Vec<PathBuf> = entries(dir)
        .into_iter()
        .filter(|d| d.is_dir() && name(d).starts_with("rncp_xml"))
        .flat_map(|d| entries(&d))
        .filter(|p| {
            let n = name(p);
            n.ends_with(".xml") || n.ends_with(".xml.gz")
        })
        .collect();
    push("rncp-xml", Some(xml));
    push(
        "kit-apprentissage",
        largest(&dir.join("apprentissage"), "Kit_apprentissage").map(|f| vec![f]),
    );
    let bcn = dir.join("bcn");
    push("bcn", bcn.is_dir().then(|| vec![bcn]));
    push(
        "onisep",
        largest(&dir.join("onisep"), "ideo-formations").map(|f| vec![f]),
    );
    // Before the trainings, which are linked to the directory's
    // organisations by SIRET or UAI as they are imported, and the lycées'
    // programmes, which are placed at their school.
    push(
        "organismes-apprentissage",
        largest(
            &dir.join("apprentissage"),
            "catalogue_etablissement_apprentissage",
        )
        .map(|f| vec![f]),
    );
    push("lheo", Some(lheo_dirs(dir)));
    let esr = dir.join("esr");
    push("esr", esr.is_dir().then(|| vec![esr]));
    push(
        "affelnet",
        largest(&dir.join("orion"), "attractivite_capacite")
            .zip(file(&dir.join("bcn"), "nMef"))
            .map(|(f, mef)| vec![f, mef]),
    );
    push(
        "inserjeunes",
        largest(&dir.join("inserjeunes"), "ij_region_data")
            .zip(file(&dir.join("bcn"), "nMef"))
            .map(|(f, mef)| vec![f, mef]),
    );
    let orion = dir.join("orion");
    push(
        "orion",
        (largest(&orion, "attractivite_capacite").is_some()
            && largest(&orion, "BTS_attractivite_capacite").is_some()
            && largest(&orion, "constat").is_some())
        .then_some(orion)
        .zip(file(&dir.join("bcn"), "nMef"))
        .map(|(d, mef)| vec![d, mef]),
    );
    steps
}

/// Runs one step: one import per path, in order.
async fn run(store: &Store, step: &Step) -> Result<Vec<ImportReport>, ImportError> {
    let mut reports = Vec::new();
    match (step.kind, step.paths.as_slice()) {
        ("communes", [cog, laposte]) => {
            reports.push(crate::import_communes(store, cog, laposte).await?)
        }
        ("affelnet", [file, mef]) => reports.push(crate::import_affelnet(store, file, mef).await?),
        ("inserjeunes", [file, mef]) => {
            reports.push(crate::import_inserjeunes(store, file, mef).await?)
        }
        ("orion", [dir, mef]) => reports.push(crate::import_orion(store, dir, mef).await?),
        (kind, paths) => {
            for path in paths {
                reports.push(match kind {
                    "formacode" => crate::import_formacode(store, path).await?,
                    "rome" => crate::import_rome(store, path).await?,
                    "certifinfo" => crate::import_certifinfo(store, path).await?,
                    "rncp" => crate::import_rncp(store, path).await?,
                    "correspondances" => crate::import_correspondances(store, path).await?,
                    "rncp-xml" => crate::import_rncp_xml(store, path).await?,
                    "kit-apprentissage" => crate::import_kit_apprentissage(store, path).await?,
                    "bcn" => crate::import_bcn(store, path).await?,
                    "onisep" => crate::import_onisep(store, path).await?,
                    "lheo" => crate::import_lheo(store, path).await?,
                    "esr" => crate::import_esr(store, path).await?,
                    "organismes-apprentissage" => {
                        crate::import_organismes_apprentissage(store, path).await?
                    }
                    other => return Err(format!("référentiel inconnu « {other} »").into()),
                });
            }
        }
    }
    Ok(reports)
}

/// Imports every referential of `dir`; `done` hears of each import as it
/// ends. Fails when the folder holds none, or at the first import that
/// fails, naming it.
pub async fn import_all(
    store: &Store,
    dir: &Path,
    mut done: impl FnMut(&Step, &ImportReport),
) -> Result<Vec<(Step, ImportReport)>, ImportError> {
    let steps = discover(dir);
    if steps.is_empty() {
        return Err(format!(
            "{} : aucun référentiel reconnu (attendu : rome_v…/, certifinfo/, rncp_rs_…/, rncp_tables_…/, geo/, lheo/…)",
            dir.display()
        )
        .into());
    }
    let mut out = Vec::new();
    for step in steps {
        let reports = run(store, &step).await.map_err(|err| -> ImportError {
            format!(
                "import « {} » annulé (les référentiels précédents sont importés) : {err}",
                step.kind
            )
            .into()
        })?;
        let lignes = reports.iter().map(ImportReport::rows).sum::<u64>();
        crate::enregistrer_sources(store, step.kind, &step.paths, lignes).await?;
        for report in reports {
            done(&step, &report);
            out.push((step.clone(), report));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shared_data_layout() {
        let Some(dir) = campus_testkit::national_data("disposition de ../shared/data") else {
            return;
        };
        let steps = discover(&dir);
        let kinds: Vec<_> = steps.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                "communes",
                "formacode",
                "rome",
                "certifinfo",
                "rncp",
                "correspondances",
                "rncp-xml",
                "kit-apprentissage",
                "bcn",
                "onisep",
                "organismes-apprentissage",
                "lheo",
                "esr",
                "affelnet",
                "inserjeunes",
                "orion"
            ]
        );
        let names = |kind: &str| -> Vec<String> {
            steps
                .iter()
                .find(|s| s.kind == kind)
                .map(|s| s.paths.iter().map(|p| name(p).to_owned()).collect())
                .unwrap_or_default()
        };
        assert_eq!(
            names("communes"),
            ["communes.json.gz", "laposte_hexasmal_2020-04.csv.gz"]
        );
        assert_eq!(names("certifinfo"), ["certif_info.csv.gz"]);
        assert_eq!(names("lheo"), ["samples"]);
        assert_eq!(names("rome"), ["rome_v460"]);
        assert_eq!(
            names("affelnet"),
            ["attractivite_capacite_2022.csv.gz", "nMef.csv.gz"]
        );
    }

    #[test]
    fn an_empty_folder_has_nothing_to_import() {
        let dir = std::env::temp_dir().join(format!("campus-empty-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        assert!(discover(&dir).is_empty());
        assert!(discover(&dir.join("absent")).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
