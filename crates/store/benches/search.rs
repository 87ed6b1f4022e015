//! Search latency on the corpus (`samples/corpus`) replicated to 1,000 documents (`cargo bench -p planwatch-store`).

use criterion::{criterion_group, criterion_main, Criterion};
use planwatch_core::{DocType, DocumentInfo};
use planwatch_store::{SearchFilter, SearchIndex, StoredDocument};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/corpus");
const DOCUMENTS: usize = 1000;

/// The corpus documents (name, text), sorted; a missing corpus is an error.
fn corpus_texts() -> Vec<(String, String)> {
    let mut texts: Vec<(String, String)> = std::fs::read_dir(CORPUS)
        .unwrap_or_else(|e| panic!("{CORPUS}: {e}"))
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
    assert!(!texts.is_empty(), "no .txt document in {CORPUS}");
    texts.sort();
    texts
}

fn build(dir: &std::path::Path) -> SearchIndex {
    let texts = corpus_texts();
    let regions = ["锦州市", "葫芦岛市", "黑山县", "义县"];
    let types = [
        DocType::FiveYearPlan,
        DocType::WorkReport,
        DocType::Outline,
        DocType::ImplementationPlan,
    ];
    let docs: Vec<_> = (0..DOCUMENTS)
        .map(|i| {
            let (name, text) = &texts[i % texts.len()];
            let doc = StoredDocument {
                id: format!("{i:064x}"),
                name: format!("{i:04}_{name}"),
                revision: 1,
                origin: "document".into(),
                path: None,
                format: Some("text".into()),
                info: DocumentInfo {
                    title: Some(format!("文档{i}")),
                    region: Some(regions[i % regions.len()].into()),
                    doc_type: types[i % types.len()],
                    period_start: None,
                    period_end: None,
                    year: None,
                    issuer: None,
                    number: None,
                },
                fact_count: 0,
                seq: i as i64,
                ingested_at: 0,
                current: true,
            };
            (doc, format!("{text}\n副本{i}\n"), Vec::new())
        })
        .collect();
    let index = SearchIndex::open(dir).expect("index");
    let started = std::time::Instant::now();
    index.rebuild(&docs).expect("rebuild");
    eprintln!(
        "indexed {} documents ({} entries) in {:.1?}",
        DOCUMENTS,
        index.len(),
        started.elapsed()
    );
    index
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let index = build(dir.path());
    let none = SearchFilter::default();
    let one = |q: &str| vec![q.to_string()];
    let synonyms: Vec<String> = [
        "研发经费投入强度",
        "研究与试验发展经费投入强度",
        "R&D经费投入强度",
        "研究经费投入强度",
    ]
    .map(String::from)
    .to_vec();
    let mut g = c.benchmark_group("search_1000_docs");
    g.sample_size(30);
    g.bench_function("one_term", |b| {
        b.iter(|| index.search(&one("森林覆盖率"), &none, 10).expect("search"))
    });
    g.bench_function("with_synonyms", |b| {
        b.iter(|| index.search(&synonyms, &none, 10).expect("search"))
    });
    let region = SearchFilter {
        region: Some("葫芦岛".into()),
        doc_type: Some("work_report".into()),
    };
    g.bench_function("region_and_type_filter", |b| {
        b.iter(|| {
            index
                .search(&one("地区生产总值 增长"), &region, 10)
                .expect("search")
        })
    });
    g.bench_function("rare_phrase", |b| {
        b.iter(|| index.search(&one("副本999"), &none, 10).expect("search"))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
