//! The store's error type: database problems apart from bad input.

/// Why a store operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database could not be opened (bad path or URL, server down).
    #[error("cannot open store {location}: {source}")]
    Open {
        /// Path or URL as given (password removed).
        location: String,
        /// Cause.
        source: sqlx::Error,
    },
    /// The schema could not be brought up to date.
    #[error("cannot migrate store: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    /// A query failed.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value is not one planwatch writes (damaged or foreign data).
    #[error("unexpected stored value in {column}: {value:?}")]
    Corrupt {
        /// Column.
        column: &'static str,
        /// Value found.
        value: String,
    },
    /// A document of this name is stored with other content, and the ingest
    /// was asked not to store a new revision of it (`SameName::Refuse`).
    #[error("a document named {name} is stored (revision {revision}) with other content")]
    NameTaken {
        /// The name.
        name: String,
        /// Its current revision.
        revision: i64,
    },
    /// Account input refused: a bad user name, a too short password, an unknown role.
    #[error("{0}")]
    Account(String),
    /// A user of this name exists already.
    #[error("a user named {0} exists already")]
    UserExists(String),
    /// No user of this name.
    #[error("no user named {0}")]
    NoSuchUser(String),
    /// Unit or assignment input refused: a bad unit name, a retired unit, a
    /// fact that is no target, an assignment without a lead unit.
    #[error("{0}")]
    Unit(String),
    /// No unit of this name (or of these names, joined by 、).
    #[error("no unit named {0}")]
    NoSuchUnit(String),
    /// No stored fact of this id (`DOCUMENT#ORD`).
    #[error("no fact {0}")]
    NoSuchFact(String),
    /// No stored document of this key.
    #[error("no document {0}")]
    NoSuchDocument(String),
    /// A reporting calendar refused: no period, one given twice, a due day out of range.
    #[error("{0}")]
    Calendar(String),
    /// No evidence file of this id that the user may see.
    #[error("no evidence file {0}")]
    NoSuchEvidence(i64),
    /// An evidence file refused: empty, too large, of a type not accepted,
    /// a name that contradicts its content, a submission no longer editable.
    #[error("{0}")]
    Evidence(String),
    /// No submission (填报) of this id that the user may see.
    #[error("no submission {0}")]
    NoSuchSubmission(i64),
    /// No escalation (督办 mark) of this id on the target.
    #[error("no escalation {0}")]
    NoSuchEscalation(i64),
    /// No publication of this id (or none published, for feedback).
    #[error("no publication {0}")]
    NoSuchPublication(i64),
    /// No feedback of this id.
    #[error("no feedback {0}")]
    NoSuchFeedback(i64),
    /// Portal input refused: a bad title or snapshot, empty or too long
    /// feedback, a step its status does not allow.
    #[error("{0}")]
    Portal(String),
    /// A comment refused: empty, too long, or holding control characters.
    #[error("{0}")]
    Comment(String),
    /// The user may not do this to the submission (another unit's, another role's work).
    #[error("{0}")]
    Forbidden(String),
    /// Submission input refused: a bad period or value, a target not assigned
    /// to the unit, a step its status does not allow, a return without a comment.
    #[error("{0}")]
    Submission(String),
    /// The value would put its target off track or regressing, and the
    /// submission carries no explanation (narrative): refused until it does.
    #[error("{0}")]
    NeedsExplanation(String),
    /// The full-text index failed.
    #[error("search index {path}: {message}")]
    Index {
        /// Index folder.
        path: String,
        /// What went wrong.
        message: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, StoreError>;
