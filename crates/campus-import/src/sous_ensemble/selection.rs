//! What the subset keeps of a data folder laid out as `shared/data`,
//! referential by referential, and why.
//!
//! - **ROME**: the sector's trades (`sector.romes`) and the trades their
//!   mobilités point to, each with everything its page shows (appellations,
//!   skills and knowledge with their core flag, work contexts, texts,
//!   classifications); the skills, knowledge and contexts those trades
//!   cite; the small code tables whole. A mobilité is kept when both its
//!   ends are.
//! - **Certif Info**: the certifications of the sector (a ROME code of a
//!   sector trade, or the ROME v3 code a sector trade comes from — the
//!   engine reads Certif Info's v3 codes through `code_rome_parent` —, a
//!   sector NSF or Formacode), and every national higher-education diploma
//!   (BTS, BUT, licence, licence professionnelle, DEUST, master): the
//!   region's programmes are attached to those by their titles, and
//!   keeping them all gives the same attachments as the national file,
//!   ties included. Every row of a kept certification is kept (its
//!   options).
//! - **RNCP CSV export**: the blocs, certifiers, lineage and collective
//!   agreements of the kept certifications.
//! - **RNCP tables of 2021**: the RNCP → ROME rows and the blocs of the
//!   kept certifications (not the rows naming a whole professional domain,
//!   which the import rejects).
//! - **Kit apprentissage**: the rows of the kept certifications.
//! - **RNCP XML export, Formacode**: whole (the XML sample holds two fiches;
//!   the thesaurus is the vocabulary a module proposal is checked against,
//!   whatever its field).
//! - **Communes**: those of Centre-Val de Loire (region 24) with their La
//!   Poste postal codes and coordinates.
//! - **Higher education**: the Parcoursup programmes and master mentions of
//!   Centre-Val de Loire (the extracts carry no code to tell the sector by:
//!   the attachment does it).
//! - **LHÉO**: the offer files with a place of training in the region.
//! - **Lycées' programmes** (Affelnet): those of the region's schools, the
//!   BCN rows they need (their years, their diplomas, every vocational
//!   diploma for titles, fiches and families; the small tables whole) and
//!   the Kit rows of those diplomas.
//! - **Apprenticeship organisations**: those of the region, which place
//!   the region's programmes.
//! - **Official outcomes** (InserJeunes, Orion's Parcoursup BTS and
//!   constat de rentrée): every row of the region — a sector training is
//!   compared with every training of its level there — and, elsewhere, the
//!   rows of the sector's diplomas taught in the region (a diploma of a
//!   sector NSF, through the BCN), for their national figure; the BCN rows
//!   those rows are joined through. Affelnet's rows stay those of the
//!   region's schools (they are the lycées' programmes of the catalogue
//!   too): the national Affelnet figure needs the whole file.
//!
//! Records keep their file order and their bytes ([`super::extract`]).

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use campus_domain::{Departement, Sector};
use campus_formats::Record;
use campus_formats::lheo::Offres;
use campus_parcours::rattachement::Kind;

use super::extract::{Csv, Dialect, Fields, plain_name, read};
use crate::ImportError;
use crate::all::{entries, file, largest, lheo_dirs, name, newest_dir};

/// The region of the campus: Centre-Val de Loire.
const REGION: &str = "24";

/// The ROME files the importer reads, by the stem of their name.
const ROME_FILES: &[&str] = &[
    "arborescence_centre_interet",
    "arborescence_secteur_activite",
    "arborescence_secteur_naf",
    "arborescence_thematique",
    "centre_interet",
    "coherence_item",
    "cr_gd_dp",
    "item",
    "liens_rome_referentiels",
    "referentiel_appellation",
    "referentiel_code_rome",
    "referentiel_code_rome_riasec",
    "referentiel_competence",
    "referentiel_contexte_travail",
    "referentiel_savoir",
    "rubrique_mobilite",
    "secteur_activite",
    "secteur_naf",
    "sous_secteur_activite",
    "texte",
    "themes",
];

/// The files of the subset, by their path in the folder layout.
pub(super) type Files = BTreeMap<String, Vec<u8>>;

fn missing(what: &str, dir: &Path) -> ImportError {
    format!("{} : {what} introuvable", dir.display()).into()
}

fn relative(data: &Path, path: &Path) -> String {
    let parent = path
        .parent()
        .and_then(|p| p.strip_prefix(data).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    if parent.is_empty() {
        plain_name(path)
    } else {
        format!("{parent}/{}", plain_name(path))
    }
}

fn in_region(departement: &str) -> bool {
    Departement::parse(departement).is_ok_and(|d| d.region_code() == REGION)
}

/// What the ROME part keeps, for the other referentials to follow.
struct Rome {
    /// Sector trades and the ROME v3 codes they come from.
    sector_codes: HashSet<String>,
}

fn rome(data: &Path, sector: &Sector, files: &mut Files) -> Result<Rome, ImportError> {
    let dir = newest_dir(data, "rome_v").ok_or_else(|| missing("dossier rome_v…", data))?;
    let path = |stem: &str| -> Result<PathBuf, ImportError> {
        Ok(campus_formats::source::find_csv(
            &dir,
            &format!("unix_{stem}_v"),
        )?)
    };
    let quoted = Dialect::quoted(b',');
    let fiches = Csv::open(&path("referentiel_code_rome")?, quoted)?;
    let mut parents = HashSet::new();
    let mut existing = HashSet::new();
    for row in fiches.rows() {
        let code = row.get("code_rome");
        existing.insert(code.to_owned());
        if sector.contains_rome(code) {
            parents.insert(row.get("code_rome_parent").to_owned());
        }
    }
    let mut kept: HashSet<String> = sector
        .romes()
        .filter(|c| existing.contains(*c))
        .map(str::to_owned)
        .collect();
    let mobilites = Csv::open(&path("rubrique_mobilite")?, quoted)?;
    let targets: Vec<String> = mobilites
        .rows()
        .filter(|r| sector.contains_rome(r.get("code_rome")))
        .map(|r| r.get("code_rome_cible").to_owned())
        .filter(|c| existing.contains(c))
        .collect();
    kept.extend(targets);
    let mut ogr = HashSet::new();
    for stem in ["liens_rome_referentiels", "coherence_item"] {
        for row in Csv::open(&path(stem)?, quoted)?.rows() {
            if kept.contains(row.get("code_rome")) {
                ogr.insert(row.get("code_ogr").to_owned());
            }
        }
    }
    let dir_name = name(&dir).to_owned();
    for stem in ROME_FILES {
        let source = path(stem)?;
        let csv = Csv::open(&source, quoted)?;
        let bytes = match *stem {
            "rubrique_mobilite" => csv.extract(|r| {
                kept.contains(r.get("code_rome")) && kept.contains(r.get("code_rome_cible"))
            }),
            "referentiel_competence" | "item" | "referentiel_contexte_travail" => {
                csv.extract(|r| ogr.contains(r.get("code_ogr")))
            }
            "referentiel_savoir" => csv.extract(|r| ogr.contains(r.get("code_ogr_savoir"))),
            "centre_interet"
            | "secteur_activite"
            | "sous_secteur_activite"
            | "secteur_naf"
            | "themes" => csv.extract(|_| true),
            _ => csv.extract(|r| kept.contains(r.get("code_rome"))),
        };
        files.insert(format!("{dir_name}/{}", plain_name(&source)), bytes);
    }
    let mut sector_codes: HashSet<String> = sector.romes().map(str::to_owned).collect();
    sector_codes.extend(parents.into_iter().filter(|p| !p.is_empty()));
    Ok(Rome { sector_codes })
}

/// The RNCP or RS codes (`RNCP36968`, `RS5478`) of a Certif Info row.
fn certification_codes(row: &Fields<'_>) -> Vec<String> {
    let mut codes = Vec::new();
    for (column, prefix) in [("Code_RNCP", "RNCP"), ("Code_RS", "RS")] {
        let value = row.get(column);
        if value.is_empty() {
            continue;
        }
        let digits = value.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        codes.push(format!("{prefix}{digits}"));
    }
    codes
}

/// Keeps the Certif Info rows of the kept certifications; returns their
/// RNCP and RS codes.
fn certifinfo(
    data: &Path,
    sector: &Sector,
    rome: &Rome,
    files: &mut Files,
) -> Result<HashSet<String>, ImportError> {
    let dir = data.join("certifinfo");
    let source = file(&dir, "certif_info").ok_or_else(|| missing("certif_info.csv", &dir))?;
    let dialect = Dialect {
        delimiter: b';',
        quoting: false,
        header: true,
    };
    let csv = Csv::open(&source, dialect)?;
    let chosen = |row: &Fields<'_>| {
        (1..=5).any(|n| {
            rome.sector_codes
                .contains(row.get(&format!("Code_Rome_{n}")))
        }) || sector.matches_nsf(row.get("Code_Nsf"))
            || sector.matches_formacode(row.get("Code_FormaCode"))
            || Kind::from_type(row.get("Libelle_Type_Diplome")).is_some()
    };
    let codes: HashSet<String> = csv
        .rows()
        .filter(|r| chosen(r))
        .flat_map(|r| certification_codes(&r))
        .collect();
    let bytes =
        csv.extract(|r| chosen(r) || certification_codes(r).iter().any(|c| codes.contains(c)));
    files.insert(relative(data, &source), bytes);
    Ok(codes)
}

fn rncp(data: &Path, codes: &HashSet<String>, files: &mut Files) -> Result<(), ImportError> {
    let dir = newest_dir(data, "rncp_rs_").ok_or_else(|| missing("dossier rncp_rs_…", data))?;
    for source in entries(&dir) {
        let n = name(&source);
        if !(n.ends_with(".csv") || n.ends_with(".csv.gz")) {
            continue;
        }
        let csv = Csv::open(&source, Dialect::quoted(b';'))?;
        let bytes = csv.extract(|r| codes.contains(r.get("Numero_Fiche")));
        files.insert(relative(data, &source), bytes);
    }
    Ok(())
}

fn correspondances(
    data: &Path,
    codes: &HashSet<String>,
    files: &mut Files,
) -> Result<(), ImportError> {
    let Some(dir) = newest_dir(data, "rncp_tables_") else {
        return Ok(());
    };
    for source in entries(&dir) {
        let n = name(&source);
        if !(n.ends_with(".csv") || n.ends_with(".csv.gz")) {
            continue;
        }
        let csv = Csv::open(&source, Dialect::quoted(b';'))?;
        // The rows that name a whole professional domain (`H12`) rather
        // than a trade are left to the national import, which reports them.
        let bytes = csv.extract(|r| {
            codes.contains(r.get("CodeRNCP")) && !(1..5).contains(&r.get("Rome").len())
        });
        files.insert(relative(data, &source), bytes);
    }
    Ok(())
}

/// The rows of the « Kit apprentissage » of the kept certifications and
/// of the kept diplomas (the lycées' programmes find their fiches by it).
fn kit(
    data: &Path,
    codes: &HashSet<String>,
    cfds: &HashSet<String>,
    files: &mut Files,
) -> Result<(), ImportError> {
    let Some(source) = largest(&data.join("apprentissage"), "Kit_apprentissage") else {
        return Ok(());
    };
    let csv = Csv::open(&source, Dialect::quoted(b';'))?;
    let bytes =
        csv.extract(|r| codes.contains(r.get("Code_RNCP")) || cfds.contains(r.get("Code_Diplome")));
    files.insert(relative(data, &source), bytes);
    Ok(())
}

fn whole(
    data: &Path,
    sources: impl IntoIterator<Item = PathBuf>,
    files: &mut Files,
) -> Result<(), ImportError> {
    for source in sources {
        files.insert(relative(data, &source), read(&source)?);
    }
    Ok(())
}

fn communes(data: &Path, files: &mut Files) -> Result<(), ImportError> {
    let geo = data.join("geo");
    let cog = newest_dir(&geo, "decoupage-administratif")
        .and_then(|d| file(&d, "communes"))
        .ok_or_else(|| missing("decoupage-administratif…/communes.json", &geo))?;
    let laposte =
        largest(&geo, "laposte_hexasmal").ok_or_else(|| missing("laposte_hexasmal…", &geo))?;
    // One commune per line, as the package writes them: the lines of the
    // region are kept as they are, the last one without its comma.
    let text = String::from_utf8(read(&cog)?)
        .map_err(|e| format!("{} : UTF-8 invalide : {e}", cog.display()))?;
    let mut codes = HashSet::new();
    let mut kept = Vec::new();
    for line in text.lines() {
        let item = line.trim().trim_end_matches(',');
        let Ok(value) = serde_json::from_str::<serde_json::Value>(item) else {
            continue;
        };
        if value.get("region").and_then(|r| r.as_str()) == Some(REGION)
            && let Some(code) = value.get("code").and_then(|c| c.as_str())
        {
            codes.insert(code.to_owned());
            kept.push(item.to_owned());
        }
    }
    let json = format!("[\n{}\n]\n", kept.join(",\n"));
    files.insert(relative(data, &cog), json.into_bytes());
    let csv = Csv::open(&laposte, Dialect::quoted(b';'))?;
    let bytes = csv.extract(|r| codes.contains(r.get("Code_commune_INSEE")));
    files.insert(relative(data, &laposte), bytes);
    Ok(())
}

fn esr(data: &Path, files: &mut Files) -> Result<(), ImportError> {
    let dir = data.join("esr");
    if let Some(source) = largest(&dir, "fr-esr-parcoursup") {
        let csv = Csv::open(&source, Dialect::quoted(b','))?;
        let bytes = csv.extract(|r| r.get("Region de l’etablissement") == "Centre");
        files.insert(relative(data, &source), bytes);
    }
    if let Some(source) = largest(&dir, "fr-esr-tmm") {
        let csv = Csv::open(&source, Dialect::quoted(b';'))?;
        let bytes = csv.extract(|r| {
            let code = r.get("Code postal de la ville de l’établissement accrédité");
            code.get(..2).is_some_and(in_region)
        });
        files.insert(relative(data, &source), bytes);
    }
    Ok(())
}

/// The BCN rows the outcomes' extracts need: their programmes' years
/// (`MEF_STAT_11`) and their diplomas (CFD).
#[derive(Default)]
struct Besoins {
    mefs: HashSet<String>,
    cfds: HashSet<String>,
}

/// Whether a school's UAI (`0450042B`) is in the region.
fn uai_in_region(uai: &str) -> bool {
    uai.get(1..3).is_some_and(in_region)
}

/// One file of the outcomes: where a row is, and its diploma.
struct Source {
    csv: Csv,
    path: PathBuf,
    /// Whether the row is in the region.
    region: fn(&Fields<'_>) -> bool,
    /// Its programme's MEF_STAT_11, or its diploma's CFD itself.
    code: fn(&Fields<'_>) -> (Option<String>, Option<String>),
}

fn ij_region(r: &Fields<'_>) -> bool {
    r.get("code_region") == REGION
}

fn ij_code(r: &Fields<'_>) -> (Option<String>, Option<String>) {
    if r.get("voie") == "apprentissage" {
        (None, Some(r.get("cfd").to_owned()))
    } else {
        (Some(r.get("mefstat11").to_owned()), None)
    }
}

fn bts_region(r: &Fields<'_>) -> bool {
    uai_in_region(r.get("UAI"))
}

fn bts_code(r: &Fields<'_>) -> (Option<String>, Option<String>) {
    (Some(r.get("MEFSTAT11").to_owned()), None)
}

fn constat_code(r: &Fields<'_>) -> (Option<String>, Option<String>) {
    (Some(r.get("Mef Bcp 11").to_owned()), None)
}

/// InserJeunes and Orion's Parcoursup and constat files: the rows of the
/// region and those of the sector's diplomas taught there (see the
/// module's doc); returns what they need of the BCN.
fn devenirs(data: &Path, sector: &Sector, files: &mut Files) -> Result<Besoins, ImportError> {
    let mut besoins = Besoins::default();
    let bcn = data.join("bcn");
    let (Some(mef), Some(diplomes)) = (file(&bcn, "nMef"), largest(&bcn, "nFormationDiplome"))
    else {
        return Ok(besoins);
    };
    let mut cfd_of_mef = std::collections::HashMap::new();
    for row in Csv::open(&mef, Dialect::quoted(b';'))?.rows() {
        cfd_of_mef
            .entry(row.get("MEF_STAT_11").to_owned())
            .or_insert_with(|| row.get("FORMATION_DIPLOME").to_owned());
    }
    let secteur: HashSet<String> = Csv::open(&diplomes, Dialect::quoted(b';'))?
        .rows()
        .filter(|r| {
            sector.matches_nsf(&format!(
                "{}{}",
                r.get("GROUPE_SPECIALITE"),
                r.get("LETTRE_SPECIALITE")
            ))
        })
        .map(|r| r.get("FORMATION_DIPLOME").to_owned())
        .collect();
    let orion = data.join("orion");
    let mut sources = Vec::new();
    let found = [
        (
            largest(&data.join("inserjeunes"), "ij_region_data"),
            ij_region as fn(&Fields<'_>) -> bool,
            ij_code as fn(&Fields<'_>) -> (Option<String>, Option<String>),
        ),
        (
            largest(&orion, "BTS_attractivite_capacite"),
            bts_region,
            bts_code,
        ),
        (largest(&orion, "constat"), bts_region, constat_code),
    ];
    for (path, region, code) in found {
        if let Some(path) = path {
            let csv = Csv::open(&path, Dialect::quoted(b';'))?;
            sources.push(Source {
                csv,
                path,
                region,
                code,
            });
        }
    }
    let cfd =
        |r: &Fields<'_>, code: fn(&Fields<'_>) -> (Option<String>, Option<String>)| match code(r) {
            (_, Some(cfd)) => Some(cfd),
            (Some(mef), None) => cfd_of_mef.get(&mef).cloned(),
            (None, None) => None,
        };
    // The sector's diplomas taught in the region, in any of the files.
    let mut enseignes = HashSet::new();
    for s in &sources {
        for row in s.csv.rows().filter(|r| (s.region)(r)) {
            if let Some(c) = cfd(&row, s.code).filter(|c| secteur.contains(c)) {
                enseignes.insert(c);
            }
        }
    }
    for s in &sources {
        let kept = |r: &Fields<'_>| {
            (s.region)(r) || cfd(r, s.code).is_some_and(|c| enseignes.contains(&c))
        };
        for row in s.csv.rows().filter(|r| kept(r)) {
            let (m, c) = (s.code)(&row);
            besoins.mefs.extend(m);
            besoins.cfds.extend(c.or_else(|| cfd(&row, s.code)));
        }
        files.insert(relative(data, &s.path), s.csv.extract(kept));
    }
    Ok(besoins)
}

/// The lycées' programmes of the region (Affelnet, by the UAI's
/// département), and the BCN rows they and the outcomes (`besoins`) need:
/// their years (`N_MEF`), the diplomas of those years and every
/// vocational diploma (titles, RNCP fiches and families of the bac pros),
/// the small tables whole (the BCN import reads them all). Returns the CFD
/// codes kept.
fn affelnet(
    data: &Path,
    besoins: Besoins,
    files: &mut Files,
) -> Result<HashSet<String>, ImportError> {
    let mut cfds = besoins.cfds;
    let bcn = data.join("bcn");
    let (Some(source), Some(mef)) = (
        largest(&data.join("orion"), "attractivite_capacite"),
        file(&bcn, "nMef"),
    ) else {
        return Ok(cfds);
    };
    let csv = Csv::open(&source, Dialect::quoted(b';'))?;
    let region = |r: &Fields<'_>| {
        r.get("Etablissement d'accueil")
            .get(1..3)
            .is_some_and(in_region)
    };
    let mut years = besoins.mefs;
    for row in csv.rows().filter(|r| region(r)) {
        years.insert(row.get("MEF STAT 11").to_owned());
        years.insert(row.get("mef_stat_terminale").to_owned());
    }
    files.insert(relative(data, &source), csv.extract(region));
    let mef_csv = Csv::open(&mef, Dialect::quoted(b';'))?;
    for row in mef_csv
        .rows()
        .filter(|r| years.contains(r.get("MEF_STAT_11")))
    {
        cfds.insert(row.get("FORMATION_DIPLOME").to_owned());
    }
    files.insert(
        relative(data, &mef),
        mef_csv.extract(|r| years.contains(r.get("MEF_STAT_11"))),
    );
    let Some(professionnels) = file(&bcn, "diplomesProfessionnels") else {
        return Ok(cfds);
    };
    for row in Csv::open(&professionnels, Dialect::quoted(b';'))?.rows() {
        let digits: String = row
            .get("Code diplôme")
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        cfds.insert(digits);
    }
    for source in entries(&bcn) {
        let n = name(&source);
        if n.starts_with("nMef") || !(n.ends_with(".csv") || n.ends_with(".csv.gz")) {
            continue;
        }
        if n.starts_with("nFormationDiplome") || n.starts_with("vFormationDiplome") {
            let csv = Csv::open(&source, Dialect::quoted(b';'))?;
            let bytes = csv.extract(|r| cfds.contains(r.get("FORMATION_DIPLOME")));
            files.insert(relative(data, &source), bytes);
        } else {
            files.insert(relative(data, &source), read(&source)?);
        }
    }
    Ok(cfds)
}

/// The apprenticeship organisations of the region, and those elsewhere
/// whose UAI is a school of the region's programmes (none today), written
/// back as the same single-key JSON document.
fn organismes(data: &Path, files: &mut Files) -> Result<(), ImportError> {
    let Some(source) = largest(
        &data.join("apprentissage"),
        "catalogue_etablissement_apprentissage",
    ) else {
        return Ok(());
    };
    let schools: HashSet<String> = files
        .iter()
        .filter(|(path, _)| path.starts_with("orion/attractivite_capacite"))
        .flat_map(|(_, bytes)| {
            String::from_utf8_lossy(bytes)
                .lines()
                .filter_map(|l| l.split(';').next().map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    let text = String::from_utf8(read(&source)?)
        .map_err(|e| format!("{} : UTF-8 invalide : {e}", source.display()))?;
    let document: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text)
        .map_err(|e| format!("{} : JSON illisible : {e}", source.display()))?;
    let mut kept = serde_json::Map::new();
    for (key, list) in document {
        let items = list.as_array().cloned().unwrap_or_default();
        let field = |o: &serde_json::Value, k: &str| {
            o.get(k)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_owned()
        };
        let chosen: Vec<serde_json::Value> = items
            .into_iter()
            .filter(|o| {
                in_region(&field(o, "num_departement")) || schools.contains(&field(o, "uai"))
            })
            .collect();
        kept.insert(key, serde_json::Value::Array(chosen));
    }
    let bytes = serde_json::to_vec_pretty(&kept)
        .map_err(|e| format!("{} : écriture : {e}", source.display()))?;
    files.insert(relative(data, &source), bytes);
    Ok(())
}

/// Whether an offer file has a place of training in the region.
fn lheo_in_region(path: &Path) -> Result<bool, ImportError> {
    for record in Offres::open(path)? {
        let Record::Valid(formation, _) = record? else {
            continue;
        };
        let here = formation
            .actions
            .iter()
            .filter_map(|a| a.lieu.as_ref())
            .any(|lieu| {
                lieu.departement.as_deref().is_some_and(in_region)
                    || lieu
                        .code_postal
                        .as_deref()
                        .and_then(|c| c.get(..2))
                        .is_some_and(in_region)
            });
        if here {
            return Ok(true);
        }
    }
    Ok(false)
}

fn lheo(data: &Path, files: &mut Files) -> Result<(), ImportError> {
    for dir in lheo_dirs(data) {
        for source in campus_formats::lheo::files(&dir)? {
            if lheo_in_region(&source)? {
                files.insert(relative(data, &source), read(&source)?);
            }
        }
    }
    Ok(())
}

/// Every file of the subset of `data`.
pub(super) fn select(data: &Path, sector: &Sector) -> Result<Files, ImportError> {
    let mut files = Files::new();
    communes(data, &mut files)?;
    let formacode = data.join("formacode");
    whole(data, largest(&formacode, "FCod"), &mut files)?;
    let rome = rome(data, sector, &mut files)?;
    let codes = certifinfo(data, sector, &rome, &mut files)?;
    rncp(data, &codes, &mut files)?;
    correspondances(data, &codes, &mut files)?;
    let besoins = devenirs(data, sector, &mut files)?;
    let cfds = affelnet(data, besoins, &mut files)?;
    kit(data, &codes, &cfds, &mut files)?;
    let xml: Vec<PathBuf> = entries(data)
        .into_iter()
        .filter(|d| d.is_dir() && name(d).starts_with("rncp_xml"))
        .flat_map(|d| entries(&d))
        .filter(|p| {
            let n = name(p);
            n.ends_with(".xml") || n.ends_with(".xml.gz")
        })
        .collect();
    whole(data, xml, &mut files)?;
    lheo(data, &mut files)?;
    esr(data, &mut files)?;
    organismes(data, &mut files)?;
    Ok(files)
}
