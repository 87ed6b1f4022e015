//! Reading a whole document into blocks: headings, paragraphs (with lines cut
//! by page breaks joined again) and table rows.

use crate::line::{classify, LineClass};

/// One structural unit of a document, with its byte span in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// Byte offset where the block starts in the input.
    pub start: usize,
    /// Byte offset just past the block.
    pub end: usize,
}

/// The kinds of [`Block`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// An outline heading; depth 1 is 第X章.
    Heading {
        /// Outline depth.
        level: u8,
    },
    /// Running text; may span several input lines joined across page breaks.
    Paragraph,
    /// One table row; cells are absolute byte spans in the input.
    TableRow {
        /// Cell spans.
        cells: Vec<(usize, usize)>,
    },
}

/// Sentence-final punctuation: a line ending with one of these ends its paragraph.
fn ends_sentence(s: &str) -> bool {
    let t = s.trim_end();
    // A title line (…统计公报, …工作报告, …规划纲要) is never continued by the next line.
    // (In either script: …統計公報, …規劃綱要.)
    const TITLE_ENDS: &[&str] = &["公报", "工作报告", "纲要", "规划", "实施方案", "的通知"];
    if t.chars().count() <= 60 {
        // (Only the last few characters matter.)
        let tail: Vec<char> = t.chars().rev().take(4).collect();
        let tail: String = tail
            .iter()
            .rev()
            .map(|c| crate::norm::traditional_to_simplified(*c))
            .collect();
        if TITLE_ENDS.iter().any(|w| tail.ends_with(w)) {
            return true;
        }
    }
    // 原标题：海南：2025年力争实现旅游总收入1800亿元 — a repost's original headline.
    if t.trim_start().starts_with("原标题") && t.chars().count() <= 80 {
        return true;
    }
    // (…定下这些目标↓: a post's arrow points at the list below, as a colon does.)
    t.ends_with([
        '。', '！', '？', '!', '?', '；', ';', '：', ':', '”', '」', '』', '…', '↓', '⬇', '→',
    ])
}

/// A news headline or subheading: short phrases of Han characters set apart by
/// spaces, with no punctuation (`三次产业稳步增长 有效需求逐步恢复`). It is a
/// paragraph of its own: the lines around it are not its sentence. Spaces next
/// to digits (`增长 8.0%`, `57.02 亿元`) are PDF spacing, not phrase breaks.
fn is_headline(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.chars().count() > 50
        || t.contains(['，', ',', '。', '、', '；', ';', '：', ':', '（', '('])
    {
        return false;
    }
    let parts: Vec<&str> = t
        .split([' ', '\u{3000}'])
        .filter(|p| !p.is_empty())
        .collect();
    let han = |c: Option<char>| c.is_some_and(crate::norm::is_han);
    parts.len() >= 2
        && parts.iter().all(|p| p.chars().count() >= 4)
        && parts
            .windows(2)
            .all(|w| han(w[0].chars().last()) && han(w[1].chars().next()))
}

/// A line that can be one cell of a table pasted one cell per line: short,
/// no sentence punctuation.
fn is_cell_line(t: &str) -> bool {
    let n = t.chars().count();
    (n > 0 && n <= 36 && !t.contains(['。', '，', ',', '；', ';', '：'])) || opens_on_unit_label(t)
}

/// `单位：亿元`, `單位:萬元`: a table's note on its units, in either script.
fn opens_on_unit_label(t: &str) -> bool {
    t.chars()
        .take(2)
        .map(crate::norm::traditional_to_simplified)
        .eq("单位".chars())
}

/// A number cell (`3453.93`, `-0.9`, `12.5%`) or an empty-value mark.
fn is_number_cell(t: &str) -> bool {
    if t.is_empty() {
        return true;
    }
    // [2], 〔10〕, 【10.3】: a plan table's sum over its five years.
    let t = t
        .strip_prefix(['[', '［', '〔', '【'])
        .and_then(|r| r.strip_suffix([']', '］', '〕', '】']))
        .unwrap_or(t);
    let t = t.trim_end_matches(['%', '％']);
    let t = t.strip_prefix(['-', '−', '+']).unwrap_or(t);
    (!t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ','))
        && t.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(t, "—" | "-" | "--" | "/")
}

/// Signs of a bound written before a figure (`≥95`).
const BOUND_SIGNS: &[&str] = &["≥", "≤", ">", "<", "＞", "＜"];

/// A value cell of an indicator table: a number with a short unit and a
/// bound (`99%以上`, `12.3年以上`, `≥95`, `5左右`), or a 约束性/预期性 mark;
/// not a year heading (`2020年`) or a serial number (`1.`).
fn is_value_cell(t: &str) -> bool {
    // (A 繁 table's 約束性, 萬元: compared in simplified characters.)
    let plain = crate::norm::simplified(t);
    let t = plain.as_ref();
    if is_number_cell(t) || matches!(t, "约束性" | "预期性" | "约束性指标" | "预期性指标")
    {
        return true;
    }
    let mut t = t;
    // 增长5%左右, 提高5%以上: a change written out in a goal or result cell.
    for v in [
        "增长", "提高", "下降", "降低", "减少", "增加", "达到", "上涨",
    ] {
        t = t.strip_prefix(v).unwrap_or(t);
    }
    for p in
        BOUND_SIGNS
            .iter()
            .copied()
            .chain(["不低于", "不少于", "不超过", "不高于", "约", "超过"])
    {
        t = t.strip_prefix(p).unwrap_or(t);
    }
    for q in ["及以上", "以上", "以下", "以内", "左右"] {
        t = t.strip_suffix(q).unwrap_or(t);
    }
    let digits = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    if digits == 0 || t[..digits].ends_with('.') {
        return false;
    }
    let unit = &t[digits..];
    let year = digits == 4 && unit == "年" && t[..4].chars().all(|c| c.is_ascii_digit());
    // Units only: `65岁及以上` and `0-14岁` label rows of age groups.
    const UNITS: &[&str] = &[
        "",
        "%",
        "％",
        "‰",
        "年",
        "个",
        "所",
        "家",
        "人",
        "万人",
        "名",
        "元",
        "万元",
        "亿元",
        "公里",
        "平方米",
        "万平方米",
        "小时",
        "天",
        "倍",
        "项",
        "件",
        "张",
        "台",
        "吨",
        "万吨",
        "辆",
        "座",
        "处",
        "次",
        "亩",
        "万亩",
        "公顷",
        "立方米",
        "千瓦",
        "万千瓦",
        "米",
        "条",
        "床",
        "分",
        "分钟",
        "微克/立方米",
        "人次",
        "万人次",
        "户",
        "万户",
    ];
    !year && UNITS.contains(&unit)
}

/// `一、发展水平`, `（二）优质资源`: a heading over a group of table rows.
pub fn is_group_heading(t: &str) -> bool {
    let t = t.trim_start_matches(['(', '（']);
    let n = t
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .count();
    n > 0
        && t.chars()
            .nth(n)
            .is_some_and(|c| matches!(c, '、' | ')' | '）' | '.'))
}

fn is_separator(t: &str) -> bool {
    matches!(t, "|" | "｜")
}

/// Tables that web pages flatten to one cell per line (label, then its
/// numbers; `|` lines between cells), found as a run of short lines whose
/// numbers repeat with a fixed period. Each is returned as (first line, end
/// line, blocks): a note row (单位：亿元), the header row, then one row per
/// label, every cell an exact span of the input.
fn cell_per_line_tables(text: &str, lines: &[(usize, &str)]) -> Vec<(usize, usize, Vec<Block>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // A run of cell, separator and blank lines.
        let mut j = i;
        let mut cells: Vec<usize> = Vec::new();
        while j < lines.len() {
            let t = lines[j].1.trim();
            if t.is_empty() || is_separator(t) {
                j += 1;
            } else if is_cell_line(t) {
                cells.push(j);
                j += 1;
            } else {
                break;
            }
        }
        // (`1500 |`: a cell closed by a pipe is the cell before it.)
        let spans: Vec<(usize, usize)> = cells
            .iter()
            .map(|&x| {
                let (off, l) = lines[x];
                let lead = l.len() - l.trim_start().len();
                let t = l.trim();
                let cell = t.strip_suffix(['|', '｜']).map_or(t, str::trim_end);
                (off + lead, off + lead + cell.len())
            })
            .collect();
        if let Some((_, end, blocks)) = read_cell_run(text, &spans) {
            let end_line = cells[end - 1] + 1;
            // (Cells closed by pipes under a header of several rows or
            // split by pipe-only lines, 现价 over 2015年 | 2016年: the layout
            // is beyond this reader; the other piped readers may take it.)
            let piped = cells[..end]
                .iter()
                .any(|&x| lines[x].1.trim_end().ends_with(['|', '｜']));
            let split = (cells[0]..end_line).any(|x| is_separator(lines[x].1.trim()));
            let header_rows = blocks
                .iter()
                .take_while(|b| match &b.kind {
                    BlockKind::TableRow { cells } => !cells
                        .iter()
                        .skip(1)
                        .any(|&(a, b)| is_number_cell(&text[a..b])),
                    _ => true,
                })
                .filter(|b| matches!(&b.kind, BlockKind::TableRow { cells } if cells.len() > 1))
                .count();
            if !(piped && (split || header_rows > 1)) {
                out.push((cells[0], end_line, blocks));
                i = end_line;
                continue;
            }
        }
        i = j.max(i + 1);
    }
    out
}

/// Reads a run of cells (byte ranges of `text`, trimmed) as a table whose
/// rows are a label and a fixed number of numbers. Returns the index of the
/// first cell taken, the index past the last, and the blocks: note cells, the
/// header row, then one row per label.
fn read_cell_run(text: &str, cells: &[(usize, usize)]) -> Option<(usize, usize, Vec<Block>)> {
    let cell = |k: usize| &text[cells[k].0..cells[k].1];
    let num = |k: usize| is_value_cell(cell(k));
    let f = (0..cells.len()).find(|&k| num(k))?;
    if f < 2 {
        return None;
    }
    // Columns: the label before the first number and the numbers after it.
    let k = (f..cells.len()).take_while(|&x| num(x)).count() + 1;
    if k < 2 {
        return None;
    }
    // (指标 | 单位 | 绝对值 | 增长, then 地区生产总值 | 亿元 | 59.61 | 2.3: a
    // column of units between the label and the numbers.)
    let unit_col = f >= 3
        && is_unit_cell(cell(f - 1))
        && !num(f - 2)
        && !is_unit_cell(cell(f - 2))
        && (0..f - 2).any(|x| {
            matches!(
                crate::norm::simplified(cell(x)).as_ref(),
                "单位" | "计量单位"
            )
        });
    // Cells before a row's numbers, and a row's width.
    let lead = 1 + usize::from(unit_col);
    let w = k + usize::from(unit_col);
    let unit_at = |x: usize| !unit_col || (!num(x) && cell(x).chars().count() <= 8);
    let mut rows: Vec<(usize, usize)> = Vec::new(); // cell index ranges
    let mut groups: Vec<usize> = Vec::new(); // group heading cells (一、发展水平)
                                             // Rows whose cells are not one run (sub-rows, below), as cell indices.
    let mut split_rows: Vec<Vec<usize>> = Vec::new();
    let mut at = f - lead;
    loop {
        if at + w <= cells.len() && !num(at) && unit_at(at + 1) && (at + lead..at + w).all(num) {
            rows.push((at, at + w));
            at += w;
        } else if let Some((used, subs, heading)) =
            sub_rows_at(&cell, cells.len(), at, k).filter(|_| !unit_col)
        {
            // `4.义务教育标准班额比例(%)`, `其中:小学`, `初中`, then the values
            // column by column: each sub-row takes its own.
            if let Some(h) = heading {
                groups.push(h);
            }
            split_rows.extend(subs);
            at += used;
        } else if at + 1 + w <= cells.len()
            && !num(at)
            && !num(at + 1)
            && unit_at(at + 2)
            && (at + 1 + lead..at + 1 + w).all(num)
            && !rows.is_empty()
        {
            // A group heading between rows, with no values of its own.
            groups.push(at);
            at += 1;
        } else {
            break;
        }
    }
    if rows.len() + split_rows.len() < 2 || rows.is_empty() {
        return None;
    }
    let is_year = |x: usize| {
        let t = cell(x).trim_end_matches('年');
        t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit())
    };
    // A group heading (一、发展水平, or 总体规模 right after a header whose
    // every value column is a year) may stand between the header and the
    // first row. (Not 属性 after 2020年 2025年: a column of its own.)
    let first = f - lead;
    let group0 = first >= 2
        && (is_group_heading(cell(first - 1))
            || (!unit_col
                && f >= k + 2
                && (f - k - 1..f - 2).all(is_year)
                && !is_year(f - 2)
                && !is_number_cell(cell(f - 2))));
    let head_end = if group0 { first - 1 } else { first };
    if group0 {
        groups.push(first - 1);
    }
    // `地区 人口数 比重` then `2020年 2010年`: years under the last cell of the
    // header, which spans them (a census bulletin's table of places) — the
    // header is two rows.
    let years = (0..head_end).rev().take_while(|&x| is_year(x)).count();
    // (Not when every value column has its year: 类别 指标 2017年 2020年 2022年
    // is one row, a label column and three years.)
    let two_rows = (years >= 2 && k > years + 1 && !unit_col)
        .then(|| (head_end - years).checked_sub(k + 1 - years))
        .flatten()
        .filter(|&top| {
            (top..head_end - years).all(|x| {
                let t = cell(x);
                t.chars().count() <= 12 && !is_number_cell(t) && !is_group_heading(t)
            })
        });
    let (head_start, head_rows) = match two_rows {
        Some(top) => (
            top,
            vec![
                cells[top..head_end - years].to_vec(),
                cells[head_end - years..head_end].to_vec(),
            ],
        ),
        None => {
            // The header: the k cells before the first row, a unit on a line
            // of its own (`绝对数` then `(亿元)`) joined to the cell above it.
            let mut head: Vec<(usize, usize)> = Vec::new();
            let mut head_start = head_end;
            while head.len() < w && head_start > 0 {
                head_start -= 1;
                if is_bracketed_unit(cell(head_start))
                    && head_start > 0
                    && !is_bracketed_unit(cell(head_start - 1))
                {
                    head.push((cells[head_start - 1].0, cells[head_start].1));
                    head_start -= 1;
                } else {
                    head.push(cells[head_start]);
                }
            }
            head.reverse();
            (head_start, vec![head])
        }
    };
    let row = |cs: Vec<(usize, usize)>| -> Block {
        let (start, end) = (cs[0].0, cs[cs.len() - 1].1);
        Block {
            kind: BlockKind::TableRow { cells: cs },
            start,
            end,
        }
    };
    let span = |a: usize, b: usize| row(cells[a..b].to_vec());
    let mut blocks = Vec::new();
    for x in 0..head_start {
        // (类别 over the group headings, 一、经济增长, that stand on lines of
        // their own: the heading of no value column, not a note.)
        if x + 1 == head_start
            && matches!(
                crate::norm::simplified(cell(x)).as_ref(),
                "类别" | "类型" | "分类" | "领域" | "类 别"
            )
        {
            continue;
        }
        blocks.push(span(x, x + 1));
    }
    for head in head_rows.into_iter().filter(|h| !h.is_empty()) {
        blocks.push(row(head));
    }
    let mut items: Vec<Vec<usize>> = rows
        .iter()
        .map(|&(a, b)| (a..b).collect())
        .chain(groups.iter().map(|&g| vec![g]))
        .chain(split_rows)
        .collect();
    items.sort_unstable();
    let end = items.iter().flatten().max().map_or(0, |&x| x + 1);
    for item in items {
        blocks.push(row(item.iter().map(|&x| cells[x]).collect()));
    }
    Some((0, end, blocks))
}

/// A row with sub-rows, one cell per line (`4.义务教育标准班额比例(%)`,
/// `其中:小学`, `初中`, `34.52%`, `77.34%`, `80%以上`, `85%以上`, `预期性`):
/// the labels, then each value column given for every label in turn, then the
/// row's 约束性/预期性. Either every label has values (the first is a row of its
/// own) or only the ones from 其中 on (the first heads them). `k` is the
/// table's width: a label and its value cells. Returns the cells used, the
/// rows as cell indices, and the heading cell.
fn sub_rows_at<'a>(
    cell: &dyn Fn(usize) -> &'a str,
    n: usize,
    at: usize,
    k: usize,
) -> Option<(usize, Vec<Vec<usize>>, Option<usize>)> {
    let num = |x: usize| is_value_cell(cell(x));
    let mut j = at;
    while j < n && j - at < 5 && !num(j) {
        j += 1;
    }
    let labels = j - at;
    if labels < 2 || !(at + 1..j).any(|x| cell(x).starts_with("其中")) {
        return None;
    }
    // (Bounded: a long run of values is no row's.)
    let values = (j..n).take(labels * k + 1).take_while(|&x| num(x)).count();
    let attribute = values > 0
        && matches!(
            crate::norm::simplified(cell(j + values - 1)).as_ref(),
            "约束性" | "预期性" | "约束性指标" | "预期性指标"
        );
    let columns = k - 1 - usize::from(attribute);
    let figures = values - usize::from(attribute);
    if columns == 0 {
        return None;
    }
    let (first, heading) = if figures == labels * columns {
        (at, None)
    } else if figures == (labels - 1) * columns {
        (at + 1, Some(at))
    } else {
        return None;
    };
    let count = j - first;
    let rows = (0..count)
        .map(|r| {
            let mut row = vec![first + r];
            row.extend((0..columns).map(|c| j + c * count + r));
            if attribute {
                row.push(j + values - 1);
            }
            row
        })
        .collect();
    Some((labels + values, rows, heading))
}

/// `(亿元)`, `（%）`: a header's unit alone on its line.
fn is_bracketed_unit(t: &str) -> bool {
    let Some(inner) = t
        .strip_prefix(['(', '（'])
        .and_then(|r| r.strip_suffix([')', '）']))
    else {
        return false;
    };
    let inner = inner.trim();
    !inner.is_empty() && inner.chars().count() <= 8 && !inner.chars().any(|c| c.is_ascii_digit())
}

/// A paragraph line ending in a table run into one line with ` | ` between
/// all cells (`…4家。 表1 主要农产品产量 产品名称 | 产量(吨) | 增长(%) | 粮食 |
/// 124735 | 3.2 | …`): the prose before it, the table's blocks, and where the
/// table ends (what follows is prose again).
fn inline_pipe_table(text: &str, start: usize, line: &str) -> Option<(usize, Vec<Block>, usize)> {
    if line.matches(['|', '｜']).count() < 6 {
        return None;
    }
    let first_pipe = line.find(['|', '｜'])?;
    // The table starts after the last sentence end before its first pipe.
    let from = line[..first_pipe]
        .char_indices()
        .rfind(|(_, c)| matches!(c, '。' | '；' | ';' | '！' | '？'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let mut cells: Vec<(usize, usize)> = Vec::new();
    let mut a = from;
    for (i, c) in line[from..].char_indices() {
        if matches!(c, '|' | '｜') {
            cells.push((a, from + i));
            a = from + i + c.len_utf8();
        }
    }
    cells.push((a, line.len()));
    // Empty cells stay (a total row with no share: `常住人口 | 53.48 | |`),
    // except the one after the last pipe.
    if cells
        .last()
        .is_some_and(|&(a, b)| line[a..b].trim().is_empty())
    {
        cells.pop();
    }
    let mut cells: Vec<(usize, usize)> = cells
        .into_iter()
        .map(|(a, b)| {
            let c = &line[a..b];
            let lead = c.len() - c.trim_start().len();
            let t = c.trim();
            (start + a + lead, start + a + lead + t.len())
        })
        .collect();
    // The caption glued to the first header cell (表1 …产量 产品名称): the
    // cell starts at its header word, or else after the caption's last space.
    if let Some(first) = cells.first_mut() {
        let c = &text[first.0..first.1];
        let word = [
            "指 标",
            "指标",
            "项 目",
            "项目",
            "产品名称",
            "名称",
            "类别",
            "地区",
        ]
        .iter()
        .filter_map(|w| c.find(w))
        .filter(|&i| i > 0)
        .min();
        if let Some(i) = word {
            first.0 += i;
        } else if let Some(sp) = c.rfind([' ', '\u{3000}']) {
            let ch = c[sp..].chars().next().map_or(1, char::len_utf8);
            first.0 += sp + ch;
        }
    }
    let (_, end, blocks) = read_cell_run(text, &cells)?;
    let table_start = blocks.first().map(|b| b.start)?;
    let stop = cells.get(end).map_or(start + line.len(), |c| c.0);
    Some((table_start.min(start + from), blocks, stop))
}

/// Whether line `j`, a serial number or 序号 without a pipe, opens a row of
/// cells that each open with one: it comes first or after a row's end (a
/// line of pipes), and the next line is such a cell.
fn opens_piped_row(lines: &[(usize, &str)], j: usize, prev: Option<&PipedLine>) -> bool {
    let t = lines[j].1.trim();
    let serial = (1..=3).contains(&t.len()) && t.bytes().all(|c| c.is_ascii_digit());
    let opens_cell = |l: &str| {
        let l = l.trim();
        l.starts_with(['|', '｜']) && !l.ends_with(['|', '｜'])
    };
    (serial || (t.len() == "序号".len() && crate::norm::simplified(t) == "序号"))
        && prev.is_none_or(|(_, c)| c.is_none())
        && lines.get(j + 1).is_some_and(|(_, l)| opens_cell(l))
}

/// The cell of a line of a table pasted one cell per line with a closing
/// pipe (`全员劳动生产率 |`), as a byte range of the line, or `None` for a line
/// of pipes only (an empty cell, or the end of a header row).
fn piped_cell(line: &str) -> Option<Option<(usize, usize)>> {
    let t = line.trim_end();
    // `| 温州市`: the pipe opens the cell instead (a row then ends on `|` alone).
    if !t.ends_with(['|', '｜']) {
        let body = t.trim_start().strip_prefix(['|', '｜'])?;
        if body.contains(['|', '｜']) || body.trim().is_empty() {
            return None;
        }
        let lead = t.len() - body.len() + (body.len() - body.trim_start().len());
        return Some(Some((lead, lead + body.trim().len())));
    }
    let body = t.strip_suffix(['|', '｜'])?;
    if body.contains(['|', '｜']) {
        // `||||`: pipes only.
        return body
            .chars()
            .all(|c| matches!(c, '|' | '｜' | ' '))
            .then_some(None);
    }
    let cell = body.trim();
    if cell.is_empty() {
        return Some(None);
    }
    let lead = body.len() - body.trim_start().len();
    Some(Some((lead, lead + cell.len())))
}

/// A line of a piped run: its index, and its cell's absolute span (`None`
/// for a line of pipes only).
type PipedLine = (usize, Option<(usize, usize)>);

/// The run of lines from `i` that are cells closed by a pipe (blank lines
/// skipped): each line's index and its cell as an absolute span, or `None`
/// for a line of pipes only; and the index of the line that ends the run.
fn piped_run(lines: &[(usize, &str)], i: usize) -> (Vec<PipedLine>, usize) {
    let mut run = Vec::new();
    let mut j = i;
    while j < lines.len() {
        let (off, l) = lines[j];
        if !l.trim().is_empty() {
            match piped_cell(l) {
                Some(Some((a, b))) if b - a <= 90 => run.push((j, Some((off + a, off + b)))),
                Some(None) => run.push((j, None)),
                // `2` or `序号` on a line of its own, opening a row of `| 宁波市` cells;
                // or a figure whose closing pipe went to the next line (`0.0`, `|`).
                None if opens_piped_row(lines, j, run.last())
                    || (!run.is_empty()
                        && is_number_cell(l.trim())
                        && lines
                            .get(j + 1)
                            .is_some_and(|(_, n)| matches!(piped_cell(n), Some(None)))) =>
                {
                    let lead = l.len() - l.trim_start().len();
                    run.push((j, Some((off + lead, off + lead + l.trim().len()))));
                }
                _ => break,
            }
        }
        j += 1;
    }
    (run, j)
}

/// Tables pasted one cell per line, each cell closed by a pipe, whose rows
/// open with a serial number (`1 |`, `指标名 |`, `% |`, … `2 |`): rows are
/// cut at the serial numbers. A header with more cells than the rows (a
/// group cell over its sub-columns: `“十四五”目标` over `2025年`, `年均`)
/// loses the group cell. Returns (first line, end line, blocks) like
/// [`cell_per_line_tables`].
fn serial_row_tables(lines: &[(usize, &str)]) -> Vec<(usize, usize, Vec<Block>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (run, j) = piped_run(lines, i);
        // (line index, absolute cell range)
        let cells: Vec<(usize, (usize, usize))> =
            run.into_iter().filter_map(|(k, c)| Some((k, c?))).collect();
        if let Some(t) = read_serial_rows(lines, &cells) {
            i = t.1;
            out.push(t);
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// Tables pasted one cell per line, each cell closed by a pipe, whose rows
/// end with a line of pipes only (`指标 |`, `2015年 |`, … `|`): the first row
/// is the header, and at least two rows as wide as it follow. A row with no
/// values of its own (`一、经济发展 |`) is a group heading of one cell; a row
/// with one cell more than a whole number of rows opens with a category cell
/// spanning them (`空气质量 |` over two indicators) and is split. Returns
/// (first line, end line, blocks) like [`cell_per_line_tables`].
fn piped_row_tables(text: &str, lines: &[(usize, &str)]) -> Vec<(usize, usize, Vec<Block>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        // Rows of absolute cell spans, cut at lines of pipes only.
        let (run, j) = piped_run(lines, i);
        let last = run.last().map_or(i, |(k, _)| *k);
        let mut rows: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
        for (_, cell) in run {
            match cell {
                Some(c) => {
                    if let Some(r) = rows.last_mut() {
                        r.push(c);
                    }
                }
                None if rows.last().is_some_and(|r| !r.is_empty()) => rows.push(Vec::new()),
                None => {}
            }
        }
        rows.retain(|r| !r.is_empty());
        let width = rows.first().map_or(0, Vec::len);
        let full = rows.iter().skip(1).filter(|r| r.len() == width).count();
        // (Two columns, a name and its figure, only when every such row
        // holds a figure: 食品烟酒 |, -0.5 |, | … under 指标 |, 涨跌 |.)
        let named_figures = width == 2
            && rows
                .iter()
                .skip(1)
                .filter(|r| r.len() == 2)
                .all(|r| is_number_cell(text[r[1].0..r[1].1].trim()));
        // (A header holding figures is a header and rows run together: the
        // pipe lines there close group headings, `按城乡分: |` `||`, not rows.)
        let header_figures = rows.first().is_some_and(|r| {
            r.iter()
                .any(|c| c.0 < c.1 && is_number_cell(text[c.0..c.1].trim()))
        });
        if (width < 3 && !named_figures) || full < 2 || header_figures {
            i = j.max(i + 1);
            continue;
        }
        let block = |cs: &[(usize, usize)]| Block {
            kind: BlockKind::TableRow { cells: cs.to_vec() },
            start: cs[0].0,
            end: cs[cs.len() - 1].1,
        };
        let mut blocks = Vec::new();
        for r in &rows {
            if r.len() > width && (r.len() - 1) % width == 0 {
                for chunk in r[1..].chunks(width) {
                    blocks.push(block(chunk));
                }
            } else {
                blocks.push(block(r));
            }
        }
        out.push((i, last + 1, blocks));
        i = last + 1;
    }
    out
}

/// Tables pasted one cell per line, each cell closed by a pipe, with neither
/// serial numbers nor lines of pipes between rows (`指 标 |`, `2021年 |`,
/// `比上年增减(±%) |`, `地区生产总值 |`, `567.9 |`, `6.8 |`, …): the cells
/// before the first row's name are the header, and each row is a name
/// followed by as many number cells as the header has columns after its
/// first. Returns (first line, end line, blocks) like [`cell_per_line_tables`].
fn labelled_row_tables(text: &str, lines: &[(usize, &str)]) -> Vec<(usize, usize, Vec<Block>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (run, j) = piped_run(lines, i);
        let cells: Vec<(usize, (usize, usize))> =
            run.into_iter().filter_map(|(k, c)| Some((k, c?))).collect();
        let number = |c: &(usize, (usize, usize))| is_number_cell(text[c.1 .0..c.1 .1].trim());
        let first_value = cells.iter().position(number);
        let Some(width) = first_value.and_then(|f| f.checked_sub(1)) else {
            i = j.max(i + 1);
            continue;
        };
        if !(2..=8).contains(&width) {
            i = j.max(i + 1);
            continue;
        }
        let block = |cs: &[(usize, (usize, usize))]| Block {
            kind: BlockKind::TableRow {
                cells: cs.iter().map(|c| c.1).collect(),
            },
            start: cs[0].1 .0,
            end: cs[cs.len() - 1].1 .1,
        };
        // A `单位:亿元` note just above the header belongs to the table.
        let mut first_line = cells[0].0;
        let mut blocks = Vec::new();
        if let Some(n) = (0..first_line)
            .rev()
            .find(|&n| !lines[n].1.trim().is_empty())
        {
            let (off, l) = lines[n];
            let note = l.trim();
            if opens_on_unit_label(note) && note.chars().count() <= 12 {
                let a = off + (l.len() - l.trim_start().len());
                blocks.push(Block {
                    kind: BlockKind::TableRow {
                        cells: vec![(a, a + note.len())],
                    },
                    start: a,
                    end: a + note.len(),
                });
                first_line = n;
            }
        }
        blocks.push(block(&cells[..width]));
        let mut k = width;
        let full_row = |k: usize| {
            k + width <= cells.len()
                && !number(&cells[k])
                && cells[k + 1..k + width].iter().all(number)
        };
        loop {
            if full_row(k) {
                blocks.push(block(&cells[k..k + width]));
                k += width;
            } else if k > width && k < cells.len() && !number(&cells[k]) && full_row(k + 1) {
                // `按城乡分: |` `||`: a group's heading, a row of one cell.
                blocks.push(block(&cells[k..k + 1]));
                k += 1;
            } else {
                break;
            }
        }
        if k >= 3 * width {
            let end_line = cells[k - 1].0 + 1;
            out.push((first_line, end_line, blocks));
            i = end_line;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// Tokens of a line separated by runs of spaces: absolute byte spans.
fn space_tokens(off: usize, l: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut start: Option<usize> = None;
    let mut push = |a: usize, b: usize| {
        // A PDF's `2020 年目标值` is one header cell cut after its year.
        if let Some(last) = out.last_mut() {
            let prev = &l[last.0 - off..last.1 - off];
            let is_year = prev.len() == 4
                && prev.starts_with(['1', '2'])
                && prev.bytes().all(|c| c.is_ascii_digit());
            if is_year && l[a..b].starts_with('年') {
                last.1 = off + b;
                return;
            }
        }
        out.push((off + a, off + b));
    };
    for (i, c) in l.char_indices() {
        if c == ' ' || c == '\u{3000}' {
            if let Some(a) = start.take() {
                push(a, i);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(a) = start {
        push(a, l.len());
    }
    out
}

/// A cell saying whether a goal was met (`完成`, `未完成`), last in a row
/// of a plan review's table.
fn is_status_cell(t: &str) -> bool {
    matches!(
        crate::norm::simplified(t).as_ref(),
        "完成"
            | "已完成"
            | "未完成"
            | "基本完成"
            | "超额完成"
            | "提前完成"
            | "达到"
            | "未达到"
            | "实现"
            | "未实现"
            | "达标"
            | "未达标"
            | "基本达标"
    )
}

/// A row of a table whose cells are separated by spaces: a label holding
/// Chinese, then numbers only (`工业 8848 -45.1`). Returns the label's span
/// and the number cells.
fn space_row(text: &str, off: usize, l: &str) -> Option<Vec<(usize, usize)>> {
    let toks = space_tokens(off, l);
    let status = toks
        .last()
        .filter(|&&(a, b)| is_status_cell(&text[a..b]))
        .is_some() as usize;
    // (≥98: a goal's floor, printed in its cell.)
    let figure = |t: &str| {
        is_number_cell(
            BOUND_SIGNS
                .iter()
                .find_map(|b| t.strip_prefix(b))
                .unwrap_or(t),
        )
    };
    let nums = toks[..toks.len() - status]
        .iter()
        .rev()
        .take_while(|&&(a, b)| figure(&text[a..b]))
        .count()
        + status;
    if nums == status || nums == toks.len() {
        return None;
    }
    let mut label_toks = &toks[..toks.len() - nums];
    // `1 全区生产总值(亿元) 1000 1008.5`: a serial number is a cell of its own.
    let serial = (label_toks.len() >= 2)
        .then(|| label_toks[0])
        .filter(|&(a, b)| b - a <= 3 && text[a..b].bytes().all(|c| c.is_ascii_digit()));
    if serial.is_some() {
        label_toks = &label_toks[1..];
    }
    // 幼儿在园人数 万人 181 222: a unit between the label and the numbers is a cell.
    let unit = (label_toks.len() >= 2)
        .then(|| label_toks[label_toks.len() - 1])
        .filter(|&(a, b)| is_unit_cell(&text[a..b]));
    let label_end = if unit.is_some() {
        label_toks.len() - 1
    } else {
        label_toks.len()
    };
    let label = (label_toks[0].0, label_toks[label_end - 1].1);
    let lt = &text[label.0..label.1];
    if lt.chars().count() > 30
        || !lt.chars().any(crate::norm::is_han)
        || lt.contains(['。', '，', ',', '；', ';'])
    {
        return None;
    }
    let mut cells: Vec<(usize, usize)> = serial.into_iter().collect();
    cells.push(label);
    cells.extend(unit);
    cells.extend_from_slice(&toks[toks.len() - nums..]);
    Some(cells)
}

/// A unit written in a cell of its own (`万人`, `%`, `万人次`).
fn is_unit_cell(t: &str) -> bool {
    const UNITS: &[&str] = &[
        "%",
        "‰",
        "％",
        "人",
        "人次",
        "元",
        "个",
        "所",
        "家",
        "项",
        "户",
        "亩",
        "吨",
        "公里",
        "年",
        "岁",
        "张",
        "件",
        "台",
        "座",
        "米",
        "平方米",
        "千瓦",
        "立方米",
        "标准煤",
        "吨标准煤",
        "个百分点",
        "百分点",
    ];
    let plain = crate::norm::simplified(t);
    let t = plain.as_ref();
    let bare = ["万亿", "亿", "万", "千", "百"]
        .iter()
        .find_map(|m| t.strip_prefix(m).filter(|b| !b.is_empty()))
        .unwrap_or(t);
    UNITS.contains(&bare)
}

/// A group heading line between the rows of a spaced table (`学前教育`,
/// `九年义务教育`): a few Chinese characters alone.
fn is_spaced_group(t: &str) -> bool {
    let t = t.trim();
    let n = t.chars().count();
    (2..=12).contains(&n) && t.chars().all(crate::norm::is_han)
}

/// Tables printed with spaces between cells: a header line of short words,
/// then at least two rows of a label and the same count of numbers.
fn space_tables(text: &str, lines: &[(usize, &str)]) -> Vec<(usize, usize, Vec<Block>)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = space_row(text, lines[i].0, lines[i].1) else {
            i += 1;
            continue;
        };
        let width = first.len();
        let mut rows = vec![(i, first)];
        let mut j = i + 1;
        // Group headings may stand between rows; the run ends at a row of
        // another width or any other line.
        loop {
            // (Web pages put a blank line after every line: blank lines
            // between rows are no break.)
            let mut k = j;
            while lines
                .get(k)
                .is_some_and(|&(_, l)| is_spaced_group(l) || l.trim().is_empty())
            {
                k += 1;
            }
            match lines
                .get(k)
                .and_then(|&(off, l)| space_row(text, off, l))
                .filter(|r| r.len() == width)
            {
                Some(r) => {
                    for (g, &(off, l)) in lines.iter().enumerate().take(k).skip(j) {
                        if l.trim().is_empty() {
                            continue;
                        }
                        let lead = l.len() - l.trim_start().len();
                        rows.push((g, vec![(off + lead, off + lead + l.trim().len())]));
                    }
                    rows.push((k, r));
                    j = k + 1;
                }
                None => break,
            }
        }
        if rows.iter().filter(|(_, r)| r.len() == width).count() < 2 {
            i += 1;
            continue;
        }
        // The header: the line just before (past group headings), as many
        // short words as cells, or one fewer with the name's header on the
        // line above it (`指 标` / `单位 2015年 2020年`).
        let mut first_row = i;
        let mut groups = Vec::new();
        while first_row > 0
            && (is_spaced_group(lines[first_row - 1].1) || lines[first_row - 1].1.trim().is_empty())
        {
            first_row -= 1;
            if !lines[first_row].1.trim().is_empty() {
                groups.push(first_row);
            }
        }
        groups.reverse();
        let head = first_row.checked_sub(1).and_then(|h| {
            let (off, l) = lines[h];
            let toks = space_tokens(off, l);
            if !short_words(text, &toks) {
                return None;
            }
            if toks.len() == width {
                return Some((h, vec![toks]));
            }
            // `指标 全区` over `城市 农村`: a header wrapped over two lines
            // (blank lines between), as many words as cells in all.
            let above = (0..h).rev().find(|&x| !lines[x].1.trim().is_empty());
            if let Some(a) = above {
                let (aoff, al) = lines[a];
                let upper = space_tokens(aoff, al);
                if upper.len() + toks.len() == width && short_words(text, &upper) && upper.len() > 1
                {
                    let mut cells = upper;
                    cells.extend(toks.iter().copied());
                    return Some((a, vec![cells]));
                }
            }
            // `地 区 人口数 比重` over `2020年 2010年`: years under the upper
            // line's last cell, which spans them.
            if let Some(upper) = years_under_last(text, lines, h, &toks, width) {
                return Some((h - 1, vec![upper, toks]));
            }
            let (poff, pl) = lines.get(h.checked_sub(1)?)?;
            let name: String = pl
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(crate::norm::traditional_to_simplified)
                .collect();
            let lead = pl.len() - pl.trim_start().len();
            (toks.len() + 1 == width && matches!(name.as_str(), "指标" | "项目" | "指标名称")).then(
                || {
                    let mut cells = vec![(poff + lead, poff + lead + pl.trim().len())];
                    cells.extend(toks);
                    (h - 1, vec![cells])
                },
            )
        });
        let Some((h, head_rows)) = head else {
            i = j;
            continue;
        };
        let block = |cells: Vec<(usize, usize)>| Block {
            start: cells[0].0,
            end: cells[cells.len() - 1].1,
            kind: BlockKind::TableRow { cells },
        };
        let mut blocks: Vec<Block> = head_rows.into_iter().map(block).collect();
        for g in groups {
            let (off, l) = lines[g];
            let lead = l.len() - l.trim_start().len();
            blocks.push(block(vec![(off + lead, off + lead + l.trim().len())]));
        }
        blocks.extend(rows.into_iter().map(|(_, r)| block(r)));
        out.push((h, j, blocks));
        i = j;
    }
    out
}

/// Header words: short, no sentence, no figure but a bare year (排名 城市 2018 2017 增量).
fn short_words(text: &str, toks: &[(usize, usize)]) -> bool {
    toks.iter().all(|&(a, b)| {
        let t = &text[a..b];
        let year = t.len() == 4
            && (t.starts_with("19") || t.starts_with("20"))
            && t.bytes().all(|c| c.is_ascii_digit());
        t.chars().count() <= 16 && (year || !is_number_cell(t)) && !t.contains(['。', '，', ','])
    })
}

/// The cells of the line above header line `h` when `h` holds only years
/// (`2020年 2010年`) that the upper line's last cell spans: as many cells
/// as the rows have, less one, with a two-letter name spaced out (`地 区`)
/// read as one cell.
fn years_under_last(
    text: &str,
    lines: &[(usize, &str)],
    h: usize,
    toks: &[(usize, usize)],
    width: usize,
) -> Option<Vec<(usize, usize)>> {
    let years = toks.len() >= 2
        && toks.iter().all(|&(a, b)| {
            let t = text[a..b].trim_end_matches('年');
            t.len() == 4 && t.bytes().all(|c| c.is_ascii_digit())
        });
    if !years {
        return None;
    }
    let (off, l) = lines[h.checked_sub(1)?];
    let mut upper: Vec<(usize, usize)> = Vec::new();
    for (a, b) in space_tokens(off, l) {
        let one_char = |x: usize, y: usize| text[x..y].chars().count() == 1;
        match upper.last_mut() {
            Some(last) if one_char(a, b) && one_char(last.0, last.1) => last.1 = b,
            _ => upper.push((a, b)),
        }
    }
    (short_words(text, &upper) && upper.len() >= 2 && upper.len() - 1 + toks.len() == width)
        .then_some(upper)
}

fn read_serial_rows(
    lines: &[(usize, &str)],
    cells: &[(usize, (usize, usize))],
) -> Option<(usize, usize, Vec<Block>)> {
    let text = |k: usize| -> &str {
        let (line, (a, b)) = cells[k];
        let off = lines[line].0;
        &lines[line].1[a - off..b - off]
    };
    let serial = |k: usize, n: usize| text(k) == n.to_string();
    let first = (0..cells.len()).find(|&k| serial(k, 1))?;
    let mut starts = vec![first];
    let mut n = 2;
    let mut at = first;
    while let Some(next) = (at + 3..cells.len().min(at + 40)).find(|&k| serial(k, n)) {
        starts.push(next);
        at = next;
        n += 1;
    }
    if starts.len() < 3 {
        return None;
    }
    let row_len = starts[1] - starts[0];
    let block = |ks: &[usize]| -> Block {
        let cs: Vec<(usize, usize)> = ks.iter().map(|&k| cells[k].1).collect();
        Block {
            kind: BlockKind::TableRow { cells: cs.clone() },
            start: cs[0].0,
            end: cs[cs.len() - 1].1,
        }
    };
    let mut blocks = Vec::new();
    let mut header: Vec<usize> = (0..first).collect();
    // Lines before the header that are no cells of it (a caption) stay out.
    if header.len() > row_len {
        let extra = header.len() - row_len;
        let sub = header.iter().position(|&k| {
            let t = crate::norm::simplified(text(k));
            t.contains('年') || t.contains("累计") || t.contains("增长") || t.contains("增速")
        });
        match sub {
            Some(p) if p >= extra && p > 0 => {
                header.drain(p - extra..p);
            }
            _ => {
                header.drain(..extra);
            }
        }
    }
    if !header.is_empty() {
        blocks.push(block(&header));
    }
    let mut last_line = cells[first].0;
    for (r, &s) in starts.iter().enumerate() {
        let e = starts
            .get(r + 1)
            .copied()
            .unwrap_or_else(|| (s + row_len).min(cells.len()));
        if e - s >= 2 {
            let ks: Vec<usize> = (s..e).collect();
            blocks.push(block(&ks));
            last_line = cells[e - 1].0;
        }
    }
    Some((cells[0].0, last_line + 1, blocks))
}

/// Reads `text` into blocks, skipping blank lines, page numbers, tables of
/// contents and web-page chrome.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // Index in `out` of a paragraph that may continue on a later line.
    let mut open_para: Option<usize> = None;
    // Chars of the last text line, for a blank line after a short one.
    let mut last_text_len = usize::MAX;
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|raw| {
            let at = offset;
            offset += raw.len();
            (at, raw.trim_end_matches(['\n', '\r']))
        })
        .collect();
    // Tables of piped cells and of spaced cells; a cell run overlapping one is dropped.
    let mut serial = serial_row_tables(&lines);
    // Where both piped readers see a table, serial numbers cut rows better.
    for t in piped_row_tables(text, &lines) {
        if !serial.iter().any(|s| s.0 < t.1 && t.0 < s.1) {
            serial.push(t);
        }
    }
    for t in labelled_row_tables(text, &lines) {
        if !serial.iter().any(|s| s.0 < t.1 && t.0 < s.1) {
            serial.push(t);
        }
    }
    serial.extend(space_tables(text, &lines));
    serial.sort_by_key(|t| t.0);
    let mut tables = Vec::with_capacity(serial.len());
    let mut k = 0;
    for t in cell_per_line_tables(text, &lines) {
        while k < serial.len() && serial[k].1 <= t.0 {
            k += 1;
        }
        if serial.get(k).is_none_or(|(a, _, _)| t.1 <= *a) {
            tables.push(t);
        }
    }
    tables.extend(serial);
    tables.sort_by_key(|t| t.0);
    // Tables read by two readers may overlap: the first keeps its lines (a
    // table starting inside another would never be reached below).
    let mut kept_end = 0;
    tables.retain(|t| {
        let keep = t.0 >= kept_end;
        if keep {
            kept_end = t.1;
        }
        keep
    });
    let mut next_table = tables.iter().peekable();
    let mut n = 0;
    while n < lines.len() {
        let (start, line) = lines[n];
        if let Some((first, end, rows)) = next_table.peek() {
            if *first == n {
                open_para = None;
                out.extend(rows.iter().cloned());
                n = *end;
                next_table.next();
                continue;
            }
        }
        n += 1;
        let class = classify(line);
        // Prose ending in a table run into the same line.
        let inline = match &class {
            LineClass::Text => inline_pipe_table(text, start, line),
            // …as is a whole table on one line after its caption (表2 …情况 产品名称 | 产量 | …).
            LineClass::TableRow(cells)
                if cells.first().is_some_and(|&(a, b)| {
                    line[a..b].contains(['。', '；', ';'])
                        || (line[a..b].trim_start().starts_with('表') && cells.len() >= 7)
                }) =>
            {
                inline_pipe_table(text, start, line)
            }
            _ => None,
        };
        if let Some((table_start, rows, stop)) = inline {
            let lead = line.len() - line.trim_start_matches([' ', '\u{3000}']).len();
            let before = text[start + lead..table_start.max(start + lead)].trim_end();
            if !before.is_empty() {
                match open_para {
                    Some(i) => out[i].end = start + lead + before.len(),
                    None => out.push(Block {
                        kind: BlockKind::Paragraph,
                        start: start + lead,
                        end: start + lead + before.len(),
                    }),
                }
            }
            out.extend(rows);
            let rest = text[stop..start + line.len()].trim();
            if !rest.is_empty() {
                let at = stop + (text[stop..].len() - text[stop..].trim_start().len());
                out.push(Block {
                    kind: BlockKind::Paragraph,
                    start: at,
                    end: at + rest.len(),
                });
            }
            open_para = None;
            continue;
        }
        match class {
            // A short line standing alone before a blank line (a headline, a
            // date line, 上海发布) is no sentence a page break cut.
            // (Not where a page number follows: that is a page break.)
            LineClass::Blank
                if last_text_len <= 20
                    && open_para.is_some()
                    && !lines[n..]
                        .iter()
                        .map(|(_, l)| classify(l))
                        .find(|c| *c != LineClass::Blank)
                        .is_some_and(|c| c == LineClass::PageNumber) =>
            {
                open_para = None
            }
            LineClass::Blank => {}
            LineClass::PageNumber => last_text_len = usize::MAX,
            LineClass::Toc | LineClass::Chrome => open_para = None,
            LineClass::Heading(level) => {
                open_para = None;
                out.push(Block {
                    kind: BlockKind::Heading { level },
                    start,
                    end: start + line.len(),
                });
            }
            // `| 指 标 | 绝对数` / `(亿元) |` / `比上年增长` / `(%) |`: a piped
            // row whose cells were broken over lines ends at the line ending in |.
            LineClass::TableRow(_)
                if line.trim_start().starts_with('|') && !line.trim_end().ends_with('|') =>
            {
                open_para = None;
                // The row runs to the line before the next row (or a blank line).
                let next_row = lines[n..]
                    .iter()
                    .take(7)
                    .position(|(_, l)| l.trim().starts_with('|') || l.trim().is_empty())
                    .unwrap_or(lines.len() - n);
                let broken = next_row
                    .checked_sub(1)
                    .filter(|&k| k < 6 && lines[n + k].1.trim().ends_with('|'));
                let (end, last) = match broken {
                    Some(k) => (lines[n + k].0 + lines[n + k].1.len(), n + k + 1),
                    None => (start + line.len(), n),
                };
                if let Some(cells) = crate::line::split_cells(&text[start..end]) {
                    out.push(Block {
                        kind: BlockKind::TableRow {
                            cells: cells
                                .into_iter()
                                .map(|(a, b)| (start + a, start + b))
                                .collect(),
                        },
                        start,
                        end,
                    });
                }
                n = last;
            }
            LineClass::TableRow(cells) => {
                open_para = None;
                let cells = cells
                    .into_iter()
                    .map(|(a, b)| (start + a, start + b))
                    .collect();
                out.push(Block {
                    kind: BlockKind::TableRow { cells },
                    start,
                    end: start + line.len(),
                });
            }
            LineClass::Text => {
                last_text_len = line.trim().chars().count();
                let lead = line.len() - line.trim_start_matches([' ', '\u{3000}']).len();
                let end = start + line.trim_end().len();
                // An indented line starts a new paragraph (web text indents paragraphs;
                // a sentence continued after a page break is not indented).
                // A line opening with forum noise (1 \- r7 r$ B9 铜川市…) goes on
                // the paragraph before: the noise is no number, indent or headline.
                let noise = crate::norm::noise_len(&line[lead..]);
                let headline = noise == 0 && is_headline(line);
                // A numbered item (2.常住人口城镇化率提高1.2个百分点。) starts its own.
                // (Not a page's number put before its text by a document-sharing
                // site, 4A级景⏎3、区突破170家: a long line going on with the
                // sentence the page before cut.)
                let page_mark = open_para.is_some() && line.trim().chars().count() >= 100 && {
                    let t = line.trim_start();
                    let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
                    (1..=3).contains(&(t.len() - rest.len())) && rest.starts_with('、')
                };
                let item = noise == 0 && crate::line::marker_level(line).is_some() && !page_mark;
                if (lead > 0 && noise == 0) || headline || item {
                    open_para = None;
                }
                // 西部大开发规划获批 城镇化率将超45%: each phrase of a headline
                // is a sentence of its own.
                if headline {
                    let mut from = 0;
                    let ends = line
                        .char_indices()
                        .filter(|(_, c)| matches!(c, ' ' | '\u{3000}'))
                        .map(|(i, c)| (i, i + c.len_utf8()))
                        .chain([(line.len(), line.len())]);
                    for (stop, next) in ends {
                        // A phrase holding a figure keeps the phrases after it
                        // (18049.37亿元 同比增长4.5%: the growth is that figure's).
                        let figure = line[from..stop].chars().any(|c| c.is_ascii_digit());
                        if stop == line.len() || !figure {
                            if stop > from {
                                out.push(Block {
                                    kind: BlockKind::Paragraph,
                                    start: start + from,
                                    end: start + stop,
                                });
                            }
                            from = next;
                        }
                    }
                    continue;
                }
                match open_para {
                    Some(i) => out[i].end = end,
                    None => {
                        out.push(Block {
                            kind: BlockKind::Paragraph,
                            start: start + lead,
                            end,
                        });
                        open_para = Some(out.len() - 1);
                    }
                }
                if headline || ends_sentence(line) {
                    open_para = None;
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_line_before_a_blank_line_stands_alone() {
        let text = "上海发布 2016年\n\n新增7069张公办养老床位，为计划的101%。\n全市地区生产总值\n\n增长6.8%。\n";
        let paras: Vec<&str> = blocks(text)
            .iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .map(|b| &text[b.start..b.end])
            .collect();
        // (A long line cut by a page break still runs on over the blank line.)
        assert_eq!(paras[0], "上海发布 2016年");
        assert_eq!(paras[1], "新增7069张公办养老床位，为计划的101%。");
    }

    #[test]
    fn tables_pasted_one_cell_per_line() {
        let text = "表1 生产总值\n指标\n绝对值(亿元)\n比上年增长(%)\n全区生产总值\n3453.93\n7.8\n工业\n1096.30\n-0.9\n正文。\n";
        let b = blocks(text);
        let rows: Vec<&str> = b
            .iter()
            .filter(|x| matches!(x.kind, BlockKind::TableRow { .. }))
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(
            rows,
            [
                "表1 生产总值",
                "指标\n绝对值(亿元)\n比上年增长(%)",
                "全区生产总值\n3453.93\n7.8",
                "工业\n1096.30\n-0.9"
            ]
        );
        assert_eq!(texts(text, &b).last(), Some(&"正文。"));
        // Units on lines of their own belong to the header cell above them.
        let text = "附表:各市县地区生产总值
市    县
绝对数
(亿元)
比上年同期增长
(%)
海 口 市
797.49
8.1
三 亚 市
304.09
7.0
";
        let rows: Vec<&str> = blocks(text)
            .iter()
            .filter(|x| matches!(x.kind, BlockKind::TableRow { .. }))
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(rows[1], "市    县\n绝对数\n(亿元)\n比上年同期增长\n(%)");
        assert_eq!(rows.len(), 4);
        // With `|` lines between the cells.
        let text = "单位:亿元\n|\n指标\n|\n绝对数\n|\n增长%\n|\n生产总值\n|\n295.4\n|\n7.7\n|\n第一产业\n|\n24.4\n|\n3.3\n";
        let rows = blocks(text)
            .iter()
            .filter(|x| matches!(x.kind, BlockKind::TableRow { .. }))
            .count();
        assert_eq!(rows, 4);
        // Short lines of prose with a number or two are no table.
        let text = "各位代表：\n现在\n2018\n报告\n";
        assert!(blocks(text)
            .iter()
            .all(|x| !matches!(x.kind, BlockKind::TableRow { .. })));
    }

    /// The cells of each table row `blocks` reads in `text`.
    fn row_cells(text: &str) -> Vec<Vec<&str>> {
        blocks(text)
            .iter()
            .filter_map(|x| match &x.kind {
                BlockKind::TableRow { cells } => {
                    Some(cells.iter().map(|&(a, b)| &text[a..b]).collect())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_unit_column_pasted_one_cell_per_line() {
        let text = "表1 生产总值\n指标 |\n单位 |\n绝对值 |\n比上年增长(%) |\n地区生产总值 |\n亿元 |\n59.61 |\n2.3 |\n农林牧渔业 |\n亿元 |\n19.14 |\n5.0 |\n#开采辅助活动 |\n亿元 |\n0.03 |\n2.9 |\n";
        let cells = row_cells(text);
        assert_eq!(cells[1], ["指标", "单位", "绝对值", "比上年增长(%)"]);
        assert_eq!(cells[2], ["地区生产总值", "亿元", "59.61", "2.3"]);
        assert_eq!(cells[3], ["农林牧渔业", "亿元", "19.14", "5.0"]);
        assert_eq!(cells.len(), 5);
    }

    #[test]
    fn sub_rows_pasted_one_cell_per_line_take_their_values_column_by_column() {
        let text = "指标\n2020年\n2025年\n属性\n1.入园率(%)\n99%\n99%以上\n约束性\n2.标准班额比例(%)\n其中:小学\n初中\n34.52%\n77.34%\n80%以上\n85%以上\n预期性\n3.教师专科及以上学历比例(%)\n其中:本科及以上学历比例(%)\n97.74%\n49.85%\n98%\n50%\n预期性\n";
        let cells = row_cells(text);
        let want: Vec<Vec<&str>> = vec![
            vec!["指标", "2020年", "2025年", "属性"],
            vec!["1.入园率(%)", "99%", "99%以上", "约束性"],
            vec!["2.标准班额比例(%)"],
            vec!["其中:小学", "34.52%", "80%以上", "预期性"],
            vec!["初中", "77.34%", "85%以上", "预期性"],
            vec!["3.教师专科及以上学历比例(%)", "97.74%", "98%", "预期性"],
            vec!["其中:本科及以上学历比例(%)", "49.85%", "50%", "预期性"],
        ];
        assert_eq!(cells, want);
    }

    #[test]
    fn indicator_tables_pasted_one_cell_per_line() {
        let text = "主要指标表\n\n指  标\n\n2020年\n\n2025年\n\n属性\n\n一、发展水平\n\n     \n\n1.学前教育毛入园率(%)\n\n99%\n\n99%以上\n\n约束性\n\n2.平均受教育年限(年)\n\n11.4年\n\n12.3年以上\n\n约束性\n\n二、优质资源建设\n\n1.优质幼儿园比例(%)\n\n85.1%\n\n90%以上\n\n预期性\n\n说明：正文。\n";
        let rows: Vec<&str> = blocks(text)
            .iter()
            .filter(|x| matches!(x.kind, BlockKind::TableRow { .. }))
            .map(|x| text[x.start..x.end].split_whitespace().next().unwrap_or(""))
            .collect();
        assert_eq!(
            rows,
            [
                "主要指标表",
                "指",
                "一、发展水平",
                "1.学前教育毛入园率(%)",
                "2.平均受教育年限(年)",
                "二、优质资源建设",
                "1.优质幼儿园比例(%)"
            ]
        );
        assert!(is_value_cell("12.3年以上") && is_value_cell("≥95") && is_value_cell("约束性"));
        assert!(is_value_cell("增长5%左右") && is_value_cell("提高5%以上"));
        assert!(
            !is_value_cell("2020年") && !is_value_cell("1.合计") && !is_value_cell("1.学前教育")
        );
        assert!(!is_value_cell("65岁及以上") && !is_value_cell("15-64岁"));
    }

    #[test]
    fn years_under_the_last_header_cell_one_cell_per_line() {
        let text = "表2-1 各县(市、区)人口\n单位:人、%\n地区\n人口数\n比重[4]\n2020年\n2010年\n全  市\n3969473\n100.00\n100.00\n清城区\n1119901\n28.21\n21.93\n清新区\n618523\n15.58\n18.90\n";
        let rows = table_cells(text);
        assert!(
            rows.contains(&vec!["地区", "人口数", "比重[4]"]),
            "{rows:?}"
        );
        assert!(rows.contains(&vec!["2020年", "2010年"]), "{rows:?}");
        assert!(rows.contains(&vec!["清城区", "1119901", "28.21", "21.93"]));
    }

    #[test]
    fn a_group_heading_under_a_header_of_years_one_cell_per_line() {
        // 总体规模 heads the rows; the header is 指标 and its three years.
        let text = "全省数字经济发展主要指标\n\n类别\n\n指标\n\n2017年\n\n2020年\n\n2022年\n\n总体规模\n\n数字经济增加值(亿元)\n\n20658\n\n30000\n\n40000\n\n软件和信息服务业收入(亿元)\n\n5543\n\n8000\n\n10000\n";
        let rows = table_cells(text);
        assert!(
            rows.contains(&vec!["指标", "2017年", "2020年", "2022年"]),
            "{rows:?}"
        );
        assert!(rows.contains(&vec!["总体规模"]), "{rows:?}");
        assert!(rows.contains(&vec!["数字经济增加值(亿元)", "20658", "30000", "40000"]));
    }

    #[test]
    fn cells_closed_by_pipes_one_per_line() {
        let text = "指 标 |\n2020年 |\n2025年 |\n年均增长 |\n粮食综合生产能力(亿斤) |\n1500 |\n1600 |\n1.3% |\n畜牧业产值占农业总产值之比(%) |\n29.7 |\n40 |\n【10.3】 |\n注:【】为累计增加数。\n";
        let rows = table_cells(text);
        assert_eq!(rows[0], vec!["指 标", "2020年", "2025年", "年均增长"]);
        assert!(rows.contains(&vec![
            "畜牧业产值占农业总产值之比(%)",
            "29.7",
            "40",
            "【10.3】"
        ]));
    }

    #[test]
    fn a_category_column_heading_is_no_note() {
        // 类别 heads the group headings, which stand on lines of their own.
        let text = "主要经济指标表\n类别\n指标\n2010年实绩\n2015年目标\n一、经济增长\n农业增加值(亿元)\n81.53\n163\n农民人均纯收入(元)\n10874\n22000\n二、农产品供给\n粮食总产(万吨)\n119.6\n100\n";
        let rows = table_cells(text);
        assert_eq!(rows[1], vec!["指标", "2010年实绩", "2015年目标"]);
        assert!(rows.iter().all(|r| r[0] != "类别"), "{rows:?}");
        assert!(rows.contains(&vec!["粮食总产(万吨)", "119.6", "100"]));
    }

    #[test]
    fn a_whole_table_on_the_line_of_its_caption() {
        let text = "表2 2020年林业生产情况 产品名称 | 产量 | 比上年增长(%) | 造林面积(万亩) | 7.6 | -3.8 | 木材采伐(立方米) | 6524 | 57.1 | 核桃 (吨) | 36677 | -20.1 |\n";
        let rows = table_cells(text);
        assert_eq!(
            rows,
            vec![
                vec!["产品名称", "产量", "比上年增长(%)"],
                vec!["造林面积(万亩)", "7.6", "-3.8"],
                vec!["木材采伐(立方米)", "6524", "57.1"],
                vec!["核桃 (吨)", "36677", "-20.1"],
            ]
        );
    }

    #[test]
    fn tables_with_spaces_between_cells() {
        let text = "表1:2018年地区生产总值\n指标 绝对值(万元) 比上年增长(%)\n全县地区生产总值 184413 6.0\n工业 8848 -45.1\n交通运输、仓储和邮政业 9100 -5.5\n二、农业\n";
        let rows = table_cells(text);
        assert_eq!(
            rows,
            vec![
                vec!["指标", "绝对值(万元)", "比上年增长(%)"],
                vec!["全县地区生产总值", "184413", "6.0"],
                vec!["工业", "8848", "-45.1"],
                vec!["交通运输、仓储和邮政业", "9100", "-5.5"],
            ]
        );
        // Bare years head columns; a rank is a cell of its own.
        let text = "排名 城市 2018 2017 名义增速\n1 唐山 4837.7 5108.2 -5.30%\n2 石家庄 4820.5 4710 2.35%\n";
        let rows = table_cells(text);
        assert_eq!(rows[0], vec!["排名", "城市", "2018", "2017", "名义增速"]);
        assert_eq!(rows[2], vec!["2", "石家庄", "4820.5", "4710", "2.35%"]);
        // Blank lines between all lines, the header wrapped over two.
        let text = "  指标 全区\n\n  城市 农村\n\n  居民消费价格(上年=100) 102.2 102.2 102.1\n\n  衣 着 101.0 101.1 101.0\n";
        let rows = table_cells(text);
        assert_eq!(rows[0], vec!["指标", "全区", "城市", "农村"]);
        assert_eq!(rows[2], vec!["衣 着", "101.0", "101.1", "101.0"]);
        // A line of prose with figures, or one row alone, is no table.
        let text = "全年 粮食产量 12万吨\n工业 8848 -45.1\n";
        assert!(blocks(text)
            .iter()
            .all(|x| !matches!(x.kind, BlockKind::TableRow { .. })));
    }

    #[test]
    fn tables_pasted_one_piped_cell_per_line() {
        let text = "表:主要指标\n序号 |\n指 标 |\n单位 |\n“十四五”目标 |\n|\n2025年 |\n年均 |\n||||\n1 |\n生产总值增长率 |\n% |\n- |\n5左右 |\n2 |\n劳动生产率 |\n万元/人 |\n36左右 |\n- |\n3 |\n森林覆盖率 |\n% |\n19.5 |\n- |\n";
        let rows = table_cells(text);
        assert_eq!(
            rows,
            vec![
                vec!["序号", "指 标", "单位", "2025年", "年均"],
                vec!["1", "生产总值增长率", "%", "-", "5左右"],
                vec!["2", "劳动生产率", "万元/人", "36左右", "-"],
                vec!["3", "森林覆盖率", "%", "19.5", "-"],
            ]
        );
        // A numbered list of sentences is no table.
        let text = "1 |\n一是稳增长。\n2 |\n二是促改革。\n";
        assert!(blocks(text)
            .iter()
            .all(|x| !matches!(x.kind, BlockKind::TableRow { cells: ref c } if c.len() > 2)));
    }

    #[test]
    fn group_headings_inside_a_table_pasted_one_cell_per_line() {
        let text = "表1 年末户籍人口数及其构成\n指标 |\n年末数(万人) |\n比重(%) |\n户籍总人口 |\n55.66 |\n100.0 |\n按城乡分: |\n||\n城镇 |\n23.47 |\n42.2 |\n乡村 |\n32.19 |\n57.8 |\n按男女分: |\n||\n男 |\n29.33 |\n52.7 |\n";
        assert_eq!(
            table_cells(text),
            vec![
                vec!["指标", "年末数(万人)", "比重(%)"],
                vec!["户籍总人口", "55.66", "100.0"],
                vec!["按城乡分:"],
                vec!["城镇", "23.47", "42.2"],
                vec!["乡村", "32.19", "57.8"],
                vec!["按男女分:"],
                vec!["男", "29.33", "52.7"],
            ]
        );
    }

    #[test]
    fn two_column_tables_pasted_one_cell_per_line_with_pipe_lines_between_rows() {
        // A name and its figure per row, the first figure's pipe on the next line.
        let text = "表1 2024年居民消费价格比上年涨跌幅度\n单位:%\n指 标 |\n涨 跌 |\n||\n居民消费价格 |\n0.0\n|\n|\n|\n食品烟酒 |\n-0.5 |\n|\n|\n衣 着 |\n-0.8 |\n|\n|\n";
        assert_eq!(
            table_cells(text),
            vec![
                vec!["指 标", "涨 跌"],
                vec!["居民消费价格", "0.0"],
                vec!["食品烟酒", "-0.5"],
                vec!["衣 着", "-0.8"],
            ]
        );
        // Two columns of words are no table.
        let text = "甲 |\n乙 |\n||\n丙 |\n丁 |\n|\n戊 |\n己 |\n|\n";
        assert!(table_cells(text).is_empty());
    }

    #[test]
    fn tables_pasted_one_cell_per_line_opened_by_a_pipe() {
        // Each cell opens with a pipe, a row's number stands alone, `|` ends a row.
        let text = "各市圈围实施计划表\n序号\n| 建设地点\n| 圈围项目(个)\n| 完成投资(亿元)\n|\n1\n| 宁波市\n| 3\n| 15.62\n|\n2\n| 温州市\n| 8\n| 12.86\n|\n";
        assert_eq!(
            table_cells(text),
            vec![
                vec!["序号", "建设地点", "圈围项目(个)", "完成投资(亿元)"],
                vec!["1", "宁波市", "3", "15.62"],
                vec!["2", "温州市", "8", "12.86"],
            ]
        );
    }

    #[test]
    fn tables_pasted_one_piped_cell_per_line_with_named_rows() {
        let text = "表1:地区生产总值及增速\n单位:亿元\n指 标 |\n2021年 |\n比上年增减(±%) |\n地区生产总值 |\n567.9 |\n6.8 |\n农林牧渔业 |\n70.5 |\n5.2 |\n工业 |\n111.9 |\n-8.1 |\n二、农业\n";
        assert_eq!(
            table_cells(text),
            vec![
                vec!["单位:亿元"],
                vec!["指 标", "2021年", "比上年增减(±%)"],
                vec!["地区生产总值", "567.9", "6.8"],
                vec!["农林牧渔业", "70.5", "5.2"],
                vec!["工业", "111.9", "-8.1"],
            ]
        );
    }

    #[test]
    fn table_run_into_the_end_of_a_paragraph() {
        let text = "新增合作社69个。 表1 主要农产品产量 产品名称 | 产量(吨) | 比上年增长(%) | 粮食 | 124735 | 3.2 | 其中:小麦 | 15669 | -3.0 | 牛肉\n";
        let b = blocks(text);
        let got: Vec<(bool, &str)> = b
            .iter()
            .map(|x| {
                (
                    matches!(x.kind, BlockKind::TableRow { .. }),
                    &text[x.start..x.end],
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (false, "新增合作社69个。"),
                (true, "产品名称 | 产量(吨) | 比上年增长(%)"),
                (true, "粮食 | 124735 | 3.2"),
                (true, "其中:小麦 | 15669 | -3.0"),
                (false, "牛肉"),
            ]
        );
    }

    fn texts<'a>(text: &'a str, blocks: &[Block]) -> Vec<&'a str> {
        blocks.iter().map(|b| &text[b.start..b.end]).collect()
    }

    /// The cells of every table row of `text`, as text.
    fn table_cells(text: &str) -> Vec<Vec<&str>> {
        blocks(text)
            .iter()
            .filter_map(|x| match &x.kind {
                BlockKind::TableRow { cells } => {
                    Some(cells.iter().map(|&(a, c)| &text[a..c]).collect())
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn joins_sentences_cut_by_page_breaks() {
        let text = "农业生产\n\n12\n\n稳步发展。\n下一段。\n";
        let b = blocks(text);
        assert_eq!(
            texts(text, &b),
            ["农业生产\n\n12\n\n稳步发展。", "下一段。"]
        );
    }

    #[test]
    fn spaced_tables_with_group_headings_and_a_unit_column() {
        let text = "指 标\n单位 2015年 2020年\n学前教育\n幼儿在园人数 万人 181 222\n学前三年入园率 % 97 97\n九年义务教育\n在校生 万人 505 535\n\n正文。\n";
        assert_eq!(
            table_cells(text),
            [
                vec!["指 标", "单位", "2015年", "2020年"],
                vec!["学前教育"],
                vec!["幼儿在园人数", "万人", "181", "222"],
                vec!["学前三年入园率", "%", "97", "97"],
                vec!["九年义务教育"],
                vec!["在校生", "万人", "505", "535"],
            ]
        );
    }

    #[test]
    fn spaced_tables_with_years_under_the_last_header_cell() {
        // A census bulletin's table of places: 比重 spans 2020年 and 2010年.
        let text = "地 区 人口数 比重[4]\n2020年 2010年\n全 市 907354 100.00 100.00\n梅菉街道 145498 16.04 15.26\n塘尾街道 28254 3.11 3.32\n";
        assert_eq!(
            table_cells(text),
            [
                vec!["地 区", "人口数", "比重[4]"],
                vec!["2020年", "2010年"],
                vec!["全 市", "907354", "100.00", "100.00"],
                vec!["梅菉街道", "145498", "16.04", "15.26"],
                vec!["塘尾街道", "28254", "3.11", "3.32"],
            ]
        );
    }

    #[test]
    fn spaced_review_tables_with_serials_and_a_status_column() {
        let text = "序号 指标名称 2020 年目标值 2020 年预计值 完成情况\n1 全区生产总值(亿元) 1000 1008.5 完成\n2 人均生产总值(元) 130000 130913 完成\n";
        assert_eq!(
            table_cells(text),
            [
                vec![
                    "序号",
                    "指标名称",
                    "2020 年目标值",
                    "2020 年预计值",
                    "完成情况"
                ],
                vec!["1", "全区生产总值(亿元)", "1000", "1008.5", "完成"],
                vec!["2", "人均生产总值(元)", "130000", "130913", "完成"],
            ]
        );
    }

    #[test]
    fn forum_noise_opening_a_line_does_not_start_a_paragraph() {
        let text = "指标为，西安市优良天数257天；\n宝鸡市优良天数276天；. p6 Y. c& m0 {% P% O% B\n1 \\- r7 r$ B9 o0 t 铜川市优良天数278天。\n";
        let paras: Vec<_> = blocks(text)
            .into_iter()
            .filter(|b| b.kind == BlockKind::Paragraph)
            .collect();
        assert_eq!(
            paras.len(),
            2,
            "a line ending on ； ends its paragraph; noise starts none"
        );
    }

    #[test]
    fn value_and_unit_cells_in_either_script() {
        for cell in ["约束性", "約束性", "90%以上", "5萬元", "萬元", "增長5%左右"] {
            assert!(is_value_cell(cell) || is_unit_cell(cell), "{cell}");
        }
        assert!(is_status_cell("已完成") && is_status_cell("未達標"));
        assert!(!is_value_cell("2020年") && !is_value_cell("地區生產總值"));
    }

    #[test]
    fn a_title_line_is_never_continued_in_either_script() {
        for text in [
            "2022年甲县国民经济和社会发展统计公报\n交通运输业增加值1.27亿元。\n",
            "2022年甲縣國民經濟和社會發展統計公報\n交通運輸業增加值1.27億元。\n",
        ] {
            assert_eq!(texts(text, &blocks(text)).len(), 2, "{text}");
        }
    }

    #[test]
    fn headlines_are_paragraphs_of_their_own() {
        let text = "三次产业稳步增长 有效需求逐步恢复\n前三季度全省地区生产总值18049.37亿元 同比增长4.5%\n";
        assert_eq!(
            texts(text, &blocks(text)),
            [
                "三次产业稳步增长",
                "有效需求逐步恢复",
                "前三季度全省地区生产总值18049.37亿元 同比增长4.5%"
            ]
        );
        let text = "西部大开发规划获批 城镇化率将超45%\n";
        assert_eq!(
            texts(text, &blocks(text)),
            ["西部大开发规划获批", "城镇化率将超45%"]
        );
        // Spaces beside numbers are PDF spacing inside a sentence cut by a line break.
        let text = "2015 年末的57.02 亿元\n增长到2020年的100亿元。\n";
        assert_eq!(texts(text, &blocks(text)).len(), 1);
    }

    #[test]
    fn indented_lines_start_paragraphs() {
        let text = "  锦州市人民政府\n\n  2017年8月6日\n";
        assert_eq!(
            texts(text, &blocks(text)),
            ["锦州市人民政府", "2017年8月6日"]
        );
    }

    #[test]
    fn piped_rows_broken_over_lines() {
        let text = "| 指 标 | 绝对数\n(亿元) |\n比上年增长\n(%) |\n| 生产总值 | 613.52 | 4.7 |\n";
        let rows = table_cells(text);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].len(), 5);
        let cells: Vec<&str> = rows[1].iter().map(|c| c.trim()).collect();
        assert_eq!(cells, ["", "生产总值", "613.52", "4.7", ""]);
    }

    #[test]
    fn numbered_items_start_paragraphs() {
        let text = "1.地区生产总值增长7%以上。(市发展改革委,各县〔市、区〕政府)\n2.研发投入强度超过2.4%。(市科技局)\n";
        assert_eq!(
            texts(text, &blocks(text)),
            [
                "1.地区生产总值增长7%以上。(市发展改革委,各县〔市、区〕政府)",
                "2.研发投入强度超过2.4%。(市科技局)"
            ]
        );
        // A number cut from its sentence by a line break is no item.
        let text = "生产总值增长\n10.5%。\n";
        assert_eq!(texts(text, &blocks(text)), ["生产总值增长\n10.5%。"]);
        // A sharing site's page number before the text the page before cut.
        let page = "旅游业整体实现较快增长,质量和效益显著提升。".repeat(5);
        let text =
            format!("1、{page}全省旅游投资规模迅速扩大,五年间\n2、共完成旅游投资6430亿元,{page}\n");
        assert_eq!(texts(&text, &blocks(&text)).len(), 1);
    }

    #[test]
    fn skips_toc_and_chrome() {
        let text = "目 录\n第一章 发展背景\t1\n版权所有 某市人民政府\n第一章 发展背景\n正文。\n";
        let b = blocks(text);
        assert_eq!(texts(text, &b), ["第一章 发展背景", "正文。"]);
        assert_eq!(b[0].kind, BlockKind::Heading { level: 1 });
    }

    #[test]
    fn table_rows_break_paragraphs() {
        let text = "表1 指标\n指标\t2020年\n森林覆盖率\t36.4\n";
        let b = blocks(text);
        assert_eq!(b.len(), 3);
        match &b[2].kind {
            BlockKind::TableRow { cells } => {
                assert_eq!(&text[cells[1].0..cells[1].1], "36.4");
            }
            other => panic!("not a row: {other:?}"),
        }
    }
}
