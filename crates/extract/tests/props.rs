//! Property tests: extraction and its parsers never panic, whatever the text.

use proptest::prelude::*;

fn cjkish() -> impl Strategy<Value = String> {
    // Mix of digits, Chinese numerals, units, punctuation and table separators.
    let atoms = prop::sample::select(vec![
        "1",
        "2",
        "0",
        ".",
        ",",
        "5",
        "9",
        "一",
        "二",
        "两",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "零",
        "〇",
        "点",
        "百分之",
        "%",
        "‰",
        "亿元",
        "万人",
        "个",
        "年",
        "到2025年",
        "比上年增长",
        "下降",
        "以上",
        "左右",
        "余",
        "—",
        "至",
        "≥",
        "[",
        "]",
        "（",
        "）",
        "“",
        "”",
        "，",
        "。",
        "、",
        "\t",
        "|",
        "\n",
        " ",
        "第一章",
        "一、",
        "地区生产总值",
        // Frame and newer rules: glosses, relative years, goal lists, places.
        "(jīng)",
        "（qū",
        "兆",
        "今年",
        "过去一年",
        "预期目标：",
        "由",
        "是2011年的",
        "|\n",
        "天津市河东区",
        "新区",
        "统计公报",
        "政府工作报告",
        "在甲市第八届人民代表大会第三次会议上",
        "2021-01-29",
        "率",
        "分别",
        "均",
        "和",
        "及",
        "達到",
        "億元",
    ]);
    prop::collection::vec(atoms, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn extract_never_panics_on_plan_like_text(s in cjkish()) {
        let ex = planwatch_extract::extract_document("p.txt", &s);
        for f in ex.facts {
            prop_assert!(s.contains(&f.quote));
            prop_assert!(f.value.is_none_or(|v| v.is_finite()));
        }
    }

    #[test]
    fn extract_never_panics_on_any_text(s in any::<String>()) {
        let _ = planwatch_extract::extract_document("p.txt", &s);
    }

    #[test]
    fn blocks_stay_inside_the_text(s in cjkish()) {
        for b in planwatch_text::blocks(&s) {
            prop_assert!(b.start <= b.end && b.end <= s.len());
            prop_assert!(s.is_char_boundary(b.start) && s.is_char_boundary(b.end));
        }
    }
}

/// Found by cargo-fuzz: a run of quantities whose first one sits in an earlier clause.
#[test]
fn regression_fuzz_crossed_clause_bounds() {
    let bytes: &[u8] = b"\xff\xff\xff\xff\xff\x26\xe3\x80\x81\xf4\xf4\xf4\x26\xff\xff\xff\xff\x09\xff\xff\x00\x32\x25\x31\x25\x31\x25\x32\x32\x31\x25\x31\x25\x39\x31\x01\xff\xff\x32\x31\x2a\x00\x28\x32\xe7\xbb\x9d\xe5\xaf\xb9\x09\x39\x39\x39\x39\x39\x39\x31\x2c\x32\x32\x31\x25\x31\x25\x39\x31\x01\x3b";
    let text = String::from_utf8_lossy(bytes);
    let _ = planwatch_extract::extract_document("crash.txt", &text);
}
