//! The code lists (`dict-*`) of the LHÉO language, version 2.3, as the
//! definition `lheo-gml.xml` of the LHÉO committee publishes them. Written
//! here rather than read at run time: the lists change with the language
//! version, which a migration of the importer follows anyway, and a missing
//! file must not make an import fail.

/// A code list: official codes and their French labels.
#[derive(Debug, Clone, Copy)]
pub struct CodeList {
    /// The list's name in the LHÉO definition, for reports.
    pub name: &'static str,
    pub entries: &'static [(&'static str, &'static str)],
}

impl CodeList {
    /// The label of `code`, or `None` for a code the list does not define.
    pub fn label(&self, code: &str) -> Option<&'static str> {
        let code = code.trim();
        self.entries
            .iter()
            .find(|(key, _)| *key == code)
            .map(|(_, label)| *label)
    }
}

/// `dict-modalites-enseignement` : Formation présentielle ou a distance.
pub const MODALITES_ENSEIGNEMENT: CodeList = CodeList {
    name: "dict-modalites-enseignement",
    entries: &[
        ("0", "formation entièrement présentielle"),
        ("1", "formation mixte"),
        ("2", "formation entièrement à distance"),
    ],
};

/// `dict-modalites-es` : Modalités d'entrées/sorties.
pub const ENTREES_SORTIES: CodeList = CodeList {
    name: "dict-modalites-es",
    entries: &[
        ("0", "entrées/sorties à dates fixes"),
        ("1", "entrées/sorties permanentes"),
    ],
};

/// `dict-etat-recrutement` : Etat du recrutement.
pub const ETAT_RECRUTEMENT: CodeList = CodeList {
    name: "dict-etat-recrutement",
    entries: &[("1", "ouvert"), ("2", "fermé"), ("3", "suspendu")],
};

/// `dict-AIS` : Objectif général de formation.
pub const OBJECTIF_GENERAL: CodeList = CodeList {
    name: "dict-AIS",
    entries: &[
        ("1", "Code(s) obsolète(s)"),
        ("6", "Certification"),
        ("7", "Professionnalisation"),
        ("8", "Préparation à la qualification"),
        (
            "5",
            "Remise à niveau, maîtrise des savoirs de base, initiation",
        ),
        (
            "9",
            "(Re)mobilisation, aide à l'élaboration de projet professionnel",
        ),
        ("2", "Perfectionnement, élargissement des compétences"),
        ("3", "Perfectionnement, élargissement des compétences"),
        ("4", "Création d'entreprise"),
    ],
};

/// `dict-financeurs` : Financeurs.
pub const FINANCEURS: CodeList = CodeList {
    name: "dict-financeurs",
    entries: &[
        ("11", "Etat - Ministère chargé de l'emploi"),
        ("12", "Etat - Ministère de l'éducation nationale"),
        ("13", "Etat - Autre"),
        ("2", "Collectivité territoriale - Conseil régional"),
        ("3", "Fonds européens - FSE"),
        ("4", "Pôle emploi"),
        ("5", "Entreprise"),
        ("6", "ACSÉ (anciennement FASILD)"),
        ("7", "AGEFIPH"),
        ("8", "Collectivité territoriale - Conseil général"),
        ("9", "Collectivité territoriale - Commune"),
        ("15", "Collectivité territoriale - Autre"),
        ("10", "Bénéficiaire de l'action"),
        ("0", "Autre"),
        ("14", "Fonds européens - Autre"),
        ("16", "OPCO"),
        ("17", "Transition Pro"),
        ("18", "LADOM"),
        ("19", "État - Ministère de l’intérieur"),
        (
            "20",
            "OFII - Office français de l’immigration et de l'intégration",
        ),
        ("1", "Code(s) obsolète(s)"),
    ],
};

/// `dict-type-parcours` : Type de parcours de formation.
pub const TYPE_PARCOURS: CodeList = CodeList {
    name: "dict-type-parcours",
    entries: &[
        ("1", "en groupe (non personnalisable)"),
        ("2", "individualisé"),
        ("3", "modularisé"),
        ("4", "mixte"),
    ],
};

/// `dict-type-cycle` : Type de cycle.
pub const TYPE_CYCLE: CodeList = CodeList {
    name: "dict-type-cycle",
    entries: &[
        ("0", "Formation initiale"),
        ("1", "Contrat d'apprentissage"),
    ],
};

/// `dict-niveaux` : Niveaux.
pub const NIVEAUX: CodeList = CodeList {
    name: "dict-niveaux",
    entries: &[
        ("0", "information non communiquée"),
        ("1", "sans niveau spécifique"),
        ("2", "niveau VI (illettrisme, analphabétisme)"),
        ("3", "niveau V bis (préqualification)"),
        ("4", "niveau V (CAP, BEP, CFPA du premier degré)"),
        (
            "5",
            "niveau IV (BP, BT, baccalauréat professionnel ou technologique)",
        ),
        ("6", "niveau III (BTS, DUT)"),
        ("7", "niveau II (licence ou maîtrise universitaire)"),
        ("8", "niveau I (supérieur à la maîtrise)"),
        ("11", "Niveau 1. Maîtrise des savoirs de base"),
        (
            "12",
            "Niveau 2. Capacité à effectuer des activités simples et résoudre des problèmes courants à l'aide de règles et d'outils simples en mobilisant des savoir-faire professionnels dans un contexte structuré",
        ),
        (
            "13",
            "Niveau 3. Capacité à effectuer des activités et résoudre des problèmes en sélectionnant et appliquant des méthodes, des outils, des matériels et des informations de base, dans un contexte connu, ainsi que la capacité à adapter les moyens d'exécution et son comportement aux circonstances",
        ),
        (
            "14",
            "Niveau 4. Capacité à effectuer des activités nécessitant de mobiliser un éventail large d'aptitudes, d'adapter des solutions existantes pour résoudre des problèmes précis, à organiser son travail de manière autonome dans des contextes généralement prévisibles mais susceptibles de changer, ainsi qu'à participer à l'évaluation des activités. Exemple: diplôme national du baccalauréat",
        ),
        (
            "15",
            "Niveau 5. Capacité à maitriser des savoir-faire dans un champ d'activité, à élaborer des solutions à des problèmes nouveaux, à analyser et interpréter des informations, en mobilisant des concepts, à transmettre le savoir-faire et des méthodes",
        ),
        (
            "16",
            "Niveau 6. Capacité à analyser et résoudre des problèmes complexes imprévus dans un domaine spécifique, à formaliser des savoir-faire et des méthodes et à les capitaliser. Exemple: grade de licence",
        ),
        (
            "17",
            "Niveau 7. Capacité à élaborer et mettre en œuvre des stratégies alternatives pour le développement de l'activité professionnelle dans des contextes professionnels complexes, ainsi qu'à évaluer les risques et les conséquences de son activité. Exemple: grade de master",
        ),
        (
            "18",
            "Niveau 8. Capacité à identifier et résoudre des problèmes complexes et nouveaux impliquant une pluralité de domaines, en mobilisant les connaissances et les savoir-faire les plus avancés, à concevoir et piloter des projets et des processus de recherche et d'innovation. Exemple: diplôme national de doctorat",
        ),
    ],
};

/// The exit level on the European scale (3 to 8) of a `code-niveau-sortie`:
/// LHÉO 2.3 codes 13–18 directly, and the older French levels (V = 4 → 3,
/// IV = 5 → 4, III = 6 → 5, II = 7 → 6, I = 8 → 7) that 2.2 files still
/// carry. Levels below 3 and "not given" have no exit level.
pub fn niveau_europeen(code: &str) -> Option<u8> {
    match code.trim() {
        "4" => Some(3),
        "5" => Some(4),
        "6" => Some(5),
        "7" => Some(6),
        "8" => Some(7),
        "13" => Some(3),
        "14" => Some(4),
        "15" => Some(5),
        "16" => Some(6),
        "17" => Some(7),
        "18" => Some(8),
        _ => None,
    }
}

/// The `code-niveau-sortie` of LHÉO 2.3 for a European level.
pub fn code_niveau(niveau: u8) -> Option<&'static str> {
    match niveau {
        3 => Some("13"),
        4 => Some("14"),
        5 => Some("15"),
        6 => Some("16"),
        7 => Some("17"),
        8 => Some("18"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_the_definition() {
        assert_eq!(FINANCEURS.label("10"), Some("Bénéficiaire de l'action"));
        assert_eq!(FINANCEURS.label(" 16 "), Some("OPCO"));
        assert_eq!(FINANCEURS.label("99"), None);
        assert_eq!(OBJECTIF_GENERAL.label("3"), OBJECTIF_GENERAL.label("2"));
        assert_eq!(ETAT_RECRUTEMENT.label("1"), Some("ouvert"));
        assert_eq!(TYPE_PARCOURS.label("3"), Some("modularisé"));
        assert!(
            NIVEAUX
                .label("17")
                .is_some_and(|l| l.starts_with("Niveau 7."))
        );
    }

    #[test]
    fn exit_levels_old_and_new() {
        assert_eq!(niveau_europeen("4"), Some(3));
        assert_eq!(niveau_europeen("6"), Some(5));
        assert_eq!(niveau_europeen("17"), Some(7));
        assert_eq!(niveau_europeen("0"), None);
        assert_eq!(niveau_europeen("12"), None);
        for niveau in 3..=8 {
            assert_eq!(code_niveau(niveau).and_then(niveau_europeen), Some(niveau));
        }
    }
}
