//! Extraction throughput on the real documents shipped in `samples/corpus`.
//! `cargo bench -p planwatch-extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

/// The corpus documents (name, text), sorted; a missing corpus is an error.
fn documents() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/corpus");
    let mut docs: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p
                .file_name()
                .expect("file name")
                .to_string_lossy()
                .into_owned();
            (name, text)
        })
        .collect();
    assert!(!docs.is_empty(), "no .txt document in {}", dir.display());
    docs.sort();
    docs
}

fn bench(c: &mut Criterion) {
    let docs = documents();
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(n, t)| planwatch_extract::extract_document(n, t).facts.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
