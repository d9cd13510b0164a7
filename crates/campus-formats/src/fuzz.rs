//! Every reader of this crate, given its real header line followed by
//! arbitrary bytes (or arbitrary bytes alone): records, rejections or an
//! error, never a panic. The header is taken from the real files so that
//! the bytes reach the per-row parsing, where a panic would hide.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use proptest::prelude::*;

use crate::affelnet::offres_affelnet;
use crate::bcn::{BcnFolder, n_mef};
use crate::certifications::{RncpFolder, certif_info};
use crate::communes::{cog_communes, laposte_positions};
use crate::correspondances::CorrespondancesFolder;
use crate::formacode::formacode;
use crate::inserjeunes::devenirs;
use crate::kit_apprentissage::kit_apprentissage;
use crate::onisep::formations;
use crate::orion::{bts_parcoursup, constat};
use crate::rome::RomeFolder;
use crate::{FormatError, Record, Records};

/// The national data the headers come from, looked for once (so that a
/// fresh clone says once that these cases were not run).
fn data() -> Option<&'static Path> {
    static DATA: OnceLock<Option<PathBuf>> = OnceLock::new();
    DATA.get_or_init(|| campus_testkit::national_data("en-têtes des fichiers nationaux"))
        .as_deref()
}

/// The first line of a real file, decompressed and in UTF-8; read once
/// per file (finding the encoding reads the whole file).
fn header(path: &Path) -> Vec<u8> {
    static HEADERS: OnceLock<Mutex<HashMap<PathBuf, Vec<u8>>>> = OnceLock::new();
    let mut headers = HEADERS
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    headers
        .entry(path.to_owned())
        .or_insert_with(|| {
            let (stream, _) = crate::open(path).unwrap();
            let mut line = Vec::new();
            BufReader::new(stream).read_until(b'\n', &mut line).unwrap();
            line
        })
        .clone()
}

/// A fresh folder holding, for every file of `source`, a plain file of the
/// same name (without `.gz`) made of its header (if `with_header`) and
/// `tail`.
fn folder(data: &Path, source: &str, tail: &[u8], with_header: bool) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "campus-fuzz-{}-{}",
        std::process::id(),
        uuid_like()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(data.join(source)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !(name.ends_with(".csv") || name.ends_with(".csv.gz") || name.ends_with(".json.gz")) {
            continue;
        }
        let mut content = if with_header {
            header(&path)
        } else {
            Vec::new()
        };
        content.extend_from_slice(tail);
        std::fs::write(dir.join(name.trim_end_matches(".gz")), content).unwrap();
    }
    dir
}

/// A name no other case of this process uses.
fn uuid_like() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

fn drain<T>(records: Result<Records<T>, FormatError>) {
    if let Ok(records) = records {
        for (count, record) in records.enumerate() {
            assert!(count < 100_000, "lecture sans fin");
            let _ = record.map(|r| matches!(r, Record::Valid(..)));
        }
    }
}

fn file(dir: &Path, prefix: &str) -> PathBuf {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap()
}

fn all_readers(tail: &[u8], with_header: bool) {
    let Some(data) = data() else {
        return;
    };
    let folder = |source: &str| folder(data, source, tail, with_header);
    let rome = folder("rome_v460");
    if let Ok(r) = RomeFolder::new(&rome) {
        drain(r.fiches());
        drain(r.appellations());
        drain(r.skills());
        drain(r.fiche_competences());
        drain(r.contextes());
        drain(r.fiche_contextes());
        drain(r.mobilites());
        drain(r.textes());
    }
    let rncp = folder("rncp_rs_2024-01-17");
    if let Ok(r) = RncpFolder::new(&rncp) {
        drain(r.blocs());
        drain(r.certificateurs());
        drain(r.lignees());
        drain(r.ccn());
    }
    let correspondances = folder("rncp_tables_2021");
    if let Ok(c) = CorrespondancesFolder::new(&correspondances) {
        drain(c.romes());
        if let Ok(Some(blocs)) = c.blocs() {
            drain(Ok(blocs));
        }
    }
    let certifinfo = folder("certifinfo");
    drain(certif_info(&file(&certifinfo, "certif_info.csv")));
    let apprentissage = folder("apprentissage");
    drain(kit_apprentissage(&file(
        &apprentissage,
        "Kit_apprentissage",
    )));
    let fcod = folder("formacode");
    drain(formacode(&file(&fcod, "FCod")));
    let onisep = folder("onisep");
    drain(formations(&file(&onisep, "ideo")));
    let bcn = folder("bcn");
    if let Ok(b) = BcnFolder::new(&bcn) {
        drain(b.n_formation_diplome());
        drain(b.v_formation_diplome());
        drain(b.niveaux());
        drain(b.diplomes_professionnels());
        drain(b.departements());
        if let Ok(tiers) = b.nsf() {
            tiers.into_iter().for_each(|t| drain(Ok(t)));
        }
    }
    drain(n_mef(&file(&bcn, "nMef")));
    let orion = folder("orion");
    drain(offres_affelnet(&file(&orion, "attractivite_capacite")));
    drain(bts_parcoursup(&file(&orion, "BTS_attractivite_capacite")));
    drain(constat(&file(&orion, "constat")));
    let inserjeunes = folder("inserjeunes");
    drain(devenirs(&file(&inserjeunes, "ij_region_data")));
    let geo = folder("geo");
    let positions = laposte_positions(&file(&geo, "laposte_hexasmal_2020-04.csv"))
        .map(|(p, _)| p)
        .unwrap_or_default();
    let cog = folder("geo/decoupage-administratif-6.0.0");
    let mut count = 0;
    let _ = cog_communes(&file(&cog, "communes.json"), &positions, |record| {
        count += 1;
        matches!(record, Record::Valid(..)) || count < 100_000
    });
    for dir in [
        rome,
        rncp,
        correspondances,
        certifinfo,
        fcod,
        onisep,
        bcn,
        orion,
        inserjeunes,
        geo,
        cog,
    ] {
        std::fs::remove_dir_all(dir).unwrap();
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn every_reader_takes_any_bytes_after_its_header(
        tail in proptest::collection::vec(any::<u8>(), 0..768),
        with_header in any::<bool>(),
    ) {
        all_readers(&tail, with_header);
    }

    #[test]
    fn every_reader_takes_rows_of_separators_and_quotes(
        tail in "([;,\"\\t\\r\\n]|[A-Z0-9]{1,9}|é|\u{FEFF}){0,120}",
    ) {
        all_readers(tail.as_bytes(), true);
    }
}
