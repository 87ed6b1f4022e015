//! `AppState`: the store, search index, catalogue, templates, the current snapshot and the response cache.
//!
//! The snapshot is refreshed when the store's data version (revisions and
//! facts) changes: this instance's uploads bump it at once; changes made by
//! other instances sharing a PostgreSQL store (or by `planwatch ingest`) are
//! noticed within `Config::refresh` (one cheap count query at most that often).

use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use planwatch_catalog::Catalog;
use planwatch_core::Fact;
use planwatch_store::{
    FactFilter, NewDocument, Origin, PutOutcome, SearchIndex, Store, StoredDocument,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::cache::ResponseCache;
use crate::error::{ApiError, ApiResult};
use crate::snapshot::{Snapshot, Version};

/// Largest JSON request body accepted.
pub const JSON_LIMIT: usize = 64 * 1024;

/// Settings of a server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Largest upload accepted, in bytes.
    pub max_upload: usize,
    /// How often to look for changes made by others.
    pub refresh: Duration,
    /// Whether to keep rendered responses in memory per data version.
    pub cache_responses: bool,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_upload: 20 * 1024 * 1024,
            refresh: Duration::from_secs(2),
            cache_responses: true,
        }
    }
}

/// What an upload did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UploadOutcome {
    /// `stored` (new content) or `unchanged` (the same text was already stored).
    pub outcome: String,
    /// The stored document.
    #[schema(value_type = Object)]
    pub document: StoredDocument,
    /// Facts stored with it (0 when unchanged).
    pub facts: usize,
}

struct Inner {
    store: Store,
    index: Option<SearchIndex>,
    catalog: Arc<Catalog>,
    config: Config,
    snapshot: RwLock<Arc<Snapshot>>,
    last_check: Mutex<Instant>,
    refreshing: tokio::sync::Mutex<()>,
    index_version: Mutex<Version>,
    index_write: tokio::sync::Mutex<()>,
    cache: ResponseCache,
    templates: minijinja::Environment<'static>,
}

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    /// A state over `store`, with an optional full-text index (rebuilt from the
    /// store when it is empty and the store is not).
    pub async fn new(
        store: Store,
        index: Option<SearchIndex>,
        catalog: Catalog,
        config: Config,
    ) -> ApiResult<AppState> {
        let catalog = Arc::new(catalog);
        let snap = Snapshot::load(&store, catalog.clone()).await?;
        let version = snap.version;
        let state = AppState(Arc::new(Inner {
            store,
            index,
            catalog,
            config,
            snapshot: RwLock::new(Arc::new(snap)),
            last_check: Mutex::new(Instant::now()),
            refreshing: tokio::sync::Mutex::new(()),
            index_version: Mutex::new(Version::default()),
            index_write: tokio::sync::Mutex::new(()),
            cache: ResponseCache::default(),
            templates: crate::pages::templates(),
        }));
        if let Some(index) = &state.0.index {
            if index.is_empty() && version.revisions > 0 {
                state.rebuild_index().await?;
            }
        }
        if let Ok(mut v) = state.0.index_version.lock() {
            *v = version;
        }
        Ok(state)
    }

    /// Opens the store at `db` (SQLite path, `:memory:` or `postgres://…`) and the
    /// index in `index_dir` (none for `:memory:` unless given: a RAM index then).
    pub async fn open(
        db: &str,
        index_dir: Option<PathBuf>,
        config: Config,
    ) -> Result<AppState, crate::ServeError> {
        let store = Store::open(db).await?;
        let index = match index_dir {
            Some(dir) => SearchIndex::open(&dir)?,
            None => SearchIndex::in_ram()?,
        };
        Ok(AppState::new(store, Some(index), Catalog::builtin(), config).await?)
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.0.store
    }

    /// The catalogue.
    pub fn catalog(&self) -> &Catalog {
        &self.0.catalog
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.0.config
    }

    /// The full-text index, if any.
    pub fn index(&self) -> Option<&SearchIndex> {
        self.0.index.as_ref()
    }

    pub(crate) fn cache(&self) -> &ResponseCache {
        &self.0.cache
    }

    pub(crate) fn templates(&self) -> &minijinja::Environment<'static> {
        &self.0.templates
    }

    /// The snapshot held now, without looking for changes.
    pub fn current(&self) -> Arc<Snapshot> {
        match self.0.snapshot.read() {
            Ok(s) => s.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// The current snapshot, after looking for changes if the last look is older than `Config::refresh`.
    pub async fn snapshot(&self) -> ApiResult<Arc<Snapshot>> {
        let due = match self.0.last_check.lock() {
            Ok(t) => t.elapsed() >= self.0.config.refresh,
            Err(_) => true,
        };
        if due {
            // One request looks; the others go on with the snapshot they have.
            if let Ok(_guard) = self.0.refreshing.try_lock() {
                if let Ok(mut t) = self.0.last_check.lock() {
                    *t = Instant::now();
                }
                self.refresh().await?;
            }
        }
        Ok(self.current())
    }

    /// Reloads the snapshot if the store changed.
    pub async fn refresh(&self) -> ApiResult<()> {
        let version: Version = self.0.store.counts().await?.into();
        if version == self.current().version {
            return Ok(());
        }
        let snap = Snapshot::load(&self.0.store, self.0.catalog.clone()).await?;
        let loaded = snap.version;
        match self.0.snapshot.write() {
            Ok(mut s) => *s = Arc::new(snap),
            Err(poisoned) => *poisoned.into_inner() = Arc::new(snap),
        }
        self.0.cache.clear();
        tracing::info!(
            revisions = loaded.revisions,
            facts = loaded.facts,
            "data changed; snapshot reloaded"
        );
        let stale = self
            .0
            .index_version
            .lock()
            .map(|v| *v != loaded)
            .unwrap_or(true);
        if stale && self.0.index.is_some() {
            // Documents stored by someone else: bring this instance's index up to date.
            self.rebuild_index().await?;
            if let Ok(mut v) = self.0.index_version.lock() {
                *v = loaded;
            }
        }
        Ok(())
    }

    /// Rebuilds the search index from every current document of the store.
    pub async fn rebuild_index(&self) -> ApiResult<()> {
        let Some(index) = &self.0.index else {
            return Ok(());
        };
        let _writing = self.0.index_write.lock().await;
        let store = &self.0.store;
        let mut all = Vec::new();
        for d in store.documents(false).await? {
            let text = store.document_text(&d.id).await?.unwrap_or_default();
            let filter = FactFilter {
                doc: Some(d.id.clone()),
                ..Default::default()
            };
            let facts: Vec<Fact> = store
                .facts(&filter)
                .await?
                .into_iter()
                .map(|f| f.fact)
                .collect();
            all.push((d, text, facts));
        }
        index.rebuild(&all)?;
        tracing::info!(entries = index.len(), "search index rebuilt");
        Ok(())
    }

    /// Ingests one uploaded document exactly as `planwatch ingest` does: detect and
    /// decode (`planwatch_ingest::load_bytes`), extract, store in one transaction, index.
    pub async fn ingest(&self, name: &str, bytes: &[u8]) -> ApiResult<UploadOutcome> {
        let loaded = planwatch_ingest::load_bytes(name, bytes)
            .map_err(|e| ApiError::Unprocessable(e.to_string()))?;
        let ex = planwatch_extract::try_extract_document(&loaded.name, &loaded.text)
            .map_err(|e| ApiError::Unprocessable(format!("{name}: {e}")))?;
        let doc = NewDocument {
            name: loaded.name.clone(),
            path: None,
            format: loaded.format.as_str().to_string(),
            origin: Origin::Document,
            info: ex.info.clone(),
            text: ex.text.clone(),
        };
        let outcome = self.0.store.put_document(&doc, &ex.facts).await?;
        let result = match outcome {
            PutOutcome::Stored(d) => {
                let n = ex.facts.len();
                if let Some(index) = &self.0.index {
                    let _writing = self.0.index_write.lock().await;
                    if let Err(e) = index.add(&[(d.clone(), ex.text, ex.facts)]) {
                        tracing::warn!(error = %e, "search index not updated");
                    }
                }
                UploadOutcome {
                    outcome: "stored".into(),
                    document: d,
                    facts: n,
                }
            }
            PutOutcome::Unchanged(d) => UploadOutcome {
                outcome: "unchanged".into(),
                document: d,
                facts: 0,
            },
        };
        // The index already holds the new document: no rebuild on this refresh.
        let version: Version = self.0.store.counts().await?.into();
        if let Ok(mut v) = self.0.index_version.lock() {
            *v = version;
        }
        self.refresh().await?;
        Ok(result)
    }
}
