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
//!
//! Where work runs: nothing here blocks an async worker. Store queries,
//! snapshot loads (the store read and the linking of every fact), index
//! catch-ups and rebuilds run on tokio's blocking pool ([`AppState::blocking`]);
//! an upload's reading, extraction and store write run as one job on the
//! bounded ingest pool ([`Config::ingest_workers`] slots, waiters queued in
//! turn), which ends at [`Config::ingest_limit`] (see [`AppState::ingest`]).

use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use planwatch_catalog::Catalog;
use planwatch_store::{
    CatchUp, NewDocument, PutOutcome, SameName, SearchIndex, Store, StoreError, StoredDocument,
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
    /// Longest an upload may wait, be read, extracted and reach its store
    /// write before it is answered 503. The job then ends: a `pdftotext`
    /// child is killed, the wait for the built-in PDF parser is given up, and
    /// nothing is stored; its slot is freed once the stage it is in returns
    /// (extraction is not interrupted: it is linear in the text, which
    /// [`Config::max_upload`] caps). A job that began its store write
    /// before the limit finishes it and is answered with its outcome.
    pub ingest_limit: Duration,
    /// Origins besides the server's own that may send state-changing
    /// requests (`https://plan.example`): the public address when a proxy
    /// in front changes the scheme or `Host`. See `crate::csrf`.
    pub allowed_origins: Vec<String>,
    /// The SMTP relay reminders are sent through (none: reminders can only
    /// be listed, `dry_run`). See `crate::supervision`.
    pub smtp: Option<crate::mail::SmtpConfig>,
    /// Addresses of the reverse proxies in front (none by default). Only a
    /// request whose socket peer is one of them is counted, for the rate
    /// limits of logins and feedback, under the client its
    /// `X-Forwarded-For` names (see `crate::client`); otherwise the header
    /// is never read.
    pub trusted_proxies: Vec<std::net::IpAddr>,
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
            smtp: None,
            trusted_proxies: Vec::new(),
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
    /// Held (on a blocking thread) while the index is written.
    index_write: Mutex<()>,
    cache: ResponseCache,
    templates: minijinja::Environment<'static>,
    /// Permits to read and extract an upload ([`Config::ingest_workers`]).
    ingest_slots: Arc<tokio::sync::Semaphore>,
    /// Signs CSRF tokens; drawn at start, so tokens last as long as the process.
    csrf_key: CsrfKey,
    /// [`Config::allowed_origins`], normalised (`crate::csrf::origin_of`).
    allowed_origins: Vec<String>,
    /// Wrong logins by client address (`crate::auth`).
    logins: crate::auth::LoginLimiter,
    /// Feedback sent by client address (`crate::portal`).
    feedback: crate::portal::FeedbackLimiter,
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
        let snap = {
            let (store, catalog) = (store.clone(), catalog.clone());
            tokio::task::spawn_blocking(move || wait(Snapshot::load(&store, catalog)))
                .await
                .map_err(|e| ApiError::Internal(format!("snapshot load failed: {e}")))??
        };
        let state = AppState(Arc::new(Inner {
            store,
            index,
            catalog,
            config,
            snapshot: RwLock::new(Arc::new(snap)),
            last_check: Mutex::new(Instant::now()),
            refreshing: tokio::sync::Mutex::new(()),
            index_behind: AtomicBool::new(true),
            index_write: Mutex::new(()),
            cache: ResponseCache::default(),
            templates: crate::pages::templates(),
            ingest_slots: Arc::new(tokio::sync::Semaphore::new(workers)),
            csrf_key,
            allowed_origins,
            logins: crate::auth::LoginLimiter::default(),
            feedback: crate::portal::FeedbackLimiter::default(),
        }));
        state.try_catch_up().await;
        Ok(state)
    }

    /// Opens the store at `db` (SQLite path, `:memory:` or `postgres://…`) and the
    /// index in `index_dir` (none for `:memory:` unless given: a RAM index then),
    /// linking facts with `catalog` (`planwatch serve --catalog`, else the shipped one).
    pub async fn open(
        db: &str,
        index_dir: Option<PathBuf>,
        catalog: Catalog,
        config: Config,
    ) -> Result<AppState, crate::ServeError> {
        let store = Store::open(db).await?;
        let index = match index_dir {
            Some(dir) => SearchIndex::open(&dir)?,
            None => SearchIndex::in_ram()?,
        };
        Ok(AppState::new(store, Some(index), catalog, config).await?)
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

    pub(crate) fn logins(&self) -> &crate::auth::LoginLimiter {
        &self.0.logins
    }

    /// Feedback sent by client address.
    /// The client address of a request (`crate::client`), as
    /// [`Config::trusted_proxies`] says.
    pub(crate) fn client_addr(
        &self,
        extensions: &axum::http::Extensions,
        headers: &axum::http::HeaderMap,
    ) -> Option<std::net::IpAddr> {
        crate::client::of_request(extensions, headers, &self.0.config.trusted_proxies)
    }

    pub(crate) fn feedback_limiter(&self) -> &crate::portal::FeedbackLimiter {
        &self.0.feedback
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
        let changed = self.blocking(AppState::reload_if_changed).await?;
        if changed || self.0.index_behind.load(Ordering::Relaxed) {
            self.try_catch_up().await;
        }
        Ok(())
    }

    /// Reloads the snapshot if the store's version moved (on a blocking thread).
    fn reload_if_changed(&self) -> ApiResult<bool> {
        let version: Version = wait(self.0.store.counts())?.into();
        if version == self.current().version {
            return Ok(false);
        }
        let snap = wait(Snapshot::load(&self.0.store, self.0.catalog.clone()))?;
        let loaded = snap.version;
        let old = match self.0.snapshot.write() {
            Ok(mut s) => std::mem::replace(&mut *s, Arc::new(snap)),
            Err(poisoned) => std::mem::replace(&mut *poisoned.into_inner(), Arc::new(snap)),
        };
        // Freeing a snapshot (every fact) takes a while: never on an async
        // worker, as the last request holding it would do.
        tokio::task::spawn_blocking(move || {
            for _ in 0..500 {
                if Arc::strong_count(&old) == 1 {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            drop(old);
        });
        self.0.cache.clear();
        tracing::info!(
            revisions = loaded.revisions,
            facts = loaded.facts,
            "data changed; snapshot reloaded"
        );
        Ok(true)
    }

    /// Runs `f` with this state on tokio's blocking pool, so synchronous work
    /// (store queries, the index, building a snapshot, heavy views) never
    /// holds an async worker; store calls inside it are awaited with [`wait`].
    /// A panic in `f` is an internal error.
    pub async fn blocking<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&AppState) -> ApiResult<T> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || f(&state))
            .await
            .map_err(|e| ApiError::Internal(format!("blocking task failed: {e}")))?
    }

    /// Runs a store call on the blocking pool, its errors answered as the
    /// calling resource answers them (`answer`: unknown ids 404, refused
    /// input 400, the rest internal).
    pub(crate) async fn on_store<T, F, Fut>(
        &self,
        answer: fn(StoreError) -> ApiError,
        f: F,
    ) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(Store) -> Fut + Send + 'static,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        self.blocking(move |s| wait(f(s.store().clone())).map_err(answer))
            .await
    }

    /// The stored text of a document, read on a blocking thread.
    pub async fn document_text(&self, id: &str) -> ApiResult<Option<String>> {
        let id = id.to_string();
        self.blocking(move |s| Ok(wait(s.0.store.document_text(&id))?))
            .await
    }

    /// The store's counts, read on a blocking thread.
    pub async fn counts(&self) -> ApiResult<planwatch_store::Counts> {
        self.blocking(|s| Ok(wait(s.0.store.counts())?)).await
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
        if self.0.index.is_none() {
            return Ok(CatchUp::default());
        }
        self.blocking(AppState::catch_up_blocking).await
    }

    fn catch_up_blocking(&self) -> ApiResult<CatchUp> {
        let Some(index) = &self.0.index else {
            return Ok(CatchUp::default());
        };
        let _writing = lock(&self.0.index_write);
        self.0.index_behind.store(true, Ordering::Relaxed);
        let done = wait(index.catch_up(&self.0.store))?;
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
        self.blocking(|s| {
            let Some(index) = &s.0.index else {
                return Ok(());
            };
            let _writing = lock(&s.0.index_write);
            wait(index.rebuild_from(&s.0.store))?;
            tracing::info!(entries = index.len(), "search index rebuilt");
            Ok(())
        })
        .await
    }

    /// Ingests one uploaded document as `planwatch ingest` does: read
    /// (`planwatch_ingest::load_bytes_with`), extract, then the store's one
    /// ingest path: [`Store::ingest`] in one transaction, and the index caught
    /// up from the store ([`SearchIndex::catch_up`]).
    ///
    /// A document named like a stored one with other content is stored as its
    /// new revision only when `revise` says the sender chose so; otherwise
    /// it is refused (409) and the stored one stays current.
    ///
    /// Reading, extraction and the store write are one job on the ingest
    /// pool: at most [`Config::ingest_workers`] at once, the others waiting
    /// their turn, all within [`Config::ingest_limit`] (waiting included).
    /// When the limit passes first, the answer is 503 `busy` and the job
    /// stops at once where it can (a `pdftotext` child is killed) and
    /// otherwise at its next stage, and never writes; its pool slot is freed
    /// when it returns. Indexing and the snapshot reload follow on the
    /// blocking pool.
    pub async fn ingest(&self, name: &str, bytes: &[u8], revise: bool) -> ApiResult<UploadOutcome> {
        self.ingest_as(None, name, bytes, revise).await
    }

    /// [`AppState::ingest`] on behalf of `actor` (the uploading user), whom
    /// the audit trail's `document.ingest` line names.
    pub async fn ingest_as(
        &self,
        actor: Option<String>,
        name: &str,
        bytes: &[u8],
        revise: bool,
    ) -> ApiResult<UploadOutcome> {
        let (outcome, facts) = self.ingest_job(actor, name, bytes, revise).await?;
        let result = match outcome {
            PutOutcome::Stored(d) => {
                // Indexed from the store, like anyone else's documents: should this
                // process die first, the next start's catch-up still finds it.
                self.try_catch_up().await;
                UploadOutcome {
                    outcome: "stored".into(),
                    document: d,
                    facts,
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

    /// The pool job of [`AppState::ingest`]: waits for a slot, then reads,
    /// extracts and stores on a blocking thread, unless the limit passes first.
    async fn ingest_job(
        &self,
        actor: Option<String>,
        name: &str,
        bytes: &[u8],
        revise: bool,
    ) -> ApiResult<(PutOutcome, usize)> {
        let limit = self.0.config.ingest_limit;
        let job = Arc::new(Job::new(limit));
        let busy = move || {
            ApiError::Busy(format!(
                "the upload was not read within {} ms; try again later",
                limit.as_millis()
            ))
        };
        let slots = self.0.ingest_slots.clone();
        let (state, worker) = (self.clone(), job.clone());
        let (name, bytes) = (name.to_string(), bytes.to_vec());
        let work = async move {
            let permit = slots
                .acquire_owned()
                .await
                .map_err(|e| ApiError::Internal(format!("ingest pool closed: {e}")))?;
            tokio::task::spawn_blocking(move || {
                // The slot is freed when this job returns, answered or not.
                let _permit = permit;
                state.read_extract_store(actor.as_deref(), &name, &bytes, revise, &worker, busy)
            })
            .await
            .map_err(|e| ApiError::Internal(format!("ingest job failed: {e}")))?
        };
        // A request dropped before its answer (the client left, the request
        // timed out) stops its job as the time limit would.
        let _stop_if_dropped = StopOnDrop(&job);
        let mut work = std::pin::pin!(work);
        match tokio::time::timeout(limit, &mut work).await {
            Ok(done) => done,
            // Not writing yet: it never will, and ends at its next stage.
            Err(_) if job.stop() => Err(busy()),
            // Its store write began in time: its outcome is the answer.
            Err(_) => work.await,
        }
    }

    /// The stages of an upload, on a blocking thread; gives up (with `busy`)
    /// between stages once `job` is stopped or past its deadline.
    fn read_extract_store(
        &self,
        actor: Option<&str>,
        name: &str,
        bytes: &[u8],
        revise: bool,
        job: &Job,
        busy: impl Fn() -> ApiError,
    ) -> ApiResult<(PutOutcome, usize)> {
        if job.cancel.is_cancelled() {
            return Err(busy());
        }
        let options = planwatch_ingest::Options::default().with_cancel(job.cancel.clone());
        let loaded = match planwatch_ingest::load_bytes_with(name, bytes, &options) {
            Ok(l) => l,
            Err(planwatch_ingest::IngestError::Cancelled { .. }) => return Err(busy()),
            Err(e) => return Err(ApiError::Unprocessable(e.to_string())),
        };
        if job.cancel.is_cancelled() {
            return Err(busy());
        }
        let ex = planwatch_extract::try_extract_document(&loaded.name, &loaded.text)
            .map_err(|e| ApiError::Unprocessable(format!("{name}: {e}")))?;
        if !job.begin_write() {
            return Err(busy());
        }
        let facts = ex.facts.len();
        let doc =
            NewDocument::extracted(loaded.name, None, loaded.format.as_str(), ex.info, ex.text);
        let same_name = if revise {
            SameName::Revise
        } else {
            SameName::Refuse
        };
        let stored = match actor {
            Some(a) => wait(self.0.store.ingest_by(a, &doc, &ex.facts, same_name)),
            None => wait(self.0.store.ingest(&doc, &ex.facts, same_name)),
        };
        let outcome = match stored {
            Ok(outcome) => outcome,
            Err(StoreError::NameTaken { name, revision }) => {
                return Err(ApiError::Conflict {
                    code: "document_exists",
                    message: format!(
                        "a document named {name} is stored (revision {revision}); send the field revise={name} to store this file as its new revision, or upload it under another name"
                    ),
                })
            }
            Err(e) => return Err(e.into()),
        };
        Ok((outcome, facts))
    }
}

/// An upload job's progress, shared by the job and the request waiting for it.
struct Job {
    state: AtomicU8,
    /// Raised when the request gives up; its deadline is the job's.
    cancel: planwatch_ingest::Cancel,
}

const RUNNING: u8 = 0;
const WRITING: u8 = 1;
const STOPPED: u8 = 2;

impl Job {
    fn new(limit: Duration) -> Job {
        let cancel = match Instant::now().checked_add(limit) {
            Some(deadline) => planwatch_ingest::Cancel::new().with_deadline(deadline),
            None => planwatch_ingest::Cancel::new(),
        };
        Job {
            state: AtomicU8::new(RUNNING),
            cancel,
        }
    }

    /// Stops the job unless its store write has begun; true when it will not write.
    fn stop(&self) -> bool {
        let stopped =
            match self
                .state
                .compare_exchange(RUNNING, STOPPED, Ordering::SeqCst, Ordering::SeqCst)
            {
                Ok(_) => true,
                Err(now) => now == STOPPED,
            };
        if stopped {
            self.cancel.cancel();
        }
        stopped
    }

    /// Claims the store write; false (and stopped) once past the deadline or stopped.
    fn begin_write(&self) -> bool {
        if self.cancel.is_cancelled() {
            self.stop();
            return false;
        }
        self.state
            .compare_exchange(RUNNING, WRITING, Ordering::SeqCst, Ordering::SeqCst)
            .is_ok()
    }
}

/// Stops a job when its request goes away unanswered (a no-op once it ended).
struct StopOnDrop<'a>(&'a Job);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Awaits an async store call from a blocking thread (never from an async
/// worker: it would block it). The runtime's I/O and timers keep running on
/// its workers meanwhile.
pub(crate) fn wait<F: Future>(f: F) -> F::Output {
    tokio::runtime::Handle::current().block_on(f)
}

fn lock(m: &Mutex<()>) -> std::sync::MutexGuard<'_, ()> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}
