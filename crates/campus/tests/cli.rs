//! The `campus` command as an administrator runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn campus(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_campus"))
        .args(args)
        .env_remove("CAMPUS_DATABASE_URL")
        .env("CAMPUS_LOG__FILTER", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binaire campus");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The embedded subset of the referentials, unpacked once: real extracts
/// laid out as `../shared/data`, there in a fresh clone too.
fn sous_ensemble() -> PathBuf {
    campus_import::SousEnsemble::embedded()
        .cached(Path::new(env!("CARGO_TARGET_TMPDIR")))
        .unwrap()
}

/// A report's line for `table`, as the import prints it.
fn counts(table: &str, inserted: usize, updated: usize, unchanged: usize) -> String {
    format!("{table:<26} {inserted:>10} {updated:>10} {unchanged:>10}")
}

#[test]
fn unknown_database_scheme_is_a_clear_error() {
    let out = campus(
        &["check", "--database", "mysql://root@localhost/campus"],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("schéma d'URL de base de données inconnu"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn unreachable_database_never_shows_its_password() {
    let out = campus(
        &[
            "check",
            "--database",
            "postgres://campus:Tr3sSecr3t@127.0.0.1:1/campus",
        ],
        None,
    );
    assert!(!out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.contains("injoignable"), "{stderr}");
    assert!(!stderr.contains("Tr3sSecr3t"), "{stderr}");
}

#[test]
fn user_administration() {
    let path = std::env::temp_dir().join(format!("campus-cli-{}.db", std::process::id()));
    let db = format!("sqlite://{}", path.display());
    let out = campus(
        &[
            "user",
            "add",
            "--database",
            &db,
            "--email",
            "Admin@Campus.test",
            "--name",
            "Équipe",
            "--role",
            "admin",
            "--password-stdin",
        ],
        Some("une phrase de passe solide\n"),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("compte créé : admin@campus.test (admin)"));

    let out = campus(
        &[
            "user",
            "add",
            "--database",
            &db,
            "--email",
            "admin@campus.test",
            "--name",
            "Bis",
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("un compte existe déjà"));

    let out = campus(
        &[
            "user",
            "add",
            "--database",
            &db,
            "--email",
            "prof@campus.test",
            "--name",
            "Prof",
            "--role",
            "formateur",
        ],
        None,
    );
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("mot de passe (affiché une seule fois)"));

    let out = campus(
        &[
            "user",
            "add",
            "--database",
            &db,
            "--email",
            "x@campus.test",
            "--name",
            "X",
            "--role",
            "roi",
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("rôle inconnu"));

    let out = campus(
        &[
            "user",
            "set-role",
            "--database",
            &db,
            "--email",
            "prof@campus.test",
            "--role",
            "partenaire",
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = campus(
        &[
            "user",
            "disable",
            "--database",
            &db,
            "--email",
            "prof@campus.test",
        ],
        None,
    );
    assert!(out.status.success());
    let out = campus(&["user", "list", "--database", &db], None);
    let listing = text(&out.stdout);
    assert!(
        listing.contains("prof@campus.test\tpartenaire\tdésactivé"),
        "{listing}"
    );
    assert!(
        listing.contains("admin@campus.test\tadmin\tactif"),
        "{listing}"
    );

    let out = campus(&["check", "--database", &db], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("migrations : à jour"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn import_rome_reports_and_is_idempotent() {
    let path = std::env::temp_dir().join(format!("campus-cli-import-{}.db", std::process::id()));
    let db = format!("sqlite://{}", path.display());
    let dir = sous_ensemble().join("rome_v460");
    let fiches = std::fs::read_to_string(dir.join("unix_referentiel_code_rome_v460_utf8.csv"))
        .unwrap()
        .lines()
        .count()
        - 1;
    let dir = dir.display().to_string();
    let out = campus(&["import", "rome", &dir, "--database", &db], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains(&counts("fiches", fiches, 0, 0)), "{report}");
    assert!(report.contains("rejetées : 0"), "{report}");
    let out = campus(&["import", "rome", &dir, "--database", &db], None);
    assert!(text(&out.stdout).contains(&counts("fiches", 0, 0, fiches)));
    let out = campus(&["import", "rome", "/nulle/part", "--database", &db], None);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("import annulé, aucune donnée modifiée"),
        "{}",
        text(&out.stderr)
    );
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn import_lheo_then_export_to_stdout_and_to_a_file() {
    let path = std::env::temp_dir().join(format!("campus-cli-lheo-{}.db", std::process::id()));
    let db = format!("sqlite://{}", path.display());
    // The subset keeps the region's offer: the Étoile file.
    let samples = sous_ensemble().join("lheo/samples").display().to_string();
    let out = campus(&["import", "lheo", &samples, "--database", &db], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(report.contains(&counts("formations", 1, 0, 0)), "{report}");

    let out = campus(&["export", "lheo", "--database", &db], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let xml = text(&out.stdout);
    assert!(xml.starts_with("<?xml") && xml.contains("<lheo xmlns=\"http://lheo.gouv.fr/2.3\">"));
    assert_eq!(xml.matches("<formation ").count(), 1);
    assert!(text(&out.stderr).contains("1 formation(s) exportée(s)"));

    let file = std::env::temp_dir().join(format!("campus-cli-lheo-{}.xml", std::process::id()));
    let out = campus(
        &[
            "export",
            "lheo",
            "--output",
            &file.display().to_string(),
            "--database",
            &db,
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), xml);

    let out = campus(
        &["import", "lheo", "/nulle/part.xml", "--database", &db],
        None,
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("import annulé, aucune donnée modifiée"));
    let _ = std::fs::remove_file(file);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn import_rncp_xml_reports_and_refuses_a_truncated_export() {
    let path = std::env::temp_dir().join(format!("campus-cli-xml-{}.db", std::process::id()));
    let db = format!("sqlite://{}", path.display());
    let sample = sous_ensemble()
        .join("rncp_xml_sample/export-fiches-rncp-v4.1-extract_RNCP35340_RNCP40792.xml");
    let sample = sample.display().to_string();
    let out = campus(&["import", "rncp-xml", &sample, "--database", &db], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let report = text(&out.stdout);
    assert!(
        report.contains("fiches RNCP                         2          0          0           0"),
        "{report}"
    );
    let content = std::fs::read_to_string(&sample).unwrap();
    let cut = std::env::temp_dir().join(format!("campus-cli-xml-{}.xml", std::process::id()));
    std::fs::write(&cut, &content[..content.len() - 100]).unwrap();
    let out = campus(
        &[
            "import",
            "rncp-xml",
            &cut.display().to_string(),
            "--database",
            &db,
        ],
        None,
    );
    assert!(!out.status.success());
    let error = text(&out.stderr);
    assert!(
        error.contains("import annulé, aucune donnée modifiée")
            && error.contains(&format!("{}:302:40: XML mal formé", cut.display())),
        "{error}"
    );
    std::fs::remove_file(cut).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

#[test]
fn reindex_builds_the_index_on_disk() {
    let stem = std::env::temp_dir().join(format!("campus-cli-reindex-{}", std::process::id()));
    let db = format!("sqlite://{}.db", stem.display());
    let dir = stem.with_extension("index");
    let run = |extra: &[(&str, &str)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_campus"));
        command
            .args(["reindex", "--database", &db])
            .env_remove("CAMPUS_DATABASE_URL")
            .env("CAMPUS_LOG__FILTER", "warn")
            .env("CAMPUS_SEARCH__DIR", &dir);
        for (name, value) in extra {
            command.env(name, value);
        }
        command.output().unwrap()
    };
    let out = run(&[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("index de recherche reconstruit"),
        "{}",
        text(&out.stdout)
    );
    let current = std::fs::read_to_string(dir.join("current")).unwrap();
    assert!(dir.join(current.trim()).is_dir());
    let memory = run(&[("CAMPUS_SEARCH__IN_MEMORY", "true")]);
    assert!(!memory.status.success());
    assert!(text(&memory.stderr).contains("search.in_memory"));
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_file(format!("{}.db", stem.display()));
}

/// The embedded subset is what `campus demo build` makes of the national
/// data, byte for byte: regenerating it from the same files changes
/// nothing.
#[test]
fn demo_build_gives_the_embedded_subset_again() {
    let Some(data) = campus_testkit::national_data("régénération du sous-ensemble embarqué")
    else {
        return;
    };
    let output = std::env::temp_dir().join(format!(
        "campus-sous-ensemble-{}.tar.gz",
        std::process::id()
    ));
    let out = campus(
        &[
            "demo",
            "build",
            &data.display().to_string(),
            "--output",
            &output.display().to_string(),
        ],
        None,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("rome_v460/unix_referentiel_code_rome_v460_utf8.csv"));
    let built = std::fs::read(&output).unwrap();
    std::fs::remove_file(&output).unwrap();
    let embedded = campus_import::SousEnsemble::embedded();
    assert!(
        built == embedded.bytes(),
        "le sous-ensemble embarqué ({} octets) n'est pas celui que produit `campus demo build` ({} octets) : régénérez-le",
        embedded.bytes().len(),
        built.len()
    );
    assert!(built.len() <= 3 * 1024 * 1024);
}

#[test]
fn rapport_refuses_a_year_without_data_a_bad_format_and_an_unknown_frozen_report() {
    let path = std::env::temp_dir().join(format!("campus-cli-rapport-{}.db", std::process::id()));
    let db = format!("sqlite://{}", path.display());
    let output = std::env::temp_dir().join(format!("campus-rapport-{}.pdf", std::process::id()));
    let output_arg = output.display().to_string();
    let out = campus(
        &[
            "rapport",
            "--annee",
            "2026",
            "--format",
            "pdf",
            "--output",
            &output_arg,
            "--database",
            &db,
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("aucune donnée pour l'année 2026"),
        "{}",
        text(&out.stderr)
    );
    assert!(!output.exists(), "no file written for a refused report");
    let out = campus(
        &[
            "rapport",
            "--annee",
            "2026",
            "--format",
            "docx",
            "--output",
            &output_arg,
            "--database",
            &db,
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("format inconnu « docx » (pdf ou xlsx)"),
        "{}",
        text(&out.stderr)
    );
    let out = campus(
        &[
            "rapport",
            "--fige",
            "99",
            "--output",
            &output_arg,
            "--database",
            &db,
        ],
        None,
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("aucun rapport figé n° 99"),
        "{}",
        text(&out.stderr)
    );
    assert!(!output.exists());
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}
