//! The registry the indicators are written against: the action plan's
//! axes and levers, the kinds of records a formula may count (each with
//! its fields and the breakdowns it allows), and the default indicators
//! the platform ships, at least one per lever.
//!
//! A record kind is a view of the platform's tables (or of an imported
//! source) under the names the campus team reads; the data layer maps
//! each kind and field to its columns. Adding a kind here without its
//! mapping is caught by the data layer's tests, which compute every
//! default indicator.

use crate::role::closed_list;

closed_list!(
    /// The four axes of the campus's action plan.
    Axe, "axe-", {
        Attractivite => "1",
        OffreFormation => "2",
        Innovation => "3",
        Rayonnement => "4",
    }
);

closed_list!(
    /// The eight levers of the action plan, each under one axis.
    Levier, "levier-", {
        Attractivite => "1",
        Insertion => "2",
        OffreDediee => "3",
        InitiationRecherche => "4",
        TransfertsInnovation => "5",
        LieuxDedies => "6",
        PartenariatsEuropeens => "7",
        ReseauEvaluation => "8",
    }
);

impl Levier {
    /// The axis the lever serves (as the plan groups them).
    pub fn axe(self) -> Axe {
        match self {
            Levier::Attractivite | Levier::Insertion => Axe::Attractivite,
            Levier::OffreDediee | Levier::InitiationRecherche => Axe::OffreFormation,
            Levier::TransfertsInnovation | Levier::LieuxDedies => Axe::Innovation,
            Levier::PartenariatsEuropeens | Levier::ReseauEvaluation => Axe::Rayonnement,
        }
    }
}

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nature {
    Nombre,
    Texte,
    Booleen,
    Date,
}

/// One field of a record kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Champ {
    pub nom: &'static str,
    pub nature: Nature,
}

closed_list!(
    /// How a figure may be broken down.
    Ventilation, "ventilation-", {
        Annee => "annee",
        Departement => "departement",
        Public => "public",
        Niveau => "niveau",
        Metier => "metier",
        Organisation => "organisation",
    }
);

/// A kind of record a formula may count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Genre {
    pub nom: &'static str,
    pub champs: &'static [Champ],
    /// The breakdowns its records carry (the year always).
    pub ventilations: &'static [Ventilation],
}

impl Genre {
    pub fn champ(&self, nom: &str) -> Option<&Champ> {
        self.champs.iter().find(|c| c.nom == nom)
    }
}

const fn n(nom: &'static str) -> Champ {
    Champ {
        nom,
        nature: Nature::Nombre,
    }
}
const fn t(nom: &'static str) -> Champ {
    Champ {
        nom,
        nature: Nature::Texte,
    }
}
const fn b(nom: &'static str) -> Champ {
    Champ {
        nom,
        nature: Nature::Booleen,
    }
}
const fn d(nom: &'static str) -> Champ {
    Champ {
        nom,
        nature: Nature::Date,
    }
}

use Ventilation::{Annee, Departement, Metier, Niveau, Organisation, Public};

/// Every record kind, in the order of the levers that use them.
pub const REGISTRE: &[Genre] = &[
    Genre {
        nom: "evenements",
        champs: &[
            t("type"),
            d("date"),
            t("departement"),
            t("organisation"),
            n("places"),
        ],
        ventilations: &[Annee, Departement, Organisation, Metier],
    },
    Genre {
        nom: "evenement_inscriptions",
        champs: &[
            t("type_evenement"),
            t("statut"),
            t("public"),
            t("niveau"),
            b("present"),
            b("mineur"),
            n("places"),
            t("departement"),
            d("date"),
        ],
        ventilations: &[Annee, Departement, Public, Niveau, Organisation],
    },
    Genre {
        nom: "evenement_avis",
        champs: &[n("note"), b("recommande"), t("type_evenement"), d("date")],
        ventilations: &[Annee, Departement, Organisation],
    },
    Genre {
        nom: "offres",
        champs: &[
            t("type"),
            t("etat"),
            n("postes"),
            t("departement"),
            d("date"),
        ],
        ventilations: &[Annee, Departement, Niveau, Metier, Organisation],
    },
    Genre {
        nom: "candidatures",
        champs: &[
            t("etat"),
            b("repondue"),
            n("delai_reponse_jours"),
            t("type_offre"),
            t("participant"),
            d("date"),
        ],
        ventilations: &[Annee, Departement, Niveau, Metier, Organisation],
    },
    Genre {
        nom: "projets",
        champs: &[t("type"), t("etape"), t("statut"), n("eleves"), d("date")],
        ventilations: &[Annee, Departement, Organisation, Metier],
    },
    Genre {
        nom: "modules",
        champs: &[t("statut"), n("heures"), n("stagiaires"), d("date")],
        ventilations: &[Annee, Departement, Organisation],
    },
    Genre {
        nom: "parcours",
        champs: &[b("accompagne"), t("public"), d("date")],
        ventilations: &[Annee, Public, Metier],
    },
    Genre {
        nom: "parcours_calculs",
        champs: &[b("plan"), t("public"), t("canal"), d("date")],
        ventilations: &[Annee, Public, Metier],
    },
    Genre {
        nom: "formations",
        champs: &[t("modalite"), n("niveau"), b("secteur"), t("departement")],
        ventilations: &[Departement, Niveau, Metier, Organisation],
    },
    Genre {
        nom: "equipement_reservations",
        champs: &[
            t("statut"),
            n("heures"),
            t("categorie"),
            t("public"),
            t("organisation"),
            d("date"),
        ],
        ventilations: &[Annee, Organisation, Public],
    },
    Genre {
        nom: "habilitations",
        champs: &[t("categorie"), d("date")],
        ventilations: &[Annee, Organisation],
    },
    Genre {
        nom: "organisations",
        champs: &[t("type"), b("membre"), t("pays"), t("departement")],
        ventilations: &[Departement],
    },
    Genre {
        nom: "experts",
        champs: &[t("etat"), d("date")],
        ventilations: &[Annee, Organisation],
    },
    Genre {
        nom: "demandes_expertise",
        champs: &[t("etat"), b("acceptee"), b("repondue"), d("date")],
        ventilations: &[Annee, Organisation],
    },
    Genre {
        nom: "mobilites",
        champs: &[
            t("statut"),
            t("public"),
            t("pays"),
            n("duree_jours"),
            t("financement"),
            t("participant"),
            d("date"),
        ],
        ventilations: &[Annee, Niveau, Metier, Organisation],
    },
    Genre {
        nom: "apprenants",
        champs: &[t("statut"), t("participant"), d("date")],
        ventilations: &[Annee, Organisation],
    },
    Genre {
        nom: "inserjeunes",
        champs: &[
            t("voie"),
            n("taux_emploi_6"),
            n("taux_emploi_12"),
            n("taux_emploi_24"),
            n("taux_poursuite"),
            n("sortants"),
            b("secteur"),
            t("region"),
        ],
        ventilations: &[Annee, Niveau],
    },
];

closed_list!(
    /// Whether a higher figure is better.
    Sens, "sens-", {
        Hausse => "hausse",
        Baisse => "baisse",
    }
);

impl Ventilation {
    /// The breakdown's name inside a French sentence ("par {libelle}").
    pub fn libelle(self) -> &'static str {
        match self {
            Ventilation::Annee => "année",
            Ventilation::Departement => "département",
            Ventilation::Public => "public",
            Ventilation::Niveau => "niveau",
            Ventilation::Metier => "métier",
            Ventilation::Organisation => "organisation",
        }
    }
}

/// The record kind named `nom`, if the registry has it.
pub fn genre(nom: &str) -> Option<&'static Genre> {
    REGISTRE.iter().find(|g| g.nom == nom)
}

/// An indicator as the platform ships it; the campus team may change
/// every part of it but its code. The data layer copies these into the
/// indicator tables of a new database, where they become version 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicateurParDefaut {
    pub code: &'static str,
    pub levier: Levier,
    pub nom: &'static str,
    /// What is counted, over which records, and which year a record
    /// belongs to: the text a reader of the annual report relies on.
    pub definition: &'static str,
    pub formule: &'static str,
    pub unite: &'static str,
    /// What a rate is taken over, in words; `None` for counts and sums.
    pub denominateur: Option<&'static str>,
    /// The breakdowns offered, a subset of those of the formula's kind.
    pub ventilations: &'static [Ventilation],
    pub sens: Sens,
}

/// Year rule of the records that carry a date.
macro_rules! annee_civile {
    () => {
        " Un enregistrement compte pour l'année civile de sa date."
    };
}

/// The default set: at least one indicator per lever.
pub const INDICATEURS_PAR_DEFAUT: &[IndicateurParDefaut] = &[
    IndicateurParDefaut {
        code: "L1-ATELIERS",
        levier: Levier::Attractivite,
        nom: "Ateliers de découverte tenus",
        definition: concat!(
            "Nombre d'événements de type « atelier de découverte » publiés sur la plateforme.",
            annee_civile!()
        ),
        formule: "compte(evenements[type = \"atelier_decouverte\"])",
        unite: "ateliers",
        denominateur: None,
        ventilations: &[Annee, Departement, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L1-PARTICIPANTS",
        levier: Levier::Attractivite,
        nom: "Participants aux événements de découverte",
        definition: concat!(
            "Places des inscriptions confirmées aux événements (une classe compte pour ses élèves).",
            " Une inscription compte pour l'année civile de la date de l'événement."
        ),
        formule: "somme(evenement_inscriptions[statut = \"confirmee\"].places)",
        unite: "personnes",
        denominateur: None,
        ventilations: &[Annee, Departement, Public, Niveau, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L1-VISITES",
        levier: Levier::Attractivite,
        nom: "Élèves reçus en visite de site",
        definition: concat!(
            "Places des inscriptions confirmées aux visites de sites industriels ou de formation.",
            " Une inscription compte pour l'année civile de la date de la visite."
        ),
        formule: "somme(evenement_inscriptions[type_evenement = \"visite_site\" et statut = \"confirmee\"].places)",
        unite: "élèves",
        denominateur: None,
        ventilations: &[Annee, Departement, Public, Niveau, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L2-REPONSES",
        levier: Levier::Insertion,
        nom: "Candidatures ayant reçu une réponse",
        definition: concat!(
            "Part des candidatures aux offres du réseau auxquelles l'employeur a répondu.",
            " Une candidature compte pour l'année civile de son dépôt."
        ),
        formule: "taux(candidatures[repondue = oui], candidatures)",
        unite: "%",
        denominateur: Some("Candidatures déposées dans l'année"),
        ventilations: &[Annee, Departement, Niveau, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L2-DELAI",
        levier: Levier::Insertion,
        nom: "Délai médian de réponse aux candidatures",
        definition: concat!(
            "Médiane, en jours, du délai entre le dépôt d'une candidature et la première réponse de l'employeur, sur les candidatures répondues.",
            " Une candidature compte pour l'année civile de son dépôt."
        ),
        formule: "mediane(candidatures[repondue = oui].delai_reponse_jours)",
        unite: "jours",
        denominateur: None,
        ventilations: &[Annee, Departement, Niveau, Metier, Organisation],
        sens: Sens::Baisse,
    },
    IndicateurParDefaut {
        code: "L2-OFFRES",
        levier: Levier::Insertion,
        nom: "Offres publiées",
        definition: concat!(
            "Nombre d'offres de stage, d'alternance ou d'emploi publiées par les organisations du réseau.",
            " Une offre compte pour l'année civile de sa publication."
        ),
        formule: "compte(offres)",
        unite: "offres",
        denominateur: None,
        ventilations: &[Annee, Departement, Niveau, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L2-APPRENTISSAGES",
        levier: Levier::Insertion,
        nom: "Contrats d'apprentissage conclus par le réseau",
        definition: concat!(
            "Nombre de candidatures retenues sur des offres d'apprentissage.",
            " Une candidature compte pour l'année civile de son dépôt."
        ),
        formule: "compte(candidatures[etat = \"retenue\" et type_offre = \"apprentissage\"])",
        unite: "contrats",
        denominateur: None,
        ventilations: &[Annee, Departement, Niveau, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L2-WELAB",
        levier: Levier::Insertion,
        nom: "Projets We Lab",
        definition: concat!(
            "Nombre de projets de type « We Lab » (pré-incubation) enregistrés, à toutes les étapes.",
            " Un projet compte pour l'année civile de son début."
        ),
        formule: "compte(projets[type = \"we_lab\"])",
        unite: "projets",
        denominateur: None,
        ventilations: &[Annee, Departement, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L3-FORMATIONS",
        levier: Levier::OffreDediee,
        nom: "Formations du secteur au catalogue",
        definition: "Nombre de formations du catalogue rattachées aux métiers du secteur. Le catalogue n'est pas daté : le chiffre est celui du jour du calcul.",
        formule: "compte(formations[secteur = oui])",
        unite: "formations",
        denominateur: None,
        ventilations: &[Departement, Niveau, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L3-MODULES",
        levier: Levier::OffreDediee,
        nom: "Modules à la demande réalisés",
        definition: concat!(
            "Nombre de modules de formation à la demande des entreprises arrivés à l'état « réalisé ».",
            " Un module compte pour l'année civile de sa réalisation."
        ),
        formule: "compte(modules[statut = \"realisee\"])",
        unite: "modules",
        denominateur: None,
        ventilations: &[Annee, Departement, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L3-STAGIAIRES",
        levier: Levier::OffreDediee,
        nom: "Stagiaires des modules à la demande",
        definition: concat!(
            "Somme des stagiaires formés dans les modules à la demande réalisés.",
            " Un module compte pour l'année civile de sa réalisation."
        ),
        formule: "somme(modules[statut = \"realisee\"].stagiaires)",
        unite: "stagiaires",
        denominateur: None,
        ventilations: &[Annee, Departement, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L3-PARCOURS",
        levier: Levier::OffreDediee,
        nom: "Parcours de formation enregistrés",
        definition: concat!(
            "Nombre de parcours de formation individuels calculés par la plateforme et enregistrés dans l'espace d'un apprenant :",
            " un parcours n'est enregistré que lorsqu'un plan a été trouvé.",
            " Un parcours compte pour l'année civile de son enregistrement."
        ),
        formule: "compte(parcours)",
        unite: "parcours",
        denominateur: None,
        ventilations: &[Annee, Public, Metier],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L3-PARCOURS-CALCULES",
        levier: Levier::OffreDediee,
        nom: "Parcours de formation calculés",
        definition: concat!(
            "Nombre de parcours de formation individuels calculés par la plateforme, sur le site ou par l'API,",
            " qu'un plan ait été trouvé ou non ; un calcul ne nomme personne.",
            " Un calcul compte pour l'année civile où il a été fait."
        ),
        formule: "compte(parcours_calculs)",
        unite: "parcours",
        denominateur: None,
        ventilations: &[Annee, Public, Metier],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L3-PARCOURS-PLAN",
        levier: Levier::OffreDediee,
        nom: "Part des parcours calculés qui ont trouvé un plan",
        definition: concat!(
            "Part des parcours de formation calculés pour lesquels la plateforme a trouvé un plan de formation",
            " (blocs, modules et sessions) qui comble l'écart de compétences dans les contraintes données."
        ),
        formule: "taux(parcours_calculs[plan = oui], parcours_calculs)",
        unite: "%",
        denominateur: Some("Parcours de formation calculés"),
        ventilations: &[Annee, Public, Metier],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L4-PROJETS",
        levier: Levier::InitiationRecherche,
        nom: "Projets école-recherche",
        definition: concat!(
            "Nombre de projets pédagogiques de type « école-recherche » associant un établissement et un laboratoire.",
            " Un projet compte pour l'année civile de son début."
        ),
        formule: "compte(projets[type = \"ecole_recherche\"])",
        unite: "projets",
        denominateur: None,
        ventilations: &[Annee, Departement, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L4-ELEVES",
        levier: Levier::InitiationRecherche,
        nom: "Lycéens initiés à la recherche",
        definition: concat!(
            "Somme des élèves déclarés dans les projets d'initiation à la recherche.",
            " Un projet compte pour l'année civile de son début."
        ),
        formule: "somme(projets[type = \"initiation_recherche\"].eleves)",
        unite: "élèves",
        denominateur: None,
        ventilations: &[Annee, Departement, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L5-HEURES",
        levier: Levier::TransfertsInnovation,
        nom: "Heures d'équipement réservées",
        definition: concat!(
            "Somme des heures des réservations confirmées des équipements mutualisés.",
            " Une réservation compte pour l'année civile de son créneau."
        ),
        formule: "somme(equipement_reservations[statut = \"confirmee\"].heures)",
        unite: "heures",
        denominateur: None,
        ventilations: &[Annee, Public, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L5-HABILITATIONS",
        levier: Levier::TransfertsInnovation,
        nom: "Habilitations délivrées",
        definition: concat!(
            "Nombre d'habilitations à utiliser un équipement mutualisé délivrées par les formateurs et l'équipe du campus.",
            " Une habilitation compte pour l'année civile de sa délivrance."
        ),
        formule: "compte(habilitations)",
        unite: "habilitations",
        denominateur: None,
        ventilations: &[Annee, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L6-ORGANISATIONS",
        levier: Levier::LieuxDedies,
        nom: "Organisations membres du réseau",
        definition: "Nombre d'organisations (établissements, entreprises, laboratoires) membres du réseau du campus. Le réseau n'est pas daté : le chiffre est celui du jour du calcul.",
        formule: "compte(organisations[membre = oui])",
        unite: "organisations",
        denominateur: None,
        ventilations: &[Departement],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L6-EXPERTS",
        levier: Levier::LieuxDedies,
        nom: "Experts actifs",
        definition: concat!(
            "Nombre de profils d'experts publiés et actifs dans le réseau.",
            " Un expert compte pour l'année civile de la publication de son profil."
        ),
        formule: "compte(experts[etat = \"actif\"])",
        unite: "experts",
        denominateur: None,
        ventilations: &[Annee, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L6-DEMANDES",
        levier: Levier::LieuxDedies,
        nom: "Demandes d'expertise acceptées",
        definition: concat!(
            "Part des demandes d'expertise acceptées par un expert parmi celles qui ont reçu une réponse.",
            " Une demande compte pour l'année civile de son dépôt."
        ),
        formule: "taux(demandes_expertise[acceptee = oui], demandes_expertise[repondue = oui])",
        unite: "%",
        denominateur: Some("Demandes d'expertise ayant reçu une réponse dans l'année"),
        ventilations: &[Annee, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L7-MOBILITES",
        levier: Levier::PartenariatsEuropeens,
        nom: "Mobilités confirmées",
        definition: concat!(
            "Nombre de mobilités européennes d'apprenants et de personnels confirmées (candidature retenue, pièces réunies).",
            " Une mobilité compte pour l'année civile de son départ."
        ),
        formule: "compte(mobilites[statut = \"retenue\"])",
        unite: "mobilités",
        denominateur: None,
        ventilations: &[Annee, Niveau, Metier, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L7-PART",
        levier: Levier::PartenariatsEuropeens,
        nom: "Apprenants partis à l'étranger",
        definition: concat!(
            "Part des apprenants connus de la plateforme partis en mobilité, à lire face à l'objectif européen de 8 %.",
            " Un apprenant compte pour l'année civile de son départ."
        ),
        formule: "taux(apprenants[statut = \"mobile\"], apprenants)",
        unite: "%",
        denominateur: Some("Apprenants inscrits sur la plateforme (comptes actifs)"),
        ventilations: &[Annee, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L8-SATISFACTION",
        levier: Levier::ReseauEvaluation,
        nom: "Satisfaction des participants (sur 5)",
        definition: concat!(
            "Moyenne des notes de 1 à 5 données par les participants dans les enquêtes de satisfaction des événements.",
            " Un avis compte pour l'année civile de la date de l'événement."
        ),
        formule: "moyenne(evenement_avis.note)",
        unite: "/ 5",
        denominateur: None,
        ventilations: &[Annee, Departement, Organisation],
        sens: Sens::Hausse,
    },
    IndicateurParDefaut {
        code: "L8-RECOMMANDATION",
        levier: Levier::ReseauEvaluation,
        nom: "Participants qui recommandent",
        definition: concat!(
            "Part des avis de participants qui recommanderaient l'événement.",
            " Un avis compte pour l'année civile de la date de l'événement."
        ),
        formule: "taux(evenement_avis[recommande = oui], evenement_avis)",
        unite: "%",
        denominateur: Some("Avis déposés dans l'année"),
        ventilations: &[Annee, Departement, Organisation],
        sens: Sens::Hausse,
    },
];

#[cfg(test)]
mod tests {
    use super::super::formule::Formule;
    use super::*;

    #[test]
    fn every_lever_has_indicators_that_check() {
        for levier in Levier::all() {
            assert!(
                INDICATEURS_PAR_DEFAUT.iter().any(|i| i.levier == levier),
                "{levier:?}"
            );
        }
        for i in INDICATEURS_PAR_DEFAUT {
            let f = Formule::parse(i.formule).unwrap_or_else(|e| panic!("{}: {e}", i.code));
            f.verifier(REGISTRE)
                .unwrap_or_else(|e| panic!("{}: {e}", i.code));
            assert_eq!(f.to_string(), i.formule, "{}: canonical form", i.code);
            let genre = genre(&f.selection.genre).unwrap();
            for v in i.ventilations {
                assert!(genre.ventilations.contains(v), "{}: {v:?}", i.code);
            }
            assert!(!i.definition.is_empty() && i.definition.chars().count() <= 2000);
            assert_eq!(
                i.denominateur.is_some(),
                f.agregat == super::super::formule::Agregat::Taux,
                "{}: a rate says its denominator",
                i.code
            );
            assert!(i.code.starts_with(&format!("L{}-", i.levier.as_str())));
        }
        let mut codes: Vec<_> = INDICATEURS_PAR_DEFAUT.iter().map(|i| i.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), INDICATEURS_PAR_DEFAUT.len());
    }

    #[test]
    fn levers_sit_under_their_axis() {
        assert_eq!(Levier::PartenariatsEuropeens.axe(), Axe::Rayonnement);
        for axe in Axe::all() {
            assert_eq!(Levier::all().filter(|l| l.axe() == axe).count(), 2);
        }
    }
}
