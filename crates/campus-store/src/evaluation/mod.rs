//! The figures of the evaluation, computed from the records: an
//! indicator's [`Formule`] over the views of [`views`], for a year or all
//! of them, whole or broken down.
//!
//! One pass per record kind: the formulas asked together
//! ([`Evaluation::calculer_lot`]) that read the same kind are computed by
//! one statement, each as conditional aggregates,
//! `SELECT <key>, SUM(CASE WHEN <conditions> THEN 1 ELSE 0 END), … FROM
//! (<view>) v WHERE v.par_annee = ? GROUP BY 1`, every value bound. A
//! dashboard thus reads the event registrations once, not once per
//! indicator. The total of a broken-down figure is the sum of its lines
//! (every record falls under one line), but for a count of distinct
//! values, which asks a second statement. A median reads the values in
//! order and takes the middle in Rust
//! ([`campus_domain::evaluation::calcul::mediane`]), the same way on both
//! backends.
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

/// A figure per key (`None`: records without one) and the total.
type Figures = (Mesure, BTreeMap<Option<String>, Mesure>);

/// Figures per year (`None`: the records without one, or every record
/// when the years are not told apart).
type ParAnnee = BTreeMap<Option<i32>, Figures>;

fn erreur(message: String) -> StoreError {
    StoreError::Formule(message)
}

/// One formula checked against the registry: its kind and the field it
/// aggregates.
struct Plan<'f> {
    formule: &'f Formule,
    genre: &'static Genre,
    champ: Option<&'static str>,
}

impl<'f> Plan<'f> {
    fn new(formule: &'f Formule, par: Option<Ventilation>) -> Result<Plan<'f>, StoreError> {
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
        let champ = match formule.agregat {
            Agregat::Compte | Agregat::Taux => None,
            agregat => {
                let nom = formule
                    .champ
                    .as_deref()
                    .ok_or_else(|| erreur(format!("« {} » demande un champ", agregat.as_str())))?;
                Some(champ_de(genre, nom)?.nom)
            }
        };
        if formule.agregat == Agregat::Taux {
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
        }
        Ok(Plan {
            formule,
            genre,
            champ,
        })
    }

    /// The field, for the aggregates that read one.
    fn champ(&self) -> Result<&'static str, StoreError> {
        self.champ.ok_or_else(|| {
            erreur(format!(
                "« {} » demande un champ",
                self.formule.agregat.as_str()
            ))
        })
    }
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
        self.calculer_lot(&[formule], annee, par, secteur)
            .await?
            .pop()
            .ok_or_else(|| erreur("aucun résultat calculé".to_owned()))
    }

    /// The figures of `formules`, in their order, as [`Self::calculer`]
    /// gives each, but in one pass over each record kind they read:
    /// what a dashboard asks. One formula that cannot be computed fails
    /// the whole lot.
    pub async fn calculer_lot(
        &self,
        formules: &[&Formule],
        annee: Option<i32>,
        par: Option<Ventilation>,
        secteur: &Sector,
    ) -> Result<Vec<Resultat>, StoreError> {
        let figures = self
            .en_lot(formules, annee, par, false, secteur)
            .await?
            .into_iter()
            .map(|mut f| {
                f.remove(&None)
                    .ok_or_else(|| erreur("formule non calculée".to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()?;
        self.resultats(par, figures).await
    }

    /// The figures of `formules` year by year, each year's broken down
    /// by `par` when given (another breakdown than the year): an
    /// indicator's series and its breakdown in one pass over each record
    /// kind. Every formula must read a dated kind; records without a year
    /// are left out.
    pub async fn calculer_par_annee(
        &self,
        formules: &[&Formule],
        par: Option<Ventilation>,
        secteur: &Sector,
    ) -> Result<Vec<BTreeMap<i32, Resultat>>, StoreError> {
        if par == Some(Ventilation::Annee) {
            return Err(erreur(
                "une série par année se ventile par une autre dimension".to_owned(),
            ));
        }
        for f in formules {
            let g = genre(&f.selection.genre)?;
            if !g.ventilations.contains(&Ventilation::Annee) {
                return Err(erreur(format!("« {} » n'est pas daté", g.nom)));
            }
        }
        let par_annee = self.en_lot(formules, None, par, true, secteur).await?;
        let mut resultats = Vec::with_capacity(par_annee.len());
        for figures in par_annee {
            let (annees, figures): (Vec<i32>, Vec<Figures>) = figures
                .into_iter()
                .filter_map(|(a, f)| Some((a?, f)))
                .unzip();
            let calcules = self.resultats(par, figures).await?;
            resultats.push(annees.into_iter().zip(calcules).collect());
        }
        Ok(resultats)
    }

    /// The figures of every formula, per year when `par_annee` (else
    /// under the key `None`), one pass per record kind.
    async fn en_lot(
        &self,
        formules: &[&Formule],
        annee: Option<i32>,
        par: Option<Ventilation>,
        par_annee: bool,
        secteur: &Sector,
    ) -> Result<Vec<ParAnnee>, StoreError> {
        let plans = formules
            .iter()
            .map(|f| Plan::new(f, par))
            .collect::<Result<Vec<_>, _>>()?;
        let mut figures: Vec<Option<ParAnnee>> = vec![None; plans.len()];
        let mut genres: Vec<&'static Genre> = Vec::new();
        for p in &plans {
            if !genres.iter().any(|g| g.nom == p.genre.nom) {
                genres.push(p.genre);
            }
        }
        for genre in genres {
            let requete = Requete {
                store: self,
                genre,
                annee: annee.filter(|_| genre.ventilations.contains(&Ventilation::Annee)),
                par,
                par_annee,
                secteur,
            };
            let (medianes, lot): (Vec<usize>, Vec<usize>) = (0..plans.len())
                .filter(|i| plans[*i].genre.nom == genre.nom)
                .partition(|i| plans[*i].formule.agregat == Agregat::Mediane);
            for i in medianes {
                let plan = &plans[i];
                figures[i] = Some(
                    requete
                        .mediane(&plan.formule.selection, plan.champ()?)
                        .await?,
                );
            }
            let lot: Vec<(usize, &Plan)> = lot.into_iter().map(|i| (i, &plans[i])).collect();
            for (i, f) in requete.passe(&lot).await? {
                figures[i] = Some(f);
            }
        }
        figures
            .into_iter()
            .map(|f| f.ok_or_else(|| erreur("formule non calculée".to_owned())))
            .collect()
    }

    /// Figures as results: keys of the breakdown with their labels.
    async fn resultats(
        &self,
        par: Option<Ventilation>,
        figures: Vec<Figures>,
    ) -> Result<Vec<Resultat>, StoreError> {
        let libelles = match par {
            Some(v) => {
                self.libelles(v, figures.iter().flat_map(|(_, l)| l.keys().flatten()))
                    .await?
            }
            None => HashMap::new(),
        };
        Ok(figures
            .into_iter()
            .map(|(total, lignes)| Resultat {
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
            .collect())
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

/// A record count and a value (sum, count of distinct values, second
/// count of a rate) of one formula over some records, as a statement
/// answers them.
#[derive(Debug, Clone, Copy, Default)]
struct Brut {
    n: u64,
    x: Option<f64>,
}

impl Brut {
    /// The two figures over the records of both, for the aggregates that
    /// add up (all but the count of distinct values).
    fn plus(self, autre: Brut) -> Brut {
        Brut {
            n: self.n + autre.n,
            x: match (self.x, autre.x) {
                (None, None) => None,
                (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
            },
        }
    }

    /// Whether no record counts: such a line is not shown.
    fn vide(self, agregat: Agregat) -> bool {
        match agregat {
            Agregat::Taux => self.n == 0 && self.x.unwrap_or(0.0) == 0.0,
            _ => self.n == 0,
        }
    }

    fn mesure(self, agregat: Agregat) -> Mesure {
        let Brut { n, x } = self;
        let valeur = match agregat {
            Agregat::Taux => return Mesure::taux(n, x.map_or(0, |d| d as u64)),
            Agregat::Compte => Some(n as f64),
            Agregat::Moyenne => x.filter(|_| n > 0).map(|s| s / n as f64),
            Agregat::Somme | Agregat::Distincts | Agregat::Mediane => Some(x.unwrap_or(0.0)),
        };
        Mesure {
            valeur,
            effectif: n,
            denominateur: None,
        }
    }
}

/// One year's total and lines, as read.
type BrutsAnnee = (Brut, BTreeMap<Option<String>, Brut>);

/// Computations over one record kind: its year and breakdown.
struct Requete<'a> {
    store: &'a crate::Store,
    genre: &'static Genre,
    annee: Option<i32>,
    par: Option<Ventilation>,
    /// Whether the figures are told apart year by year.
    par_annee: bool,
    secteur: &'a Sector,
}

impl Requete<'_> {
    /// The conditions of `selection` as one SQL condition, its values
    /// bound (`1 = 1` for every record).
    fn condition(&self, selection: &Selection, p: &mut Parametres) -> Result<String, StoreError> {
        if selection.genre != self.genre.nom {
            return Err(erreur(format!(
                "sélection de « {} » dans une formule de « {} »",
                selection.genre, self.genre.nom
            )));
        }
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
        Ok(if conditions.is_empty() {
            "1 = 1".to_owned()
        } else {
            format!("({})", conditions.join(" AND "))
        })
    }

    /// `FROM (<view>) v WHERE <conditions> [AND year]`, the values bound
    /// in the order they are written: the view's, then those of
    /// `conditions`, then the year.
    fn depuis(
        &self,
        p: &mut Parametres,
        d: Dialecte,
        conditions: impl FnOnce(&mut Parametres) -> Result<Vec<String>, StoreError>,
    ) -> Result<String, StoreError> {
        let view = vue(self.genre.nom, d, p, self.secteur)
            .ok_or_else(|| erreur(format!("genre non relié aux tables « {} »", self.genre.nom)))?;
        let mut conditions = conditions(p)?;
        if let Some(annee) = self.annee {
            conditions.push(format!("v.par_annee = {}", p.lier(annee)));
        }
        let filtre = if conditions.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", conditions.join(" AND "))
        };
        Ok(format!("FROM ({view}) v{filtre}"))
    }

    /// The year and key columns of a statement, and its `GROUP BY`:
    /// by year when the figures are told apart so, by key when `par_cle`
    /// and a breakdown is asked.
    fn cles(&self, par_cle: bool) -> (String, &'static str) {
        let annee = if self.par_annee {
            "v.par_annee"
        } else {
            "CAST(NULL AS INTEGER)"
        };
        let cle = match (par_cle, self.par) {
            (true, Some(v)) => format!("NULLIF(CAST(v.{} AS TEXT), '')", colonne(v)),
            _ => "CAST(NULL AS TEXT)".to_owned(),
        };
        let groupe = match (self.par_annee, par_cle && self.par.is_some()) {
            (true, true) => " GROUP BY 1, 2",
            (true, false) => " GROUP BY 1",
            (false, true) => " GROUP BY 2",
            (false, false) => "",
        };
        (format!("{annee}, {cle}"), groupe)
    }

    /// The two aggregates of `plan` (its [`Brut`]) as SQL, its values
    /// bound.
    fn agregats(
        &self,
        plan: &Plan,
        p: &mut Parametres,
        d: Dialecte,
    ) -> Result<[String; 2], StoreError> {
        let compter = |condition: &str| format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)");
        let selection = &plan.formule.selection;
        Ok(match plan.formule.agregat {
            Agregat::Compte => [compter(&self.condition(selection, p)?), d.reel("NULL")],
            Agregat::Taux => {
                let den = plan
                    .formule
                    .denominateur
                    .as_ref()
                    .ok_or_else(|| erreur("un taux demande un dénominateur".to_owned()))?;
                [
                    compter(&self.condition(selection, p)?),
                    d.reel(&compter(&self.condition(den, p)?)),
                ]
            }
            agregat @ (Agregat::Somme | Agregat::Moyenne | Agregat::Mediane) => {
                let c = format!("v.\"{}\"", plan.champ()?);
                // A mean is over the records holding a value; a sum counts
                // them all.
                let non_nul = if agregat == Agregat::Moyenne {
                    format!(" AND {c} IS NOT NULL")
                } else {
                    String::new()
                };
                [
                    compter(&format!("{}{non_nul}", self.condition(selection, p)?)),
                    format!(
                        "SUM(CASE WHEN {} THEN {} END)",
                        self.condition(selection, p)?,
                        d.reel(&c)
                    ),
                ]
            }
            Agregat::Distincts => {
                let c = format!("v.\"{}\"", plan.champ()?);
                [
                    compter(&self.condition(selection, p)?),
                    d.reel(&format!(
                        "COUNT(DISTINCT CASE WHEN {} THEN {c} END)",
                        self.condition(selection, p)?
                    )),
                ]
            }
        })
    }

    /// One statement over the kind computing every plan of `lot`, per
    /// key when `par_cle`; its rows as year, key and one [`Brut`] per
    /// plan.
    async fn executer(
        &self,
        lot: &[(usize, &Plan<'_>)],
        par_cle: bool,
    ) -> Result<Vec<(Option<i32>, Option<String>, Vec<Brut>)>, StoreError> {
        let store = self.store;
        let d = Dialecte(store.backend());
        let mut p = Parametres::new(store.backend());
        let mut colonnes = Vec::with_capacity(lot.len() * 2);
        for (_, plan) in lot {
            colonnes.extend(self.agregats(plan, &mut p, d)?);
        }
        let depuis = self.depuis(&mut p, d, |_| Ok(Vec::new()))?;
        let (cles, groupe) = self.cles(par_cle);
        let sql = format!(
            "SELECT {cles}, {colonnes} {depuis}{groupe}",
            colonnes = colonnes.join(", ")
        );
        let rows = store
            .conn()
            .query_all_raw(Statement::from_sql_and_values(
                db_backend(store.backend()),
                sql,
                p.valeurs(),
            ))
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let annee: Option<i32> = r.try_get_by_index(0)?;
            let cle: Option<String> = r.try_get_by_index(1)?;
            let mut bruts = Vec::with_capacity(lot.len());
            for j in 0..lot.len() {
                let n: Option<i64> = r.try_get_by_index(2 + 2 * j)?;
                let x: Option<f64> = r.try_get_by_index(3 + 2 * j)?;
                bruts.push(Brut {
                    n: n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0),
                    x,
                });
            }
            out.push((annee, cle, bruts));
        }
        Ok(out)
    }

    /// The figures of every plan of `lot` (all but medians), each with
    /// the index it was given: one statement, and a second one without
    /// the breakdown for the totals of distinct values, which do not add
    /// up.
    async fn passe(
        &self,
        lot: &[(usize, &Plan<'_>)],
    ) -> Result<Vec<(usize, ParAnnee)>, StoreError> {
        if lot.is_empty() {
            return Ok(Vec::new());
        }
        let par_cle = self.par.is_some();
        let rows = self.executer(lot, par_cle).await?;
        let distincts: Vec<(usize, &Plan)> = lot
            .iter()
            .filter(|(_, p)| par_cle && p.formule.agregat == Agregat::Distincts)
            .copied()
            .collect();
        let totaux_distincts: HashMap<(usize, Option<i32>), Brut> = if distincts.is_empty() {
            HashMap::new()
        } else {
            let rows = self.executer(&distincts, false).await?;
            let mut totaux = HashMap::new();
            for (annee, _, bruts) in rows {
                for ((i, _), brut) in distincts.iter().zip(bruts) {
                    totaux.insert((*i, annee), brut);
                }
            }
            totaux
        };
        Ok(lot
            .iter()
            .enumerate()
            .map(|(j, (i, plan))| {
                let agregat = plan.formule.agregat;
                let mut bruts: BTreeMap<Option<i32>, BrutsAnnee> = BTreeMap::new();
                if !self.par_annee {
                    // Even over no record, the figure (0, or undefined).
                    bruts.insert(None, Default::default());
                }
                for (annee, cle, b) in &rows {
                    let b = b.get(j).copied().unwrap_or_default();
                    let (total, lignes) = bruts.entry(*annee).or_default();
                    *total = total.plus(b);
                    lignes.insert(cle.clone(), b);
                }
                let figures = bruts
                    .into_iter()
                    .map(|(annee, (total, lignes))| {
                        let total = totaux_distincts.get(&(*i, annee)).copied().unwrap_or(total);
                        let lignes = if par_cle {
                            lignes
                                .into_iter()
                                .filter(|(_, b)| !b.vide(agregat))
                                .map(|(cle, b)| (cle, b.mesure(agregat)))
                                .collect()
                        } else {
                            BTreeMap::new()
                        };
                        (annee, (total.mesure(agregat), lignes))
                    })
                    .collect();
                (*i, figures)
            })
            .collect())
    }

    /// The median of `champ` over the selection, per key and in total
    /// (per year when they are told apart): the values are read (without
    /// the records lacking one) and the middle taken here.
    async fn mediane(&self, selection: &Selection, champ: &str) -> Result<ParAnnee, StoreError> {
        let store = self.store;
        let d = Dialecte(store.backend());
        let mut p = Parametres::new(store.backend());
        let col = format!("v.\"{champ}\"");
        let depuis = self.depuis(&mut p, d, |p| {
            Ok(vec![
                self.condition(selection, p)?,
                format!("{col} IS NOT NULL"),
            ])
        })?;
        let (cles, _) = self.cles(true);
        let sql = format!("SELECT {cles}, {valeur} {depuis}", valeur = d.reel(&col));
        let rows = store
            .conn()
            .query_all_raw(Statement::from_sql_and_values(
                db_backend(store.backend()),
                sql,
                p.valeurs(),
            ))
            .await?;
        type Valeurs = (Vec<f64>, BTreeMap<Option<String>, Vec<f64>>);
        let mut par_annee: BTreeMap<Option<i32>, Valeurs> = BTreeMap::new();
        if !self.par_annee {
            par_annee.insert(None, Default::default());
        }
        for r in rows {
            let annee: Option<i32> = r.try_get_by_index(0)?;
            let cle: Option<String> = r.try_get_by_index(1)?;
            let v: f64 = r.try_get_by_index(2)?;
            let (tout, par_cle) = par_annee.entry(annee).or_default();
            tout.push(v);
            if self.par.is_some() {
                par_cle.entry(cle).or_default().push(v);
            }
        }
        let mesure = |mut valeurs: Vec<f64>| Mesure {
            effectif: valeurs.len() as u64,
            valeur: calcul::mediane(&mut valeurs),
            denominateur: None,
        };
        Ok(par_annee
            .into_iter()
            .map(|(annee, (tout, par_cle))| {
                let lignes = par_cle
                    .into_iter()
                    .map(|(cle, valeurs)| (cle, mesure(valeurs)))
                    .collect();
                (annee, (mesure(tout), lignes))
            })
            .collect())
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
