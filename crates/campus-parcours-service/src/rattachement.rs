//! Higher-education programmes attached to the certification their title
//! designates: the engine's [`Matcher`] over Certif Info's titles, the
//! store's trainings without a code of their own, the result written in
//! one transaction.

use std::collections::{HashMap, HashSet};

use campus_domain::CodeCertification;
use campus_parcours::rattachement::{Kind, Matcher, Reference};
use campus_store::Store;
use campus_store::parcours::{CertificationType, ComputedAttachment, UncodedProgramme};

use crate::ServiceError;

/// What [`attach_programmes`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachReport {
    /// Trainings that name no RNCP or RS code of their own.
    pub uncoded: usize,
    /// Of these, those attached to a certification by their title.
    pub attached: usize,
    /// Of these, those kept as the campus team decided.
    pub curated: usize,
    /// Distinct certifications reached.
    pub certifications: usize,
}

/// Attaches every training that names no certification of its own to the
/// one its title designates, replacing the previous computation in one
/// transaction; a training the team has decided on keeps its decision.
/// Run after the imports of Certif Info and of the trainings.
pub async fn attach_programmes(store: &Store) -> Result<AttachReport, ServiceError> {
    let parcours = store.parcours();
    let matcher = matcher(&parcours.list_certification_types().await?);
    let (report, attachments) = attach(&matcher, &parcours.list_uncoded_programmes().await?);
    parcours.replace_computed_attachments(&attachments).await?;
    Ok(report)
}

/// The kind of diploma and the title of each certification, by RNCP code:
/// the first of Certif Info's entries whose type is a kind the matcher
/// knows.
pub fn kinds(types: &[CertificationType]) -> HashMap<String, (Kind, String)> {
    let mut kinds = HashMap::new();
    for t in types {
        if let Some(kind) = Kind::from_type(&t.type_libelle) {
            kinds
                .entry(t.code.as_str().to_owned())
                .or_insert_with(|| (kind, t.libelle.clone()));
        }
    }
    kinds
}

/// The titles programmes are compared with.
fn matcher(types: &[CertificationType]) -> Matcher {
    Matcher::new(
        kinds(types)
            .into_iter()
            .filter_map(|(code, (kind, libelle))| {
                Some(Reference {
                    code: CodeCertification::parse(&code).ok()?,
                    kind,
                    libelle,
                })
            }),
    )
}

/// The attachments of the programmes the team has not decided on, and
/// the figures of the run.
fn attach(
    matcher: &Matcher,
    programmes: &[UncodedProgramme],
) -> (AttachReport, Vec<ComputedAttachment>) {
    let mut report = AttachReport {
        uncoded: programmes.len(),
        ..AttachReport::default()
    };
    let mut attachments = Vec::new();
    let mut reached = HashSet::new();
    for p in programmes {
        if p.curated {
            report.curated += 1;
            continue;
        }
        if let Some(found) = matcher.attach(&p.intitule) {
            report.attached += 1;
            reached.insert(found.code.as_str().to_owned());
            attachments.push(ComputedAttachment {
                formation_id: p.formation_id.clone(),
                code: found.code,
                score: found.score,
            });
        }
    }
    report.certifications = reached.len();
    (report, attachments)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn certification(code: &str, kind: &str, libelle: &str) -> CertificationType {
        CertificationType {
            code: CodeCertification::parse(code).unwrap_or_else(|_| unreachable!()),
            type_libelle: kind.to_owned(),
            libelle: libelle.to_owned(),
        }
    }

    fn programme(id: &str, intitule: &str, curated: bool) -> UncodedProgramme {
        UncodedProgramme {
            formation_id: id.to_owned(),
            intitule: intitule.to_owned(),
            curated,
        }
    }

    #[test]
    fn the_first_known_kind_of_a_code_wins() {
        let kinds = kinds(&[
            certification("RNCP1", "Titre professionnel", "Agent"),
            certification("RNCP1", "Brevet de technicien supérieur", "BTS chimiste"),
            certification("RNCP1", "Licence", "Licence chimie"),
        ]);
        assert_eq!(
            kinds.get("RNCP1"),
            Some(&(Kind::Bts, "BTS chimiste".to_owned()))
        );
    }

    #[test]
    fn decided_programmes_are_counted_not_recomputed() {
        let types = [certification(
            "RNCP36968",
            "Brevet de technicien supérieur",
            "BTS maintenance des systèmes option A : systèmes de production",
        )];
        let matcher = matcher(&types);
        let title = "BTS - Production - Maintenance des systemes - option A Systemes de production";
        let (report, attachments) = attach(
            &matcher,
            &[
                programme("a", title, false),
                programme("b", title, true),
                programme("c", "Master Histoire", false),
            ],
        );
        assert_eq!(
            report,
            AttachReport {
                uncoded: 3,
                attached: 1,
                curated: 1,
                certifications: 1,
            }
        );
        assert_eq!(attachments.len(), 1);
        assert_eq!(attachments[0].formation_id, "a");
        assert_eq!(attachments[0].code.as_str(), "RNCP36968");
    }
}
