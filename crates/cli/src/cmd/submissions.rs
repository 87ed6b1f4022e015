//! `planwatch submissions`: the values departments reported (填报), newest
//! first, by unit, status or target — the operator's read of what reporters
//! and reviewers do on the web (`/fill`, `/review`, `/api/v1/submissions`).

use std::process::ExitCode;

use planwatch_catalog::FactId;
use planwatch_store::export::Cell;
use planwatch_store::{SubmissionFilter, SubmissionStatus};

use super::common::{block_on, pick_format, StoreOpts, Table, TableFormat};
use super::unit::unit_error;

/// Arguments of `planwatch submissions`.
#[derive(clap::Args)]
pub struct Args {
    /// Of this unit (name, short name or id).
    #[arg(long)]
    unit: Option<String>,
    /// In this status: draft, submitted, returned or approved.
    #[arg(long)]
    status: Option<String>,
    /// About this target: DOC#ORD (the `doc` and `ord` of `planwatch facts`).
    #[arg(long)]
    target: Option<String>,
    /// Output format [default: table].
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    #[command(flatten)]
    store: StoreOpts,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let status = match args.status.as_deref() {
        Some(s) => Some(SubmissionStatus::parse(s).ok_or_else(|| {
            anyhow::anyhow!("--status {s:?}: give draft, submitted, returned or approved")
        })?),
        None => None,
    };
    let target = args.target.clone();
    let unit = args.unit.clone();
    let list = block_on(async {
        let store = args.store.open_existing().await?;
        let fact = match &target {
            Some(t) => {
                let (doc, ord) = t
                    .rsplit_once('#')
                    .and_then(|(d, o)| Some((d, o.trim().parse::<i64>().ok()?)))
                    .ok_or_else(|| anyhow::anyhow!("--target {t:?}: give DOC#ORD"))?;
                let doc = store
                    .find_document(doc)
                    .await?
                    .ok_or_else(|| anyhow::anyhow!("no document {doc}"))?;
                Some(FactId::new(doc.id, ord))
            }
            None => None,
        };
        let filter = SubmissionFilter { unit, status, fact };
        let list = store.all_submissions(&filter).await;
        store.close().await;
        list.map_err(unit_error)
    })??;
    let mut t = Table::new(&[
        "id",
        "target",
        "unit",
        "period",
        "value",
        "measure_unit",
        "status",
        "version",
        "submitter",
        "reviewer",
        "review_comment",
        "narrative",
    ]);
    for s in &list {
        t.push(vec![
            Cell::int(Some(s.id)),
            format!("{}#{}", s.document_id, s.ord).into(),
            s.unit.as_str().into(),
            s.period_zh().into(),
            Cell::num(Some(s.value)),
            Cell::opt(s.measure_unit.clone()),
            s.status.as_str().into(),
            Cell::int(Some(s.version)),
            s.submitter.as_str().into(),
            Cell::opt(s.reviewer.clone()),
            Cell::opt(s.review_comment.clone()),
            s.narrative.as_str().into(),
        ]);
    }
    t.emit(
        pick_format(args.format, None, TableFormat::Table),
        None,
        "submissions",
    )?;
    if list.is_empty() {
        eprintln!("planwatch: no submissions; reporters enter them at /fill of `planwatch serve`");
    }
    Ok(ExitCode::SUCCESS)
}
