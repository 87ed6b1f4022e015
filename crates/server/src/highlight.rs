//! A document's text as HTML: every fact highlighted in place from its byte
//! offsets, with anchors for facts (`f{ord}`), outline headings (`h{n}`) and
//! lines (`L{n}`).
//!
//! Facts may overlap (two facts quoting one table row): the text is cut at
//! every boundary and each piece is wrapped on its own, so tags never cross.

use std::collections::BTreeSet;

use planwatch_text::{blocks, BlockKind};

use crate::snapshot::FactRow;
use crate::views::OutlineItem;

/// HTML-escapes `s` into `out`.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.4}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// One line describing a fact, for the hover title.
pub fn describe(r: &FactRow) -> String {
    let f = &r.src.fact;
    let kind = match f.kind {
        planwatch_core::Kind::Target => "目标",
        planwatch_core::Kind::Actual => "实际",
    };
    let measure = match f.measure {
        planwatch_core::Measure::Level => "",
        planwatch_core::Measure::Growth => "增长",
        planwatch_core::Measure::AvgGrowth => "年均增长",
        planwatch_core::Measure::Reduction => "降低",
        planwatch_core::Measure::Cumulative => "累计",
    };
    let cmp = match f.comparator {
        planwatch_core::Comparator::Eq => "",
        planwatch_core::Comparator::Approx => "约",
        planwatch_core::Comparator::Ge => "≥",
        planwatch_core::Comparator::Gt => ">",
        planwatch_core::Comparator::Le => "≤",
        planwatch_core::Comparator::Lt => "<",
    };
    let value = match (f.value, f.value_max) {
        (Some(a), Some(b)) => format!("{}–{}", num(a), num(b)),
        (Some(a), None) => num(a),
        _ => f.text.clone().unwrap_or_else(|| "定性".into()),
    };
    let mut s = format!("{kind}｜{}", f.indicator);
    if let Some(y) = f.year {
        s.push_str(&format!("｜{y}年"));
    }
    match f.kind {
        // A target as every page and report words it (`年均增长6%左右`, `5%以上`).
        planwatch_core::Kind::Target => {
            s.push('｜');
            s.push_str(&planwatch_link::words::target_words(f));
        }
        planwatch_core::Kind::Actual => s.push_str(&format!(
            "｜{measure}{cmp}{value}{}",
            f.unit.as_deref().unwrap_or("")
        )),
    }
    if let Some(a) = f.attribute {
        s.push_str(&format!("｜{}", a.as_str()));
    }
    s
}

/// The text as HTML with highlights and anchors, and its outline.
pub fn render(text: &str, facts: &[&FactRow]) -> (String, Vec<OutlineItem>) {
    let len = text.len();
    let valid = |a: usize, b: usize| {
        a < b && b <= len && text.is_char_boundary(a) && text.is_char_boundary(b)
    };
    // Facts with usable offsets: (start, end, ord, index into `facts`).
    let spans: Vec<(usize, usize, i64, usize)> = facts
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match (r.src.fact.start, r.src.fact.end) {
            (Some(a), Some(b)) if valid(a, b) => Some((a, b, r.ord, i)),
            _ => None,
        })
        .collect();
    let headings: Vec<(usize, usize, u8)> = blocks(text)
        .into_iter()
        .filter_map(|b| match b.kind {
            BlockKind::Heading { level } if valid(b.start, b.end) => Some((b.start, b.end, level)),
            _ => None,
        })
        .collect();
    let mut line_starts = vec![0usize];
    line_starts.extend(
        text.match_indices('\n')
            .map(|(i, _)| i + 1)
            .filter(|&i| i < len),
    );
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    cuts.insert(0);
    cuts.insert(len);
    cuts.extend(line_starts.iter().copied());
    for (a, b, _, _) in &spans {
        cuts.insert(*a);
        cuts.insert(*b);
    }
    for (a, b, _) in &headings {
        cuts.insert(*a);
        cuts.insert(*b);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = String::with_capacity(len * 2);
    let mut outline = Vec::new();
    let mut line_no = 0usize;
    let mut next_line = 0usize;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next_line < line_starts.len() && line_starts[next_line] <= a {
            if line_starts[next_line] == a {
                line_no = next_line + 1;
                out.push_str(&format!("<span class=\"ln\" id=\"L{line_no}\"></span>"));
            }
            next_line += 1;
        }
        let heading = headings.iter().find(|(s, e, _)| *s <= a && b <= *e);
        if let Some((s, e, level)) = heading {
            if *s == a {
                let n = outline.len() + 1;
                outline.push(OutlineItem {
                    id: format!("h{n}"),
                    level: *level,
                    title: text.get(*s..*e).unwrap_or("").trim().to_string(),
                });
                out.push_str(&format!("<span class=\"anchor\" id=\"h{n}\"></span>"));
            }
        }
        for (s, _, ord, _) in &spans {
            if *s == a {
                out.push_str(&format!("<span class=\"anchor fa\" id=\"f{ord}\"></span>"));
            }
        }
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        let covering: Vec<&(usize, usize, i64, usize)> = spans
            .iter()
            .filter(|(s, e, _, _)| *s <= a && b <= *e)
            .collect();
        if heading.is_some() {
            out.push_str(&format!(
                "<b class=\"hd hl{}\">",
                heading.map_or(1, |h| h.2)
            ));
        }
        if covering.is_empty() {
            escape_into(&mut out, piece);
        } else {
            let ords: Vec<String> = covering.iter().map(|c| c.2.to_string()).collect();
            let kind = facts
                .get(covering[0].3)
                .map_or("target", |r| r.src.fact.kind.as_str());
            let mut title = String::new();
            for c in &covering {
                if let Some(r) = facts.get(c.3) {
                    if !title.is_empty() {
                        title.push('\n');
                    }
                    title.push_str(&describe(r));
                }
            }
            out.push_str(&format!(
                "<mark class=\"fact k-{kind}\" data-f=\" {} \" title=\"",
                ords.join(" ")
            ));
            escape_into(&mut out, &title);
            out.push_str("\">");
            escape_into(&mut out, piece);
            out.push_str("</mark>");
        }
        if heading.is_some() {
            out.push_str("</b>");
        }
    }
    let _ = line_no;
    (out, outline)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        let mut s = String::new();
        escape_into(&mut s, "<a href=\"x\">&'");
        assert_eq!(s, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }

    #[test]
    fn renders_lines_and_headings_without_facts() {
        let (html, outline) = render("第一章 总则\n正文<b>\n", &[]);
        assert!(html.contains("id=\"L1\""), "{html}");
        assert!(html.contains("id=\"L2\""), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        assert_eq!(outline.len(), 1);
        assert_eq!(outline[0].title, "第一章 总则");
    }
}
