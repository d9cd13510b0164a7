//! A computed path told in words: the gap, the plans, the VAE suggestions
//! and, when nothing fits, what to relax. Built once per request from the
//! engine's outcome and the loaded catalogue (labels, places), in the
//! reader's language; the templates only lay it out.

use campus_domain::parcours::DemandeParcours;
use campus_parcours::gap::{Gap, Requirement, acquired, gap};
use campus_parcours::plan::{
    Constraint, Modalite, Objective, Outcome, Plan, PlanReason, Relaxation, Request, Totals,
    UnitKind, plan,
};
use campus_parcours::{CompetenceId, ParcoursError, Referentiel, Route};
use campus_store::Store;
use campus_store::parcours::{CalculParcours, Canal};

use crate::i18n::Tr;
use crate::parcours::engine::Loaded;

/// The engine's answer to a request.
#[derive(Debug, Clone)]
pub struct Computed {
    pub gap: Gap,
    pub outcome: Outcome,
}

/// Runs the engine on a valid request.
pub fn compute(loaded: &Loaded, demande: &DemandeParcours) -> Result<Computed, ParcoursError> {
    let r = &loaded.referentiel;
    let input = campus_parcours_service::engine_input(demande);
    let have = acquired(r, &input.profile)?;
    let gap = gap(r, &have, &demande.cible)?;
    let outcome = plan(
        r,
        &Request {
            profile: &input.profile,
            acquired: &have,
            gap: &gap,
            units: &loaded.units,
            constraints: &input.constraints,
            objective: input.objective,
        },
    )?;
    Ok(Computed { gap, outcome })
}

/// Records a computation, naming no one, for the evaluation of lever 3
/// (paths computed, share with a plan). A failure to record is logged
/// and does not withhold the person's results.
pub async fn noter(store: &Store, demande: &DemandeParcours, computed: &Computed, canal: Canal) {
    let calcul = CalculParcours {
        statut: demande.statut.map(|s| s.as_str()),
        cible: demande.cible.as_str(),
        plan_trouve: matches!(computed.outcome, Outcome::Plans { .. }),
        canal,
    };
    if let Err(e) = store.parcours().noter_calcul(calcul).await {
        tracing::warn!(erreur = %e, "calcul de parcours non compté");
    }
}

/// A missing skill.
pub struct CompetenceView {
    pub libelle: String,
    /// Message key of its kind (savoir-faire, savoir-être, savoir).
    pub kind_key: &'static str,
}

/// A unit of a plan.
pub struct UnitView {
    pub libelle: String,
    /// `bloc`, `certification` or `module`, as message keys.
    pub kind_key: &'static str,
    pub code: String,
    pub covers: Vec<String>,
    /// Why it is in the plan, in one sentence: « Couvre 4 des 7
    /// compétences cœur de métier qui vous manquent ».
    pub why: String,
    /// Its dates, or « à la demande », in words.
    pub quand: String,
    pub lieu: Option<String>,
    pub organisme: Option<String>,
    pub formation_id: Option<String>,
    /// No session known: dates, place and cost are asked of the
    /// certifiers named in `organisme`.
    pub sans_session: bool,
    pub distance_km: Option<u64>,
    pub duree: u64,
    pub cout: u64,
    pub modalite_key: &'static str,
}

/// A plan, best or alternative.
pub struct PlanView {
    pub title: String,
    pub why: String,
    pub units: Vec<UnitView>,
    pub duree: u64,
    pub cout: u64,
    /// `None` without a home commune: no distance was computed.
    pub distance: Option<u64>,
    /// Certifications obtained in full: `(code, title)`.
    pub certifications: Vec<(String, String)>,
    /// Gap skills the plan leaves (never a core one).
    pub uncovered: usize,
    pub optimal: bool,
}

pub struct VaeView {
    pub code: String,
    pub libelle: String,
    pub share_pct: u64,
    pub missing: usize,
    pub gap_covered: usize,
    /// « Vos 3 ans comme … y mènent », when that is why it is proposed.
    pub why: Option<String>,
}

/// Why no plan fits, in sentences.
pub struct InfeasibleView {
    pub blocking: Vec<String>,
    pub unteachable: Vec<String>,
    pub relax: Vec<String>,
    /// Relaxing every constraint together would help (when none alone does).
    pub relax_all: bool,
    /// The core skills the closest plan (first of the plans shown) leaves,
    /// when there is one.
    pub remaining: Vec<String>,
    /// The on-demand module request form, pre-filled with the remaining
    /// skills and the place: for a company of the network to ask the
    /// campus for the training the catalogue lacks.
    pub module_href: Option<String>,
}

pub struct ResultsView {
    pub cible: String,
    pub cible_libelle: String,
    pub readiness_pct: u64,
    pub commune: Option<String>,
    pub missing_core: Vec<CompetenceView>,
    pub missing_other: Vec<CompetenceView>,
    pub plans: Vec<PlanView>,
    pub vae: Vec<VaeView>,
    pub infeasible: Option<InfeasibleView>,
}

fn kind_key(kind: &str) -> &'static str {
    match kind {
        "savoir_etre" => "parcours-kind-savoir_etre",
        "savoir" => "parcours-kind-savoir",
        _ => "parcours-kind-savoir_faire",
    }
}

pub(crate) fn modalite_key(m: Modalite) -> &'static str {
    match m {
        Modalite::Initiale => "modalite-initiale",
        Modalite::Apprentissage => "modalite-apprentissage",
        Modalite::FormationContinue => "modalite-continue",
        Modalite::Vae => "modalite-vae",
    }
}

fn objective_key(o: Objective) -> &'static str {
    match o {
        Objective::Duree => "parcours-objectif-duree",
        Objective::Cout => "parcours-objectif-cout",
        Objective::Distance => "parcours-objectif-distance",
    }
}

fn constraint_key(c: Constraint) -> &'static str {
    match c {
        Constraint::Modalites => "parcours-relax-modalites",
        Constraint::DistanceMax => "parcours-relax-distance",
        Constraint::DebutAvant => "parcours-relax-debut",
        Constraint::DureeMax => "parcours-relax-duree",
        Constraint::Niveau => "parcours-relax-niveau",
    }
}

fn date(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%d/%m/%Y").to_string())
}

fn competence_label(loaded: &Loaded, id: CompetenceId) -> String {
    loaded
        .referentiel
        .skill(id)
        .map(|s| s.libelle.clone())
        .unwrap_or_else(|| id.0.to_string())
}

fn km(value: f64) -> u64 {
    if value.is_finite() && value > 0.0 {
        value.round() as u64
    } else {
        0
    }
}

fn totals_text(tr: &Tr, t: &Totals) -> String {
    let heures = t.duree_heures.to_string();
    let euros = t.cout_euros.to_string();
    match t.distance_km {
        Some(d) => tr.tv(
            "parcours-totals",
            &[
                ("heures", &heures),
                ("euros", &euros),
                ("km", &km(d).to_string()),
            ],
        ),
        None => tr.tv(
            "parcours-totals-sans-distance",
            &[("heures", &heures), ("euros", &euros)],
        ),
    }
}

/// « Sans limite de distance, un parcours devient possible : … ».
pub(crate) fn relax_sentence(tr: &Tr, relaxation: &Relaxation) -> String {
    tr.ts(
        constraint_key(relaxation.constraint),
        "totaux",
        &totals_text(tr, &relaxation.totals),
    )
}

/// The on-demand module request form, pre-filled for the skills a closest
/// plan leaves: the target trade as its title, the skills, the home
/// commune and the date the person wants to start before.
fn module_href(tr: &Tr, demande: &DemandeParcours, g: &Gap, remaining: &[CompetenceId]) -> String {
    let competences: Vec<String> = remaining.iter().map(|s| s.0.to_string()).collect();
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query
        .append_pair(
            "intitule",
            &tr.ts("parcours-module-intitule", "metier", &g.metier_libelle),
        )
        .append_pair(
            "besoin",
            &tr.ts("parcours-module-besoin", "metier", &g.metier_libelle),
        )
        .append_pair("competences", &competences.join(", "));
    if let Some(home) = &demande.domicile {
        query.append_pair("lieu_commune", &home.nom);
    }
    if let Some(before) = demande.contraintes.debut_avant {
        query.append_pair("date_debut", &before.to_string());
    }
    format!("/modules/demandes/nouvelle?{}", query.finish())
}

/// Why a unit is in a plan: the core skills of the gap it teaches, out of
/// all of them, and the other skills of the gap it is the first to cover.
/// Why a unit is in a plan, in one or two sentences: the share of the
/// missing core it teaches, and how its certification reaches the trade
/// (« Prépare au métier voisin … »).
fn unit_why(tr: &Tr, r: &Referentiel, g: &Gap, pu: &campus_parcours::plan::PlannedUnit) -> String {
    let core: Vec<CompetenceId> = g.required().map(|m| m.skill).collect();
    let taught = core.iter().filter(|s| pu.unit.skills.contains(s)).count();
    let others = pu.covers.iter().filter(|s| !core.contains(s)).count();
    let head = if core.is_empty() {
        tr.t("parcours-unit-why-none")
    } else {
        tr.tv(
            "parcours-unit-why",
            &[
                ("n", &taught.to_string()),
                ("total", &core.len().to_string()),
            ],
        )
    };
    let head = if others == 0 {
        head
    } else {
        tr.tv(
            "parcours-unit-why-more",
            &[("phrase", &head), ("autres", &others.to_string())],
        )
    };
    let certification = match &pu.unit.kind {
        UnitKind::Certification(code) => Some(code),
        UnitKind::Bloc(code) => r.bloc_certification(code),
        UnitKind::Module => None,
    };
    match certification.and_then(|c| r.route(c, &g.metier)) {
        Some(Route::Metier) => tr.ts("parcours-unit-route-metier", "phrase", &head),
        Some(Route::Voisin {
            libelle,
            partage,
            coeur,
            ..
        }) => tr.tv(
            "parcours-unit-route-voisin",
            &[
                ("phrase", &head),
                ("metier", &libelle),
                ("n", &partage.to_string()),
                ("total", &coeur.to_string()),
            ],
        ),
        None => head,
    }
}

fn plan_view(tr: &Tr, loaded: &Loaded, g: &Gap, p: &Plan, index: usize) -> PlanView {
    let r = &loaded.referentiel;
    let (title, why) = match &p.reason {
        PlanReason::Best => (
            tr.t("parcours-plan-best"),
            tr.ts(
                "parcours-plan-best-why",
                "objectif",
                &tr.t(objective_key(p.objective)),
            ),
        ),
        PlanReason::WithoutUnit { .. } => (
            tr.tn("parcours-plan-alternative", "n", index as u64),
            tr.t("parcours-plan-without-why"),
        ),
        PlanReason::Objective { objective } => (
            tr.tn("parcours-plan-alternative", "n", index as u64),
            tr.ts(
                "parcours-plan-best-why",
                "objectif",
                &tr.t(objective_key(*objective)),
            ),
        ),
        PlanReason::Closest => (
            tr.t("parcours-plan-closest"),
            tr.t("parcours-plan-closest-why"),
        ),
    };
    let units = p
        .units
        .iter()
        .map(|pu| {
            let u = &pu.unit;
            let place = loaded.place(u);
            let (kind_key, code) = match &u.kind {
                UnitKind::Bloc(code) => ("parcours-unit-bloc", code.clone()),
                UnitKind::Certification(code) => {
                    ("parcours-unit-certification", code.as_str().to_owned())
                }
                UnitKind::Module => ("parcours-unit-module", String::new()),
            };
            let libelle = match &u.kind {
                UnitKind::Bloc(code) => r
                    .bloc(code)
                    .map(|b| b.libelle.clone())
                    .unwrap_or_else(|| u.libelle.clone()),
                _ => u.libelle.clone(),
            };
            UnitView {
                libelle,
                kind_key,
                code,
                covers: pu
                    .covers
                    .iter()
                    .map(|s| competence_label(loaded, *s))
                    .collect(),
                why: unit_why(tr, r, g, pu),
                quand: match (date(u.debut), date(u.fin)) {
                    (Some(debut), Some(fin)) => tr.tv(
                        "parcours-unit-dates",
                        &[("debut", debut.as_str()), ("fin", fin.as_str())],
                    ),
                    (Some(debut), None) => tr.ts("parcours-unit-from", "debut", &debut),
                    _ if place.is_some_and(|p| p.sans_session) => {
                        tr.t("parcours-unit-sans-session")
                    }
                    _ => tr.t("parcours-unit-on-demand"),
                },
                lieu: place.and_then(|p| p.lieu.clone()),
                organisme: place.map(|p| p.organisme.clone()).filter(|o| !o.is_empty()),
                formation_id: place.and_then(|p| p.formation_id.clone()),
                sans_session: place.is_some_and(|p| p.sans_session),
                distance_km: pu.distance_km.map(km),
                duree: u64::from(u.duree_heures),
                cout: u64::from(u.cout_euros),
                modalite_key: modalite_key(u.modalite),
            }
        })
        .collect();
    PlanView {
        title,
        why,
        units,
        duree: p.totals.duree_heures,
        cout: p.totals.cout_euros,
        distance: p.totals.distance_km.map(km),
        certifications: p
            .certifications
            .iter()
            .map(|c| {
                (
                    c.as_str().to_owned(),
                    r.certification(c)
                        .map(|e| e.libelle.clone())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        uncovered: p.uncovered.len(),
        optimal: p.optimal,
    }
}

/// The whole answer, in words.
pub fn results_view(
    tr: &Tr,
    loaded: &Loaded,
    demande: &DemandeParcours,
    computed: &Computed,
) -> ResultsView {
    let g = &computed.gap;
    let skill = |m: &campus_parcours::gap::MissingCompetence| CompetenceView {
        libelle: m.libelle.clone(),
        kind_key: kind_key(m.kind),
    };
    let (plans, vae, infeasible) = match &computed.outcome {
        Outcome::Plans {
            best,
            alternatives,
            vae,
        } => {
            let mut plans = vec![plan_view(tr, loaded, g, best, 0)];
            plans.extend(
                alternatives
                    .iter()
                    .enumerate()
                    .map(|(i, p)| plan_view(tr, loaded, g, p, i + 1)),
            );
            (plans, vae, None)
        }
        Outcome::Infeasible { infeasibility, vae } => {
            let i = infeasibility;
            let relax = i.relax.iter().map(|x| relax_sentence(tr, x)).collect();
            let labels = |skills: &[CompetenceId]| -> Vec<String> {
                skills
                    .iter()
                    .map(|s| competence_label(loaded, *s))
                    .collect()
            };
            let (plans, remaining, module_href) = match &i.closest {
                Some(closest) => (
                    vec![plan_view(tr, loaded, g, &closest.plan, 0)],
                    labels(&closest.remaining),
                    Some(module_href(tr, demande, g, &closest.remaining)),
                ),
                None => (Vec::new(), Vec::new(), None),
            };
            (
                plans,
                vae,
                Some(InfeasibleView {
                    blocking: labels(&i.blocking),
                    unteachable: labels(&i.unteachable),
                    relax,
                    relax_all: i.relax_all && i.relax.is_empty(),
                    remaining,
                    module_href,
                }),
            )
        }
    };
    ResultsView {
        cible: g.metier.as_str().to_owned(),
        cible_libelle: g.metier_libelle.clone(),
        readiness_pct: (g.readiness() * 100.0).round().clamp(0.0, 100.0) as u64,
        commune: demande.domicile.as_ref().map(|h| h.nom.clone()),
        missing_core: g
            .missing
            .iter()
            .filter(|m| m.requirement == Requirement::Core)
            .map(skill)
            .collect(),
        missing_other: g
            .missing
            .iter()
            .filter(|m| m.requirement != Requirement::Core)
            .map(skill)
            .collect(),
        plans,
        vae: vae
            .iter()
            .map(|v| VaeView {
                code: v.certification.as_str().to_owned(),
                libelle: v.libelle.clone(),
                share_pct: (v.share * 100.0).round().clamp(0.0, 100.0) as u64,
                missing: v.missing.len(),
                gap_covered: v.gap_covered.len(),
                why: v.experience.as_ref().map(|(code, years)| {
                    let metier = loaded
                        .referentiel
                        .metier(code)
                        .map_or_else(|| code.as_str().to_owned(), |m| m.libelle.clone());
                    tr.tv(
                        "parcours-vae-why",
                        &[
                            ("annees", &format!("{years}").replace('.', ",")),
                            ("metier", &metier),
                        ],
                    )
                }),
            })
            .collect(),
        infeasible,
    }
}
