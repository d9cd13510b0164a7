use sea_orm::entity::prelude::*;

/// One file an import read: the last import of it wins.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sources_importees")]
pub struct Model {
    /// The import that read it (`inserjeunes`, `rome`…).
    #[sea_orm(primary_key, auto_increment = false)]
    pub source: String,
    /// The file's name, without the folder it was read from.
    #[sea_orm(primary_key, auto_increment = false)]
    pub fichier: String,
    /// Lower-case hexadecimal SHA-256 of the file's bytes.
    pub sha256: String,
    pub octets: i64,
    /// Rows the import read from the whole source, when it counts them.
    pub lignes: Option<i64>,
    pub importe_le: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
