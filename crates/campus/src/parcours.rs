//! `campus parcours …`: the training-path engine on the catalogue, for the
//! campus team after each import of the referentials.

use std::collections::HashSet;

use anyhow::Context;
use campus_domain::CodeRome;
use campus_domain::rome::Coeur;
use campus_parcours::CompetenceId;
use campus_parcours::align::{AlignParams, coverage};
use campus_store::Store;
use campus_web::Config;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ParcoursCommand {
    /// Rattache les formations sans code RNCP (Parcoursup, masters) à la certification que
    /// désigne leur intitulé, aligne les blocs de compétences RNCP sur les compétences ROME,
    /// enregistre les liens calculés (les corrections de l'équipe sont conservées) et affiche
    /// la couverture.
    Aligner,
    /// Tire des liens bloc → compétence calculés des certifications du secteur, pour en
    /// vérifier la justesse à la main : une ligne TSV par lien (bloc, certification, intitulé du
    /// bloc, code OGR, compétence, score), dans l'ordre d'un hachage de la graine.
    Echantillon {
        /// Nombre de liens.
        #[arg(long, default_value_t = 200)]
        taille: usize,
        /// Graine du tirage : la même graine tire les mêmes liens du même catalogue.
        #[arg(long, default_value_t = 2026)]
        graine: u64,
    },
}

pub async fn run(config: Config, command: ParcoursCommand) -> anyhow::Result<()> {
    match command {
        ParcoursCommand::Aligner => aligner(config).await,
        ParcoursCommand::Echantillon { taille, graine } => {
            echantillon(config, taille, graine).await
        }
    }
}

/// Tabs and line breaks of a text, as spaces: one link per TSV line.
fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// The campus's sector trades and the catalogue, migrated.
async fn open(config: &Config) -> anyhow::Result<(Vec<CodeRome>, Store)> {
    let sector = config.sector.sector().context("secteur du campus")?;
    let romes: Vec<CodeRome> = sector
        .romes()
        .filter_map(|code| CodeRome::parse(code).ok())
        .collect();
    let store = Store::connect(&config.database.url, 2).await?;
    store.migrate().await.context("migration")?;
    Ok((romes, store))
}

async fn echantillon(config: Config, taille: usize, graine: u64) -> anyhow::Result<()> {
    let (romes, store) = open(&config).await?;
    let links = campus_parcours_service::sample_links(&store, &romes, taille, graine)
        .await
        .context("échantillon des liens")?;
    println!("bloc\tcertification\tintitule_bloc\tcode_ogr\tcompetence\tscore");
    for l in links {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{:.3}",
            l.bloc,
            l.certification,
            cell(&l.bloc_libelle),
            l.code_ogr,
            cell(&l.competence),
            l.score
        );
    }
    store.close().await?;
    Ok(())
}

async fn aligner(config: Config) -> anyhow::Result<()> {
    let (romes, store) = open(&config).await?;
    let started = std::time::Instant::now();
    let attached = campus_parcours_service::attach_programmes(&store)
        .await
        .context("rattachement des formations")?;
    println!(
        "rattachement : {} formations sans code RNCP, {} rattachées à une certification par leur intitulé ({:.1} %), {} gardées comme l'équipe l'a décidé, {} certifications atteintes, {:.1} s",
        attached.uncoded,
        attached.attached,
        100.0 * attached.attached as f64 / attached.uncoded.max(1) as f64,
        attached.curated,
        attached.certifications,
        started.elapsed().as_secs_f64()
    );
    let started = std::time::Instant::now();
    let alignment = campus_parcours_service::align_catalogue(&store, AlignParams::default())
        .await
        .context("alignement")?;
    let elapsed = started.elapsed();
    let referentiel = &alignment.catalogue.referentiel;
    let cover = coverage(referentiel, &alignment.links, &romes);
    println!(
        "alignement : {} blocs, {} liens calculés enregistrés, {} remplacés par une décision de l'équipe, {} liens retenus, {:.1} s",
        alignment.catalogue.blocs.len(),
        alignment.stored.computed,
        alignment.stored.superseded,
        alignment.links.len(),
        elapsed.as_secs_f64()
    );
    println!(
        "blocs reliés à au moins une compétence : {} sur {} ({:.1} %)",
        cover.blocs_linked,
        cover.blocs,
        100.0 * cover.blocs_share()
    );
    println!(
        "compétences cœur de métier des {} métiers du secteur atteintes par au moins un bloc : {:.1} %",
        cover.metiers.len(),
        100.0 * cover.core_share()
    );
    for m in &cover.metiers {
        println!(
            "  {} : {} sur {} ({:.0} %)",
            m.code.as_str(),
            m.core_reachable,
            m.core,
            100.0 * m.share()
        );
    }
    // What a learner can actually be offered: the skills the catalogue's
    // trainings teach (a bloc's links, or a whole certification's).
    let units = campus_parcours_service::training_units(&store, referentiel)
        .await
        .context("unités de formation")?
        .units;
    let taught: HashSet<CompetenceId> = units
        .iter()
        .flat_map(|u| u.skills.iter().copied())
        .collect();
    let (mut core, mut reached) = (0, 0);
    let mut lines = Vec::new();
    for code in &romes {
        let skills: Vec<CompetenceId> = referentiel
            .metier_competences(code)
            .into_iter()
            .filter(|(_, c)| *c == Some(Coeur::Principale))
            .map(|(s, _)| s)
            .collect();
        let n = skills.iter().filter(|s| taught.contains(s)).count();
        core += skills.len();
        reached += n;
        lines.push(format!("  {} : {n} sur {}", code.as_str(), skills.len()));
    }
    println!(
        "compétences cœur de métier des métiers du secteur enseignées par au moins une des {} unités de formation du catalogue : {:.1} %",
        units.len(),
        100.0 * reached as f64 / core.max(1) as f64
    );
    for line in lines {
        println!("{line}");
    }
    store.close().await?;
    Ok(())
}
