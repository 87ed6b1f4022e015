//! Who answers for a task (牵头单位, 配合单位): the departments an
//! implementation plan names in brackets after a task, read so that each
//! figure of the task carries them.
//!
//! Two shapes are read, in full- or half-width brackets, simplified or
//! traditional script:
//! - labelled: `（牵头单位：省自然资源厅；配合单位：省财政厅、省农业农村厅）`,
//!   also 责任单位, 牵头部门, 责任部门, 主责单位, 协办单位, 参与单位;
//! - by verb: `（市水务局牵头，市发展改革委、市财政局负责）`,
//!   `（市发展改革委、市住建委负责）` (all named answer for it: all lead).
//!
//! A bracket whose items are not all names of bodies (ending in 局, 委, 厅,
//! 政府, 办 …) is no assignment: `（含艾滋病病毒感染儿童）` names nobody.
//! A figure takes the first assignment after it on its line. One pass over
//! the text; nested brackets are skipped by depth.

use planwatch_core::Responsible;
use planwatch_text::norm::char_for_matching;

/// An assignment in the text: the bracket's byte span and whom it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// Byte offset of the opening bracket.
    pub start: usize,
    /// Byte offset just past the closing bracket.
    pub end: usize,
    /// Who answers for the task.
    pub responsible: Responsible,
}

const LEAD_LABELS: &[&str] = &[
    "牵头单位",
    "牵头部门",
    "责任单位",
    "责任部门",
    "主责单位",
    "主办单位",
    "牵头",
];
const PARTNER_LABELS: &[&str] = &["配合单位", "配合部门", "协办单位", "参与单位", "协同单位"];
/// How a body's name ends.
const BODY_ENDS: &[&str] = &[
    "局",
    "委",
    "厅",
    "办",
    "政府",
    "部",
    "中心",
    "公司",
    "院",
    "会",
    "处",
    "署",
    "行",
    "所",
    "室",
    "队",
    "团",
    "社",
    "站",
    "委员会",
    "单位",
    "部门",
    "集团",
    "机构",
    "银行",
    "分局",
];

/// Every assignment in `text`, in order.
pub fn assignments(text: &str) -> Vec<Assignment> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(a) = open.take() {
                        let end = i + c.len_utf8();
                        let open_len = text[a..].chars().next().map_or(1, char::len_utf8);
                        let inner = &text[a + open_len..i];
                        if let Some(r) = read(inner) {
                            out.push(Assignment {
                                start: a,
                                end,
                                responsible: r,
                            });
                        }
                    }
                }
            }
            '\n' => {
                // A bracket left open at a line's end closes nothing later.
                depth = 0;
                open = None;
            }
            _ => {}
        }
    }
    out
}

/// The assignment a figure at `start..end` takes: the first after it on its line.
pub fn of_figure<'a>(
    text: &str,
    found: &'a [Assignment],
    start: usize,
    end: usize,
) -> Option<&'a Responsible> {
    let i = found.partition_point(|a| a.start < end.max(start));
    let a = found.get(i)?;
    let between = text.get(end..a.start)?;
    (!between.contains('\n')).then_some(&a.responsible)
}

/// `s` as matched: traditional characters read as simplified, one for one.
fn norm(s: &str) -> String {
    s.chars().map(char_for_matching).collect()
}

/// `piece` without its last `n` characters.
fn drop_last(piece: &str, n: usize) -> &str {
    let keep = piece.chars().count().saturating_sub(n);
    piece
        .char_indices()
        .nth(keep)
        .map_or(piece, |(i, _)| &piece[..i])
}

/// Whom a bracket's words name, if they are an assignment. Words are matched
/// in simplified form; names are kept as written.
fn read(inner: &str) -> Option<Responsible> {
    let inner = inner.trim();
    if inner.chars().count() > 200 || inner.is_empty() {
        return None;
    }
    // Labelled: 牵头单位：…；配合单位：…
    let mut lead = Vec::new();
    let mut partners = Vec::new();
    let mut labelled = false;
    for part in inner.split(['；', ';']) {
        let part = part.trim();
        let Some((label, names)) = part.split_once(['：', ':']) else {
            if labelled {
                // (…；各市(州)人民政府负责落实: words after the labels.)
                continue;
            }
            break;
        };
        let label = norm(label.trim());
        if LEAD_LABELS.contains(&label.as_str()) {
            lead.extend(bodies(names)?);
            labelled = true;
        } else if PARTNER_LABELS.contains(&label.as_str()) {
            partners.extend(bodies(names)?);
            labelled = true;
        } else if !labelled {
            break;
        }
    }
    if labelled {
        return (!lead.is_empty() || !partners.is_empty())
            .then_some(Responsible { lead, partners });
    }
    // By verb: X牵头，Y负责 / X、Y负责 / X牵头，Y配合.
    let mut any = false;
    for clause in inner.split(['，', ',', '；', ';']) {
        let clause = clause.trim();
        let n = norm(clause);
        const VERBS: &[(&str, u8)] = &[
            ("牵头", 0),
            ("配合", 1),
            ("参与", 1),
            ("协助", 1),
            ("按职责分工负责", 2),
            ("共同负责", 2),
            ("负责", 2),
        ];
        let (verb, role) = VERBS.iter().find(|(v, _)| n.ends_with(v))?;
        let names = bodies(drop_last(clause, verb.chars().count()))?;
        any = true;
        match role {
            0 => lead.extend(names),
            1 => partners.extend(names),
            // 负责 after a lead names the others who carry it out.
            _ if lead.is_empty() => lead.extend(names),
            _ => partners.extend(names),
        }
    }
    (any && !lead.is_empty()).then_some(Responsible { lead, partners })
}

/// The names of a list of bodies (市发改委、市财政局等), as written, or
/// `None` if an item is not one.
fn bodies(list: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut item = String::new();
    let push = |item: &mut String, out: &mut Vec<String>| -> Option<()> {
        let t = item.trim().trim_end_matches('等').trim();
        if !t.is_empty() {
            let n = norm(t);
            let base = n.split(['(', '（']).next().unwrap_or(&n);
            if t.chars().count() > 40
                || !BODY_ENDS
                    .iter()
                    .any(|e| n.ends_with(e) || base.ends_with(e))
            {
                return None;
            }
            out.push(t.to_string());
        }
        item.clear();
        Some(())
    };
    for c in list.chars() {
        match c {
            '(' | '（' => {
                depth += 1;
                item.push(c);
            }
            ')' | '）' => {
                depth = depth.saturating_sub(1);
                item.push(c);
            }
            '、' | '，' | ',' if depth == 0 => push(&mut item, &mut out)?,
            _ => item.push(c),
        }
    }
    push(&mut item, &mut out)?;
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn labelled_and_verb_assignments() {
        let r = read("牵头单位：省自然资源厅；配合单位：省财政厅、省农业农村厅").expect("labelled");
        assert_eq!(r.lead, names(&["省自然资源厅"]));
        assert_eq!(r.partners, names(&["省财政厅", "省农业农村厅"]));
        let r = read("牵头单位:省自然资源厅;各市(州)、县(市、区)人民政府负责落实,下同")
            .expect("labelled with words after");
        assert_eq!(r.lead, names(&["省自然资源厅"]));
        let r = read("市水务局牵头,市发展改革委、市财政局、市国土局、市农委负责").expect("by verb");
        assert_eq!(r.lead, names(&["市水务局"]));
        assert_eq!(r.partners.len(), 4);
        let r =
            read("市发展改革委、市住建委、市通信管理办公室、锦州供电公司负责").expect("all lead");
        assert_eq!(r.lead.len(), 4);
        assert!(r.partners.is_empty());
        // Traditional script reads the same.
        let r = read("牽頭單位：市發改委").expect("traditional");
        assert_eq!(r.lead, names(&["市發改委"]));
    }

    #[test]
    fn brackets_that_name_nobody_are_not_assignments() {
        for inner in [
            "含艾滋病病毒感染儿童",
            "以下简称“规划”",
            "2021—2025年",
            "市统计局数据",
            "负责",
            "牵头单位：",
            "张三负责",
        ] {
            assert_eq!(read(inner), None, "{inner}");
        }
    }

    #[test]
    fn a_figure_takes_the_first_assignment_after_it_on_its_line() {
        let text = "新增农村公路429公里（市交通局牵头，市财政局负责）。\n建成5个园区（市发展改革委负责）。";
        let found = assignments(text);
        assert_eq!(found.len(), 2);
        let at = |w: &str| {
            let s = text.find(w).expect("figure");
            of_figure(text, &found, s, s + w.len()).map(|r| r.lead.clone())
        };
        assert_eq!(at("429公里"), Some(names(&["市交通局"])));
        assert_eq!(at("5个"), Some(names(&["市发展改革委"])));
        // Nothing after it on the line: none.
        let text = "（市交通局负责）新增公路429公里。";
        let found = assignments(text);
        let s = text.find("429").expect("figure");
        assert_eq!(of_figure(text, &found, s, s + 3), None);
    }

    #[test]
    fn unclosed_and_nested_brackets_stay_linear() {
        let open = "（".repeat(50_000);
        assert!(assignments(&open).is_empty());
        let nested = format!("{}市财政局负责{}", "(".repeat(1000), ")".repeat(1000));
        assert!(assignments(&nested).is_empty());
    }
}
