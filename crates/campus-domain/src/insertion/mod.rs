//! Professional insertion (lever 2 of the campus's plan): the offers of the
//! network's companies — apprenticeship and professionalisation contracts,
//! internships, jobs, observation periods for pupils, immersions for job
//! seekers — and the applications people send to them.
//!
//! The rules here are the ones that hold whatever the page or the API: what
//! a valid offer is ([`offre`]), the life of an application as a closed
//! state machine whose every step the data layer applies as one
//! conditional update ([`candidature`]), the legal minimum pay of an
//! apprentice ([`salaire`]) and the classes of travel distance shown beside
//! an offer ([`trajet`]).

pub mod candidature;
pub mod offre;
pub mod salaire;
pub mod trajet;

pub use candidature::{ActionCandidature, EtatCandidature, MotifNonRetenue, Relances};
pub use offre::{EtatOffre, LieuOffre, NouvelleOffre, OffreError, SaisieOffre, TypeOffre};
pub use salaire::{SalaireApprenti, TrancheAge};
pub use trajet::ClasseTrajet;
