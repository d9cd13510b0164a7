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

/// Whether a higher figure is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sens {
    Hausse,
    Baisse,
}

/// An indicator as the platform ships it; the campus team may change
/// every part of it but its code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndicateurParDefaut {
    pub code: &'static str,
    pub levier: Levier,
    pub nom: &'static str,
    pub formule: &'static str,
    pub unite: &'static str,
    pub sens: Sens,
}

const fn ind(
    code: &'static str,
    levier: Levier,
    nom: &'static str,
    formule: &'static str,
    unite: &'static str,
) -> IndicateurParDefaut {
    IndicateurParDefaut {
        code,
        levier,
        nom,
        formule,
        unite,
        sens: Sens::Hausse,
    }
}

/// The default set: at least one indicator per lever.
pub const INDICATEURS_PAR_DEFAUT: &[IndicateurParDefaut] = &[
    ind(
        "L1-ATELIERS",
        Levier::Attractivite,
        "Ateliers de découverte tenus",
        "compte(evenements[type = \"atelier_decouverte\"])",
        "ateliers",
    ),
    ind(
        "L1-PARTICIPANTS",
        Levier::Attractivite,
        "Participants aux événements de découverte",
        "somme(evenement_inscriptions[statut = \"confirmee\"].places)",
        "personnes",
    ),
    ind(
        "L1-VISITES",
        Levier::Attractivite,
        "Élèves reçus en visite de site",
        "somme(evenement_inscriptions[type_evenement = \"visite_site\" et statut = \"confirmee\"].places)",
        "élèves",
    ),
    ind(
        "L2-REPONSES",
        Levier::Insertion,
        "Candidatures ayant reçu une réponse",
        "taux(candidatures[repondue = oui], candidatures)",
        "%",
    ),
    IndicateurParDefaut {
        code: "L2-DELAI",
        levier: Levier::Insertion,
        nom: "Délai médian de réponse aux candidatures",
        formule: "mediane(candidatures[repondue = oui].delai_reponse_jours)",
        unite: "jours",
        sens: Sens::Baisse,
    },
    ind(
        "L2-OFFRES",
        Levier::Insertion,
        "Offres publiées",
        "compte(offres)",
        "offres",
    ),
    ind(
        "L2-APPRENTISSAGES",
        Levier::Insertion,
        "Contrats d'apprentissage conclus par le réseau",
        "compte(candidatures[etat = \"retenue\" et type_offre = \"apprentissage\"])",
        "contrats",
    ),
    ind(
        "L2-WELAB",
        Levier::Insertion,
        "Projets We Lab",
        "compte(projets[type = \"we_lab\"])",
        "projets",
    ),
    ind(
        "L3-FORMATIONS",
        Levier::OffreDediee,
        "Formations du secteur au catalogue",
        "compte(formations[secteur = oui])",
        "formations",
    ),
    ind(
        "L3-MODULES",
        Levier::OffreDediee,
        "Modules à la demande réalisés",
        "compte(modules[statut = \"realisee\"])",
        "modules",
    ),
    ind(
        "L3-STAGIAIRES",
        Levier::OffreDediee,
        "Stagiaires des modules à la demande",
        "somme(modules[statut = \"realisee\"].stagiaires)",
        "stagiaires",
    ),
    ind(
        "L3-PARCOURS",
        Levier::OffreDediee,
        "Parcours de formation enregistrés",
        "compte(parcours)",
        "parcours",
    ),
    ind(
        "L4-PROJETS",
        Levier::InitiationRecherche,
        "Projets école-recherche",
        "compte(projets[type = \"ecole_recherche\"])",
        "projets",
    ),
    ind(
        "L4-ELEVES",
        Levier::InitiationRecherche,
        "Lycéens initiés à la recherche",
        "somme(projets[type = \"initiation_recherche\"].eleves)",
        "élèves",
    ),
    ind(
        "L5-HEURES",
        Levier::TransfertsInnovation,
        "Heures d'équipement réservées",
        "somme(equipement_reservations[statut = \"confirmee\"].heures)",
        "heures",
    ),
    ind(
        "L5-HABILITATIONS",
        Levier::TransfertsInnovation,
        "Habilitations délivrées",
        "compte(habilitations)",
        "habilitations",
    ),
    ind(
        "L6-ORGANISATIONS",
        Levier::LieuxDedies,
        "Organisations membres du réseau",
        "compte(organisations[membre = oui])",
        "organisations",
    ),
    ind(
        "L6-EXPERTS",
        Levier::LieuxDedies,
        "Experts actifs",
        "compte(experts[etat = \"actif\"])",
        "experts",
    ),
    ind(
        "L6-DEMANDES",
        Levier::LieuxDedies,
        "Demandes d'expertise acceptées",
        "taux(demandes_expertise[acceptee = oui], demandes_expertise[repondue = oui])",
        "%",
    ),
    ind(
        "L7-MOBILITES",
        Levier::PartenariatsEuropeens,
        "Mobilités confirmées",
        "compte(mobilites[statut = \"retenue\"])",
        "mobilités",
    ),
    ind(
        "L7-PART",
        Levier::PartenariatsEuropeens,
        "Apprenants partis à l'étranger",
        "taux(apprenants[statut = \"mobile\"], apprenants)",
        "%",
    ),
    ind(
        "L8-SATISFACTION",
        Levier::ReseauEvaluation,
        "Satisfaction des participants (sur 5)",
        "moyenne(evenement_avis.note)",
        "/ 5",
    ),
    ind(
        "L8-RECOMMANDATION",
        Levier::ReseauEvaluation,
        "Participants qui recommandent",
        "taux(evenement_avis[recommande = oui], evenement_avis)",
        "%",
    ),
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
