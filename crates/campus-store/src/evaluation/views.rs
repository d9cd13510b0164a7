//! Each record kind of the evaluation registry as one SQL `SELECT` over the
//! platform's tables.
//!
//! A view exposes the kind's fields under their registry names (quoted:
//! `"type"`, `"date"`…) and six breakdown columns, `par_annee`,
//! `par_departement`, `par_public`, `par_niveau`, `par_metier` and
//! `par_organisation` (NULL where the kind has no such breakdown), so that
//! one query shape computes every formula. A record falls under one value
//! of each breakdown (a project with several partner organisations under
//! the first), so that the lines of a count add up to its total.
//!
//! The same text runs on both backends, but for what they write
//! differently:
//! - instants are `timestamptz` on PostgreSQL and RFC 3339 text on
//!   SQLite; both are read in UTC ([`Dialecte::jour`], [`Dialecte::annee`]);
//!   dates kept as text (`AAAA-MM-JJ`) are cut alike on both;
//! - booleans come out as the integers 0 and 1 on both;
//! - numbers a formula sums or averages come out as floating point.
//!
//! Values a formula filters on (the sector's codes) are bound parameters,
//! never spliced into the text.

use campus_domain::Sector;
use sea_orm::Value;

use crate::Backend;

/// The bound values of one statement and their placeholders (`?` on
/// SQLite, `$n` on PostgreSQL), in the order they are written.
pub(super) struct Parametres {
    backend: Backend,
    valeurs: Vec<Value>,
}

impl Parametres {
    pub(super) fn new(backend: Backend) -> Parametres {
        Parametres {
            backend,
            valeurs: Vec::new(),
        }
    }

    /// Binds `valeur` and returns its placeholder.
    pub(super) fn lier(&mut self, valeur: impl Into<Value>) -> String {
        self.valeurs.push(valeur.into());
        match self.backend {
            Backend::Sqlite => "?".to_owned(),
            Backend::Postgres => format!("${}", self.valeurs.len()),
        }
    }

    pub(super) fn valeurs(self) -> Vec<Value> {
        self.valeurs
    }
}

/// What the two backends write differently.
#[derive(Clone, Copy)]
pub(super) struct Dialecte(pub(super) Backend);

impl Dialecte {
    /// The UTC day of an instant column, as `AAAA-MM-JJ`.
    fn jour(self, col: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("substr({col}, 1, 10)"),
            Backend::Postgres => format!("to_char({col} AT TIME ZONE 'UTC', 'YYYY-MM-DD')"),
        }
    }

    /// The UTC calendar year of an instant column, as an integer.
    fn annee(self, col: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("CAST(substr({col}, 1, 4) AS INTEGER)"),
            Backend::Postgres => {
                format!("CAST(EXTRACT(YEAR FROM {col} AT TIME ZONE 'UTC') AS INTEGER)")
            }
        }
    }

    /// `expr` as floating point.
    pub(super) fn reel(self, expr: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("CAST({expr} AS REAL)"),
            Backend::Postgres => format!("CAST({expr} AS DOUBLE PRECISION)"),
        }
    }

    /// Days (with their fraction) from instant `debut` to instant `fin`.
    fn jours_entre(self, debut: &str, fin: &str) -> String {
        match self.0 {
            Backend::Sqlite => format!("(julianday({fin}) - julianday({debut}))"),
            Backend::Postgres => {
                format!("(EXTRACT(EPOCH FROM ({fin} - {debut})) / 86400.0)")
            }
        }
    }
}

/// The year of a date kept as `AAAA-MM-JJ` text (or a cohort `2021_2022`).
fn annee_texte(col: &str) -> String {
    format!("CAST(substr({col}, 1, 4) AS INTEGER)")
}

/// A date kept as text, cut to `AAAA-MM-JJ`.
fn jour_texte(col: &str) -> String {
    format!("substr({col}, 1, 10)")
}

/// A condition as 0 or 1.
fn booleen(condition: &str) -> String {
    format!("CASE WHEN {condition} THEN 1 ELSE 0 END")
}

/// An integer column as text (ids a formula counts as people).
fn texte(col: &str) -> String {
    format!("CAST({col} AS TEXT)")
}

/// A missing breakdown.
const AUCUN: &str = "CAST(NULL AS TEXT)";
/// A missing year (stock figures).
const SANS_ANNEE: &str = "CAST(NULL AS INTEGER)";

/// The six breakdown columns, in their order.
struct Par<'a> {
    annee: &'a str,
    departement: &'a str,
    public: &'a str,
    niveau: &'a str,
    metier: &'a str,
    organisation: &'a str,
}

impl Par<'_> {
    fn sql(&self) -> String {
        format!(
            "{} AS par_annee, {} AS par_departement, {} AS par_public, {} AS par_niveau, {} AS par_metier, {} AS par_organisation",
            self.annee, self.departement, self.public, self.niveau, self.metier, self.organisation
        )
    }
}

const SANS_PAR: Par<'static> = Par {
    annee: SANS_ANNEE,
    departement: AUCUN,
    public: AUCUN,
    niveau: AUCUN,
    metier: AUCUN,
    organisation: AUCUN,
};

/// The `SELECT` of record kind `genre`, or `None` for a kind the data
/// layer does not map. `secteur` tells which trainings and diplomas are
/// the campus's own.
pub(super) fn vue(
    genre: &str,
    d: Dialecte,
    p: &mut Parametres,
    secteur: &Sector,
) -> Option<String> {
    Some(match genre {
        "evenements" => evenements(d),
        "evenement_inscriptions" => evenement_inscriptions(d),
        "evenement_avis" => evenement_avis(d),
        "offres" => offres(d),
        "candidatures" => candidatures(d),
        "projets" => projets(),
        "modules" => modules(),
        "parcours" => parcours(d),
        "parcours_calculs" => parcours_calculs(d),
        "formations" => formations(p, secteur),
        "equipement_reservations" => equipement_reservations(d),
        "habilitations" => habilitations(d),
        "organisations" => organisations(),
        "experts" => experts(d),
        "demandes_expertise" => demandes_expertise(d),
        "mobilites" => mobilites(),
        "apprenants" => apprenants(d),
        "inserjeunes" => inserjeunes(p, secteur),
        _ => return None,
    })
}

/// The first ROME code of an event's list (stored `,H3301,I1304,`).
const PREMIER_ROME_EVENEMENT: &str =
    "CASE WHEN length(e.romes) >= 7 THEN substr(e.romes, 2, 5) END";

/// `evenements`: the events of the campus (table `evenements`), dated by
/// their start; `places` is the capacity announced, `organisation` the
/// organiser's slug.
fn evenements(d: Dialecte) -> String {
    format!(
        "SELECT e.kind AS \"type\", {jour} AS \"date\", e.departement AS \"departement\", \
         o.slug AS \"organisation\", e.capacity AS \"places\", {par} \
         FROM evenements e JOIN organisations o ON o.id = e.organisation_id",
        jour = d.jour("e.starts_at"),
        par = Par {
            annee: &d.annee("e.starts_at"),
            departement: "e.departement",
            metier: PREMIER_ROME_EVENEMENT,
            organisation: "e.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `evenement_inscriptions`: registrations to events
/// (`evenement_inscriptions` with their event), dated by the event's
/// start; `places` the seats asked (a class counts its pupils), `statut`
/// the registration's state (`confirmee`, `attente_consentement`,
/// `liste_attente`, `annulee`), `present` whether it was checked in,
/// `niveau` the class or level as declared (free text).
fn evenement_inscriptions(d: Dialecte) -> String {
    format!(
        "SELECT e.kind AS \"type_evenement\", i.status AS \"statut\", i.public AS \"public\", \
         NULLIF(TRIM(i.niveau), '') AS \"niveau\", {present} AS \"present\", \
         {mineur} AS \"mineur\", i.seats AS \"places\", e.departement AS \"departement\", \
         {jour} AS \"date\", {par} \
         FROM evenement_inscriptions i JOIN evenements e ON e.id = i.evenement_id",
        present = booleen("i.checked_in_at IS NOT NULL"),
        mineur = booleen("i.is_minor"),
        jour = d.jour("e.starts_at"),
        par = Par {
            annee: &d.annee("e.starts_at"),
            departement: "e.departement",
            public: "NULLIF(i.public, '')",
            niveau: "NULLIF(TRIM(i.niveau), '')",
            organisation: "e.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `evenement_avis`: the participants' answers to the survey after an
/// event (`evenement_avis`), dated by the event; `note` from 1 to 5.
fn evenement_avis(d: Dialecte) -> String {
    format!(
        "SELECT a.rating AS \"note\", {recommande} AS \"recommande\", \
         e.kind AS \"type_evenement\", {jour} AS \"date\", {par} \
         FROM evenement_avis a JOIN evenements e ON e.id = a.evenement_id",
        recommande = booleen("a.recommend"),
        jour = d.jour("e.starts_at"),
        par = Par {
            annee: &d.annee("e.starts_at"),
            departement: "e.departement",
            organisation: "e.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// Offers that are not mobility offers (those are `mobilites`).
const HORS_MOBILITE: &str =
    "NOT EXISTS (SELECT 1 FROM offres_mobilite om WHERE om.offre_id = o.id)";

/// `offres`: job, apprenticeship, internship offers (`offres`, without the
/// mobility offers), dated by their publication; `etat` is `ouverte`,
/// `pourvue` or `fermee`.
fn offres(d: Dialecte) -> String {
    format!(
        "SELECT o.type_offre AS \"type\", o.etat AS \"etat\", o.postes AS \"postes\", \
         o.departement AS \"departement\", {jour} AS \"date\", {par} \
         FROM offres o WHERE {HORS_MOBILITE}",
        jour = d.jour("o.created_at"),
        par = Par {
            annee: &d.annee("o.created_at"),
            departement: "o.departement",
            niveau: "o.niveau",
            metier: "o.code_rome",
            organisation: "o.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `candidatures`: applications to those offers (`candidatures`), dated
/// by their sending; `repondue` once the recruiter answered (retained,
/// interview or not retained: `repondue_le` is set), `delai_reponse_jours`
/// the days from sending to that answer, `participant` the applicant's
/// account.
fn candidatures(d: Dialecte) -> String {
    format!(
        "SELECT c.etat AS \"etat\", {repondue} AS \"repondue\", {delai} AS \"delai_reponse_jours\", \
         o.type_offre AS \"type_offre\", {participant} AS \"participant\", {jour} AS \"date\", {par} \
         FROM candidatures c JOIN offres o ON o.id = c.offre_id WHERE {HORS_MOBILITE}",
        repondue = booleen("c.repondue_le IS NOT NULL"),
        delai = d.reel(&d.jours_entre("c.created_at", "c.repondue_le")),
        participant = texte("c.candidat_user_id"),
        jour = d.jour("c.created_at"),
        par = Par {
            annee: &d.annee("c.created_at"),
            departement: "o.departement",
            niveau: "o.niveau",
            metier: "o.code_rome",
            organisation: "o.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `projets`: the campus's projects (`projets`), dated by their start;
/// `type` is `ecole_recherche`, `initiation_recherche`,
/// `pedagogique_industriel` or `we_lab`, `statut` `en_cours`, `termine` or
/// `abandonne`, `eleves` the pupils among the members; located at their
/// first partner organisation.
fn projets() -> String {
    format!(
        "SELECT p.type_projet AS \"type\", p.etape AS \"etape\", p.statut AS \"statut\", \
         (SELECT COUNT(*) FROM projet_membres m WHERE m.projet_id = p.id AND m.role = 'eleve') AS \"eleves\", \
         {jour} AS \"date\", {par} FROM projets p",
        jour = jour_texte("p.debut"),
        par = Par {
            annee: &annee_texte("p.debut"),
            departement: "(SELECT MIN(og.departement) FROM projet_organisations po \
                          JOIN organisations og ON og.id = po.organisation_id WHERE po.projet_id = p.id)",
            metier: "(SELECT MIN(pm.code_rome) FROM projet_metiers pm WHERE pm.projet_id = p.id)",
            organisation: "(SELECT MIN(po.organisation_id) FROM projet_organisations po WHERE po.projet_id = p.id)",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `modules`: on-demand training modules (`module_demandes` with their
/// accepted proposal), dated by the accepted proposal's start (else the
/// request's); `statut` is the request's state (`realisee` once
/// delivered), `heures` the accepted proposal's length, `stagiaires` the
/// trainees listed (else the number asked); located at the requesting
/// organisation.
fn modules() -> String {
    let debut = "COALESCE(pr.date_debut, md.date_debut)";
    format!(
        "SELECT md.etat AS \"statut\", pr.duree_heures AS \"heures\", \
         COALESCE(NULLIF((SELECT COUNT(*) FROM module_stagiaires s WHERE s.request_id = md.id), 0), md.stagiaires) AS \"stagiaires\", \
         {jour} AS \"date\", {par} \
         FROM module_demandes md \
         LEFT JOIN module_propositions pr ON pr.id = md.accepted_proposal_id \
         JOIN organisations og ON og.id = md.organisation_id",
        jour = jour_texte(debut),
        par = Par {
            annee: &annee_texte(debut),
            departement: "og.departement",
            organisation: "md.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `parcours`: training paths saved to learners' accounts
/// (`parcours_enregistres`; a computation that found no plan leaves no
/// record), dated by their saving; `accompagne` when a supporter saved it
/// for the learner, `public` the learner's situation; the trade aimed at
/// when it is a ROME code.
fn parcours(d: Dialecte) -> String {
    format!(
        "SELECT {accompagne} AS \"accompagne\", u.statut AS \"public\", {jour} AS \"date\", {par} \
         FROM parcours_enregistres pe JOIN users u ON u.id = pe.learner_id",
        accompagne = booleen("pe.author_id <> pe.learner_id"),
        jour = d.jour("pe.created_at"),
        par = Par {
            annee: &d.annee("pe.created_at"),
            public: "u.statut",
            metier: "CASE WHEN length(pe.cible) = 5 THEN upper(pe.cible) END",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `parcours_calculs`: the training paths the engine computed
/// (`parcours_calculs`, unnamed), dated by the computation; `plan` when a
/// plan was found, `public` the situation declared, `canal` `site` or
/// `api`; the trade aimed at.
fn parcours_calculs(d: Dialecte) -> String {
    format!(
        "SELECT {plan} AS \"plan\", pc.statut AS \"public\", pc.canal AS \"canal\", {jour} AS \"date\", {par} \
         FROM parcours_calculs pc",
        plan = booleen("pc.plan_trouve"),
        jour = d.jour("pc.calcule_le"),
        par = Par {
            annee: &d.annee("pc.calcule_le"),
            public: "NULLIF(pc.statut, '')",
            metier: "pc.cible",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// Whether formation `f` carries a code of the sector: a ROME code of it,
/// or an NSF or Formacode code under one of its prefixes.
fn formation_du_secteur(p: &mut Parametres, secteur: &Sector) -> String {
    let romes: Vec<String> = secteur.romes().map(|r| p.lier(r.to_owned())).collect();
    let nsf: Vec<String> = secteur
        .nsf_prefixes()
        .map(|n| format!("lower(c.code) LIKE {}", p.lier(format!("{n}%"))))
        .collect();
    let formacodes: Vec<String> = secteur
        .formacode_prefixes()
        .map(|f| format!("c.code LIKE {}", p.lier(format!("{f}%"))))
        .collect();
    let ou = |termes: Vec<String>| {
        if termes.is_empty() {
            "1 = 0".to_owned()
        } else {
            termes.join(" OR ")
        }
    };
    let romes = if romes.is_empty() {
        "1 = 0".to_owned()
    } else {
        format!("c.code IN ({})", romes.join(", "))
    };
    format!(
        "EXISTS (SELECT 1 FROM formation_codes c WHERE c.formation_id = f.id AND (\
         (c.kind = 'rome' AND {romes}) OR (c.kind = 'nsf' AND ({nsf})) \
         OR (c.kind = 'formacode' AND ({formacodes}))))",
        nsf = ou(nsf),
        formacodes = ou(formacodes),
    )
}

/// `formations`: the training catalogue (`formations`), a stock without a
/// date: a formula over it ignores the year. `modalite` and `departement`
/// are those of its first action, `niveau` the level it leads to,
/// `secteur` whether one of its own codes is the campus's.
fn formations(p: &mut Parametres, secteur: &Sector) -> String {
    let departement =
        "(SELECT MIN(a.lieu_departement) FROM formation_actions a WHERE a.formation_id = f.id)";
    format!(
        "SELECT (SELECT MIN(a.modalite) FROM formation_actions a WHERE a.formation_id = f.id) AS \"modalite\", \
         f.niveau_sortie AS \"niveau\", {secteur} AS \"secteur\", {departement} AS \"departement\", {par} \
         FROM formations f",
        secteur = booleen(&formation_du_secteur(p, secteur)),
        par = Par {
            departement,
            niveau: "f.niveau_sortie",
            metier: "(SELECT MIN(c.code) FROM formation_codes c WHERE c.formation_id = f.id AND c.kind = 'rome')",
            organisation: "(SELECT MIN(fo.organisation_id) FROM formation_organisations fo WHERE fo.formation_id = f.id)",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `equipement_reservations`: bookings of the pooled equipment
/// (`equipement_reservations` with their equipment), dated by their
/// start; `heures` their length, `statut` `en_attente`, `confirmee`,
/// `refusee` or `annulee`, `public` who booked (a learner's situation,
/// else the role), `organisation` the slug of the organisation booked for.
fn equipement_reservations(d: Dialecte) -> String {
    format!(
        "SELECT r.statut AS \"statut\", {heures} / 60.0 AS \"heures\", eq.categorie AS \"categorie\", \
         r.public AS \"public\", og.slug AS \"organisation\", {jour} AS \"date\", {par} \
         FROM equipement_reservations r JOIN equipements eq ON eq.id = r.equipement_id \
         LEFT JOIN organisations og ON og.id = r.organisation_id",
        heures = d.reel("r.minutes"),
        jour = d.jour("r.debut"),
        par = Par {
            annee: &d.annee("r.debut"),
            public: "NULLIF(r.public, '')",
            organisation: "r.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// The first organisation user `col` belongs to.
fn organisation_de(col: &str) -> String {
    format!(
        "(SELECT MIN(om.organisation_id) FROM organisation_membres om WHERE om.user_id = {col})"
    )
}

/// `habilitations`: equipment habilitations granted (`habilitations`),
/// dated by their grant (a renewal keeps the first date); located at the
/// holder's first organisation.
fn habilitations(d: Dialecte) -> String {
    format!(
        "SELECT h.categorie AS \"categorie\", {jour} AS \"date\", {par} FROM habilitations h",
        jour = d.jour("h.created_at"),
        par = Par {
            annee: &d.annee("h.created_at"),
            organisation: &organisation_de("h.user_id"),
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `organisations`: the organisations the platform knows
/// (`organisations`), a stock without a date: a formula over it ignores
/// the year. `membre` when it belongs to the campus's network (not only
/// listed from the apprenticeship catalogue), `pays` its ISO country code.
fn organisations() -> String {
    format!(
        "SELECT og.kind AS \"type\", {membre} AS \"membre\", og.pays AS \"pays\", \
         og.departement AS \"departement\", {par} FROM organisations og",
        membre = booleen("og.origine = 'reseau'"),
        par = Par {
            departement: "og.departement",
            organisation: "og.id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `experts`: expert profiles (`experts`), dated by their creation;
/// `etat` is `actif`, `en_pause` or `retire`.
fn experts(d: Dialecte) -> String {
    format!(
        "SELECT x.etat AS \"etat\", {jour} AS \"date\", {par} FROM experts x",
        jour = d.jour("x.created_at"),
        par = Par {
            annee: &d.annee("x.created_at"),
            organisation: "x.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `demandes_expertise`: requests for an expert (`demandes_expertise` and
/// the answers of the experts asked, `demande_destinataires`), dated by
/// their sending. `acceptee` when an expert accepted, `repondue` when one
/// accepted or declined; `etat` sums it up: `acceptee`, else `en_attente`
/// while an expert has not answered, else `declinee`, else `annulee`.
fn demandes_expertise(d: Dialecte) -> String {
    let reponse = |etats: &str| {
        format!(
            "EXISTS (SELECT 1 FROM demande_destinataires dd WHERE dd.demande_id = de.id AND dd.etat IN ({etats}))"
        )
    };
    format!(
        "SELECT CASE WHEN {acceptee} THEN 'acceptee' WHEN {envoyee} THEN 'en_attente' \
         WHEN {declinee} THEN 'declinee' ELSE 'annulee' END AS \"etat\", \
         {b_acceptee} AS \"acceptee\", {b_repondue} AS \"repondue\", {jour} AS \"date\", {par} \
         FROM demandes_expertise de",
        acceptee = reponse("'acceptee'"),
        envoyee = reponse("'envoyee'"),
        declinee = reponse("'declinee'"),
        b_acceptee = booleen(&reponse("'acceptee'")),
        b_repondue = booleen(&reponse("'acceptee', 'declinee'")),
        jour = d.jour("de.created_at"),
        par = Par {
            annee: &d.annee("de.created_at"),
            organisation: "de.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `mobilites`: applications to European mobility offers (`candidatures`
/// with `candidatures_mobilite`, on `offres_mobilite`), dated by the
/// mobility's start; `statut` is the application's state (`retenue`: a
/// confirmed mobility, as the mobility report counts them), `public`
/// `apprenants` or `personnels`, `pays` the host country.
fn mobilites() -> String {
    format!(
        "SELECT c.etat AS \"statut\", m.public_mobilite AS \"public\", m.pays AS \"pays\", \
         m.duree_jours AS \"duree_jours\", m.financement AS \"financement\", \
         {participant} AS \"participant\", {jour} AS \"date\", {par} \
         FROM candidatures c JOIN candidatures_mobilite cm ON cm.candidature_id = c.id \
         JOIN offres_mobilite m ON m.offre_id = c.offre_id JOIN offres o ON o.id = c.offre_id",
        participant = texte("c.candidat_user_id"),
        jour = jour_texte("m.date_debut"),
        par = Par {
            annee: &annee_texte("m.date_debut"),
            niveau: "o.niveau",
            metier: "o.code_rome",
            organisation: "o.organisation_id",
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `apprenants`: the learners the platform knows (accounts of learners
/// not disabled, as the mobility figures count them), once per year from
/// their account's creation — among the years of any learner's creation
/// or of any mobility's start. `statut` is `mobile` for the years they
/// start a confirmed mobility (a retained application to a learners'
/// mobility offer), `sedentaire` otherwise. A formula without a year
/// counts each learner once per year.
fn apprenants(d: Dialecte) -> String {
    let mobile = format!(
        "EXISTS (SELECT 1 FROM candidatures c JOIN candidatures_mobilite cm ON cm.candidature_id = c.id \
         JOIN offres_mobilite m ON m.offre_id = c.offre_id \
         WHERE c.candidat_user_id = u.id AND c.etat = 'retenue' \
         AND m.public_mobilite = 'apprenants' AND {annee_mobilite} = an.annee)",
        annee_mobilite = annee_texte("m.date_debut"),
    );
    format!(
        "SELECT CASE WHEN {mobile} THEN 'mobile' ELSE 'sedentaire' END AS \"statut\", \
         {participant} AS \"participant\", {jour} AS \"date\", {par} \
         FROM users u JOIN (\
         SELECT {annee_compte} AS annee FROM users ua WHERE ua.role = 'apprenant' \
         UNION SELECT {annee_offre} AS annee FROM offres_mobilite mo) an \
         ON an.annee >= {annee_u} \
         WHERE u.role = 'apprenant' AND u.disabled_at IS NULL",
        participant = texte("u.id"),
        jour = d.jour("u.created_at"),
        annee_compte = d.annee("ua.created_at"),
        annee_offre = annee_texte("mo.date_debut"),
        annee_u = d.annee("u.created_at"),
        par = Par {
            annee: "an.annee",
            organisation: &organisation_de("u.id"),
            ..SANS_PAR
        }
        .sql(),
    )
}

/// `inserjeunes`: the imported InserJeunes outcomes (`inserjeunes`, one
/// row per cohort, région, route and training), dated by the cohort's
/// first year; rates in percent as published, `region` the région's
/// code, `secteur` when the diploma's NSF speciality (from the BCN) is
/// the campus's.
fn inserjeunes(p: &mut Parametres, secteur: &Sector) -> String {
    let nsf: Vec<String> = secteur
        .nsf_prefixes()
        .map(|n| {
            format!(
                "lower(b.groupe_specialite || COALESCE(b.lettre_specialite, '')) LIKE {}",
                p.lier(format!("{n}%"))
            )
        })
        .collect();
    let du_secteur = if nsf.is_empty() {
        "1 = 0".to_owned()
    } else {
        format!("({})", nsf.join(" OR "))
    };
    format!(
        "SELECT ij.voie AS \"voie\", ij.taux_emploi_6 AS \"taux_emploi_6\", \
         ij.taux_emploi_12 AS \"taux_emploi_12\", ij.taux_emploi_24 AS \"taux_emploi_24\", \
         ij.taux_poursuite AS \"taux_poursuite\", ij.sortants AS \"sortants\", \
         {secteur} AS \"secteur\", ij.code_region AS \"region\", {par} \
         FROM inserjeunes ij LEFT JOIN bcn_diplomes b ON b.cfd = ij.cfd",
        secteur = booleen(&format!("b.groupe_specialite IS NOT NULL AND {du_secteur}")),
        par = Par {
            annee: &annee_texte("ij.millesime"),
            niveau: "b.niveau",
            ..SANS_PAR
        }
        .sql(),
    )
}
