//! Stored facts with their documents and ids, in the shape the catalogue links and checks.

use std::collections::HashMap;

use planwatch_catalog::{DocRef, Sourced};

use crate::model::{FactFilter, StoredDocument};
use crate::{Result, Store};

/// The linking view of a stored document.
pub fn doc_ref(d: &StoredDocument) -> DocRef {
    DocRef {
        id: d.id.clone(),
        name: d.name.clone(),
        title: d.info.title.clone(),
        doc_type: d.info.doc_type,
        region: d.info.region.clone(),
        year: d.info.year,
        period_start: d.info.period_start,
        period_end: d.info.period_end,
        order: d.seq,
    }
}

impl Store {
    /// Facts matching `filter`, each with its document and its id (document
    /// key and `ord`).
    pub async fn sourced_facts(&self, filter: &FactFilter) -> Result<Vec<Sourced>> {
        let docs: HashMap<String, DocRef> = self
            .documents(true)
            .await?
            .iter()
            .map(|d| (d.id.clone(), doc_ref(d)))
            .collect();
        Ok(self
            .facts(filter)
            .await?
            .into_iter()
            .filter_map(|sf| {
                docs.get(&sf.document_id)
                    .map(|d| Sourced::new(d.clone(), sf.ord, sf.fact))
            })
            .collect())
    }
}
