//! `planwatch ingest`: extract documents and store them with their facts, then update the index.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use planwatch_store::{NewDocument, Origin, PutOutcome, SearchIndex, Store, StoredDocument};

use super::common::{block_on, CatalogOpt, StoreOpts};

/// Arguments of `planwatch ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (read recursively).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    store: StoreOpts,
    /// Do not update the full-text index.
    #[arg(long)]
    no_index: bool,
    /// Do not print the evaluation summary of the store afterwards.
    #[arg(long)]
    no_summary: bool,
    #[command(flatten)]
    catalog: CatalogOpt,
}

/// Every regular file under `paths`, sorted within each folder; hidden files and
/// store files (`*.db`, `*.db-wal`, index folders) are skipped.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        if p.is_file() {
            files.push(p.clone());
            continue;
        }
        if !p.exists() {
            errors.push((p.clone(), "no such file or folder".to_string()));
            continue;
        }
        let walker = walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                let name = e.file_name().to_string_lossy();
                e.depth() == 0 || !(name.starts_with('.') || name.ends_with(".index"))
            });
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let name = e.file_name().to_string_lossy();
                    if !(name.ends_with(".db") || name.contains(".db-")) {
                        files.push(e.into_path());
                    }
                }
                Ok(_) => {}
                Err(err) => errors.push((p.clone(), err.to_string())),
            }
        }
    }
    (files, errors)
}

/// What happened to one file.
enum Outcome {
    Stored(Box<(StoredDocument, String, Vec<planwatch_core::Fact>)>),
    Unchanged,
}

async fn ingest_one(store: &Store, path: &Path) -> anyhow::Result<Outcome> {
    let loaded = planwatch_ingest::load_path(path)?;
    // A panic in extraction is one bad file, not a dead run.
    let ex = planwatch_extract::try_extract_document(&loaded.name, &loaded.text)?;
    let doc = NewDocument {
        name: loaded.name.clone(),
        path: Some(path.display().to_string()),
        format: loaded.format.as_str().to_string(),
        origin: Origin::Document,
        info: ex.info.clone(),
        text: ex.text.clone(),
    };
    Ok(match store.put_document(&doc, &ex.facts).await? {
        PutOutcome::Stored(d) => Outcome::Stored(Box::new((d, ex.text, ex.facts))),
        PutOutcome::Unchanged(_) => Outcome::Unchanged,
    })
}

/// Adds newly stored documents to the index, or rebuilds it from the store when it is empty.
pub async fn update_index(
    store: &Store,
    index: &SearchIndex,
    new: Vec<(StoredDocument, String, Vec<planwatch_core::Fact>)>,
) -> anyhow::Result<()> {
    let stored = store.counts().await?.revisions;
    if index.is_empty() && stored > new.len() as i64 {
        rebuild_index(store, index).await
    } else {
        if !new.is_empty() {
            index.add(&new)?;
        }
        // Whatever another process stored meanwhile, or a killed run left
        // unindexed: the index catches up to its watermark's end.
        index.catch_up(store).await?;
        Ok(())
    }
}

/// Rebuilds the index from every current document of the store.
pub async fn rebuild_index(store: &Store, index: &SearchIndex) -> anyhow::Result<()> {
    index.rebuild_from(store).await?;
    Ok(())
}

type NewDocs = Vec<(StoredDocument, String, Vec<planwatch_core::Fact>)>;

/// Adds `new` to the index (emptying it); a failure is reported, not fatal:
/// the store is the source of truth and `planwatch search --reindex` rebuilds.
async fn flush_index(opts: &StoreOpts, store: &Store, new: &mut NewDocs) {
    let batch = std::mem::take(new);
    let result = match opts.open_index() {
        Ok(index) => update_index(store, &index, batch).await,
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        eprintln!("planwatch: search index not updated: {e:#} (run `planwatch search --reindex`)");
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let code = block_on(run_async(&args))??;
    if !args.no_summary {
        print_summary(&args)?;
    }
    Ok(code)
}

/// The state of the store after ingesting: every target assessed, counted by
/// status, the targets off track or regressing, and where to look further.
fn print_summary(args: &Args) -> anyhow::Result<()> {
    use planwatch_evaluate::Status;
    let catalog = args.catalog.load()?;
    let loaded = super::evaluate::load(&args.store, None)?;
    let items =
        super::evaluate::assess_scope(&catalog, &loaded, &planwatch_report::Scope::All, None);
    if items.is_empty() {
        println!("evaluation: no targets stored yet");
        return Ok(());
    }
    println!("evaluation: {}", super::evaluate::summary_line(&items));
    let red: Vec<_> = items
        .iter()
        .filter(|e| matches!(e.assessment.status, Status::OffTrack | Status::Regressing))
        .collect();
    if !red.is_empty() {
        println!("red list ({} off track or regressing):", red.len());
        for e in red.iter().take(10) {
            println!(
                "  {}  {}  {}: target {}, latest {}",
                e.assessment.status.as_str(),
                e.item.target.doc.name,
                e.item.indicator,
                e.target_words(),
                e.latest_words()
            );
        }
        if red.len() > 10 {
            println!("  … and {} more", red.len() - 10);
        }
    }
    println!(
        "all targets: planwatch evaluate; web app: planwatch serve, then open http://{}",
        planwatch_server::DEFAULT_ADDR
    );
    Ok(())
}

async fn run_async(args: &Args) -> anyhow::Result<ExitCode> {
    let store = args.store.open().await?;
    let (files, mut errors) = collect_files(&args.paths);
    let bar = if files.len() > 1 {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise} {wide_msg}")
            .context("progress template")?,
    );
    let (mut stored, mut unchanged, mut facts, mut revisions) = (0usize, 0usize, 0i64, 0usize);
    let mut new_docs = Vec::new();
    for path in &files {
        bar.set_message(
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        match ingest_one(&store, path).await {
            Ok(Outcome::Stored(stored_doc)) => {
                let (d, text, f) = *stored_doc;
                stored += 1;
                facts += d.fact_count;
                if d.revision > 1 {
                    revisions += 1;
                }
                if !args.no_index {
                    new_docs.push((d, text, f));
                }
                // Index in batches so memory stays bounded on large folders.
                if new_docs.len() >= 100 {
                    flush_index(&args.store, &store, &mut new_docs).await;
                }
            }
            Ok(Outcome::Unchanged) => unchanged += 1,
            Err(e) => {
                bar.suspend(|| eprintln!("planwatch: {}: {e:#}", path.display()));
                errors.push((path.clone(), format!("{e:#}")));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if !args.no_index {
        flush_index(&args.store, &store, &mut new_docs).await;
    }
    let totals = store.counts().await?;
    println!(
        "{} file(s): {stored} stored ({revisions} new revision(s)), {unchanged} unchanged, {} failed; {facts} fact(s) added",
        files.len(),
        errors.len()
    );
    println!(
        "store {}: {} document(s), {} revision(s), {} fact(s)",
        store.location(),
        totals.documents,
        totals.revisions,
        totals.facts
    );
    if !errors.is_empty() {
        eprintln!("failed:");
        for (p, e) in &errors {
            eprintln!("  {}: {e}", p.display());
        }
    }
    store.close().await;
    Ok(if errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
