use sea_orm::entity::prelude::*;

/// A frozen annual report: the report's content as it was printed.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rapports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub annee: i16,
    pub produit_le: DateTimeUtc,
    pub auteur_user_id: Option<i32>,
    /// The report as JSON (`campus_domain::evaluation::rapport::Rapport`).
    #[sea_orm(column_type = "Text")]
    pub contenu: String,
    /// SHA-256 of the PDF and of the workbook rendered when it was frozen.
    pub sha256_pdf: String,
    pub sha256_xlsx: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
