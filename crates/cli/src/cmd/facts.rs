//! `planwatch facts`: stored facts by document, indicator (any synonym), region, year and kind.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use planwatch_catalog::{normalize::keys, Catalog, DocRef, Linker, Sourced};
use planwatch_core::Kind;
use planwatch_store::export::{self, FactLine};
use planwatch_store::{doc_ref, FactFilter, Store, StoredDocument, StoredFact};

use super::common::{block_on, pick_format, CatalogOpt, StoreOpts, Table, TableFormat};

/// Target or actual, on the command line.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum KindArg {
    /// Goals.
    Target,
    /// Achieved values.
    Actual,
}

impl From<KindArg> for Kind {
    fn from(k: KindArg) -> Kind {
        match k {
            KindArg::Target => Kind::Target,
            KindArg::Actual => Kind::Actual,
        }
    }
}

/// Arguments of `planwatch facts`.
#[derive(clap::Args)]
pub struct Args {
    /// Document file name (or id prefix).
    #[arg(long)]
    doc: Option<String>,
    /// Indicator: any name or synonym of a catalogue indicator, or a name as written.
    #[arg(long)]
    indicator: Option<String>,
    /// Region (锦州 matches 锦州市).
    #[arg(long)]
    region: Option<String>,
    /// Year the value refers to.
    #[arg(long)]
    year: Option<i32>,
    /// Target or actual.
    #[arg(long, value_enum)]
    kind: Option<KindArg>,
    /// Include facts of superseded revisions.
    #[arg(long)]
    all_revisions: bool,
    /// Output format [default: table, or from --out's extension]; jsonl is the
    /// SCHEMA.md shape plus `canonical`.
    #[arg(long, value_enum)]
    format: Option<TableFormat>,
    /// Write to this file instead of stdout (.csv, .xlsx, .json, .jsonl).
    #[arg(long, value_name = "FILE")]
    pub(crate) out: Option<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
    #[command(flatten)]
    catalog: CatalogOpt,
}

/// The stored indicator names that mean `wanted` (same canonical indicator, or same normalised name).
pub async fn names_for(
    store: &Store,
    catalog: &Catalog,
    wanted: &str,
) -> anyhow::Result<Vec<String>> {
    let canonical = catalog.canonical(wanted).map(str::to_string);
    let mut linker = Linker::new(catalog);
    let bare = keys(wanted).bare;
    Ok(store
        .indicator_names()
        .await?
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| match &canonical {
            Some(c) => linker.indicator(n).is_some_and(|i| i.name == *c),
            None => keys(n).bare == bare,
        })
        .collect())
}

/// `base` with its indicator set to every stored name meaning `indicator`.
pub async fn with_indicator(
    store: &Store,
    catalog: &Catalog,
    mut base: FactFilter,
    indicator: Option<&str>,
) -> anyhow::Result<FactFilter> {
    if let Some(i) = indicator {
        base.indicators = Some(names_for(store, catalog, i).await?);
    }
    Ok(base)
}

/// Facts as a table: the columns of the server's facts download (the
/// SCHEMA.md fields, where the fact sits, its series key, its region or its
/// document's), linked as the server links them. `docs` are the stored
/// documents the facts belong to.
pub fn facts_table(catalog: &Catalog, docs: &[StoredDocument], facts: &[StoredFact]) -> Table {
    let refs: HashMap<&str, DocRef> = docs.iter().map(|d| (d.id.as_str(), doc_ref(d))).collect();
    let rows: Vec<(&StoredFact, Sourced)> = facts
        .iter()
        .filter_map(|sf| {
            let doc = refs.get(sf.document_id.as_str())?.clone();
            Some((sf, Sourced::new(doc, sf.ord, sf.fact.clone())))
        })
        .collect();
    let mut linker = Linker::new(catalog);
    let keys: Vec<String> = rows.iter().map(|(_, src)| linker.link(src).key).collect();
    export::facts(rows.iter().zip(&keys).map(|((sf, src), key)| FactLine {
        doc: &src.doc.name,
        document_id: &sf.document_id,
        ord: sf.ord,
        fact: &src.fact,
        canonical: key,
        region: src.region(),
    }))
    .into()
}

/// JSON lines in the SCHEMA.md shape plus `canonical`.
pub fn write_schema_jsonl(
    catalog: &Catalog,
    facts: &[StoredFact],
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut linker = Linker::new(catalog);
    for sf in facts {
        let mut v = serde_json::to_value(&sf.fact)?;
        if let Some(obj) = v.as_object_mut() {
            let c = linker
                .indicator(&sf.fact.indicator)
                .map(|i| serde_json::Value::String(i.name.clone()));
            obj.insert("canonical".into(), c.unwrap_or(serde_json::Value::Null));
        }
        serde_json::to_writer(&mut *out, &v)?;
        writeln!(out)?;
    }
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    super::common::pipe_ok(run_inner(args))
}

fn run_inner(args: Args) -> anyhow::Result<ExitCode> {
    let catalog = args.catalog.load()?;
    block_on(async {
        let store = args.store.open_existing().await?;
        let base = FactFilter {
            doc: args.doc.clone(),
            indicators: None,
            region: args.region.clone(),
            year: args.year,
            kind: args.kind.map(Kind::from),
            all_revisions: args.all_revisions,
        };
        let f = with_indicator(&store, &catalog, base, args.indicator.as_deref()).await?;
        let facts = store.facts(&f).await?;
        let docs = store.documents(true).await?;
        store.close().await;
        let format = pick_format(args.format, args.out.as_deref(), TableFormat::Table);
        if format == TableFormat::Jsonl {
            let mut out: Box<dyn Write> = match &args.out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("cannot create {}", p.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            write_schema_jsonl(&catalog, &facts, &mut out)?;
            out.flush()?;
        } else {
            facts_table(&catalog, &docs, &facts).emit(format, args.out.as_deref(), "facts")?;
        }
        if facts.is_empty() {
            eprintln!("planwatch: no facts match");
        }
        Ok(ExitCode::SUCCESS)
    })?
}
