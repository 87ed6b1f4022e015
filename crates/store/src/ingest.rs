//! Ingesting a document: the one path by which `planwatch ingest`,
//! `planwatch import` and the server's uploads bring a document into the
//! store and the search index.
//!
//! Reading the bytes (`planwatch-ingest`) and extracting the facts
//! (`planwatch-extract`) are the stages before, run by the caller (this crate
//! depends on neither): a file named on the command line, an upload read
//! under a deadline, or an imported table. What follows is the same for all:
//!
//! 1. [`NewDocument::extracted`] (or a [`NewDocument`] of
//!    [`Origin::Import`](crate::Origin::Import)) describes the document;
//! 2. [`Store::ingest`] stores it with its facts in one transaction, under a
//!    [`SameName`] policy (a new revision, or a refusal that leaves the stored
//!    one current); the same content stored again changes nothing;
//! 3. [`SearchIndex::catch_up`] brings the index up to the store from its
//!    watermark, whoever stored what (and rebuilds an index that has none):
//!    the index is never written from the caller's copy, so a process killed
//!    between the store write and the index write loses nothing, and the next
//!    catch-up of any process finds the document.
//!
//! Callers choose when step 3 runs (the CLI after every hundred documents and
//! at the end, the server after each upload); its failure is never the
//! document's failure, since the store is the source of truth. Rebuilding the
//! index outright (`planwatch search --reindex`, the server's rebuild) is
//! [`SearchIndex::rebuild_from`].
//!
//! [`SearchIndex::catch_up`]: crate::SearchIndex::catch_up
//! [`SearchIndex::rebuild_from`]: crate::SearchIndex::rebuild_from

use planwatch_core::{DocumentInfo, Fact};

use crate::model::{NewDocument, Origin};
use crate::write::PutOutcome;
use crate::{Result, Store};

/// What an ingest does when a document of the same name but other content is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SameName {
    /// Store the new content as the name's next revision; the old one stays
    /// queryable (`planwatch ingest`, an upload that asks to revise).
    #[default]
    Revise,
    /// Refuse with [`crate::StoreError::NameTaken`]: the stored revision stays
    /// current and nothing is written (an upload that did not ask to revise).
    Refuse,
}

impl NewDocument {
    /// A document read as `format` (`planwatch_ingest::Format::as_str`) and
    /// extracted: its metadata and the text its facts' quotes refer to.
    /// `path` is where it was read from, if from a file.
    pub fn extracted(
        name: impl Into<String>,
        path: Option<String>,
        format: impl Into<String>,
        info: DocumentInfo,
        text: impl Into<String>,
    ) -> NewDocument {
        NewDocument {
            name: name.into(),
            path,
            format: format.into(),
            origin: Origin::Document,
            info,
            text: text.into(),
        }
    }
}

impl Store {
    /// Stores `doc` with `facts` in one transaction (see the module docs): the
    /// same content already stored (under any name) is `Unchanged`; other
    /// content under a stored name is its next revision or
    /// [`crate::StoreError::NameTaken`], as `same_name` says. Bring an index
    /// up to date afterwards with [`SearchIndex::catch_up`].
    pub async fn ingest(
        &self,
        doc: &NewDocument,
        facts: &[Fact],
        same_name: SameName,
    ) -> Result<PutOutcome> {
        self.put_as(None, doc, facts, same_name).await
    }

    /// [`Store::ingest`] on behalf of `actor` (an upload's user), named in
    /// the `document.ingest` line of the audit trail every stored document
    /// gets (the command line's have no actor).
    pub async fn ingest_by(
        &self,
        actor: &str,
        doc: &NewDocument,
        facts: &[Fact],
        same_name: SameName,
    ) -> Result<PutOutcome> {
        self.put_as(Some(actor), doc, facts, same_name).await
    }
}
