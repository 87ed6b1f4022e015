//! `planwatch extract` end to end: real documents, formats, and bad input
//! that must fail one file at a time with a clear line.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

fn planwatch() -> Command {
    Command::new(env!("CARGO_BIN_EXE_planwatch"))
}

/// The sample plan shipped in the repository.
fn sample_plan() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples/sample-city-plan.txt")
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write test file");
    p
}

#[test]
fn shipped_document_gives_schema_facts() {
    let out = planwatch()
        .arg("extract")
        .arg(sample_plan())
        .output()
        .expect("run planwatch");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    let facts: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    for key in [
        "doc",
        "kind",
        "indicator",
        "region",
        "year",
        "value",
        "value_max",
        "unit",
        "measure",
        "comparator",
        "attribute",
        "text",
        "quote",
    ] {
        assert!(
            facts.iter().all(|f| f.get(key).is_some()),
            "field {key} missing"
        );
    }
    assert!(facts.iter().any(|f| f["indicator"] == "地区生产总值"
        && f["value"] == 700.0
        && f["kind"] == "target"
        && f["year"] == 2025));
}

#[test]
fn formats_table_and_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    let p = write(
        dir.path(),
        "plan.txt",
        "到2025年，全市地区生产总值年均增长6%左右。\n".as_bytes(),
    );
    let out = planwatch()
        .args(["extract", "--format", "table"])
        .arg(&p)
        .output()
        .expect("run");
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("avg_growth") && table.contains("地区生产总值"),
        "{table}"
    );
    let out = planwatch()
        .args(["extract", "--format", "json"])
        .arg(&p)
        .output()
        .expect("run");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json array");
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}

#[test]
fn gbk_text_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (bytes, _, _) = encoding_rs::GBK.encode("全年地区生产总值1234.5亿元，比上年增长5.2%。\n");
    let p = write(dir.path(), "gbk.txt", &bytes);
    let out = planwatch().arg("extract").arg(&p).output().expect("run");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("1234.5"));
}

#[test]
fn bad_files_fail_one_by_one_and_good_ones_are_still_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = write(
        dir.path(),
        "good.txt",
        "到2025年，森林覆盖率达到40%。\n".as_bytes(),
    );
    let empty = write(dir.path(), "empty.txt", b"");
    let random: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let binary = write(dir.path(), "random.bin", &random);
    let truncated = write(
        dir.path(),
        "broken.docx",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00truncated",
    );
    let missing = dir.path().join("missing.txt");
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("mkdir");
    let mut cmd = planwatch();
    cmd.arg("extract")
        .args([&empty, &good, &binary, &truncated, &missing, &folder]);
    let out = cmd.output().expect("run");
    assert!(!out.status.success(), "bad input must give a non-zero exit");
    let stderr = String::from_utf8_lossy(&out.stderr);
    for name in [
        "empty.txt",
        "random.bin",
        "broken.docx",
        "missing.txt",
        "folder",
    ] {
        let lines: Vec<&str> = stderr.lines().filter(|l| l.contains(name)).collect();
        assert_eq!(lines.len(), 1, "one line for {name} in:\n{stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("森林覆盖率"),
        "the good file is still read: {stdout}"
    );
}

#[test]
fn zip_bomb_disguised_as_docx_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("bomb.docx");
    let file = std::fs::File::create(&path).expect("create");
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", opts).expect("entry");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&chunk).expect("write");
    }
    zip.finish().expect("finish");
    let out = planwatch().arg("extract").arg(&path).output().expect("run");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("bomb.docx") && stderr.lines().count() == 1,
        "{stderr}"
    );
}
