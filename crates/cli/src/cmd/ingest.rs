//! `planwatch ingest`: read and extract files, store them with their facts by
//! the store's one ingest path (`Store::ingest`, as the server's uploads), and
//! bring the index up to the store.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use planwatch_store::{NewDocument, PutOutcome, SameName, Store};

use super::common::{block_on, CatalogOpt, StoreOpts};

/// Arguments of `planwatch ingest`.
#[derive(clap::Args)]
pub struct Args {
    /// Files or folders (read recursively; in folders, Markdown notes such as
    /// SOURCES.md are skipped; a CSV or XLSX table with the import template's
    /// header is imported as actuals, as `planwatch import` does).
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

/// Every regular file under `paths`, sorted within each folder; hidden files,
/// store files (`*.db`, `*.db-wal`, index folders) and Markdown files (a
/// folder's notes about its documents, such as `samples/corpus/SOURCES.md`)
/// are skipped. A file named itself is always read.
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
                    if !(name.ends_with(".db") || name.contains(".db-") || is_markdown(&name)) {
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

/// Whether a file name is a Markdown note (`.md`, any case), not a document.
fn is_markdown(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("md"))
}

/// Reads and extracts one file, then stores it by the store's one ingest path
/// (the server's uploads take it too); new content under a stored name is its
/// next revision.
async fn ingest_one(store: &Store, path: &Path) -> anyhow::Result<PutOutcome> {
    // A table of actuals (the import template's header) is imported as
    // `planwatch import` would; any other table is read as a document.
    if super::import::is_table_file(path) {
        let table = super::import::read_table(path, None)?;
        if planwatch_catalog::is_actuals_header(&table.header) {
            let import = super::import::table_import(path, &table);
            for (row, msg) in &import.bad {
                eprintln!("planwatch: {}: row {row}: {msg}", path.display());
            }
            return Ok(store
                .ingest(&import.doc, &import.facts, SameName::Revise)
                .await?);
        }
    }
    let loaded = planwatch_ingest::load_path(path)?;
    // A panic in extraction is one bad file, not a dead run.
    let ex = planwatch_extract::try_extract_document(&loaded.name, &loaded.text)?;
    let doc = NewDocument::extracted(
        loaded.name,
        Some(path.display().to_string()),
        loaded.format.as_str(),
        ex.info,
        ex.text,
    );
    Ok(store.ingest(&doc, &ex.facts, SameName::Revise).await?)
}

/// Brings the index up to the store (what this run and anyone else stored
/// since its watermark; rebuilt when it has none). A failure is reported, not
/// fatal: the store is the source of truth, and the next catch-up (any
/// `ingest`, `search`, or the server) or `planwatch search --reindex` fixes it.
pub async fn catch_up_index(opts: &StoreOpts, store: &Store) {
    let result = match opts.open_index() {
        Ok(index) => index.catch_up(store).await.map_err(anyhow::Error::from),
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
    let items = super::evaluate::assess_scope(&catalog, &loaded, &planwatch_link::Scope::All, None);
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
    let mut unindexed = 0usize;
    for path in &files {
        bar.set_message(
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        );
        match ingest_one(&store, path).await {
            Ok(PutOutcome::Stored(d)) => {
                stored += 1;
                facts += d.fact_count;
                if d.revision > 1 {
                    revisions += 1;
                }
                unindexed += 1;
                // Index in batches so that a large folder is searchable as it goes.
                if !args.no_index && unindexed >= 100 {
                    catch_up_index(&args.store, &store).await;
                    unindexed = 0;
                }
            }
            Ok(PutOutcome::Unchanged(_)) => unchanged += 1,
            Err(e) => {
                bar.suspend(|| eprintln!("planwatch: {}: {e:#}", path.display()));
                errors.push((path.clone(), format!("{e:#}")));
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    if !args.no_index {
        catch_up_index(&args.store, &store).await;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_skip_notes_hidden_and_store_files_but_named_files_are_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir(root.join("corpus")).expect("mkdir");
        for name in [
            "plan.txt",
            "corpus/report.html",
            "corpus/SOURCES.md",
            "README.MD",
            ".hidden.txt",
            "planwatch.db",
            "planwatch.db-wal",
        ] {
            std::fs::write(root.join(name), "x").expect("write");
        }
        let (files, errors) = collect_files(&[root.to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<_> = files
            .iter()
            .map(|p| p.strip_prefix(root).expect("under root").to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("corpus/report.html"),
                PathBuf::from("plan.txt")
            ]
        );
        let named = root.join("corpus/SOURCES.md");
        let (files, _) = collect_files(std::slice::from_ref(&named));
        assert_eq!(files, [named]);
    }
}
