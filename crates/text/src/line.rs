//! Classifying single lines: headings, table rows, page numbers, tables of
//! contents and web-page chrome.

/// What one line of a converted document is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineClass {
    /// Empty or whitespace.
    Blank,
    /// A bare page number (`12`, `- 12 -`, `第 3 页`).
    PageNumber,
    /// A table-of-contents entry (heading followed by a page number) or its title.
    Toc,
    /// Navigation, copyright and other web-page chrome.
    Chrome,
    /// An outline heading of the given depth (1 = 第X章).
    Heading(u8),
    /// A table row; cell spans are byte ranges within the line.
    TableRow(Vec<(usize, usize)>),
    /// Running text.
    Text,
}

const CHROME: &[&str] = &[
    "网站地图",
    "版权所有",
    "ICP备",
    "ICP证",
    "主办单位",
    "承办单位",
    "技术支持",
    "联系我们",
    "打印本页",
    "关闭窗口",
    "【字体",
    "字体:",
    "字体：",
    "分享到",
    "无障碍",
    "政务微信",
    "政务微博",
    "繁体中文",
    "【打印",
    "公网安备",
    "网站标识码",
    "扫一扫",
    "返回顶部",
    "当前位置",
    "您的位置",
    // Counters of document-sharing and news sites.
    "被引量",
    "上传用户",
    "下载次数",
    "下载到本地",
    "浏览次数",
    "阅读次数",
    "点击数",
    "点击率",
    "点击:",
    "点击：",
    "点击量",
    "阅读量",
    "阅读数",
    "浏览量",
    "閱讀量",
    "瀏覽量",
];

/// One automaton for every chrome word: each line of a document is tested.
fn chrome() -> &'static aho_corasick::AhoCorasick {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    // Built from a few dozen fixed words, far below the automaton's limits.
    // (Each word also as a 繁 page writes it: 網站地圖, 版權所有, 返回頂部.)
    AC.get_or_init(|| {
        let traditional = CHROME.iter().map(|w| {
            w.chars()
                .map(crate::norm::simplified_to_traditional)
                .collect::<String>()
        });
        let words: Vec<String> = CHROME
            .iter()
            .map(|w| w.to_string())
            .chain(traditional)
            .collect();
        aho_corasick::AhoCorasick::new(words).expect("chrome words build")
    })
}

/// Classifies one line (without its newline).
pub fn classify(line: &str) -> LineClass {
    let t = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
    if t.is_empty() {
        return LineClass::Blank;
    }
    if is_page_number(t) {
        return LineClass::PageNumber;
    }
    // 目 录, 目　录 (a short line; no allocation for the long ones).
    if t.len() <= 24
        && t.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
            .map(crate::norm::traditional_to_simplified)
            .eq("目录".chars())
    {
        return LineClass::Toc;
    }
    if t.len() < 600 && t.chars().count() < 200 {
        // (阅读量:6675记者19日从…获悉，…。: a counter run into the article's
        // first paragraph; the sentences after it are the text.)
        if let Some(last) = chrome().find_iter(t).last() {
            let rest = &t[last.end()..];
            if !(rest.contains('。') && rest.chars().count() > 60) {
                return LineClass::Chrome;
            }
        }
    }
    if is_toc_entry(t) {
        return LineClass::Toc;
    }
    if let Some(cells) = split_cells(line) {
        return LineClass::TableRow(cells);
    }
    if let Some(level) = heading_level(t) {
        return LineClass::Heading(level);
    }
    LineClass::Text
}

fn is_page_number(t: &str) -> bool {
    let core = t.trim_matches(|c: char| c == '-' || c == '—' || c == '–' || c.is_whitespace());
    let core = core
        .strip_prefix('第')
        .and_then(|s| s.strip_suffix(['页', '頁']))
        .unwrap_or(core);
    let core = core.trim();
    !core.is_empty() && core.len() <= 4 && core.chars().all(|c| c.is_ascii_digit())
}

/// A heading followed by leader dots or a tab and a page number.
fn is_toc_entry(t: &str) -> bool {
    let trimmed = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if trimmed.len() == t.len() || trimmed.is_empty() {
        return false;
    }
    let before = trimmed.trim_end_matches(|c: char| {
        c.is_whitespace() || c == '.' || c == '…' || c == '·' || c == '-'
    });
    if before.len() == trimmed.len() {
        return false;
    }
    heading_level(before.trim()).is_some()
}

/// Splits a table row into cell spans (byte ranges within `line`), if the
/// line is a row: tab-separated, or pipe-separated with at least two cells.
pub fn split_cells(line: &str) -> Option<Vec<(usize, usize)>> {
    let sep: &[char] = if line.contains('\t') {
        &['\t']
    } else if line.matches(['|', '｜']).count() >= 1 {
        &['|', '｜']
    } else {
        return None;
    };
    let mut cells = Vec::new();
    let mut start = 0;
    for (i, c) in line.char_indices() {
        if sep.contains(&c) {
            cells.push((start, i));
            start = i + c.len_utf8();
        }
    }
    cells.push((start, line.len()));
    let non_empty = cells
        .iter()
        .filter(|(a, b)| !line[*a..*b].trim().is_empty())
        .count();
    // A paragraph that only holds a pasted table somewhere in it is prose.
    let prose = cells.iter().any(|(a, b)| {
        let c = &line[*a..*b];
        c.chars().count() > 30 && c.contains('。')
    });
    (!prose && (non_empty >= 2 || (non_empty >= 1 && cells.len() >= 3))).then_some(cells)
}

/// The outline depth of a heading line, or `None` for other lines.
///
/// 第X章/编 = 1, 第X节 = 2, 一、 = 3, (一) = 4, 1、/1. = 5. Headings are
/// short and do not end a sentence.
pub fn heading_level(t: &str) -> Option<u8> {
    // (■ 2024年成绩单, ◆2025年主要预期目标: a bullet mark before a heading.)
    let t = t
        .trim()
        .trim_start_matches([
            '■', '□', '◆', '◇', '▲', '△', '★', '☆', '●', '○', '▶', '►', '◎',
        ])
        .trim_start();
    let n = t.chars().count();
    // A sentence's end anywhere (1.地区生产总值增长7%以上。(市发展改革委)): a list item.
    if n == 0 || n > 40 || t.contains('。') || t.ends_with('；') || t.ends_with(';') {
        return None;
    }
    marker_level(t)
        .or_else(|| (year_heading(t) || question_heading(t) || goals_ahead_heading(t)).then_some(3))
}

/// An unnumbered heading naming the goals of the years ahead (`今后五年的重点
/// 目标`, `“十四五”发展目标`): what follows lists them.
fn goals_ahead_heading(t: &str) -> bool {
    let m: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::norm::char_for_matching)
        .collect();
    let m = m.trim_start_matches(['“', '"']);
    m.chars().count() <= 14
        && [
            "今后",
            "未来",
            "十一五",
            "十二五",
            "十三五",
            "十四五",
            "十五五",
        ]
        .iter()
        .any(|w| m.starts_with(w))
        && m.ends_with("目标")
        && !m.contains(['，', ',', '。', '；', ';', '：', ':'])
}

/// A short question standing alone as a news article's subheading
/// (`“十三五”发展成绩单如何?`, `2025年目标啥样？`): the lines after answer it.
fn question_heading(t: &str) -> bool {
    t.chars().count() <= 24
        && (t.ends_with('?') || t.ends_with('？'))
        && !t.contains([',', '，', ';', '；'])
}

/// An unnumbered heading naming the year a part of a report looks back on or
/// ahead to: `回顾2017年`, `展望2018年`, `2016年工作回顾`, `2024年主要目标`.
fn year_heading(t: &str) -> bool {
    if t.chars().count() > 24 {
        return false;
    }
    let m: String = t
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(crate::norm::char_for_matching)
        .collect();
    // (2025年经济社会发展的主要预期目标: the goals of a year, longer.)
    let goals_of_year = ["主要预期目标", "预期目标", "主要目标"]
        .iter()
        .any(|w| m.ends_with(w));
    if t.chars().count() > 12 && !goals_of_year {
        return false;
    }
    let (lead, rest) = match ["回顾", "回首", "展望", "盘点"]
        .iter()
        .find_map(|w| m.strip_prefix(w))
    {
        Some(rest) => (true, rest),
        None => (false, m.as_str()),
    };
    let digits = rest.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits != 4 {
        return false;
    }
    // (An infographic's 2016成绩 / 2017目标 leaves out the 年.)
    let (tail, bare) = match rest[4..].strip_prefix('年') {
        Some(t) => (t, false),
        None => (&rest[4..], true),
    };
    if tail.is_empty() && !bare && !lead {
        // (2026年 alone on its line, over the lines it dates: 辽宁亮点 /
        // 2025年 / …; 辽宁落点 / 2026年 / ….)
        true
    } else if lead {
        // (回顾2023 alone on its line: a news page's part heading.)
        matches!(tail, "") || (!bare && tail == "工作")
    } else if goals_of_year {
        !bare && !tail.contains(['，', ',', '。', '；'])
    } else {
        matches!(
            tail,
            "工作回顾" | "工作安排" | "主要目标" | "主要预期目标" | "工作思路"
        ) || matches!(tail, "成绩" | "成就" | "目标" | "亮点" | "成绩单")
    }
}

/// The level of the number a line opens with (第一章 1, 第一节 2, 一、 3,
/// (一) 4, 1. 5), whether the line is a heading or a numbered list item.
pub fn marker_level(t: &str) -> Option<u8> {
    let body = t.trim_start_matches(['　', ' ']);
    if let Some(rest) = body.strip_prefix('第') {
        let num: String = rest
            .chars()
            .take_while(|c| is_cn_digit(*c) || c.is_ascii_digit())
            .collect();
        if !num.is_empty() {
            let after = rest[num.len()..].chars().next();
            return match after {
                Some('章') | Some('编') | Some('篇') | Some('部') => Some(1),
                Some('节') => Some(2),
                _ => None,
            };
        }
    }
    let lead: String = body.chars().take_while(|c| is_cn_digit(*c)).collect();
    if !lead.is_empty() && body[lead.len()..].starts_with('、') {
        return Some(3);
    }
    for (open, close) in [('(', ')'), ('（', '）')] {
        if let Some(rest) = body.strip_prefix(open) {
            let num: String = rest.chars().take_while(|c| is_cn_digit(*c)).collect();
            if !num.is_empty() && rest[num.len()..].starts_with(close) {
                return Some(4);
            }
        }
    }
    let digits: String = body.chars().take_while(|c| c.is_ascii_digit()).collect();
    if !digits.is_empty() && digits.len() <= 2 {
        let rest = &body[digits.len()..];
        if rest.starts_with('、')
            || rest.starts_with('．')
            || (rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()))
        {
            return Some(5);
        }
    }
    None
}

/// The line after the number it opens with (`(一)新购置公交车200辆` →
/// `新购置公交车200辆`); the whole line if it opens with none.
pub fn strip_marker(t: &str) -> &str {
    let Some(level) = marker_level(t) else {
        return t;
    };
    let body = t.trim_start_matches(['　', ' ']);
    let end = match level {
        1 | 2 => body.find(['章', '编', '篇', '部', '节']).map(|i| i + 3),
        3 => body.find('、').map(|i| i + '、'.len_utf8()),
        4 => body
            .find([')', '）'])
            .map(|i| i + body[i..].chars().next().map_or(1, char::len_utf8)),
        _ => body
            .find(['、', '．', '.'])
            .map(|i| i + body[i..].chars().next().map_or(1, char::len_utf8)),
    };
    end.map_or(t, |e| &body[e..])
}

fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十百零〇".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_counter_run_into_the_first_paragraph_is_no_chrome() {
        assert_eq!(classify("浏览量:8418"), LineClass::Chrome);
        let line = "阅读量:6675记者19日从北京市人民政府新闻办公室举行的新闻发布会获悉,北京城市副中心自2016年启动建设至今,累计完成固定资产投资超9600亿元。“十四五”期间,预计地区生产总值年均增长超6%。";
        assert_eq!(classify(line), LineClass::Text);
    }

    #[test]
    fn the_number_a_line_opens_with_is_stripped() {
        assert_eq!(strip_marker("(一)新购置公交车200辆"), "新购置公交车200辆");
        assert_eq!(strip_marker("  二、实施城区改造"), "实施城区改造");
        assert_eq!(strip_marker("2.年内融资超过300亿元"), "年内融资超过300亿元");
        assert_eq!(strip_marker("第三章 发展目标"), " 发展目标");
        assert_eq!(
            strip_marker("新增公共停车泊位7000个"),
            "新增公共停车泊位7000个"
        );
    }

    #[test]
    fn a_numbered_sentence_is_no_heading() {
        assert_eq!(
            heading_level("1.地区生产总值增长7%以上。(市发展改革委)"),
            None
        );
        assert_eq!(heading_level("1.主要目标"), Some(5));
    }

    #[test]
    fn years_looked_back_on_or_ahead_to_head_their_part() {
        assert_eq!(heading_level("回顧2017年"), Some(3));
        assert_eq!(heading_level("展望2018年"), Some(3));
        assert_eq!(heading_level("回顾2023"), Some(3));
        assert_eq!(heading_level("■ 2024年成绩单"), Some(3));
        assert_eq!(heading_level("今后五年的重点目标"), Some(3));
        assert_eq!(heading_level("“十四五”发展目标"), Some(3));
        assert_eq!(heading_level("今后五年，要实现以下目标"), None);
        assert_eq!(heading_level("■ 2025年经济社会发展的主要预期目标"), Some(3));
        assert_eq!(heading_level("2016年工作回顾"), Some(3));
        assert_eq!(heading_level("回首2024年是奋进之年"), None);
        assert_eq!(heading_level("2016年全市生产总值"), None);
        // A year alone on its line dates the lines under it; a bare figure does not.
        assert_eq!(heading_level("2026年"), Some(3));
        assert_eq!(heading_level("2026"), None);
    }

    #[test]
    fn a_short_question_heads_the_answer() {
        assert_eq!(heading_level("“十三五”发展成绩单如何?"), Some(3));
        assert_eq!(heading_level("令人向往的2035年愿景几何？"), Some(3));
        assert_eq!(
            heading_level("为什么要这样做，怎样做才能把每一项任务都落到实处呢？"),
            None
        );
    }

    #[test]
    fn classifies_lines() {
        assert_eq!(classify("  "), LineClass::Blank);
        assert_eq!(classify("- 12 -"), LineClass::PageNumber);
        assert_eq!(classify("第 3 页"), LineClass::PageNumber);
        assert_eq!(classify("目 录"), LineClass::Toc);
        assert_eq!(classify("第一章 发展背景\t1"), LineClass::Toc);
        assert_eq!(classify("一、发展基础\t1"), LineClass::Toc);
        assert_eq!(classify("四、发展目标……………10"), LineClass::Toc);
        assert_eq!(classify("第一章 发展背景"), LineClass::Heading(1));
        assert_eq!(classify("第三节 发展目标"), LineClass::Heading(2));
        assert_eq!(classify("  一、2023年工作回顾"), LineClass::Heading(3));
        assert_eq!(classify("2016成绩"), LineClass::Heading(3));
        assert_eq!(classify("2017年目标"), LineClass::Heading(3));
        assert_eq!(classify("2017年"), LineClass::Heading(3));
        assert_eq!(classify("2017年1月"), LineClass::Text);
        assert_eq!(classify("（二）发展机遇"), LineClass::Heading(4));
        assert_eq!(classify("1、沿海经济板块"), LineClass::Heading(5));
        assert_eq!(
            classify("版权所有：锦州市人民政府 辽ICP备05001234号"),
            LineClass::Chrome
        );
        assert!(matches!(
            classify("地区生产总值(亿元)\t\t1357.5\t1900"),
            LineClass::TableRow(_)
        ));
        assert!(matches!(
            classify("森林覆盖率(%) | 36.4 | 36.65 | |"),
            LineClass::TableRow(_)
        ));
        assert_eq!(
            classify("地区生产总值增长5.4%，一般公共预算收入增长10%。"),
            LineClass::Text
        );
        // A numbered sentence is text, not a heading.
        assert_eq!(classify("1.5万亩高标准农田建成。"), LineClass::Text);
        // A 繁 page's chrome, contents and page numbers.
        assert_eq!(classify("網站地圖 | 聯系我們"), LineClass::Chrome);
        assert_eq!(classify("返回頂部"), LineClass::Chrome);
        assert_eq!(classify("目 錄"), LineClass::Toc);
        assert_eq!(classify("第 3 頁"), LineClass::PageNumber);
    }

    #[test]
    fn splits_cells() {
        let line = "a\t\tb";
        let cells = split_cells(line).expect("row");
        let texts: Vec<&str> = cells.iter().map(|(s, e)| &line[*s..*e]).collect();
        assert_eq!(texts, ["a", "", "b"]);
        assert!(split_cells("no cells here").is_none());
    }
}
