//! Platform roles, and the situation of learners.

/// A value outside a closed list.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("valeur inconnue")]
pub struct RoleError;

impl RoleError {
    pub fn message_key(&self) -> &'static str {
        "role-unknown"
    }
}

/// Declares a closed list stored and exchanged as snake_case strings, with
/// a translation key per value.
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident, $prefix:literal, { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            pub fn parse(input: &str) -> Result<$name, crate::RoleError> {
                let input = input.trim();
                Self::ALL.iter().copied().find(|v| v.as_str() == input).ok_or(crate::RoleError)
            }

            pub fn all() -> impl Iterator<Item = $name> {
                Self::ALL.iter().copied()
            }

            /// Key of the value's label in the translation files.
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => concat!($prefix, $text)),+
                }
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let raw = String::deserialize(deserializer)?;
                $name::parse(&raw).map_err(serde::de::Error::custom)
            }
        }
    };
}
pub(crate) use closed_list;

closed_list!(
    /// What a signed-in user may do on the platform.
    Role, "role-", {
        Apprenant => "apprenant",
        Formateur => "formateur",
        Entreprise => "entreprise",
        Partenaire => "partenaire",
        EquipeCampus => "equipe_campus",
        Admin => "admin",
    }
);

impl Role {
    /// The campus team and administrators run the platform.
    pub fn is_campus_staff(self) -> bool {
        matches!(self, Role::EquipeCampus | Role::Admin)
    }
}

closed_list!(
    /// A learner's situation: it decides which trainings, events and
    /// protections apply (minors' data under the GDPR).
    StatutApprenant, "statut-", {
        Collegien => "collegien",
        Lyceen => "lyceen",
        Etudiant => "etudiant",
        Apprenti => "apprenti",
        Salarie => "salarie",
        DemandeurEmploi => "demandeur_emploi",
    }
);

impl StatutApprenant {
    /// Pupils are usually minors: their data get the stricter treatment
    /// (parental consent for events, restricted visibility).
    pub fn is_minor_likely(self) -> bool {
        matches!(self, StatutApprenant::Collegien | StatutApprenant::Lyceen)
    }

    /// Pupils and students may go on in initial education (a lycée's or a
    /// university's programme); an apprentice, a worker or a job seeker
    /// trains as an adult: apprenticeship, continuing education, VAE.
    pub fn en_formation_initiale(self) -> bool {
        matches!(
            self,
            StatutApprenant::Collegien | StatutApprenant::Lyceen | StatutApprenant::Etudiant
        )
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn round_trips() {
        for role in Role::all() {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(Role::all().count(), 6);
        assert_eq!(Role::EquipeCampus.label_key(), "role-equipe_campus");
        assert!(Role::Admin.is_campus_staff() && !Role::Partenaire.is_campus_staff());
        assert!(Role::parse("root").is_err());
        assert!(StatutApprenant::parse("lyceen").unwrap().is_minor_likely());
        assert!(!StatutApprenant::DemandeurEmploi.is_minor_likely());
        assert!(StatutApprenant::Etudiant.en_formation_initiale());
        assert!(!StatutApprenant::Salarie.en_formation_initiale());
        assert_eq!(
            serde_json::to_string(&Role::Formateur).unwrap(),
            "\"formateur\""
        );
        assert!(serde_json::from_str::<Role>("\"pirate\"").is_err());
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,30}") {
            let _ = Role::parse(&s);
            let _ = StatutApprenant::parse(&s);
        }
    }
}
