//! `planwatch evaluate`: every target of a plan (or a region) assessed against the actuals of all stored documents.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use planwatch_catalog::{Catalog, DocRef, Sourced};
use planwatch_core::Fact;
use planwatch_evaluate::{Assessment, Status};
use planwatch_link::{evaluate, link_targets, Evaluated, Scope};
use planwatch_store::export::{self, AssessmentLine, UsedLine};
use planwatch_store::{doc_ref, FactFilter, StoredDocument};
use serde::Serialize;

use super::common::{block_on, pick_format, CatalogOpt, StoreOpts, Table, TableFormat};

/// Arguments of `planwatch evaluate`.
#[derive(clap::Args)]
#[command(
    after_help = "For each target of the selected document(s), the actuals of the same catalogue \
indicator and region are gathered from every stored document (statistical bulletins win over work \
reports, plans and imported rows of the same year), the base is the plan's own base-year value, and \
the target is assessed: status (achieved, ahead, on_track, lagging, off_track, regressing, no_data, \
qualitative), Open SDG trend, warning colour, progress against elapsed time, the annual rate still \
required, one sentence of Chinese, and the sources used. Import more actuals with `planwatch import`."
)]
pub struct Args {
    /// Plan document: file name or id prefix.
    #[arg(long, conflicts_with = "region")]
    doc: Option<String>,
    /// Region: the targets about it from every document (锦州 matches 锦州市).
    #[arg(long)]
    region: Option<String>,
    /// Evaluation year: actuals after it are ignored [default: every actual].
    #[arg(long, value_name = "YEAR")]
    as_of: Option<i32>,
    /// Output format [default: table, or from --out's extension]; json holds every number,
    /// note and source.
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Write to this file instead of stdout (.csv, .xlsx, .json, .jsonl).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

/// What to evaluate, resolved against the store.
pub struct Loaded {
    /// The document asked for, if any.
    pub doc: Option<StoredDocument>,
    /// Every fact of the store (current revisions, plus the document asked for).
    pub facts: Vec<Sourced>,
    /// Every current document.
    pub docs: Vec<DocRef>,
}

/// Reads the store: the document `doc` (name or id prefix) if given, and every fact.
pub fn load(store: &StoreOpts, doc: Option<&str>) -> anyhow::Result<Loaded> {
    block_on(async {
        let st = store.open_existing().await?;
        let found = match doc {
            Some(d) => Some(st.find_document(d).await?.with_context(|| {
                format!("no document {d:?} in the store (see `planwatch docs`)")
            })?),
            None => None,
        };
        let mut facts = st.sourced_facts(&FactFilter::default()).await?;
        if let Some(d) = found.as_ref().filter(|d| !d.current) {
            let own = FactFilter {
                doc: Some(d.id.clone()),
                all_revisions: true,
                ..Default::default()
            };
            facts.extend(
                st.sourced_facts(&own)
                    .await?
                    .into_iter()
                    .filter(|s| s.doc.id == d.id),
            );
        }
        let docs = st.documents(false).await?.iter().map(doc_ref).collect();
        st.close().await;
        anyhow::Ok(Loaded {
            doc: found,
            facts,
            docs,
        })
    })?
}

/// Links and assesses the targets of `scope`.
pub fn assess_scope(
    catalog: &Catalog,
    loaded: &Loaded,
    scope: &Scope,
    as_of: Option<i32>,
) -> Vec<Evaluated> {
    evaluate(link_targets(catalog, &loaded.facts, scope, as_of))
}

/// One evaluated target in JSON.
#[derive(Serialize)]
struct JsonRow<'a> {
    doc: &'a str,
    indicator: &'a str,
    in_catalogue: bool,
    domain: Option<&'a str>,
    region: Option<&'a str>,
    target: &'a Fact,
    target_words: String,
    base_words: String,
    latest_words: String,
    also_stated: Vec<&'a str>,
    #[serde(flatten)]
    assessment: &'a Assessment,
}

/// The evaluation as the assessments table (`planwatch_store::export`'s, the
/// columns of the server's `/download/assessments` too).
pub fn evaluation_table(items: &[Evaluated]) -> Table {
    let words: Vec<[String; 3]> = items
        .iter()
        .map(|e| [e.target_words(), e.base_words(), e.latest_words()])
        .collect();
    export::assessments(items.iter().zip(&words).map(|(e, [target, base, latest])| {
        let a = &e.assessment;
        AssessmentLine {
            doc: &e.item.target.doc.name,
            indicator: &e.item.indicator,
            domain: e.item.domain.as_deref(),
            region: e.item.target.region(),
            target: &e.item.target.fact,
            target_words: target,
            base_words: base,
            latest_words: latest,
            status: a.status.as_str(),
            trend: a.trend_status.map(|s| s.as_str()),
            colour: a.colour.as_str(),
            progress: a.progress,
            elapsed: a.elapsed,
            required_rate: a.required_rate,
            method: a.method.as_str(),
            explanation: &a.explanation,
            used: a
                .used
                .iter()
                .map(|u| UsedLine {
                    role: u.role.as_str(),
                    doc: &u.doc,
                    year: u.year,
                    quote: &u.quote,
                })
                .collect(),
        }
    }))
    .into()
}

/// `12 targets: 2 achieved, 3 on_track, …`.
pub fn summary_line(items: &[Evaluated]) -> String {
    let parts: Vec<String> = Status::ALL
        .iter()
        .filter_map(|s| {
            let n = items.iter().filter(|e| e.assessment.status == *s).count();
            (n > 0).then(|| format!("{n} {}", s.as_str()))
        })
        .collect();
    format!("{} target(s): {}", items.len(), parts.join(", "))
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let catalog = args.catalog.load()?;
    let loaded = load(&args.store, args.doc.as_deref())?;
    let scope = match (&loaded.doc, &args.region) {
        (Some(d), _) => Scope::Doc(d.id.clone()),
        (None, Some(r)) => Scope::Region(r.clone()),
        (None, None) => Scope::All,
    };
    let items = assess_scope(&catalog, &loaded, &scope, args.as_of);
    let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
    if format == TableFormat::Json {
        let rows: Vec<JsonRow<'_>> = items
            .iter()
            .map(|e| JsonRow {
                doc: &e.item.target.doc.name,
                indicator: &e.item.indicator,
                in_catalogue: e.item.in_catalogue,
                domain: e.item.domain.as_deref(),
                region: e.item.target.region(),
                target: &e.item.target.fact,
                target_words: e.target_words(),
                base_words: e.base_words(),
                latest_words: e.latest_words(),
                also_stated: e.item.also.iter().map(|s| s.fact.quote.as_str()).collect(),
                assessment: &e.assessment,
            })
            .collect();
        let text = serde_json::to_string_pretty(&rows)?;
        match &args.out {
            Some(p) => std::fs::write(p, text + "\n")
                .with_context(|| format!("cannot write {}", p.display()))?,
            None => println!("{text}"),
        }
    } else {
        if format == TableFormat::Table && args.out.is_none() {
            let what = match (&loaded.doc, &args.region) {
                (Some(d), _) => format!(
                    "{} ({})",
                    d.name,
                    d.info.title.as_deref().unwrap_or("untitled")
                ),
                (None, Some(r)) => format!("region {r}"),
                (None, None) => "every document".to_string(),
            };
            let as_of = args
                .as_of
                .map(|y| format!(" as of {y}"))
                .unwrap_or_default();
            println!("# evaluation of {what}{as_of}");
        }
        evaluation_table(&items).emit(format, args.out.as_deref(), "evaluation")?;
    }
    if items.is_empty() {
        eprintln!("planwatch: no targets found to evaluate");
        return Ok(ExitCode::from(1));
    }
    eprintln!("planwatch: {}", summary_line(&items));
    Ok(ExitCode::SUCCESS)
}
