//! The figures of the evaluation, computed from the records: an
//! indicator's [`Formule`] over the views of [`views`], for a year or all
//! of them, whole or broken down.
//!
//! One query shape serves every formula:
//! `SELECT <key>, COUNT(*), <aggregate> FROM (<view>) v WHERE <conditions>
//! AND v.par_annee = ? GROUP BY 1`, every value bound. A rate is two such
//! counts merged line by line; a median reads the values in order and
//! takes the middle in Rust ([`campus_domain::evaluation::calcul::mediane`]),
//! the same way on both backends.
//!
//! The year is the calendar year of each record's date. The kinds without
//! one (`formations`, `organisations`: what the platform holds today)
//! ignore it: their figure is a stock, the same for every year.

use std::collections::{BTreeMap, HashMap};

use campus_domain::evaluation::calcul::{
    self, CLE_NON_RENSEIGNEE, LIBELLE_NON_RENSEIGNE, Ligne, Mesure, Resultat,
};
use campus_domain::evaluation::formule::{Agregat, Formule, Operateur, Selection, Valeur};
use campus_domain::evaluation::registre::{Genre, Nature, REGISTRE, Ventilation};
use campus_domain::{Departement, Sector};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Statement};

use crate::entity::{organisation, rome_fiche};
use crate::{Backend, StoreError};

mod views;

use views::{Dialecte, Parametres, vue};

crate::handle::feature_handle!(
    /// The evaluation of the action plan: indicator figures computed from
    /// the records.
    Evaluation,
    evaluation
);

/// What one grouped query computes.
#[derive(Clone, Copy)]
enum Calcul<'a> {
    Compte,
    Somme(&'a str),
    Moyenne(&'a str),
    Distincts(&'a str),
}

/// A figure per key (`None`: records without one) and the total.
struct Groupes {
    total: Mesure,
    lignes: BTreeMap<Option<String>, Mesure>,
}

impl Groupes {
    fn paire(self) -> (Mesure, BTreeMap<Option<String>, Mesure>) {
        (self.total, self.lignes)
    }
}

fn erreur(message: String) -> StoreError {
    StoreError::Formule(message)
}

impl Evaluation<'_> {
    /// The figure of `formule` over the records of `annee` (every year
    /// when `None`; ignored by the kinds without a date), broken down by
    /// `par` when given. `secteur` tells which trainings and diplomas are
    /// the campus's own (the `secteur` fields).
    ///
    /// The formula is expected checked against the registry
    /// ([`Formule::verifier`]); one that names an unknown kind, field or
    /// breakdown is answered by [`StoreError::Formule`], never computed.
    pub async fn calculer(
        &self,
        formule: &Formule,
        annee: Option<i32>,
        par: Option<Ventilation>,
        secteur: &Sector,
    ) -> Result<Resultat, StoreError> {
        let genre = genre(&formule.selection.genre)?;
        if let Some(v) = par
            && !genre.ventilations.contains(&v)
        {
            return Err(erreur(format!(
                "« {} » ne se ventile pas par {}",
                genre.nom,
                v.as_str()
            )));
        }
        let annee = annee.filter(|_| genre.ventilations.contains(&Ventilation::Annee));
        let champ = |nom: &Option<String>| -> Result<&'static str, StoreError> {
            let nom = nom.as_deref().ok_or_else(|| {
                erreur(format!("« {} » demande un champ", formule.agregat.as_str()))
            })?;
            Ok(champ_de(genre, nom)?.nom)
        };
        let requete = Requete {
            store: self,
            genre,
            annee,
            par,
            secteur,
        };
        let (total, lignes) = match formule.agregat {
            Agregat::Compte => requete
                .grouper(&formule.selection, Calcul::Compte)
                .await?
                .paire(),
            Agregat::Somme => {
                let c = champ(&formule.champ)?;
                requete
                    .grouper(&formule.selection, Calcul::Somme(c))
                    .await?
                    .paire()
            }
            Agregat::Moyenne => {
                let c = champ(&formule.champ)?;
                requete
                    .grouper(&formule.selection, Calcul::Moyenne(c))
                    .await?
                    .paire()
            }
            Agregat::Distincts => {
                let c = champ(&formule.champ)?;
                requete
                    .grouper(&formule.selection, Calcul::Distincts(c))
                    .await?
                    .paire()
            }
            Agregat::Mediane => {
                let c = champ(&formule.champ)?;
                requete.mediane(&formule.selection, c).await?
            }
            Agregat::Taux => {
                let den = formule
                    .denominateur
                    .as_ref()
                    .ok_or_else(|| erreur("un taux demande un dénominateur".to_owned()))?;
                if den.genre != genre.nom {
                    return Err(erreur(format!(
                        "un taux compare deux sélections du même genre (« {} » et « {} »)",
                        genre.nom, den.genre
                    )));
                }
                let num = requete.grouper(&formule.selection, Calcul::Compte).await?;
                let den = requete.grouper(den, Calcul::Compte).await?;
                taux(num, den)
            }
        };
        let libelles = match par {
            Some(v) => self.libelles(v, lignes.keys().flatten()).await?,
            None => HashMap::new(),
        };
        Ok(Resultat {
            total,
            lignes: lignes
                .into_iter()
                .map(|(cle, mesure)| {
                    let cle = cle.unwrap_or_else(|| CLE_NON_RENSEIGNEE.to_owned());
                    let libelle = if cle == CLE_NON_RENSEIGNEE {
                        LIBELLE_NON_RENSEIGNE.to_owned()
                    } else {
                        libelles.get(&cle).cloned().unwrap_or_else(|| cle.clone())
                    };
                    Ligne {
                        cle,
                        libelle,
                        mesure,
                    }
                })
                .collect(),
        })
    }

    /// The calendar years that hold any dated record of the platform,
    /// oldest first (the imported InserJeunes cohorts are not the
    /// platform's records and do not count).
    pub async fn annees(&self) -> Result<Vec<i32>, StoreError> {
        let d = Dialecte(self.backend());
        let mut p = Parametres::new(self.backend());
        // No dated view takes parameters, but the sector is asked of all.
        let secteur = Sector::new::<&str>(&[], &[], &[])
            .map_err(|e| erreur(format!("secteur vide refusé : {e}")))?;
        let mut parts = Vec::new();
        for g in REGISTRE.iter().filter(|g| {
            g.ventilations.contains(&Ventilation::Annee) && !matches!(g.nom, "inserjeunes")
        }) {
            let view = vue(g.nom, d, &mut p, &secteur)
                .ok_or_else(|| erreur(format!("genre non relié aux tables « {} »", g.nom)))?;
            parts.push(format!("SELECT v.par_annee AS annee FROM ({view}) v"));
        }
        let sql = format!(
            "SELECT DISTINCT u.annee FROM ({}) u WHERE u.annee IS NOT NULL ORDER BY u.annee",
            parts.join(" UNION ")
        );
        let rows = self
            .conn()
            .query_all_raw(Statement::from_sql_and_values(
                db_backend(self.backend()),
                sql,
                p.valeurs(),
            ))
            .await?;
        rows.iter()
            .map(|r| Ok(r.try_get_by_index::<i32>(0)?))
            .collect()
    }

    /// The labels of breakdown keys (departement names, trades,
    /// organisations…).
    async fn libelles(
        &self,
        par: Ventilation,
        cles: impl Iterator<Item = &String>,
    ) -> Result<HashMap<String, String>, StoreError> {
        let cles: Vec<String> = cles.cloned().collect();
        Ok(match par {
            Ventilation::Annee => HashMap::new(),
            Ventilation::Departement => cles
                .into_iter()
                .filter_map(|c| {
                    let d = Departement::parse(&c).ok()?;
                    Some((c, format!("{} ({})", d.nom(), d.as_str())))
                })
                .collect(),
            Ventilation::Public => cles
                .into_iter()
                .filter_map(|c| Some((c.clone(), libelle_public(&c)?.to_owned())))
                .collect(),
            Ventilation::Niveau => cles
                .into_iter()
                .filter_map(|c| Some((c.clone(), format!("Niveau {}", c.parse::<u8>().ok()?))))
                .collect(),
            Ventilation::Metier => rome_fiche::Entity::find()
                .filter(rome_fiche::Column::CodeRome.is_in(cles))
                .all(self.conn())
                .await?
                .into_iter()
                .map(|f| {
                    let libelle = format!("{} — {}", f.code_rome, f.libelle);
                    (f.code_rome, libelle)
                })
                .collect(),
            Ventilation::Organisation => organisation::Entity::find()
                .filter(
                    organisation::Column::Id
                        .is_in(cles.iter().filter_map(|c| c.parse::<i32>().ok())),
                )
                .all(self.conn())
                .await?
                .into_iter()
                .map(|o| (o.id.to_string(), o.nom))
                .collect(),
        })
    }
}

fn genre(nom: &str) -> Result<&'static Genre, StoreError> {
    REGISTRE
        .iter()
        .find(|g| g.nom == nom)
        .ok_or_else(|| erreur(format!("genre d'enregistrement inconnu « {nom} »")))
}

fn champ_de(
    genre: &'static Genre,
    nom: &str,
) -> Result<&'static campus_domain::evaluation::registre::Champ, StoreError> {
    genre
        .champ(nom)
        .ok_or_else(|| erreur(format!("champ inconnu « {nom} » pour « {} »", genre.nom)))
}

fn db_backend(b: Backend) -> sea_orm::DbBackend {
    match b {
        Backend::Sqlite => sea_orm::DbBackend::Sqlite,
        Backend::Postgres => sea_orm::DbBackend::Postgres,
    }
}

/// The column of a breakdown in the views.
fn colonne(v: Ventilation) -> &'static str {
    match v {
        Ventilation::Annee => "par_annee",
        Ventilation::Departement => "par_departement",
        Ventilation::Public => "par_public",
        Ventilation::Niveau => "par_niveau",
        Ventilation::Metier => "par_metier",
        Ventilation::Organisation => "par_organisation",
    }
}

/// Numerator and denominator counts merged, line by line.
fn taux(num: Groupes, den: Groupes) -> (Mesure, BTreeMap<Option<String>, Mesure>) {
    let mut lignes = BTreeMap::new();
    for cle in num.lignes.keys().chain(den.lignes.keys()) {
        let n = num.lignes.get(cle).map_or(0, |m| m.effectif);
        let d = den.lignes.get(cle).map_or(0, |m| m.effectif);
        lignes.insert(cle.clone(), Mesure::taux(n, d));
    }
    (Mesure::taux(num.total.effectif, den.total.effectif), lignes)
}

/// One computation: its kind, year and breakdown.
struct Requete<'a> {
    store: &'a crate::Store,
    genre: &'static Genre,
    annee: Option<i32>,
    par: Option<Ventilation>,
    secteur: &'a Sector,
}

impl Requete<'_> {
    /// `FROM (<view>) v WHERE <conditions> [AND year]`, its values bound.
    fn depuis(
        &self,
        selection: &Selection,
        p: &mut Parametres,
        d: Dialecte,
        extra: Option<String>,
    ) -> Result<String, StoreError> {
        if selection.genre != self.genre.nom {
            return Err(erreur(format!(
                "sélection de « {} » dans une formule de « {} »",
                selection.genre, self.genre.nom
            )));
        }
        let view = vue(self.genre.nom, d, p, self.secteur)
            .ok_or_else(|| erreur(format!("genre non relié aux tables « {} »", self.genre.nom)))?;
        let mut conditions = Vec::new();
        for c in &selection.conditions {
            let champ = champ_de(self.genre, &c.champ)?;
            let col = format!("v.\"{}\"", champ.nom);
            let valeur = match (champ.nature, &c.valeur) {
                (Nature::Nombre, Valeur::Nombre(n)) => p.lier(*n),
                (Nature::Booleen, Valeur::Booleen(b)) => p.lier(i32::from(*b)),
                (Nature::Texte | Nature::Date, Valeur::Texte(t)) => p.lier(t.clone()),
                _ => {
                    return Err(erreur(format!(
                        "valeur de type incompatible pour « {} »",
                        champ.nom
                    )));
                }
            };
            conditions.push(match c.operateur {
                // A record without the value is different from it.
                Operateur::Different => format!("({col} IS NULL OR {col} <> {valeur})"),
                op => format!("{col} {} {valeur}", op.as_str()),
            });
        }
        if let Some(annee) = self.annee {
            conditions.push(format!("v.par_annee = {}", p.lier(annee)));
        }
        conditions.extend(extra);
        let filtre = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        Ok(format!("FROM ({view}) v{filtre}"))
    }

    fn cle(&self, groupe: bool) -> String {
        match (groupe, self.par) {
            (true, Some(v)) => format!("NULLIF(CAST(v.{} AS TEXT), '')", colonne(v)),
            _ => "CAST(NULL AS TEXT)".to_owned(),
        }
    }

    /// Counts, sums, means or distinct values, per key and in total.
    async fn grouper(
        &self,
        selection: &Selection,
        calcul: Calcul<'_>,
    ) -> Result<Groupes, StoreError> {
        // An aggregate without GROUP BY answers one row, even over nothing.
        let total = self
            .executer(selection, calcul, false)
            .await?
            .into_values()
            .next()
            .unwrap_or(Mesure {
                valeur: None,
                effectif: 0,
                denominateur: None,
            });
        let lignes = if self.par.is_some() {
            self.executer(selection, calcul, true).await?
        } else {
            BTreeMap::new()
        };
        Ok(Groupes { total, lignes })
    }

    async fn executer(
        &self,
        selection: &Selection,
        calcul: Calcul<'_>,
        groupe: bool,
    ) -> Result<BTreeMap<Option<String>, Mesure>, StoreError> {
        let store = self.store;
        let d = Dialecte(store.backend());
        let mut p = Parametres::new(store.backend());
        let (valeur, non_nul) = match calcul {
            Calcul::Compte => (d.reel("COUNT(*)"), None),
            Calcul::Somme(c) => (d.reel(&format!("COALESCE(SUM(v.\"{c}\"), 0)")), None),
            Calcul::Moyenne(c) => (
                format!("AVG({})", d.reel(&format!("v.\"{c}\""))),
                Some(format!("v.\"{c}\" IS NOT NULL")),
            ),
            Calcul::Distincts(c) => (d.reel(&format!("COUNT(DISTINCT v.\"{c}\")")), None),
        };
        let depuis = self.depuis(selection, &mut p, d, non_nul)?;
        let groupe_par = if groupe && self.par.is_some() {
            " GROUP BY 1"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {cle}, COUNT(*), {valeur} {depuis}{groupe_par}",
            cle = self.cle(groupe)
        );
        let rows = store
            .conn()
            .query_all_raw(Statement::from_sql_and_values(
                db_backend(store.backend()),
                sql,
                p.valeurs(),
            ))
            .await?;
        let mut out = BTreeMap::new();
        for r in rows {
            let cle: Option<String> = r.try_get_by_index(0)?;
            let n: i64 = r.try_get_by_index(1)?;
            let valeur: Option<f64> = r.try_get_by_index(2)?;
            out.insert(
                cle,
                Mesure {
                    valeur,
                    effectif: u64::try_from(n).unwrap_or(0),
                    denominateur: None,
                },
            );
        }
        Ok(out)
    }

    /// The median of `champ` over the selection, per key and in total:
    /// the values are read (without the records lacking one) and the
    /// middle taken here.
    async fn mediane(
        &self,
        selection: &Selection,
        champ: &str,
    ) -> Result<(Mesure, BTreeMap<Option<String>, Mesure>), StoreError> {
        let store = self.store;
        let d = Dialecte(store.backend());
        let mut p = Parametres::new(store.backend());
        let col = format!("v.\"{champ}\"");
        let depuis = self.depuis(selection, &mut p, d, Some(format!("{col} IS NOT NULL")))?;
        let sql = format!(
            "SELECT {cle}, {valeur} {depuis}",
            cle = self.cle(true),
            valeur = d.reel(&col)
        );
        let rows = store
            .conn()
            .query_all_raw(Statement::from_sql_and_values(
                db_backend(store.backend()),
                sql,
                p.valeurs(),
            ))
            .await?;
        let mut tout = Vec::with_capacity(rows.len());
        let mut par_cle: BTreeMap<Option<String>, Vec<f64>> = BTreeMap::new();
        for r in rows {
            let cle: Option<String> = r.try_get_by_index(0)?;
            let v: f64 = r.try_get_by_index(1)?;
            tout.push(v);
            if self.par.is_some() {
                par_cle.entry(cle).or_default().push(v);
            }
        }
        let mesure = |valeurs: &mut Vec<f64>| Mesure {
            effectif: valeurs.len() as u64,
            valeur: calcul::mediane(valeurs),
            denominateur: None,
        };
        let lignes = par_cle
            .into_iter()
            .map(|(cle, mut valeurs)| (cle, mesure(&mut valeurs)))
            .collect();
        Ok((mesure(&mut tout), lignes))
    }
}

/// The French label of a public as the records write it: the audiences of
/// events (`lyceens`), a learner's situation (`lyceen`), a role
/// (`formateur`), the publics of mobility and expertise requests. The
/// same words as the interface's messages (`evenement-audience-*`,
/// `statut-*`, `role-*`…); the data layer has no translator and the
/// evaluation reports are in French.
fn libelle_public(code: &str) -> Option<&'static str> {
    Some(match code {
        "collegiens" => "Collégiens",
        "lyceens" => "Lycéens",
        "etudiants" => "Étudiants",
        "apprentis" => "Apprentis",
        "salaries" => "Salariés",
        "demandeurs_emploi" => "Demandeurs d'emploi",
        "enseignants" => "Enseignants",
        "formateurs" => "Formateurs",
        "grand_public" => "Grand public",
        "collegien" => "Collégien·ne",
        "lyceen" => "Lycéen·ne",
        "etudiant" => "Étudiant·e",
        "apprenti" => "Apprenti·e",
        "salarie" => "Salarié·e",
        "demandeur_emploi" => "Demandeur·se d'emploi",
        "apprenant" => "Apprenant·e",
        "formateur" => "Formateur·rice ou enseignant·e",
        "entreprise" => "Entreprise",
        "partenaire" => "Partenaire",
        "equipe_campus" => "Équipe du campus",
        "admin" => "Administrateur·rice",
        "apprenants" => "Élèves, apprentis et étudiants",
        "personnels" => "Enseignants et formateurs",
        _ => return None,
    })
}
