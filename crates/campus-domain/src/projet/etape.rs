//! The kinds of project, their stages and the deliverables each stage
//! asks for.
//!
//! ```text
//! We Lab      idée ─▶ exploration ─▶ prototype ─▶ transfert ─▶ sortie
//! scolaires   cadrage ─▶ réalisation ─▶ restitution
//! ```
//!
//! Inside a stage:
//!
//! ```text
//! en cours ─(soumettre: every deliverable deposited)─▶ soumise
//! soumise ─(valider)─▶ next stage, en cours (or the project ends)
//! soumise ─(demander des modifications: ≥ 1 deliverable refused)─▶ en cours
//! ```
//!
//! A refused deliverable must be deposited again (a new version of its
//! document) before the stage can be submitted again: the reviewer asked
//! for a change, and the same file cannot be that change. The We Lab's
//! last stage, *sortie*, asks for nothing: reaching it ends the
//! pre-incubation.

use crate::role::closed_list;

closed_list!(
    /// What a project is; the kind decides its stages.
    TypeProjet, "projet-type-", {
        /// A vocational school and a research lab work on one question.
        EcoleRecherche => "ecole_recherche",
        /// High-school pupils take part in a lab's research (lever 4).
        InitiationRecherche => "initiation_recherche",
        /// A class answers a company's real problem on the technology
        /// platform (lever 5).
        PedagogiqueIndustriel => "pedagogique_industriel",
        /// A start-up project of the We Lab pre-incubator (lever 2).
        WeLab => "we_lab",
    }
);

impl TypeProjet {
    /// The stages of the kind, in order.
    pub fn etapes(self) -> &'static [EtapeProjet] {
        use EtapeProjet::*;
        match self {
            TypeProjet::WeLab => &[Idee, Exploration, Prototype, Transfert, Sortie],
            _ => &[Cadrage, Realisation, Restitution],
        }
    }

    /// The stage a new project starts in.
    pub fn premiere_etape(self) -> EtapeProjet {
        match self {
            TypeProjet::WeLab => EtapeProjet::Idee,
            _ => EtapeProjet::Cadrage,
        }
    }

    /// The lever of the campus's plan the kind serves, for the
    /// evaluation.
    pub fn levier(self) -> u8 {
        match self {
            TypeProjet::WeLab => 2,
            TypeProjet::EcoleRecherche | TypeProjet::InitiationRecherche => 4,
            TypeProjet::PedagogiqueIndustriel => 5,
        }
    }

    /// School projects end with a public presentation, which may be
    /// published as an event of the campus.
    pub fn a_restitution_publique(self) -> bool {
        self != TypeProjet::WeLab
    }
}

closed_list!(
    /// A stage of a project.
    EtapeProjet, "projet-etape-", {
        Idee => "idee",
        Exploration => "exploration",
        Prototype => "prototype",
        /// Intellectual property and transfer: licence to a company or
        /// creation of a company.
        Transfert => "transfert",
        /// The project left the pre-incubator.
        Sortie => "sortie",
        Cadrage => "cadrage",
        Realisation => "realisation",
        /// The final presentation of a school project.
        Restitution => "restitution",
    }
);

impl EtapeProjet {
    /// What the stage asks for before it can be submitted.
    pub fn livrables(self) -> &'static [Livrable] {
        use Livrable::*;
        match self {
            EtapeProjet::Idee => &[EnonceProbleme],
            EtapeProjet::Exploration => &[EtudeMarche],
            EtapeProjet::Prototype => &[RapportPrototype],
            EtapeProjet::Transfert => &[DecisionTransfert],
            EtapeProjet::Sortie => &[],
            EtapeProjet::Cadrage => &[NoteCadrage],
            EtapeProjet::Realisation => &[RapportRealisation],
            EtapeProjet::Restitution => &[SupportRestitution],
        }
    }

    /// The stage after this one in a project of kind `type_projet`, or
    /// `None` at the end.
    pub fn suivante(self, type_projet: TypeProjet) -> Option<EtapeProjet> {
        let etapes = type_projet.etapes();
        let at = etapes.iter().position(|e| *e == self)?;
        etapes.get(at + 1).copied()
    }

    /// Whether the stage belongs to projects of kind `type_projet`.
    pub fn appartient_a(self, type_projet: TypeProjet) -> bool {
        type_projet.etapes().contains(&self)
    }

    /// A stage that asks for nothing ends the project when reached.
    pub fn est_terminale(self) -> bool {
        self.livrables().is_empty()
    }

    /// The stage's deliverables that `deposes` (those deposited or
    /// accepted) does not cover: what blocks a submission.
    pub fn manquants(self, deposes: &[Livrable]) -> Vec<Livrable> {
        self.livrables()
            .iter()
            .copied()
            .filter(|l| !deposes.contains(l))
            .collect()
    }
}

closed_list!(
    /// A document a stage asks for.
    Livrable, "projet-livrable-", {
        /// The problem the start-up solves, for whom.
        EnonceProbleme => "enonce_probleme",
        /// Market check: customers met, competitors, size.
        EtudeMarche => "etude_marche",
        RapportPrototype => "rapport_prototype",
        /// Intellectual property and transfer decision.
        DecisionTransfert => "decision_transfert",
        NoteCadrage => "note_cadrage",
        RapportRealisation => "rapport_realisation",
        SupportRestitution => "support_restitution",
    }
);

impl Livrable {
    /// The stage that asks for the deliverable.
    pub fn etape(self) -> EtapeProjet {
        EtapeProjet::all()
            .find(|e| e.livrables().contains(&self))
            .unwrap_or(EtapeProjet::Idee)
    }
}

closed_list!(
    /// Where a deliverable of the current stage stands.
    EtatLivrable, "projet-livrable-etat-", {
        /// A document was deposited and waits for the review.
        Depose => "depose",
        /// The reviewer asked for a change: a new version is needed.
        Refuse => "refuse",
        Accepte => "accepte",
    }
);

impl EtatLivrable {
    /// Whether the deliverable counts for a submission.
    pub fn compte(self) -> bool {
        self != EtatLivrable::Refuse
    }
}

closed_list!(
    /// Where the current stage stands.
    EtatEtape, "projet-etape-etat-", {
        EnCours => "en_cours",
        /// Submitted to the campus team's review.
        Soumise => "soumise",
        /// The last stage was accepted: the project is over.
        Validee => "validee",
    }
);

closed_list!(
    /// What someone does to the current stage.
    ActionEtape, "projet-action-", {
        /// The project's lead submits the stage's deliverables.
        Soumettre => "soumettre",
        /// The campus team accepts the stage: the project moves on.
        Valider => "valider",
        /// The campus team refuses one deliverable or more.
        DemanderModifications => "demander_modifications",
    }
);

impl ActionEtape {
    /// The state the action may start from.
    pub fn source(self) -> EtatEtape {
        match self {
            ActionEtape::Soumettre => EtatEtape::EnCours,
            ActionEtape::Valider | ActionEtape::DemanderModifications => EtatEtape::Soumise,
        }
    }

    /// Whether only the campus team may take the action.
    pub fn par_equipe(self) -> bool {
        self != ActionEtape::Soumettre
    }

    /// The stage and state after the action on `etape` of a project of
    /// kind `type_projet` in state `etat`, or `None` when the action is
    /// not allowed from there.
    pub fn apply(
        self,
        type_projet: TypeProjet,
        etape: EtapeProjet,
        etat: EtatEtape,
    ) -> Option<(EtapeProjet, EtatEtape)> {
        if etat != self.source() || !etape.appartient_a(type_projet) {
            return None;
        }
        Some(match self {
            ActionEtape::Soumettre => (etape, EtatEtape::Soumise),
            ActionEtape::DemanderModifications => (etape, EtatEtape::EnCours),
            ActionEtape::Valider => match etape.suivante(type_projet) {
                Some(next) if next.est_terminale() => (next, EtatEtape::Validee),
                Some(next) => (next, EtatEtape::EnCours),
                None => (etape, EtatEtape::Validee),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn we_lab_goes_from_idea_to_exit() {
        let t = TypeProjet::WeLab;
        let mut etape = t.premiere_etape();
        let mut etat = EtatEtape::EnCours;
        let mut seen = vec![etape];
        while etat != EtatEtape::Validee {
            (etape, etat) = ActionEtape::Soumettre.apply(t, etape, etat).unwrap();
            assert_eq!(etat, EtatEtape::Soumise);
            (etape, etat) = ActionEtape::Valider.apply(t, etape, etat).unwrap();
            seen.push(etape);
        }
        assert_eq!(seen, t.etapes());
        assert_eq!(etape, EtapeProjet::Sortie);
    }

    #[test]
    fn school_projects_end_on_their_presentation() {
        let t = TypeProjet::InitiationRecherche;
        let (e, s) = ActionEtape::Valider
            .apply(t, EtapeProjet::Realisation, EtatEtape::Soumise)
            .unwrap();
        assert_eq!((e, s), (EtapeProjet::Restitution, EtatEtape::EnCours));
        let (e, s) = ActionEtape::Valider
            .apply(t, EtapeProjet::Restitution, EtatEtape::Soumise)
            .unwrap();
        assert_eq!((e, s), (EtapeProjet::Restitution, EtatEtape::Validee));
        assert!(t.a_restitution_publique() && !TypeProjet::WeLab.a_restitution_publique());
    }

    #[test]
    fn a_review_needs_a_submission() {
        let t = TypeProjet::WeLab;
        assert!(
            ActionEtape::Valider
                .apply(t, EtapeProjet::Idee, EtatEtape::EnCours)
                .is_none()
        );
        assert!(
            ActionEtape::Soumettre
                .apply(t, EtapeProjet::Idee, EtatEtape::Soumise)
                .is_none()
        );
        assert_eq!(
            ActionEtape::DemanderModifications.apply(t, EtapeProjet::Idee, EtatEtape::Soumise),
            Some((EtapeProjet::Idee, EtatEtape::EnCours))
        );
        // A stage of another kind.
        assert!(
            ActionEtape::Soumettre
                .apply(t, EtapeProjet::Cadrage, EtatEtape::EnCours)
                .is_none()
        );
    }

    #[test]
    fn missing_deliverables() {
        assert_eq!(
            EtapeProjet::Exploration.manquants(&[]),
            vec![Livrable::EtudeMarche]
        );
        assert!(
            EtapeProjet::Exploration
                .manquants(&[Livrable::EtudeMarche])
                .is_empty()
        );
        assert_eq!(Livrable::DecisionTransfert.etape(), EtapeProjet::Transfert);
        assert!(EtapeProjet::Sortie.est_terminale());
        assert!(!EtatLivrable::Refuse.compte() && EtatLivrable::Depose.compte());
    }

    proptest! {
        #[test]
        fn transitions_stay_in_the_kind(t in 0usize..4, e in 0usize..8, s in 0usize..3, a in 0usize..3) {
            let t = TypeProjet::all().nth(t).unwrap();
            let e = EtapeProjet::all().nth(e).unwrap();
            let s = EtatEtape::all().nth(s).unwrap();
            let a = ActionEtape::all().nth(a).unwrap();
            if let Some((next, _)) = a.apply(t, e, s) {
                prop_assert!(next.appartient_a(t));
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = TypeProjet::parse(&s);
            let _ = EtapeProjet::parse(&s);
            let _ = Livrable::parse(&s);
            let _ = ActionEtape::parse(&s);
        }
    }
}
