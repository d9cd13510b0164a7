//! Writing an offer made on the platform (an on-demand module) as an
//! LHÉO 2.3 `<formation>`: every element the schema requires, in its
//! order, each value cut to the length the schema allows. Reading the
//! element back with [`super::formation`] gives the training the catalogue
//! stores, so that a module and an imported offer are the same thing.

use super::Element;

/// A postal address: lines, postcode, town.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adresse {
    pub ligne: String,
    pub code_postal: String,
    pub ville: String,
}

/// What the platform knows of a module, as LHÉO needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct OffreSurMesure {
    /// The offer's identifier (`numero` attribute).
    pub numero: String,
    pub intitule: String,
    pub objectif: String,
    pub contenu: String,
    pub resultats: String,
    /// Formacode codes of the topic (five at most are written).
    pub formacodes: Vec<String>,
    /// The Formacode code of the public (`80044` salarié).
    pub public_vise: String,
    pub contact_nom: String,
    pub contact_courriel: Option<String>,
    pub organisme_nom: String,
    pub organisme_siret: String,
    pub numero_activite: String,
    pub lieu_nom: String,
    pub lieu: Adresse,
    /// `AAAAMMJJ`.
    pub debut: String,
    pub fin: String,
    pub heures: u32,
    /// Total price including VAT, in euros.
    pub prix: f64,
}

fn leaf(name: &str, text: &str, max: usize) -> Element {
    let text: String = text.trim().chars().take(max).collect();
    Element {
        name: name.to_owned(),
        attributes: vec![],
        // LHÉO's placeholder for a required value left blank.
        text: if text.is_empty() {
            "-".to_owned()
        } else {
            text
        },
        children: vec![],
        line: 0,
        column: 0,
    }
}

fn node(name: &str, children: Vec<Element>) -> Element {
    Element {
        name: name.to_owned(),
        attributes: vec![],
        text: String::new(),
        children,
        line: 0,
        column: 0,
    }
}

fn with_numero(mut element: Element, numero: &str) -> Element {
    element
        .attributes
        .push(("numero".to_owned(), numero.to_owned()));
    element
}

fn adresse(a: &Adresse) -> Element {
    node(
        "adresse",
        vec![
            leaf("ligne", &a.ligne, 50),
            leaf("codepostal", &a.code_postal, 5),
            leaf("ville", &a.ville, 50),
            leaf("pays", "FR", 2),
        ],
    )
}

fn contact(nom: &str, courriel: Option<&str>) -> Element {
    let mut children = vec![leaf("nom", nom, 50)];
    if let Some(courriel) = courriel {
        children.push(leaf("courriel", courriel, 160));
    }
    node("coordonnees", children)
}

/// The `<formation>` element of a module.
pub fn offre_sur_mesure(o: &OffreSurMesure) -> Element {
    let domaine = node(
        "domaine-formation",
        o.formacodes
            .iter()
            .take(5)
            .map(|c| leaf("code-FORMACODE", c, 5))
            .collect(),
    );
    let session = with_numero(
        node(
            "session",
            vec![
                node(
                    "periode",
                    vec![leaf("debut", &o.debut, 8), leaf("fin", &o.fin, 8)],
                ),
                node("adresse-inscription", vec![adresse(&o.lieu)]),
            ],
        ),
        "1",
    );
    let mut lieu = contact(&o.lieu_nom, None);
    lieu.children.push(adresse(&o.lieu));
    let action = with_numero(
        node(
            "action",
            vec![
                leaf("rythme-formation", "Sur mesure, en groupe", 3000),
                leaf("code-public-vise", &o.public_vise, 5),
                leaf("niveau-entree-obligatoire", "0", 1),
                leaf("modalites-alternance", "-", 3000),
                // Entirely in person.
                leaf("modalites-enseignement", "0", 1),
                leaf("conditions-specifiques", "-", 3000),
                leaf("prise-en-charge-frais-possible", "0", 1),
                node("lieu-de-formation", vec![lieu]),
                // Fixed dates.
                leaf("modalites-entrees-sorties", "0", 1),
                session,
                leaf("prix-total-TTC", &format!("{:.2}", o.prix), 10),
                leaf("nombre-heures-total", &o.heures.to_string(), 10),
            ],
        ),
        "1",
    );
    let responsable = node(
        "organisme-formation-responsable",
        vec![
            leaf("numero-activite", &o.numero_activite, 11),
            node(
                "SIRET-organisme-formation",
                vec![leaf("SIRET", &o.organisme_siret, 14)],
            ),
            leaf("nom-organisme", &o.organisme_nom, 250),
            leaf("raison-sociale", &o.organisme_nom, 250),
            node(
                "coordonnees-organisme",
                vec![contact(&o.organisme_nom, None)],
            ),
            node(
                "contact-organisme",
                vec![contact(&o.contact_nom, o.contact_courriel.as_deref())],
            ),
        ],
    );
    with_numero(
        node(
            "formation",
            vec![
                domaine,
                leaf("intitule-formation", &o.intitule, 255),
                leaf("objectif-formation", &o.objectif, 3000),
                leaf("resultats-attendus", &o.resultats, 3000),
                leaf("contenu-formation", &o.contenu, 3000),
                leaf("certifiante", "0", 1),
                node(
                    "contact-formation",
                    vec![contact(&o.contact_nom, o.contact_courriel.as_deref())],
                ),
                // In a group, the same programme for everyone.
                leaf("parcours-de-formation", "1", 1),
                // Level required at entry: none.
                leaf("code-niveau-entree", "0", 2),
                action,
                responsable,
            ],
        ),
        &o.numero,
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    pub(crate) fn sample() -> OffreSurMesure {
        OffreSurMesure {
            numero: "module-7".to_owned(),
            intitule: "Travailler en salle propre".to_owned(),
            objectif: "Appliquer les règles d'habillage".to_owned(),
            contenu: "Habillage, flux & nettoyage".to_owned(),
            resultats: String::new(),
            formacodes: vec!["42835".to_owned()],
            public_vise: "80044".to_owned(),
            contact_nom: "Campus CosmetoPharma".to_owned(),
            contact_courriel: Some("contact@campus.example".to_owned()),
            organisme_nom: "Organisme de formation".to_owned(),
            organisme_siret: "19450855200016".to_owned(),
            numero_activite: "24450123456".to_owned(),
            lieu_nom: "Site de production".to_owned(),
            lieu: Adresse {
                ligne: "905 route de Saran".to_owned(),
                code_postal: "45520".to_owned(),
                ville: "Gidy".to_owned(),
            },
            debut: "20270115".to_owned(),
            fin: "20270116".to_owned(),
            heures: 14,
            prix: 4200.0,
        }
    }

    #[test]
    fn reads_back_as_the_same_training() {
        let element = offre_sur_mesure(&sample());
        let f = crate::lheo::formation(&element).unwrap();
        assert_eq!(f.numero, "module-7");
        assert_eq!(f.intitule, "Travailler en salle propre");
        assert_eq!(f.resultats_attendus, None);
        assert_eq!(f.organisme.siret.as_deref(), Some("19450855200016"));
        assert_eq!(f.organisme.numero_activite.as_deref(), Some("24450123456"));
        let action = &f.actions[0];
        assert_eq!(action.duree_heures, Some(14.0));
        assert_eq!(action.prix, Some(4200.0));
        assert_eq!(action.public_vise, vec!["80044".to_owned()]);
        assert_eq!(
            action.lieu.as_ref().and_then(|l| l.ville.as_deref()),
            Some("Gidy")
        );
        assert_eq!(action.sessions[0].debut.as_deref(), Some("2027-01-15"));
        assert_eq!(action.sessions[0].fin.as_deref(), Some("2027-01-16"));
        assert!(element.to_xml().contains("flux &amp; nettoyage"));
    }
}
