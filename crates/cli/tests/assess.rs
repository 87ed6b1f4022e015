//! `planwatch assess` end to end: the built binary on small JSON inputs.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const CASES: &str = r#"[
  {"target": {"doc": "001.txt", "kind": "target", "indicator": "地区生产总值", "region": "锦州市",
              "year": 2020, "value": 1900, "value_max": null, "unit": "亿元", "measure": "level",
              "comparator": "eq", "attribute": "预期性", "text": null,
              "quote": "地区生产总值 (亿元)\t\t1357.5\t1900\t7\t预期性"},
   "base": {"doc": "001.txt", "kind": "actual", "indicator": "地区生产总值", "year": 2015,
            "value": 1357.5, "unit": "亿元", "measure": "level", "comparator": "eq", "quote": "1357.5"},
   "actuals": [{"doc": "b2018.txt", "indicator": "地区生产总值", "year": 2018, "value": 1575,
                "unit": "亿元", "measure": "level", "quote": "地区生产总值1575亿元"}],
   "as_of": 2018},
  {"target": {"doc": "001.txt", "indicator": "地区生产总值", "year": 2020, "value": 7, "unit": "%",
              "measure": "avg_growth", "comparator": "eq", "quote": "7"},
   "base": {"doc": "001.txt", "indicator": "地区生产总值", "year": 2015, "value": 1357.5,
            "unit": "亿元", "measure": "level", "quote": "1357.5"},
   "actuals": [
     {"doc": "b2016.txt", "indicator": "地区生产总值", "year": 2016, "value": -2.5, "unit": "%", "measure": "growth", "quote": "下降2.5%"},
     {"doc": "b2017.txt", "indicator": "地区生产总值", "year": 2017, "value": 3, "unit": "%", "measure": "growth", "quote": "增长3%"},
     {"doc": "b2018.txt", "indicator": "地区生产总值", "year": 2018, "value": 5, "unit": "%", "measure": "growth", "quote": "增长5%"}
   ],
   "as_of": 2018},
  {"target": {"doc": "001.txt", "indicator": "城镇登记失业率", "year": 2020, "value": 4.5, "unit": "%",
              "comparator": "le", "quote": "控制在4.5%以内"},
   "base": null,
   "actuals": [{"doc": "r.txt", "indicator": "城镇登记失业率", "year": 2018, "value": 3.9, "unit": "%", "quote": "3.9%"}]},
  {"target": {"doc": "001.txt", "indicator": "劣V类水体比例", "year": 2020, "value": null,
              "text": "完成省下达目标", "quote": "完成省下 达目标"},
   "actuals": []},
  {"target": {"doc": "003.txt", "indicator": "地区生产总值", "year": 2024, "value": 6, "unit": "%",
              "measure": "growth", "comparator": "approx", "quote": "增长6%左右"},
   "base": null, "actuals": [], "as_of": 2024}
]"#;

fn planwatch(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_planwatch"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planwatch");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or("").as_bytes())
        .expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("wait for planwatch")
}

fn field<'a>(v: &'a serde_json::Value, key: &str) -> &'a serde_json::Value {
    &v[key]
}

#[test]
fn assesses_a_file_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cases.json");
    std::fs::write(&path, CASES).expect("write cases");
    let out = planwatch(
        &["assess", "--input", path.to_str().expect("utf-8 path")],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let rows = json.as_array().expect("array");
    let statuses: Vec<&str> = rows
        .iter()
        .map(|r| r["status"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(
        statuses,
        ["lagging", "off_track", "achieved", "qualitative", "no_data"]
    );
    let colours: Vec<&str> = rows
        .iter()
        .map(|r| r["colour"].as_str().unwrap_or("?"))
        .collect();
    assert_eq!(colours, ["yellow", "red", "green", "grey", "grey"]);

    // GDP level: p = 217.5/542.5 = 0.4009, τ = 0.6.
    let gdp = &rows[0];
    for key in [
        "status",
        "trend_status",
        "colour",
        "progress",
        "elapsed",
        "trend_ratio",
        "projected",
        "required_rate",
        "explanation",
    ] {
        assert!(gdp.get(key).is_some(), "missing {key}");
    }
    let p = field(gdp, "progress").as_f64().expect("progress");
    assert!((p - 0.4009).abs() < 1e-3, "{p}");
    assert_eq!(field(gdp, "elapsed").as_f64(), Some(0.6));
    assert_eq!(field(gdp, "trend_status"), "moderate");
    assert!(field(gdp, "explanation")
        .as_str()
        .is_some_and(|s| s.contains("进度 40%")));

    // Average growth: required rate (1.07⁵/1.054463)^(1/2) − 1 = 0.1533.
    let r = field(&rows[1], "required_rate")
        .as_f64()
        .expect("required rate");
    assert!((r - 0.1533).abs() < 1e-3, "{r}");
    assert_eq!(field(&rows[1], "method"), "average_growth");

    // Ceiling: no path numbers.
    assert!(field(&rows[2], "progress").is_null());
    assert_eq!(field(&rows[2], "method"), "threshold");

    // Qualitative: its text in the explanation.
    assert!(field(&rows[3], "explanation")
        .as_str()
        .is_some_and(|s| s.contains("完成省下达目标")));
}

#[test]
fn reads_standard_input() {
    let out = planwatch(&["assess", "--input", "-"], Some(CASES));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    assert_eq!(json.as_array().map(Vec::len), Some(5));
}

#[test]
fn bad_json_is_one_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.json");
    std::fs::write(&path, "[\n  {\"target\": {\"year\": 2020,}}\n]").expect("write");
    let out = planwatch(
        &["assess", "--input", path.to_str().expect("utf-8 path")],
        None,
    );
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("broken.json"), "{err}");
    assert!(err.contains("line 2, column"), "{err}");

    // Valid JSON of the wrong shape is reported the same way.
    let out = planwatch(&["assess", "--input", "-"], Some(r#"{"target": {}}"#));
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("standard input") && err.contains("line 1"),
        "{err}"
    );

    // A missing file names the file.
    let out = planwatch(&["assess", "--input", "/nonexistent/cases.json"], None);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/cases.json"));
}
