//! Numbers as written in Chinese documents: Arabic with separators and
//! decimals, and Chinese numerals (一万二千, 两千三百, 百分之五点五, 二〇二五).

use crate::quantity::at;

/// A number found at a position in a char slice.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// The value, magnitudes inside the numeral resolved (一万二千 → 12000).
    pub value: f64,
    /// Chars consumed.
    pub len: usize,
    /// A trailing magnitude (万, 亿, 万亿) left for the unit (`两千三百万人` → 2300, `万`).
    pub magnitude: Option<&'static str>,
    /// Written as 百分之… or 千分之…: the unit is `%` or `‰`.
    pub word_unit: Option<&'static str>,
    /// Written in Chinese numerals.
    pub chinese: bool,
    /// A fraction (三分之一, 1/8): a part of a whole, needing no unit.
    pub fraction: bool,
}

fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' | '○' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

fn small_unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

/// Parses the number starting at `s[i]`, if any.
pub fn parse_at(s: &[char], i: usize) -> Option<Number> {
    let c = *s.get(i)?;
    // Called at every char of a text: most chars start no number at all.
    if !(c.is_ascii_digit() || digit(c).is_some() || small_unit(c).is_some()) {
        return None;
    }
    if let Some(f) = fraction(s, i) {
        return Some(f);
    }
    if c.is_ascii_digit() {
        return parse_arabic(s, i);
    }
    // (十万分之69: a rate per 100,000, as maternal mortality is given.)
    for (w, unit) in [("百分之", "%"), ("千分之", "‰"), ("十万分之", "十万分之")] {
        if at(s, i, w) {
            let wl = w.chars().count();
            let mut n = parse_chinese(s, i + wl).or_else(|| parse_arabic(s, i + wl))?;
            n.len += wl;
            n.word_unit = Some(unit);
            return Some(n);
        }
    }
    parse_chinese(s, i)
}

/// A fraction (`三分之一`, `1/8`), as its decimal: a part of a whole, with
/// no unit. Only proper fractions of a small denominator, so a date
/// (`2024/1/5`) or a rate (`12/10万`) is none.
fn fraction(s: &[char], i: usize) -> Option<Number> {
    let small = |n: &Number| n.magnitude.is_none() && n.value.fract() == 0.0;
    let (den, num, len) = if s[i].is_ascii_digit() {
        // (A part of something: 占全市1/8, 总量的1/3, not a counter 2/4 of
        // slides or pages.)
        const PART_OF: &str = "占的超近约逾达过为為了省市区區县縣国國量额值重";
        if !s[..i].last().is_some_and(|c| PART_OF.contains(*c)) {
            return None;
        }
        let num = parse_arabic(s, i)?;
        if s.get(i + num.len) != Some(&'/') {
            return None;
        }
        let den = parse_arabic(s, i + num.len + 1)?;
        let end = i + num.len + 1 + den.len;
        if s.get(end).is_some_and(|c| {
            c.is_ascii_digit() || matches!(c, '/' | '.' | '万' | '千' | '百' | '亿')
        }) {
            return None;
        }
        (den.value, num.value, end - i)
    } else {
        let den = parse_chinese(s, i).filter(small)?;
        if !at(s, i + den.len, "分之") {
            return None;
        }
        let num = parse_chinese(s, i + den.len + 2).filter(small)?;
        (den.value, num.value, den.len + 2 + num.len)
    };
    ((2.0..=10.0).contains(&den) && num >= 1.0 && num < den && num.fract() == 0.0).then(|| Number {
        value: num / den,
        len,
        magnitude: None,
        word_unit: None,
        chinese: !s[i].is_ascii_digit(),
        fraction: true,
    })
}

fn parse_arabic(s: &[char], i: usize) -> Option<Number> {
    let mut j = i;
    let mut text = String::new();
    while j < s.len() {
        let c = s[j];
        if c.is_ascii_digit() {
            text.push(c);
            j += 1;
        } else if c == ','
            && j + 3 < s.len() + 1
            && (j + 1..j + 4).all(|k| s.get(k).is_some_and(|d| d.is_ascii_digit()))
            && !s.get(j + 4).is_some_and(|d| d.is_ascii_digit())
            && !text.contains('.')
        {
            j += 1; // thousands separator: exactly three digits follow
        } else if (c == '.' || (c == '·' && !text.is_empty()))
            // (上涨1·8%: a middle dot some pages type for the decimal point.)
            && s.get(j + 1).is_some_and(|d| d.is_ascii_digit())
            && !text.contains('.')
        {
            text.push('.');
            j += 1;
        } else {
            break;
        }
    }
    let mut value: f64 = text.parse().ok()?;
    // 5千亿元, 3千万元: the 千/百 is part of the number; 万/亿 stays for the unit.
    let scale = match s.get(j) {
        Some('千') => 1000.0,
        Some('百') => 100.0,
        _ => 1.0,
    };
    if scale > 1.0 && matches!(s.get(j + 1), Some('万' | '亿' | '億' | '萬')) {
        value *= scale;
        j += 1;
    }
    // 3万8000亿元, 1万2000元: a whole number of 万 and four digits more, one
    // number in the unit after it (not 3万8000.5, nor a year 1万2018年).
    if !text.contains('.') && scale == 1.0 && matches!(s.get(j), Some('万' | '萬')) {
        let four = (j + 1..j + 5).all(|k| s.get(k).is_some_and(|d| d.is_ascii_digit()));
        if four
            && s.get(j + 5).is_some_and(|c| {
                !c.is_ascii_digit() && !matches!(c, '.' | ',' | '年' | '%' | '·' | '/')
            })
        {
            let rest: f64 = s[j + 1..j + 5]
                .iter()
                .filter_map(|d| d.to_digit(10))
                .fold(0.0, |acc, d| acc * 10.0 + f64::from(d));
            value = value * 10000.0 + rest;
            j += 5;
        }
    }
    Some(Number {
        value,
        len: j - i,
        magnitude: None,
        word_unit: None,
        chinese: false,
        fraction: false,
    })
}

/// Chinese numerals, with 点 decimals and 万/亿 sections.
fn parse_chinese(s: &[char], i: usize) -> Option<Number> {
    // Digit-by-digit years (二〇二五) are not quantities.
    let mut total: f64 = 0.0; // completed 万/亿 sections
    let mut section: f64 = 0.0; // below 万
    let mut pending: Option<u32> = None; // a digit waiting for 十/百/千
    let mut j = i;
    let mut last_small = u32::MAX; // the last small unit used in this section
    let mut consumed_any = false;
    let mut trailing_mag: Option<&'static str> = None;
    let mut mag_start = 0;
    while j < s.len() {
        let c = s[j];
        // 一百零二, 一万零四百: the zero only marks a gap (after a small unit,
        // or after 万/亿 with more to come).
        let after_mag = trailing_mag.is_some() && section == 0.0 && last_small == u32::MAX;
        if matches!(c, '零' | '〇')
            && consumed_any
            && (last_small != u32::MAX || after_mag)
            && pending.is_none()
            && s.get(j + 1)
                .is_some_and(|n| digit(*n).is_some_and(|d| d > 0))
        {
            j += 1;
            continue;
        }
        if let Some(d) = digit(c) {
            if pending.is_some() {
                break; // two digits in a row (三五, 二〇): stop
            }
            pending = Some(d);
            consumed_any = true;
            j += 1;
        } else if let Some(u) = small_unit(c) {
            if u >= last_small {
                break;
            }
            let d = pending.take().unwrap_or(1);
            section += f64::from(d * u);
            last_small = u;
            consumed_any = true;
            j += 1;
        } else if c == '万' || c == '亿' {
            if !consumed_any {
                break;
            }
            if let Some(d) = pending.take() {
                section += f64::from(d);
            }
            let mag = if c == '万' { 1e4 } else { 1e8 };
            mag_start = j;
            trailing_mag = Some(if c == '万' { "万" } else { "亿" });
            if c == '万' && s.get(j + 1) == Some(&'亿') {
                total = (total + section) * 1e12;
                trailing_mag = Some("万亿");
                j += 2;
            } else {
                total = (total + section) * mag;
                j += 1;
            }
            section = 0.0;
            last_small = u32::MAX;
        } else if c == '点' && (pending.is_some() || last_small != u32::MAX) {
            // 五点五, 十点七: decimals digit by digit
            let int = section + f64::from(pending.take().unwrap_or(0));
            let mut k = j + 1;
            let mut frac = String::new();
            while let Some(d) = s.get(k).and_then(|c| digit(*c)) {
                frac.push(char::from_digit(d, 10).unwrap_or('0'));
                k += 1;
            }
            if frac.is_empty() {
                break;
            }
            let f: f64 = format!("0.{frac}").parse().unwrap_or(0.0);
            section = int + f;
            j = k;
            trailing_mag = None;
            break;
        } else {
            break;
        }
        if !matches!(c, '万' | '亿') {
            trailing_mag = None;
        }
    }
    if !consumed_any {
        return None;
    }
    if let Some(d) = pending {
        // 一万二 (= 12000) is rare in documents; treat a trailing digit as units.
        section += f64::from(d);
    }
    let mut value = total + section;
    let mut len = j - i;
    let mut magnitude = None;
    if let Some(m) = trailing_mag {
        // Keep a final 万/亿 with the unit, as the schema asks (两千三百万 → 2300 万).
        let scale = if m == "万" {
            1e4
        } else if m == "亿" {
            1e8
        } else {
            1e12
        };
        if mag_start > i {
            value /= scale;
            len = mag_start - i;
            magnitude = Some(m);
        }
    }
    Some(Number {
        value,
        len,
        magnitude,
        word_unit: None,
        chinese: true,
        fraction: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<(f64, usize)> {
        let v: Vec<char> = s.chars().collect();
        parse_at(&v, 0).map(|n| (n.value, n.len))
    }

    #[test]
    fn arabic() {
        assert_eq!(num("1357.5亿元"), Some((1357.5, 6)));
        assert_eq!(num("1,357.5"), Some((1357.5, 7)));
        assert_eq!(num("12,599元"), Some((12599.0, 6)));
        assert_eq!(num("5,8"), Some((5.0, 1)));
        assert_eq!(num("3.2.1"), Some((3.2, 3)));
        // A middle dot typed for the decimal point.
        assert_eq!(num("1·8%"), Some((1.8, 3)));
        // Whole 万 and four digits more: one number.
        assert_eq!(num("3万8000亿元"), Some((38000.0, 6)));
        assert_eq!(num("1万2000元"), Some((12000.0, 6)));
        assert_eq!(num("3万2018年"), Some((3.0, 1)));
        assert_eq!(num("3万80000"), Some((3.0, 1)));
        assert_eq!(num("3.5万8000"), Some((3.5, 3)));
    }

    #[test]
    fn chinese() {
        assert_eq!(num("一万二千"), Some((12000.0, 4)));
        assert_eq!(num("十"), Some((10.0, 1)));
        assert_eq!(num("二十三"), Some((23.0, 3)));
        assert_eq!(num("一百零二"), Some((102.0, 4)));
        assert_eq!(num("一万零四百八十八亿元").map(|x| x.0), Some(10488.0));
        assert_eq!(num("三万零五百"), Some((30500.0, 5)));
        assert_eq!(num("千亿元").map(|x| x.0), Some(1000.0));
        assert_eq!(num("5千亿元"), Some((5000.0, 2)));
        assert_eq!(num("3千万元"), Some((3000.0, 2)));
        assert_eq!(num("百分之五点五"), Some((5.5, 6)));
        assert_eq!(num("百分之十点七"), Some((10.7, 6)));
        assert_eq!(num("千分之七"), Some((7.0, 4)));
        assert_eq!(num("十万分之69"), Some((69.0, 6)));
        assert_eq!(num("三分之一"), Some((1.0 / 3.0, 4)));
        assert_eq!(num("五分之一的"), Some((0.2, 4)));
        assert_eq!(
            parse_at(&"占1/8".chars().collect::<Vec<_>>(), 1).map(|n| n.value),
            Some(0.125)
        );
        assert_eq!(num("1/8"), Some((1.0, 1)));
        // (A date, a rate per 100 000 and an improper ratio are no fractions.)
        assert_eq!(num("1/5/2024"), Some((1.0, 1)));
        assert_eq!(num("12/10万"), Some((12.0, 2)));
        assert_eq!(num("5/3"), Some((5.0, 1)));
        assert_eq!(
            parse_at(&"千分之七".chars().collect::<Vec<_>>(), 0).and_then(|n| n.word_unit),
            Some("‰")
        );
        assert_eq!(num("二十三点五"), Some((23.5, 5)));
        assert_eq!(num("十三五").map(|x| x.0), Some(13.0));
        assert_eq!(num("一般"), Some((1.0, 1)));
        let v: Vec<char> = "两千三百万人".chars().collect();
        let n = parse_at(&v, 0).expect("number");
        assert_eq!((n.value, n.len, n.magnitude), (2300.0, 4, Some("万")));
    }
}
