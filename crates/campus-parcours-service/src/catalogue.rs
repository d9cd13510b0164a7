//! The engine's referential, built from the catalogue's rows: the ROME
//! trades and skills, the certifications and their blocs, and the links
//! the engine uses (the computed ones merged with the team's decisions).

use campus_parcours::align::{AlignBloc, Curation, Decision, Link, Origin, merge};
use campus_parcours::{BuildReport, Certification, CompetenceId, Referentiel, ReferentielBuilder};
use campus_store::Store;
use campus_store::parcours::{CatalogueParcours, LienBlocCompetence};

use crate::ServiceError;

/// The engine's referential with the blocs to align (title and listed
/// skills), both read from the catalogue in one pass.
#[derive(Debug)]
pub struct Catalogue {
    pub referentiel: Referentiel,
    pub report: BuildReport,
    pub blocs: Vec<AlignBloc>,
}

/// Loads the catalogue into the engine's referential, its blocs linked
/// as the engine uses them.
pub async fn load_catalogue(store: &Store) -> Result<Catalogue, ServiceError> {
    Ok(build(store.parcours().catalogue().await?))
}

/// The referential of the rows.
pub fn build(rows: CatalogueParcours) -> Catalogue {
    let mut b = ReferentielBuilder::new();
    for skill in &rows.skills {
        b.skill(skill);
    }
    for m in rows.metiers {
        if let Some(parent) = m.parent {
            b.parent(m.code.clone(), parent);
        }
        if m.emploi_cadre {
            b.emploi_cadre(m.code.clone());
        }
        b.metier(m.code, &m.libelle);
    }
    for link in &rows.fiche_competences {
        b.fiche_competence(link);
    }
    for mobilite in &rows.mobilites {
        b.mobilite(mobilite);
    }
    for c in rows.certifications {
        b.certification(Certification {
            code: c.code,
            libelle: c.libelle,
            niveau: c.niveau,
            romes: c.romes,
            vae: c.vae,
        });
    }
    let mut blocs = Vec::with_capacity(rows.blocs.len());
    for row in rows.blocs {
        b.bloc(&row.bloc);
        blocs.push(AlignBloc {
            code: row.bloc.code,
            certification: row.bloc.certification,
            libelle: row.bloc.libelle,
            competences: row.competences,
        });
    }
    for link in retained(rows.liens) {
        b.bloc_competence(&link.bloc, link.skill);
    }
    let (referentiel, report) = b.build();
    Catalogue {
        referentiel,
        report,
        blocs,
    }
}

/// The links the engine uses: computed rows merged with the team's
/// decisions, in the order they were taken (the last one on a pair wins).
pub fn retained(rows: Vec<LienBlocCompetence>) -> Vec<Link> {
    let mut computed = Vec::new();
    let mut curations = Vec::new();
    for row in rows {
        match row.origin {
            Origin::Computed => computed.push(Link {
                bloc: row.bloc,
                skill: CompetenceId(row.code_ogr),
                score: row.score as f32,
                origin: Origin::Computed,
                scope: row.scope,
            }),
            Origin::Curated => curations.push(Curation {
                bloc: row.bloc,
                skill: CompetenceId(row.code_ogr),
                decision: if row.removed {
                    Decision::Remove
                } else {
                    Decision::Keep
                },
            }),
        }
    }
    merge(computed, &curations)
}

#[cfg(test)]
mod tests {
    use campus_domain::parcours::Scope;

    use super::*;

    fn row(bloc: &str, code_ogr: i64, origin: Origin, removed: bool) -> LienBlocCompetence {
        LienBlocCompetence {
            bloc: bloc.to_owned(),
            code_ogr,
            score: 0.5,
            origin,
            scope: match origin {
                Origin::Computed => Scope::CertificationTrades,
                Origin::Curated => Scope::Curated,
            },
            removed,
        }
    }

    #[test]
    fn the_team_removes_confirms_and_adds_links() {
        let links = retained(vec![
            row("RNCP1BC01", 10, Origin::Computed, false),
            row("RNCP1BC01", 11, Origin::Computed, false),
            row("RNCP1BC01", 12, Origin::Computed, false),
            row("RNCP1BC01", 10, Origin::Curated, true),
            row("RNCP1BC01", 11, Origin::Curated, false),
            row("RNCP1BC01", 13, Origin::Curated, false),
        ]);
        let kept: Vec<(i64, Origin)> = links.iter().map(|l| (l.skill.0, l.origin)).collect();
        assert_eq!(
            kept,
            [
                (11, Origin::Curated),
                (12, Origin::Computed),
                (13, Origin::Curated)
            ]
        );
        // A link added by hand scores 1; a confirmed one keeps its score.
        assert_eq!(links[2].score, 1.0);
        assert_eq!(links[0].score, 0.5);
    }

    #[test]
    fn the_last_decision_on_a_pair_wins() {
        let links = retained(vec![
            row("RNCP1BC01", 10, Origin::Computed, false),
            row("RNCP1BC01", 10, Origin::Curated, true),
            row("RNCP1BC01", 10, Origin::Curated, false),
        ]);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].origin, Origin::Curated);
    }
}
