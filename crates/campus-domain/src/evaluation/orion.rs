//! The attractiveness and enrolment of vocational programmes, by school
//! and programme, as Orion gathers them from the Education ministry:
//! first wishes per place in the Affelnet assignment, confirmed wishes
//! per place on Parcoursup for the BTS, pupils counted at the start of
//! the school year (constat de rentrée).

use crate::Uai;
use crate::role::closed_list;

closed_list!(
    /// Which count a row comes from.
    SourceOrion, "orion-source-", {
        /// Affelnet: places and first wishes of lycée programmes.
        Affelnet => "affelnet",
        /// Parcoursup: places and confirmed wishes of BTS programmes.
        ParcoursupBts => "parcoursup_bts",
        /// Constat de rentrée: pupils enrolled.
        Constat => "constat",
    }
);

closed_list!(
    /// How the programme is followed.
    StatutOrion, "orion-statut-", {
        Scolaire => "scolaire",
        Apprentissage => "apprentissage",
    }
);

/// One school × programme of one source and year. A count the source does
/// not give is `None` (Affelnet counts no enrolment, the constat no wish).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LigneOrion {
    pub source: SourceOrion,
    /// The campaign's or the school year's first calendar year.
    pub annee: u16,
    pub uai: Uai,
    pub mef_stat_11: String,
    pub statut: StatutOrion,
    /// The programme's title when the source gives it (Parcoursup).
    pub libelle: Option<String>,
    /// Places offered.
    pub capacite: Option<u32>,
    /// First wishes (Affelnet) or confirmed wishes (Parcoursup).
    pub voeux: Option<u32>,
    /// Pupils enrolled.
    pub effectif: Option<u32>,
}
