use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "habilitations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub user_id: i32,
    pub categorie: String,
    pub accordee_par: Option<i32>,
    pub expire_le: Date,
    pub motif: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// When its holder and the managers were told it expires soon;
    /// cleared when it is renewed.
    pub avertie_le: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
