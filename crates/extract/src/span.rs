//! A stretch of the document as normalised chars, each mapped back to its
//! byte range in the original text, so that matching ignores spaces, line
//! breaks and full-width forms while quotes stay exact.

use planwatch_text::norm::char_for_matching;

/// Normalised chars of a stretch of the document with their original byte ranges.
#[derive(Debug, Clone, Default)]
pub struct Span {
    /// Normalised chars (full-width to ASCII, traditional to simplified), whitespace dropped.
    pub chars: Vec<char>,
    /// The original chars, same length as `chars`.
    pub orig: Vec<char>,
    /// Byte range of each char in the original text.
    pub offs: Vec<(usize, usize)>,
}

impl Span {
    /// Reads `text[start..end]`, dropping whitespace.
    pub fn new(text: &str, start: usize, end: usize) -> Span {
        let mut s = Span::default();
        let Some(slice) = text.get(start..end) else {
            return s;
        };
        let mut skip_to = 0;
        for (i, c) in slice.char_indices() {
            if i < skip_to {
                continue;
            }
            if c.is_whitespace() || c == '\u{3000}' || c == '\u{FEFF}' {
                // 500 800 10%: figures of a row set apart by spaces stay apart
                // (spaced-out print, 2 0 2 0年, joins single digits).
                if s.chars.last().is_some_and(char::is_ascii_digit)
                    && s.chars
                        .iter()
                        .rev()
                        .nth(1)
                        .is_some_and(|p| p.is_ascii_digit() || *p == '.')
                {
                    let rest = slice[i..].trim_start();
                    let mut next = rest.chars();
                    if next.next().is_some_and(|d| d.is_ascii_digit())
                        && next.next().is_some_and(|d| d.is_ascii_digit() || d == '.')
                        && rest.len() + i < slice.len()
                        && !slice[i..slice.len() - rest.len()].contains('\n')
                    {
                        s.chars.push('、');
                        s.orig.push(c);
                        s.offs.push((start + i, start + i + c.len_utf8()));
                        skip_to = slice.len() - rest.len();
                    }
                }
                continue;
            }
            // A footnote mark after a name (地区生产总值[2]1046.3亿元) is not part of it.
            if matches!(c, '[' | '［') && s.orig.last().is_some_and(|p| !p.is_ascii() || *p == ')')
            {
                let rest = &slice[i + c.len_utf8()..];
                let digits = rest.chars().take_while(|d| d.is_ascii_digit()).count();
                let close = rest[digits..].chars().next();
                if (1..=2).contains(&digits) && matches!(close, Some(']' | '］')) {
                    let after = &rest[digits + close.map_or(0, char::len_utf8)..];
                    // Not a [12] cumulative cell value: a name goes on or a number follows.
                    // (A summary's source marks: 达2.26万美元 [2] - 全员劳动生产率.)
                    let cited =
                        after.starts_with(' ') && after.trim_start().starts_with(['-', '[']);
                    if cited
                        || after
                            .chars()
                            .next()
                            .is_some_and(|n| n.is_ascii_digit() || !n.is_ascii())
                    {
                        skip_to = i + c.len_utf8() + digits + close.map_or(0, char::len_utf8);
                        continue;
                    }
                }
            }
            // A note on units (3.87兆元（人民币，下同）) is no part of the sentence.
            if matches!(c, '(' | '（') {
                let n = same_below_note_len(&slice[i..]);
                if n > 0 {
                    skip_to = i + n;
                    continue;
                }
            }
            // A pinyin gloss after a character (經(jīng)濟) is not part of the words.
            if matches!(c, '(' | '（') && s.orig.last().is_some_and(|p| !p.is_ascii()) {
                let g = planwatch_text::norm::gloss_len(&slice[i..]);
                if g > 0 {
                    skip_to = i + g;
                    continue;
                }
            }
            // Forum noise between sentences (；. p6 Y. c& m0 {% P%) is no part of them.
            // (A sentence's own ; or , before it stays.)
            if c.is_ascii_graphic()
                && !matches!(c, ';' | ',' | ':' | '!' | '?' | ')')
                && !s.orig.last().is_some_and(char::is_ascii_alphanumeric)
            {
                let n = planwatch_text::norm::noise_len(&slice[i..]);
                if n > 0 {
                    skip_to = i + n;
                    continue;
                }
            }
            // 总投资?62.16亿元, 计划的?10?%: a ? a conversion left for a lost
            // space beside a figure (not a question: none asks after 吗/呢).
            if c == '?' {
                let next = slice[i + 1..].chars().next();
                let prev = s.orig.last().copied();
                let beside_figure = next
                    .is_some_and(|n| n.is_ascii_digit() || matches!(n, '?' | '%'))
                    && prev.is_some_and(|p| {
                        p.is_ascii_digit()
                            || p == '?'
                            || (planwatch_text::norm::is_han(p) && !"吗呢么吧啊嘛".contains(p))
                    });
                // (占總?cè)丝诘?3.06%: in a broken conversion the ? stands
                // for a lost char, maybe a digit; keep it there.)
                let broken = s
                    .orig
                    .iter()
                    .rev()
                    .take(12)
                    .any(|c| c.is_alphabetic() && !planwatch_text::norm::is_han(*c));
                if beside_figure && !broken {
                    continue;
                }
            }
            let mut n = char_for_matching(c);
            if n == ' ' {
                continue;
            }
            // 38。02亿元, 增长9。5%: a decimal point a conversion wrote as 。.
            if c == '。' && s.orig.last().is_some_and(char::is_ascii_digit) {
                let rest = &slice[i + c.len_utf8()..];
                let digits = rest.chars().take_while(char::is_ascii_digit).count();
                let unit = rest[digits..].chars().next();
                if (1..=3).contains(&digits)
                    && unit.is_some_and(|u| "亿億万萬%％‰元个個倍百千吨噸".contains(u))
                {
                    n = '.';
                }
            }
            // ` - ` between phrases (not in a range of numbers, 5 - 10%) is a
            // bullet: it ends the sentence before it. (Each item stands
            // alone: one that speaks of the future makes no goals of the
            // next; after a lead-in, 目标： - …, the items run on as a list.)
            if matches!(c, '-' | '–' | '•')
                && slice[..i].ends_with(' ')
                && slice[i + c.len_utf8()..].starts_with(' ')
                && s.orig.last().is_some_and(|p| !p.is_ascii_digit())
            {
                n = if s
                    .chars
                    .last()
                    .is_some_and(|p| matches!(p, ':' | '：' | '；'))
                {
                    '；'
                } else {
                    '。'
                };
            }
            s.chars.push(n);
            s.orig.push(c);
            s.offs.push((start + i, start + i + c.len_utf8()));
        }
        s
    }

    /// Byte range in the original text of chars `a..b`.
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        if a >= b || b > self.offs.len() {
            return (0, 0);
        }
        (self.offs[a].0, self.offs[b - 1].1)
    }

    /// The original chars `a..b` (whitespace dropped).
    pub fn orig_string(&self, a: usize, b: usize) -> String {
        self.orig
            .get(a..b.min(self.orig.len()))
            .map(|c| c.iter().collect())
            .unwrap_or_default()
    }
}

/// Length in bytes of a bracketed `下同` note at the start of `rest`
/// (`（人民币，下同）`, `(下同)`), or 0.
fn same_below_note_len(rest: &str) -> usize {
    for (i, c) in rest.char_indices().skip(1).take(14) {
        if matches!(c, ')' | '）') {
            let inner = &rest[..i];
            return if inner.contains("下同") {
                i + c.len_utf8()
            } else {
                0
            };
        }
        if matches!(c, '(' | '（') {
            return 0;
        }
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_original_bytes() {
        let text = "城镇 化率达到 ５４.5 %";
        let s = Span::new(text, 0, text.len());
        assert_eq!(s.chars.iter().collect::<String>(), "城镇化率达到54.5%");
        let (a, b) = s.bytes(6, 10);
        assert_eq!(&text[a..b], "５４.5");
    }

    /// The normalised chars of a whole text.
    fn t(text: &str) -> String {
        Span::new(text, 0, text.len()).chars.iter().collect()
    }

    #[test]
    fn a_lost_space_written_as_a_question_mark() {
        assert_eq!(
            t("总投资?62.16亿元,占计划的?10?%"),
            "总投资62.16亿元,占计划的10%"
        );
        // A question, and a ? standing for a lost char of a broken conversion, stay.
        assert_eq!(t("怎么办吗?2020年"), "怎么办吗?2020年");
        assert_eq!(t("占總?cè)丝诘?3.06%"), "占总?cè)丝诘?3.06%");
    }

    #[test]
    fn figures_set_apart_by_spaces_stay_apart() {
        assert_eq!(
            t("地区生产总值 亿元 500 800 10%"),
            "地区生产总值亿元500、800、10%"
        );
        // Spaced-out print joins, and so does a figure cut by a line break.
        assert_eq!(t("2 0 2 0 年达到 1 2 万人"), "2020年达到12万人");
        assert_eq!(t("增长12\n.5%"), "增长12.5%");
    }

    #[test]
    fn source_marks_and_bullets_of_a_summary() {
        let text = "人均GDP达2.26万美元 [2] - 全员劳动生产率提升至28.4万元";
        let s = Span::new(text, 0, text.len());
        assert_eq!(
            s.chars.iter().collect::<String>(),
            "人均GDP达2.26万美元。全员劳动生产率提升至28.4万元"
        );
        // After a lead-in the items run on as a list.
        let text = "主要目标： - 人均GDP达2.26万美元 - 全员劳动生产率提升至28.4万元";
        let s = Span::new(text, 0, text.len());
        assert_eq!(
            s.chars.iter().collect::<String>(),
            "主要目标:；人均GDP达2.26万美元。全员劳动生产率提升至28.4万元"
        );
        let text = "增速为5 - 10%";
        let s = Span::new(text, 0, text.len());
        assert_eq!(s.chars.iter().collect::<String>(), "增速为5-10%");
    }

    #[test]
    fn notes_on_units_are_skipped() {
        let text = "生产总值3.87兆元（人民币，下同）跃升至5.06兆元";
        let s = Span::new(text, 0, text.len());
        assert_eq!(
            s.chars.iter().collect::<String>(),
            "生产总值3.87兆元跃升至5.06兆元"
        );
        let text = "增长(2020年)5%";
        let s = Span::new(text, 0, text.len());
        assert_eq!(s.chars.iter().collect::<String>(), "增长(2020年)5%");
    }
}
