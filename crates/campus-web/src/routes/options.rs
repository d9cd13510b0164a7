//! The choices offered by the forms' `<select>` lists, labelled in the
//! page's language.

use campus_domain::{
    Departement, MembreRole, OrganisationKind, OrigineOrganisation, Role, StatutApprenant,
};

use crate::i18n::Tr;
use crate::templates::Options;

pub fn statuts(tr: &Tr) -> Options {
    let mut options = vec![(String::new(), tr.t("field-statut-none"))];
    options.extend(StatutApprenant::all().map(|s| (s.as_str().to_owned(), tr.t(s.label_key()))));
    options
}

pub fn roles(tr: &Tr) -> Options {
    Role::all()
        .map(|r| (r.as_str().to_owned(), tr.t(r.label_key())))
        .collect()
}

pub fn role_filter(tr: &Tr) -> Options {
    let mut options = vec![(String::new(), tr.t("filter-all"))];
    options.extend(roles(tr));
    options
}

pub fn kinds(tr: &Tr, with_all: bool) -> Options {
    let mut options = if with_all {
        vec![(String::new(), tr.t("filter-all"))]
    } else {
        vec![]
    };
    options.extend(OrganisationKind::all().map(|k| (k.as_str().to_owned(), tr.t(k.label_key()))));
    options
}

/// The directory's origin filter: all, the network's, the referenced.
pub fn origines(tr: &Tr) -> Options {
    let mut options = vec![(String::new(), tr.t("filter-all"))];
    options
        .extend(OrigineOrganisation::all().map(|o| (o.as_str().to_owned(), tr.t(o.label_key()))));
    options
}

pub fn departements(tr: &Tr) -> Options {
    let mut options = vec![(String::new(), tr.t("filter-all"))];
    options.extend(Departement::all().map(|d| {
        (
            d.as_str().to_owned(),
            format!("{} – {}", d.as_str(), d.nom()),
        )
    }));
    options
}

pub fn member_roles(tr: &Tr) -> Options {
    MembreRole::all()
        .map(|r| (r.as_str().to_owned(), tr.t(r.label_key())))
        .collect()
}

pub fn locales() -> Options {
    vec![
        ("fr".to_owned(), "Français".to_owned()),
        ("en".to_owned(), "English".to_owned()),
    ]
}
