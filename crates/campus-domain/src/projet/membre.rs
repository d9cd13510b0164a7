//! The people of a project and what each may do.
//!
//! Access to a project follows its membership, never the platform role
//! alone: a guest invited to one project is a member of that project only,
//! and sees nothing of the others. The campus team sees every project and
//! reviews the stages; it does not need to be a member.

use crate::role::closed_list;

closed_list!(
    /// A member's part in a project.
    RoleMembre, "projet-role-", {
        /// Leads the project: edits it, manages members and milestones,
        /// submits the stages.
        Porteur => "porteur",
        Enseignant => "enseignant",
        Chercheur => "chercheur",
        TuteurIndustriel => "tuteur_industriel",
        /// A pupil or a student of the project's team, often a minor: never
        /// named on a public page.
        Eleve => "eleve",
        /// An industrial partner or a researcher outside the campus,
        /// invited by e-mail to this project only.
        Invite => "invite",
    }
);

impl RoleMembre {
    /// Edits the project, its members and milestones, submits stages.
    pub fn gere(self) -> bool {
        self == RoleMembre::Porteur
    }

    /// Every member contributes documents, guests included: bringing the
    /// partner's files is why they are invited.
    pub fn depose(self) -> bool {
        true
    }

    /// Whether the member's name may appear on the public page.
    pub fn nomme_en_public(self) -> bool {
        !matches!(self, RoleMembre::Eleve | RoleMembre::Invite)
    }
}

closed_list!(
    /// Whether a project is alive.
    StatutProjet, "projet-statut-", {
        EnCours => "en_cours",
        /// Its last stage was accepted.
        Termine => "termine",
        /// Stopped by its lead or the campus team before the end.
        Abandonne => "abandonne",
    }
);

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_the_lead_manages() {
        assert!(RoleMembre::Porteur.gere());
        assert!(!RoleMembre::Invite.gere());
        assert!(RoleMembre::Invite.depose());
        assert!(!RoleMembre::Eleve.nomme_en_public());
        assert!(RoleMembre::Chercheur.nomme_en_public());
        assert_eq!(
            RoleMembre::parse("tuteur_industriel"),
            Ok(RoleMembre::TuteurIndustriel)
        );
        assert_eq!(StatutProjet::all().count(), 3);
    }
}
