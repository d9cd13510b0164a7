//! Command-line arguments and the platform-wide commands.

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::Context;
use campus_store::{Store, redact_url};
use campus_web::{Application, Config, mailer_from_config, shutdown_signal};
use clap::{Parser, Subcommand};

use crate::demo::DemoCommand;
use crate::parcours::ParcoursCommand;
use crate::users::UserCommand;

/// Plateforme du Campus CosmetoPharma Centre-Val de Loire.
#[derive(Debug, Parser)]
#[command(name = "campus", version, about)]
pub struct Cli {
    /// Fichier de configuration (par défaut campus.toml s'il existe).
    #[arg(long, global = true, env = "CAMPUS_CONFIG")]
    config: Option<PathBuf>,
    /// Base de données : sqlite://chemin.db ou postgres://utilisateur@hôte/base.
    #[arg(
        long,
        global = true,
        env = "CAMPUS_DATABASE_URL",
        hide_env_values = true
    )]
    database: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Sert la plateforme (site, API) ; migre la base et charge les données de démonstration si elle est vide.
    Serve {
        /// Adresse et port d'écoute.
        #[arg(long, env = "CAMPUS_BIND")]
        bind: Option<SocketAddr>,
    },
    /// Applique les migrations de la base de données.
    Migrate,
    /// Vérifie la configuration et l'accès à la base de données.
    Check,
    /// Gère les comptes.
    #[command(subcommand)]
    User(UserCommand),
    /// Importe un référentiel officiel dans le catalogue (une transaction, rapport à la fin).
    #[command(subcommand)]
    Import(ImportCommand),
    /// Reconstruit l'index de recherche de ce nœud (dossier search.dir) depuis la base.
    Reindex,
    /// Exporte le catalogue dans un format d'échange.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Rapport annuel d'évaluation du plan d'action : le produit et le fige (chiffres, définitions
    /// en vigueur, empreinte SHA-256 des sources), ou reproduit à l'identique un rapport figé.
    Rapport {
        /// Année du rapport (une année dont la plateforme a des enregistrements).
        #[arg(long, required_unless_present = "fige")]
        annee: Option<i32>,
        /// Format du fichier : pdf ou xlsx.
        #[arg(long, default_value = "pdf")]
        format: String,
        /// Fichier à écrire ; écrit à côté puis renommé une fois complet.
        #[arg(long)]
        output: PathBuf,
        /// Reproduit le rapport figé de ce numéro au lieu d'en produire un nouveau.
        #[arg(long, conflicts_with = "annee")]
        fige: Option<i32>,
    },
    /// Moteur de parcours : alignement des blocs de compétences sur les compétences ROME.
    #[command(subcommand)]
    Parcours(ParcoursCommand),
    /// Données de démonstration : le sous-ensemble réel des référentiels embarqué dans le binaire.
    #[command(subcommand)]
    Demo(DemoCommand),
}

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Offres de formation en LHÉO 2.3 (celles lues d'un fichier LHÉO).
    Lheo {
        /// Fichier à écrire (sortie standard par défaut) ; écrit à côté puis renommé une fois complet.
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Tous les référentiels d'un dossier rangé comme les téléchargements du campus (rome_v…/,
    /// certifinfo/, rncp_rs_…/, rncp_tables_…/, rncp_xml…/, apprentissage/, formacode/, bcn/, onisep/, geo/, lheo/, esr/, orion/), dans
    /// l'ordre de leurs références ; une transaction par référentiel.
    All {
        /// Dossier des référentiels.
        dir: PathBuf,
    },
    /// ROME 4.0 (France Travail) : dossier des fichiers unix_*_v<version>_utf8.csv[.gz].
    Rome {
        /// Dossier du référentiel.
        dir: PathBuf,
    },
    /// Certif Info (réseau des Carif-Oref) : fichier certif_info.csv[.gz].
    Certifinfo {
        /// Fichier Certif Info.
        file: PathBuf,
    },
    /// RNCP / RS (France compétences) : dossier de l'export CSV (blocs, certificateurs, CCN, ancienne/nouvelle).
    Rncp {
        /// Dossier de l'export.
        dir: PathBuf,
    },
    /// Tables de correspondances RNCP 2021 (France compétences) : dossier de rncp_rome.csv[.gz]
    /// (métiers ROME v3 visés par chaque certification) et rncp_blocs_competences.csv[.gz]
    /// (blocs de 2021, lus pour les fiches que l'export RNCP récent n'a pas).
    Correspondances {
        /// Dossier des tables.
        dir: PathBuf,
    },
    /// RNCP (France compétences) : export XML des fiches, flux 4.1 (export-fiches-rncp-v4.1-….xml[.gz]).
    RncpXml {
        /// Fichier de l'export XML.
        file: PathBuf,
    },
    /// Kit apprentissage (mission apprentissage) : fichier Kit_apprentissage_AAAAMMJJ.csv[.gz]
    /// (diplômes CFD ↔ fiches RNCP, accès à l'apprentissage, échéance de la fiche).
    KitApprentissage {
        /// Fichier du kit.
        file: PathBuf,
    },
    /// Offres d'un flux partenaire : flux RSS 2.0 de la Place de l'apprentissage et des stages
    /// (offres d'apprentissage du secteur public). Réimporter le même flux ne change rien ; une
    /// offre que le flux ne liste plus est fermée.
    Offres {
        /// Fichier du flux (.rss, .xml, éventuellement .gz).
        file: PathBuf,
    },
    /// Équipements de la plateforme technologique : liste CSV (`;`, UTF-8) dont l'en-tête nomme
    /// les colonnes nom;categorie;organisation;site;description;capacites;regles_securite;
    /// habilitation_requise;tarif_academique;tarif_industriel;jours;ouverture;fermeture;
    /// approbation_requise. Tout ou rien : une ligne refusée et rien n'est enregistré ; un
    /// équipement du même nom est mis à jour, les autres sont créés.
    Equipements {
        /// Fichier de la liste (.csv, éventuellement .gz).
        file: PathBuf,
    },
    /// BCN (Éducation nationale) : dossier des nomenclatures (N_ et V_FORMATION_DIPLOME, niveaux,
    /// NSF, diplômes professionnels, départements et académies).
    Bcn {
        /// Dossier des fichiers de la BCN.
        dir: PathBuf,
    },
    /// ONISEP : liste Idéo des formations initiales (ideo-formations_initiales_en_france.csv[.gz]).
    Onisep {
        /// Fichier Idéo.
        file: PathBuf,
    },
    /// Formacode (Centre Inffo) : fichier FCod-utf-8.csv[.gz] du thésaurus.
    Formacode {
        /// Fichier du thésaurus.
        file: PathBuf,
    },
    /// Communes : code officiel géographique (communes.json du paquet @etalab/decoupage-administratif)
    /// et coordonnées de la base des codes postaux de La Poste (laposte_hexasmal.csv).
    Communes {
        /// Fichier communes.json[.gz].
        cog: PathBuf,
        /// Fichier laposte_hexasmal.csv[.gz].
        laposte: PathBuf,
    },
    /// Formations de l'enseignement supérieur (MESR) : dossier des extraits fr-esr-parcoursup*.csv[.gz]
    /// et fr-esr-tmm*.csv[.gz] (« Trouver mon master »).
    Esr {
        /// Dossier des extraits.
        dir: PathBuf,
    },
    /// Organismes de formation en apprentissage (catalogue national de la mission apprentissage) :
    /// fichier catalogue_etablissement_apprentissage_….json[.gz], dans l'annuaire des partenaires
    /// comme organismes référencés.
    OrganismesApprentissage {
        /// Fichier du catalogue.
        file: PathBuf,
    },
    /// Formations professionnelles des lycées (Affelnet, via Orion) : fichier
    /// attractivite_capacite_AAAA.csv[.gz] (établissement × formation, capacité, premiers vœux).
    Affelnet {
        /// Fichier Affelnet.
        file: PathBuf,
        /// Fichier nMef.csv[.gz] de la BCN (MEF → diplôme).
        #[arg(long)]
        mef: PathBuf,
    },
    /// Devenir des sortants de voie professionnelle (InserJeunes, via Orion) : fichier
    /// ij_region_data.csv[.gz] (millésime × région × voie × formation). Refusé en entier à la
    /// moindre ligne illisible.
    Inserjeunes {
        /// Fichier InserJeunes.
        file: PathBuf,
        /// Fichier nMef.csv[.gz] de la BCN (MEF → diplôme) ; par défaut ../bcn/nMef.csv.gz à
        /// côté du dossier du fichier.
        #[arg(long)]
        mef: Option<PathBuf>,
    },
    /// Attractivité et effectifs des formations professionnelles (Orion) : dossier des fichiers
    /// attractivite_capacite_AAAA (Affelnet), BTS_attractivite_capacite_AAAA (Parcoursup) et
    /// constat_AAAA (constat de rentrée). Refusé en entier à la moindre ligne illisible.
    Orion {
        /// Dossier des fichiers Orion.
        dir: PathBuf,
        /// Fichier nMef.csv[.gz] de la BCN (MEF → diplôme) ; par défaut ../bcn/nMef.csv.gz à
        /// côté du dossier.
        #[arg(long)]
        mef: Option<PathBuf>,
    },
    /// Offres de formation LHÉO 2.2 ou 2.3 (Carif-Oref, ONISEP) : un fichier .xml[.gz] ou un dossier.
    Lheo {
        /// Fichier ou dossier de fichiers .xml.
        path: PathBuf,
    },
}

impl Cli {
    /// The configuration, with the command line's flags applied last.
    pub fn config(&self) -> anyhow::Result<Config> {
        let mut config = Config::load(self.config.as_deref())?;
        if let Some(url) = &self.database {
            config.database.url = url.clone();
        }
        if let Command::Serve { bind: Some(bind) } = &self.command {
            config.server.bind = *bind;
        }
        Ok(config)
    }
}

pub async fn serve(config: Config) -> anyhow::Result<()> {
    let mailer = mailer_from_config(&config)?;
    let app = Application::build(config, mailer).await?;
    tracing::info!(adresse = %app.local_addr()?, "campus est prêt : http://{}", app.local_addr()?);
    app.run_until_stopped(shutdown_signal()).await
}

pub async fn migrate(config: Config) -> anyhow::Result<()> {
    let store = Store::connect(&config.database.url, 1).await?;
    let pending = store.pending_migrations().await?;
    store.migrate().await.context("migration")?;
    println!(
        "{} migration(s) appliquée(s) sur {}",
        pending.len(),
        redact_url(&config.database.url)
    );
    store.close().await?;
    Ok(())
}

/// What the InserJeunes and Orion imports say when no `N_MEF` is found.
const NMEF_ABSENT: &str =
    "fichier nMef.csv de la BCN introuvable dans ../bcn : donnez-le avec --mef";

pub async fn import(config: Config, command: ImportCommand) -> anyhow::Result<()> {
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await.context("migration")?;
    let (source, sources) = command.provenance();
    let result = match command {
        ImportCommand::All { dir } => {
            let mut total = 0;
            let result = campus_import::import_all(&store, &dir, |step, report| {
                total += report.rows();
                println!("== {} ({})", step.kind, paths(&step.paths));
                print!("{report}");
            })
            .await;
            store.close().await?;
            return match result {
                Ok(done) => {
                    println!("== {} imports, {total} lignes", done.len());
                    Ok(())
                }
                Err(err) => anyhow::bail!("{err}"),
            };
        }
        ImportCommand::Rome { dir } => campus_import::import_rome(&store, &dir).await,
        ImportCommand::Certifinfo { file } => campus_import::import_certifinfo(&store, &file).await,
        ImportCommand::Rncp { dir } => campus_import::import_rncp(&store, &dir).await,
        ImportCommand::Correspondances { dir } => {
            campus_import::import_correspondances(&store, &dir).await
        }
        ImportCommand::RncpXml { file } => campus_import::import_rncp_xml(&store, &file).await,
        ImportCommand::KitApprentissage { file } => {
            campus_import::import_kit_apprentissage(&store, &file).await
        }
        ImportCommand::Offres { file } => {
            let sector = config.sector.sector().context("secteur du campus")?;
            let tables = campus_search::load_suggestions(&store, &sector).await?;
            campus_import::import_offres(&store, &file, &tables).await
        }
        ImportCommand::Equipements { file } => {
            campus_import::import_equipements(&store, &file).await
        }
        ImportCommand::Bcn { dir } => campus_import::import_bcn(&store, &dir).await,
        ImportCommand::Onisep { file } => campus_import::import_onisep(&store, &file).await,
        ImportCommand::Formacode { file } => campus_import::import_formacode(&store, &file).await,
        ImportCommand::Communes { cog, laposte } => {
            campus_import::import_communes(&store, &cog, &laposte).await
        }
        ImportCommand::Esr { dir } => campus_import::import_esr(&store, &dir).await,
        ImportCommand::Lheo { path } => campus_import::import_lheo(&store, &path).await,
        ImportCommand::OrganismesApprentissage { file } => {
            campus_import::import_organismes_apprentissage(&store, &file).await
        }
        ImportCommand::Affelnet { file, mef } => {
            campus_import::import_affelnet(&store, &file, &mef).await
        }
        ImportCommand::Inserjeunes { file, mef } => {
            match mef.or_else(|| file.parent().and_then(campus_import::n_mef_voisin)) {
                Some(mef) => campus_import::import_inserjeunes(&store, &file, &mef).await,
                None => Err(NMEF_ABSENT.into()),
            }
        }
        ImportCommand::Orion { dir, mef } => {
            match mef.or_else(|| campus_import::n_mef_voisin(&dir)) {
                Some(mef) => campus_import::import_orion(&store, &dir, &mef).await,
                None => Err(NMEF_ABSENT.into()),
            }
        }
    };
    let result = match result {
        Ok(report) => campus_import::enregistrer_sources(&store, source, &sources, report.rows())
            .await
            .map(|()| report),
        Err(err) => Err(err),
    };
    store.close().await?;
    match result {
        Ok(report) => {
            print!("{report}");
            Ok(())
        }
        Err(err) => anyhow::bail!("import annulé, aucune donnée modifiée : {err}"),
    }
}

impl ImportCommand {
    /// The import's name and the files it reads, recorded with their
    /// SHA-256 once it succeeds (`import all` records each of its steps).
    fn provenance(&self) -> (&'static str, Vec<PathBuf>) {
        use ImportCommand::*;
        let with_mef = |path: &PathBuf, mef: &Option<PathBuf>| {
            std::iter::once(path.clone()).chain(mef.clone()).collect()
        };
        match self {
            All { dir } => ("all", vec![dir.clone()]),
            Rome { dir } => ("rome", vec![dir.clone()]),
            Certifinfo { file } => ("certifinfo", vec![file.clone()]),
            Rncp { dir } => ("rncp", vec![dir.clone()]),
            Correspondances { dir } => ("correspondances", vec![dir.clone()]),
            RncpXml { file } => ("rncp-xml", vec![file.clone()]),
            KitApprentissage { file } => ("kit-apprentissage", vec![file.clone()]),
            Offres { file } => ("offres", vec![file.clone()]),
            Equipements { file } => ("equipements", vec![file.clone()]),
            Bcn { dir } => ("bcn", vec![dir.clone()]),
            Onisep { file } => ("onisep", vec![file.clone()]),
            Formacode { file } => ("formacode", vec![file.clone()]),
            Communes { cog, laposte } => ("communes", vec![cog.clone(), laposte.clone()]),
            Esr { dir } => ("esr", vec![dir.clone()]),
            OrganismesApprentissage { file } => ("organismes-apprentissage", vec![file.clone()]),
            Affelnet { file, mef } => ("affelnet", vec![file.clone(), mef.clone()]),
            Inserjeunes { file, mef } => ("inserjeunes", with_mef(file, mef)),
            Orion { dir, mef } => ("orion", with_mef(dir, mef)),
            Lheo { path } => ("lheo", vec![path.clone()]),
        }
    }
}

fn paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub async fn export(config: Config, command: ExportCommand) -> anyhow::Result<()> {
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await.context("migration")?;
    let ExportCommand::Lheo { output } = command;
    let report = match &output {
        None => {
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            campus_import::export_lheo(&store, stdout).await
        }
        Some(path) => {
            // A partial file never takes the place of a complete one.
            let mut partial = path.as_os_str().to_owned();
            partial.push(".partiel");
            let partial = PathBuf::from(partial);
            let file = std::fs::File::create(&partial)
                .with_context(|| format!("création de {}", partial.display()))?;
            let result = campus_import::export_lheo(&store, std::io::BufWriter::new(file)).await;
            match result {
                Ok(report) => {
                    std::fs::rename(&partial, path)
                        .with_context(|| format!("écriture de {}", path.display()))?;
                    Ok(report)
                }
                Err(err) => {
                    let _ = std::fs::remove_file(&partial);
                    Err(err)
                }
            }
        }
    };
    store.close().await?;
    match report {
        Ok(report) => {
            eprintln!(
                "{} formation(s) exportée(s) ; {} sans description LHÉO (enseignement supérieur) non exportée(s)",
                report.formations, report.omitted
            );
            Ok(())
        }
        Err(err) => anyhow::bail!("export interrompu : {err}"),
    }
}

/// Rebuilds this node's search index. A server running on the same folder
/// keeps its own until the catalogue changes; one started afterwards uses
/// this one.
pub async fn reindex(config: Config) -> anyhow::Result<()> {
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await.context("migration")?;
    let location = match config.index_location() {
        campus_search::IndexLocation::Memory => {
            anyhow::bail!("search.in_memory est activé : aucun index sur disque à reconstruire")
        }
        dir => dir,
    };
    let started = std::time::Instant::now();
    let catalogue =
        campus_search::Catalogue::build(&store, location, config.sector.sector()?).await?;
    let index = catalogue.index();
    println!(
        "index de recherche reconstruit dans {} : {} documents, génération {}, {:.1} s",
        config.search.dir.display(),
        index.len(),
        index.generation(),
        started.elapsed().as_secs_f64()
    );
    store.close().await?;
    Ok(())
}

pub async fn check(config: Config) -> anyhow::Result<()> {
    println!("configuration : valide");
    println!("écoute : {}", config.server.bind);
    println!("adresse publique : {}", config.server.public_url);
    println!("e-mails : {:?}", config.mail.transport);
    let store = Store::connect(&config.database.url, 1).await?;
    println!(
        "base de données : {} ({}) joignable",
        redact_url(&config.database.url),
        store.backend().as_str()
    );
    let pending = store.pending_migrations().await?;
    if pending.is_empty() {
        println!("migrations : à jour");
    } else {
        println!("migrations en attente : {}", pending.join(", "));
    }
    store.close().await?;
    Ok(())
}

/// Writes `bytes` to `path` through a partial file renamed once complete,
/// so that an interrupted run never leaves half a report in its place.
fn write_whole(path: &std::path::Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partiel");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes)
        .with_context(|| format!("écriture de {}", partial.display()))?;
    std::fs::rename(&partial, path).with_context(|| format!("écriture de {}", path.display()))
}

/// `campus rapport`: produces and freezes the report of a year, or
/// renders a frozen one again, and writes it in the format asked.
pub async fn rapport(
    config: Config,
    annee: Option<i32>,
    format: &str,
    output: &std::path::Path,
    fige: Option<i32>,
) -> anyhow::Result<()> {
    use campus_web::evaluation::rapport::{self as r, Format};
    let format = Format::parse(format)?;
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await.context("migration")?;
    let result = async {
        let (fige, rapport) = match (fige, annee) {
            (Some(id), _) => {
                let fige = store
                    .rapports()
                    .get(id)
                    .await?
                    .with_context(|| format!("aucun rapport figé n° {id}"))?;
                let rapport = r::relire(&fige)?;
                (fige, rapport)
            }
            (None, Some(annee)) => {
                let today = campus_domain::Clock::System.today();
                r::produire(&store, &config.sector.sector()?, annee, today, None).await?
            }
            (None, None) => anyhow::bail!("donnez --annee ou --fige"),
        };
        let bytes = r::rendre(&rapport, format)?;
        write_whole(output, &bytes)?;
        let attendu = match format {
            Format::Pdf => &fige.sha256_pdf,
            Format::Xlsx => &fige.sha256_xlsx,
        };
        let obtenu = r::sha256_hex(&bytes);
        anyhow::ensure!(
            &obtenu == attendu,
            "le rapport figé n° {} ne se reproduit pas à l'identique (SHA-256 {obtenu} au lieu de {attendu})",
            fige.id
        );
        println!(
            "rapport {} figé n° {} écrit dans {} ({} octets, SHA-256 {obtenu})",
            rapport.annee,
            fige.id,
            output.display(),
            bytes.len()
        );
        Ok(())
    }
    .await;
    store.close().await?;
    result
}
