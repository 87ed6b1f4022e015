//! `AppState`: the store, search index, catalogue, templates, the current snapshot and the response cache.
//!
//! The snapshot is refreshed when the store's data version (revisions and
//! facts) changes: this instance's uploads bump it at once; changes made by
//! other instances sharing a PostgreSQL store (or by `planwatch ingest`) are
//! noticed within `Config::refresh` (one cheap count query at most that often).
//!
//! The search index follows the store by its watermark (the last document
//! sequence number it holds, see `SearchIndex::catch_up`): at start, after each
//! upload and whenever a refresh finds the data changed, it indexes what was
//! stored since, by anyone. A catch-up that fails is tried again on the next
//! refresh; the store stays the source of truth meanwhile.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use planwatch_catalog::Catalog;
use planwatch_store::{
    CatchUp, NewDocument, Origin, PutOutcome, SearchIndex, Store, StoredDocument,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::cache::ResponseCache;
use crate::csrf::CsrfKey;
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
    /// Uploads read and extracted at once, each on a blocking thread of its
    /// own; more wait their turn, so page views and `/health` keep answering.
    pub ingest_workers: usize,
    /// Longest an upload may wait and be read and extracted before it is
    /// answered 503. (The work itself is bounded by the readers: linear in
    /// their input, and a PDF parse ends at its own time limit.)
    pub ingest_limit: Duration,
    /// Origins besides the server's own that may send state-changing
    /// requests (`https://plan.example`): the public address when a proxy
    /// in front changes the scheme or `Host`. See `crate::csrf`.
    pub allowed_origins: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_upload: 20 * 1024 * 1024,
            refresh: Duration::from_secs(2),
            cache_responses: true,
            ingest_workers: 2,
            ingest_limit: Duration::from_secs(300),
            allowed_origins: Vec::new(),
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
    /// The last catch-up failed (or none ran yet): try at the next refresh.
    index_behind: AtomicBool,
    index_write: tokio::sync::Mutex<()>,
    cache: ResponseCache,
    templates: minijinja::Environment<'static>,
    /// Permits to read and extract an upload ([`Config::ingest_workers`]).
    ingest_slots: Arc<tokio::sync::Semaphore>,
    /// Signs CSRF tokens; drawn at start, so tokens last as long as the process.
    csrf_key: CsrfKey,
    /// [`Config::allowed_origins`], normalised (`crate::csrf::origin_of`).
    allowed_origins: Vec<String>,
}

/// Everything a handler needs; cheap to clone.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

impl AppState {
    /// A state over `store`, with an optional full-text index (caught up with
    /// the store; rebuilt when it has no watermark).
    pub async fn new(
        store: Store,
        index: Option<SearchIndex>,
        catalog: Catalog,
        config: Config,
    ) -> ApiResult<AppState> {
        let catalog = Arc::new(catalog);
        let workers = config.ingest_workers.max(1);
        let csrf_key = CsrfKey::random()?;
        let mut allowed_origins = Vec::new();
        for o in &config.allowed_origins {
            match crate::csrf::origin_of(o, false) {
                Some(n) => allowed_origins.push(n),
                None => {
                    tracing::warn!(origin = %o, "not an origin (scheme://host[:port]); ignored")
                }
            }
        }
        let snap = Snapshot::load(&store, catalog.clone()).await?;
        let state = AppState(Arc::new(Inner {
            store,
            index,
            catalog,
            config,
            snapshot: RwLock::new(Arc::new(snap)),
            last_check: Mutex::new(Instant::now()),
            refreshing: tokio::sync::Mutex::new(()),
            index_behind: AtomicBool::new(true),
            index_write: tokio::sync::Mutex::new(()),
            cache: ResponseCache::default(),
            templates: crate::pages::templates(),
            ingest_slots: Arc::new(tokio::sync::Semaphore::new(workers)),
            csrf_key,
            allowed_origins,
        }));
        state.try_catch_up().await;
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

    pub(crate) fn csrf_key(&self) -> &CsrfKey {
        &self.0.csrf_key
    }

    /// Origins besides its own this server takes writes from, normalised.
    pub fn allowed_origins(&self) -> &[String] {
        &self.0.allowed_origins
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

    /// Reloads the snapshot if the store changed, and catches the index up then
    /// (or when the last catch-up failed).
    pub async fn refresh(&self) -> ApiResult<()> {
        let version: Version = self.0.store.counts().await?.into();
        let changed = version != self.current().version;
        if changed {
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
        }
        if changed || self.0.index_behind.load(Ordering::Relaxed) {
            self.try_catch_up().await;
        }
        Ok(())
    }

    /// Catches the index up, logging a failure (retried on the next refresh).
    async fn try_catch_up(&self) {
        if let Err(e) = self.catch_up_index().await {
            tracing::warn!(error = %e, "search index behind the store; retrying on the next refresh");
        }
    }

    /// Indexes every document stored since the index's watermark, by this
    /// instance or any other (rebuilding an index without one).
    pub async fn catch_up_index(&self) -> ApiResult<CatchUp> {
        let Some(index) = &self.0.index else {
            return Ok(CatchUp::default());
        };
        let _writing = self.0.index_write.lock().await;
        self.0.index_behind.store(true, Ordering::Relaxed);
        let done = index.catch_up(&self.0.store).await?;
        self.0.index_behind.store(false, Ordering::Relaxed);
        if done.rebuilt {
            tracing::info!(entries = index.len(), "search index rebuilt");
        } else if done.indexed > 0 {
            tracing::info!(
                documents = done.indexed,
                watermark = done.watermark,
                "search index caught up"
            );
        }
        Ok(done)
    }

    /// Rebuilds the search index from every current document of the store.
    pub async fn rebuild_index(&self) -> ApiResult<()> {
        let Some(index) = &self.0.index else {
            return Ok(());
        };
        let _writing = self.0.index_write.lock().await;
        index.rebuild_from(&self.0.store).await?;
        tracing::info!(entries = index.len(), "search index rebuilt");
        Ok(())
    }

    /// Reads and extracts an upload on a blocking thread, at most
    /// [`Config::ingest_workers`] at once, within [`Config::ingest_limit`]
    /// (waiting included). The permit goes with the work, so a job answered
    /// 503 still holds its place until it ends: the pool stays bounded.
    async fn read_and_extract(
        &self,
        name: &str,
        bytes: &[u8],
    ) -> ApiResult<(planwatch_ingest::Loaded, planwatch_extract::Extraction)> {
        let limit = self.0.config.ingest_limit;
        let slots = self.0.ingest_slots.clone();
        let (name, bytes) = (name.to_string(), bytes.to_vec());
        let job = async move {
            let permit = slots
                .acquire_owned()
                .await
                .map_err(|e| ApiError::Internal(format!("ingest pool closed: {e}")))?;
            tokio::task::spawn_blocking(move || {
                let _permit = permit;
                let loaded = planwatch_ingest::load_bytes(&name, &bytes)
                    .map_err(|e| ApiError::Unprocessable(e.to_string()))?;
                let ex = planwatch_extract::try_extract_document(&loaded.name, &loaded.text)
                    .map_err(|e| ApiError::Unprocessable(format!("{name}: {e}")))?;
                Ok((loaded, ex))
            })
            .await
            .map_err(|e| ApiError::Internal(format!("ingest job failed: {e}")))?
        };
        match tokio::time::timeout(limit, job).await {
            Ok(done) => done,
            Err(_) => Err(ApiError::Busy(format!(
                "the upload was not read within {} ms; try again later",
                limit.as_millis()
            ))),
        }
    }

    /// Ingests one uploaded document exactly as `planwatch ingest` does: detect and
    /// decode (`planwatch_ingest::load_bytes`), extract, store in one transaction, index.
    ///
    /// A document named like a stored one with other content is stored as its
    /// new revision only when `revise` says the sender chose so; otherwise
    /// it is refused (409) and the stored one stays current.
    pub async fn ingest(&self, name: &str, bytes: &[u8], revise: bool) -> ApiResult<UploadOutcome> {
        let (loaded, ex) = self.read_and_extract(name, bytes).await?;
        if !revise {
            if let Some(stored) = self.0.store.find_document(&loaded.name).await? {
                let same = self.0.store.document_text(&stored.id).await?.as_deref()
                    == Some(ex.text.as_str());
                if stored.name == loaded.name && !same {
                    return Err(ApiError::Conflict {
                        code: "document_exists",
                        message: format!(
                            "a document named {} is stored (revision {}); send the field revise={} to store this file as its new revision, or upload it under another name",
                            stored.name, stored.revision, stored.name
                        ),
                    });
                }
            }
        }
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
                // Indexed from the store, like anyone else's documents: should this
                // process die first, the next start's catch-up still finds it.
                self.try_catch_up().await;
                UploadOutcome {
                    outcome: "stored".into(),
                    document: d,
                    facts: ex.facts.len(),
                }
            }
            PutOutcome::Unchanged(d) => UploadOutcome {
                outcome: "unchanged".into(),
                document: d,
                facts: 0,
            },
        };
        self.refresh().await?;
        Ok(result)
    }
}
