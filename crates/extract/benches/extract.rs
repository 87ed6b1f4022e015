//! Extraction throughput on the shared corpus (or the bundled sample when
//! the corpus is absent). `cargo bench -p planwatch-extract`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn documents() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut docs = Vec::new();
    if let Ok(dir) = std::fs::read_dir(root.join("../../../shared/corpus")) {
        for e in dir.flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                docs.push((e.file_name().to_string_lossy().into_owned(), t));
            }
        }
    }
    if docs.is_empty() {
        if let Ok(t) = std::fs::read_to_string(root.join("../../samples/sample-city-plan.txt")) {
            docs.push(("sample-city-plan.txt".into(), t));
        }
    }
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
