//! The training paths the engine computed (`parcours_calculs`): one row
//! per computation asked on the site or through the API, written after
//! the engine answered, so that the evaluation counts the paths computed
//! and the share that found a plan. A row names no one (no account, no
//! address): the date, the situation declared, the trade aimed at,
//! whether a plan was found, the channel.

use sea_orm::{ActiveModelTrait, ActiveValue};

use super::Parcours;
use crate::StoreError;
use crate::entity::parcours_calcul;

/// Where a path was asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Canal {
    /// The form of the public site.
    Site,
    /// `POST /api/v1/parcours`.
    Api,
}

impl Canal {
    pub fn as_str(self) -> &'static str {
        match self {
            Canal::Site => "site",
            Canal::Api => "api",
        }
    }
}

/// One computation to record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalculParcours<'a> {
    /// The person's situation as the request declares it (`lyceen`…).
    pub statut: Option<&'a str>,
    /// The ROME code aimed at.
    pub cible: &'a str,
    pub plan_trouve: bool,
    pub canal: Canal,
}

impl Parcours<'_> {
    /// Records one computation, dated now.
    pub async fn noter_calcul(&self, calcul: CalculParcours<'_>) -> Result<(), StoreError> {
        let txn = self.write().await?;
        parcours_calcul::ActiveModel {
            calcule_le: ActiveValue::Set(self.now()),
            statut: ActiveValue::Set(calcul.statut.map(str::to_owned)),
            cible: ActiveValue::Set(calcul.cible.to_owned()),
            plan_trouve: ActiveValue::Set(calcul.plan_trouve),
            canal: ActiveValue::Set(calcul.canal.as_str().to_owned()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        txn.commit().await?;
        Ok(())
    }
}
