//! Qualitative goals: a goal stated without a figure for a named indicator
//! (不低于全省平均水平, 完成省下达任务).

use super::*;

/// Goals stated without a number (`不低于全省平均水平`, `与经济增长同步`).
#[allow(clippy::too_many_arguments)]
pub(super) fn qualitative_facts(
    span: &Span,
    a: usize,
    b: usize,
    years: &[YearMention],
    carried: Option<YearMention>,
    section: &Section,
    ctx: &DocCtx,
    text: &str,
    out: &mut Vec<Fact>,
) {
    let s = &span.chars[a..b];
    let sentence: String = s.iter().collect();
    // Each clause is searched below; a sentence with no pattern anywhere has
    // none in any clause, and most sentences have none.
    if qualitative_pattern(&sentence).is_none() {
        return;
    }
    let mut clause_start = 0;
    let mut prev_clause: Option<(usize, usize)> = None;
    for i in 0..=s.len() {
        if i < s.len() && !is_clause_delim(s[i]) {
            continue;
        }
        let (whole_s, whole_e) = (clause_start, i);
        clause_start = i + 1;
        let before = prev_clause.replace((whole_s, whole_e));
        for (mut cs, mut ce) in goal_items(s, whole_s, whole_e) {
            let clause: String = s[cs..ce].iter().collect();
            let Some((pat, measure, comparator)) = qualitative_pattern(&clause) else {
                continue;
            };
            let pos = cs + clause[..clause.find(pat).unwrap_or(0)].chars().count();
            // (达到“五个全覆盖、五个提高”: a slogan counting its goals.)
            if pos >= 2 && s[pos - 1] == '个' && "两三四五六七八九十".contains(s[pos - 2])
            {
                continue;
            }
            // A figure counts as one when it has a unit other than 倍 and is no
            // count of what the name names (9个贫困县区农民人均可支配收入).
            let has_figure = |from: usize, to: usize| {
                quantities(&s[from..to]).iter().any(|q| {
                    // (细颗粒物(PM2.5)平均浓度总体达标: a number in a name.)
                    !q.unit.is_empty()
                    && q.unit != "倍"
                    // (等6项达到时序进度: how many indicators, no figure of one.)
                    && q.unit != "项"
                    && !(q.unit == "个"
                        && s.get(from + q.end)
                            .is_some_and(|&c| planwatch_text::norm::is_han(c)))
                })
            };
            if has_figure(cs, ce) {
                // …年均增长10%以上、研发投入强度超过全国平均水平 (or 收入高于全国
                // 平均水平、力争达到5万元以上): an item of a list may state a goal
                // of its own, between the 、 around the pattern.
                let from = (cs..pos)
                    .rev()
                    .find(|&k| s[k] == '、')
                    .map_or(cs, |k| k + 1);
                let end = pos + pat.chars().count();
                let to = (end.min(ce)..ce).find(|&k| s[k] == '、').unwrap_or(ce);
                if (from, to) == (cs, ce) || has_figure(from, to) {
                    continue;
                }
                (cs, ce) = (from, to);
            }
            // Goal words start at the comparator before the pattern.
            // The lead nearest the pattern, then the leads right before it
            // (力争达到, 不低于): a lead further back opens words of its own
            // (实现城乡居民收入与经济增长同步: 与, not 实现).
            let mut t0 = pos;
            let mut gap_name = None;
            let lead_at = |k: usize| QUALITATIVE_LEADS.iter().find(|w| at(s, k, w));
            if let Some((k, w)) = (pos.saturating_sub(12).max(cs)..pos)
                .rev()
                .find_map(|k| lead_at(k).map(|w| (k, *w)))
            {
                t0 = k;
                let lead_end = k + w.chars().count();
                // (不低于, not the 低于 in it.)
                if let Some(j) = (k.saturating_sub(3).max(cs)..k)
                    .find(|&j| lead_at(j).is_some_and(|w2| j + w2.chars().count() == lead_end))
                {
                    t0 = j;
                }
                // 实现综合经济实力上一个大台阶: between a verb and the pattern
                // stands the name, unless it is where the level is reached
                // (达到全国平均水平, 保持全省前列).
                let gap: String = s[lead_end.min(pos)..pos].iter().collect();
                // (力争实现农、林、牧、渔业保险全覆盖 covers a service: a task.)
                if matches!(w, "实现" | "完成" | "保持")
                    && !pat.contains("覆盖")
                    && !pat.contains("普及")
                    && gap.chars().count() >= 3
                    && !is_reference_place(&gap)
                {
                    gap_name = Some((lead_end, pos));
                }
                while let Some(w) = (t0.saturating_sub(4).max(cs)..t0)
                    .find_map(|j| lead_at(j).filter(|w| j + w.chars().count() == t0))
                {
                    t0 -= w.chars().count();
                }
            }
            // 达到或基本达到: two leads joined by 或 open the goal's words.
            if t0 > cs && s[t0 - 1] == '或' {
                if let Some(w) = QUALITATIVE_LEADS.iter().find(|w| {
                    let n = w.chars().count();
                    t0 > cs + n && at(s, t0 - 1 - n, w)
                }) {
                    t0 -= 1 + w.chars().count();
                }
            }
            let (ns, ne) = match gap_name {
                Some((g0, g1)) => {
                    t0 = pos;
                    strip(s, g0, g1, LEAD, TRAIL)
                }
                None => strip(s, cs, t0, LEAD, TRAIL),
            };
            // 地区生产总值比2020年翻一番: the name stops at the comparison.
            let cut = cut_comparison(s, ns, ne);
            let (mut ns, mut ne) = if cut > ns {
                strip(s, ns, cut, LEAD, TRAIL)
            } else {
                (ns, ne)
            };
            // 比2010年翻一番: the comparison is part of the goal's words.
            if pat.starts_with('翻') || pat.ends_with("翻番") {
                if let Some(c) = (ns..t0).find(|&k| {
                    s[k] == '比' && k + 1 < t0 && !matches!(s[k + 1], '重' | '率' | '例')
                }) {
                    t0 = c;
                }
            }
            let mut t_end = pos + pat.chars().count();
            // (比2010年翻一番以上: the bound belongs to the goal's words.)
            let floor = at(s, t_end, "以上") && t_end + 2 <= ce;
            if floor {
                t_end += 2;
            }
            // 基本消除重污染天气: a verb that takes its indicator after it.
            let verb_first = ne <= ns && VERB_FIRST.contains(pat);
            if verb_first {
                (ns, ne) = strip(s, t_end, ce, LEAD, TRAIL);
            }
            // 研发经费投入占生产总值的比重，达到全国平均水平: the name is the whole
            // clause before, when it is a name alone (no figure, no verb of its own).
            if ne <= ns && t0 == cs {
                if let Some((ps, pe)) = before {
                    let (a2, b2) = strip(s, ps, pe, LEAD, TRAIL);
                    if b2 > a2
                        && b2 - a2 <= 24
                        && quantities(&s[a2..b2]).is_empty()
                        && looks_like_a_name(&s[a2..b2].iter().collect::<String>())
                    {
                        (ns, ne) = (a2, b2);
                    }
                }
            }
            // 人均GDP达到4.2万元，超过全国平均水平: a goal of the figure just
            // named, its clause before holding it.
            let mut inherited: Option<String> = None;
            if ne <= ns && t0 == cs && before.is_some() {
                let (sentence_start, _) = span.bytes(a, a);
                inherited = out
                    .last()
                    .filter(|f| {
                        f.value.is_some()
                            && f.start.is_some_and(|x| x >= sentence_start)
                            && before.is_some_and(|(ps, pe)| !quantities(&s[ps..pe]).is_empty())
                    })
                    .map(|f| f.indicator.clone());
            }
            if ne <= ns && inherited.is_none() {
                continue;
            }
            let year_m = years
                .iter()
                .rfind(|y| y.pos >= a && y.pos < a + pos)
                .copied()
                .or(carried);
            let kind = decide_kind(ctx, section, &sentence, "", year_m.map(|y| y.year));
            // A doubling reached (比2000年翻一番, 实现翻番) is a result worth stating
            // too; the other patterns only say what a goal asks.
            let doubling = pat.contains('翻') || pat.contains("倍增");
            // 达到时序进度 reports progress on a goal: a result too.
            let progress = pat.ends_with("进度");
            if kind != Kind::Target && !((doubling || progress) && kind == Kind::Actual) {
                continue;
            }
            let year = year_m
                .map(|y| y.year)
                .or_else(|| default_year(ctx, section, kind, &sentence));
            let goal: String = s[t0..t_end].iter().collect();
            let lead_cmp = if goal.starts_with("力争")
                || goal.starts_with("高于")
                || goal.starts_with("超过")
                || goal.starts_with("快于")
            {
                Some(Comparator::Gt)
            } else if goal.starts_with("不低于") || goal.starts_with("不少于") {
                Some(Comparator::Ge)
            } else if goal.starts_with("不高于") || goal.starts_with("不超过") {
                Some(Comparator::Le)
            } else if goal.starts_with("低于") {
                Some(Comparator::Lt)
            } else if goal.starts_with("接近") {
                Some(Comparator::Approx)
            } else {
                None
            };
            let name: String = s[ns..ne].iter().collect();
            // (《环境空气质量标准》(GB3095-2012)二级标准: the class of a standard
            // named, no indicator's goal.)
            if *pat == "二级标准" && (name.contains("标准") || name.contains("GB")) {
                continue;
            }
            let measure = if pat.starts_with("平均水")
                && (name.contains("增速") || name.contains("增长") || name.contains("增幅"))
            {
                Measure::Growth
            } else {
                *measure
            };
            let (qa, qb) = if inherited.is_some() {
                span.bytes(a + t0, a + t_end)
            } else if verb_first {
                span.bytes(a + t0, a + ne)
            } else {
                span.bytes(a + ns, a + t_end)
            };
            // One goal shared by a list of indicators is one fact each.
            let mut orig: Vec<char> = span.orig_string(a + ns, a + ne).chars().collect();
            let aligned = orig.len() == ne - ns;
            // (地区生产总值、人均生产总值等均比“十五”期末翻一番: 等 closes the
            // list; so does a count of its items, 等6项, 等12项指标.)
            if aligned {
                let mut t: String = orig.iter().collect();
                for w in ["指标", "项"] {
                    if let Some(r) = t.strip_suffix(w) {
                        t = r.to_string();
                    }
                }
                let counted = t.trim_end_matches(|c: char| c.is_ascii_digit());
                // (…、森林覆盖率4项: a list's count of its items, 等 or not.)
                if counted.len() < t.len() && (counted.ends_with('等') || counted.contains('、'))
                {
                    t = counted.to_string();
                }
                if t.chars().count() > 3 && t.ends_with('等') {
                    t.pop();
                }
                orig = t.chars().collect();
            }
            let mut names = if aligned {
                // A goal shared by a list names whole indicators, longer than
                // the items of a figure's list (单位地区生产总值二氧化碳排放量降低).
                split_list_on(&orig, "、和及", 20, 0)
            } else {
                Vec::new()
            };
            if let Some(n) = &inherited {
                names = vec![n.clone()];
            } else if names.is_empty() {
                names.push(clean_name(&orig.iter().collect::<String>()));
            }
            // 贫困地区农民人均可支配收入比2010年翻一番以上，增长幅度高于全省平均
            // 水平: a bare measure is of the subject the sentence just named
            // (…收入增长幅度, 地区生产总值增速).
            const BARE: [&str; 8] = [
                "增速",
                "增幅",
                "幅度",
                "增长幅度",
                "涨幅",
                "增长率",
                "增长速度",
                "速度",
            ];
            if inherited.is_none() && names.len() == 1 && BARE.contains(&names[0].as_str()) {
                let (sentence_start, _) = span.bytes(a, a);
                if let Some(f) = out
                    .last()
                    .filter(|f| f.start.is_some_and(|x| x >= sentence_start))
                {
                    names = vec![format!("{}{}", f.indicator, names[0])];
                }
            }
            // 生产总值达到805亿元，比2000年翻一番: a doubling (reached or set)
            // names no indicator of its own; it is that of the figure before it
            // in the sentence, or it is left out.
            if kind == Kind::Actual || doubling {
                // (财政收入提前实现翻一番: how soon is no part of the name.)
                for n in names.iter_mut() {
                    if let Some(stem) = n.strip_suffix("提前") {
                        *n = stem.to_string();
                    }
                }
                let (sentence_start, _) = span.bytes(a, a);
                let weak = |n: &str| {
                    let c: Vec<char> = n.chars().collect();
                    c.len() < 2
                        || ["比", "较", "較", "提前"].iter().any(|w| n.starts_with(w))
                        || is_time_reference(&c)
                };
                if names.iter().any(|n| weak(n)) {
                    match out.last().filter(|f| {
                        f.value.is_some() && f.start.is_some_and(|x| x >= sentence_start)
                    }) {
                        Some(f) => names = vec![f.indicator.clone()],
                        None => continue,
                    }
                }
            }
            for indicator in names {
                out.push(Fact {
                    doc: ctx.doc.to_string(),
                    kind,
                    indicator,
                    region: ctx.region.clone(),
                    year,
                    value: None,
                    value_max: None,
                    unit: None,
                    measure,
                    comparator: lead_cmp
                        .or(floor.then_some(Comparator::Ge))
                        .unwrap_or(*comparator),
                    attribute: None,
                    text: Some(span.orig_string(a + t0, a + t_end)),
                    quote: text.get(qa..qb).unwrap_or_default().to_string(),
                    section: section.title.clone(),
                    start: Some(qa),
                    end: Some(qb),
                    responsible: None,
                });
            }
        }
    }
}

/// The items of a clause `cs..ce` of `s` that each state a goal of their
/// own: a clause listing goals with 、 (综合经济实力上一个大台阶、人民生活
/// 水平上一个大台阶) is cut after each item holding a pattern, so the items
/// without one before it (收入、消费同步增长) stay with it. A clause with
/// one goal at most is one item.
fn goal_items(s: &[char], cs: usize, ce: usize) -> Vec<(usize, usize)> {
    let mut items = Vec::new();
    let mut from = cs;
    let mut k = cs;
    while k <= ce {
        if k == ce || s[k] == '、' {
            let item: String = s[from..k].iter().collect();
            if qualitative_pattern(&item).is_some() {
                items.push((items.last().map_or(cs, |&(_, e): &(usize, usize)| e + 1), k));
            }
            from = k + 1;
        }
        k += 1;
    }
    if items.len() < 2 {
        return vec![(cs, ce)];
    }
    items
}

/// A place or body a level is measured against (全国, 全省, 西部, 国内,
/// 同类城市): words between a lead and its pattern that name no indicator.
fn is_reference_place(gap: &str) -> bool {
    const PLACES: &[&str] = &[
        "全国", "全省", "全市", "全区", "全州", "全县", "国内", "国际", "省内", "区内", "西部",
        "东部", "中部", "东北", "同类", "同期", "省上", "市上", "省", "市", "上级", "国家",
    ];
    PLACES.iter().any(|p| gap.starts_with(p))
}

/// How a sentence says an indicator went, before its figures follow.
pub(super) const TRENDS: &[&str] = &[
    "稳步增长",
    "持续增长",
    "快速增长",
    "较快增长",
    "保持较快增长",
    "平稳增长",
    "稳定增长",
    "大幅增长",
    "大幅提升",
    "稳步提升",
    "持续提升",
    "明显提升",
    "显著提升",
    "不断提高",
    "稳步提高",
    "大幅提高",
    "显著提高",
    "持续下降",
    "明显下降",
    "大幅下降",
    "迅猛增长",
    "显著增长",
    "明显增长",
    "快速提升",
    "持续扩大",
    "不断扩大",
    "实现跨越",
    "跨越发展",
    "连续迈上新台阶",
    "迈上新台阶",
    "再上新台阶",
    "实现恢复性增长",
    "恢复性增长",
    // (生产总值翻一番，由2005年的681亿元增至…: a doubling told in words.)
    "实现翻番",
    "翻一番",
    "翻两番",
    "翻番",
    // (高新技术企业和科技型企业实现“双倍增”，分别超过90家和870家.)
    "实现“双倍增”",
    "实现双倍增",
    "“双倍增”",
    "双倍增",
    "实现倍增",
    // (地区生产总值上半年由负转正，…，全年增长3.9%: a turn, told in words.)
    "由负转正",
    "由降转升",
    "由负转增",
];

/// `一是生产总值翻一番。由2005年的681亿元增至…`: a sentence `s` (at span
/// char `a`) opening on a change with no subject (由…, 分别由…) is of the
/// short figure-less sentence just before it, when that one names an
/// indicator and how it went (翻一番, 大幅增长); its span chars.
pub(super) fn prior_subject(span: &Span, a: usize, s: &[char]) -> Option<(usize, usize)> {
    let opens_on_change = ["由", "从", "分别由", "分别从"].iter().any(|w| at(s, 0, w));
    let c = &span.chars;
    let end = a.checked_sub(1)?;
    if !opens_on_change || !c.get(end).is_some_and(|&ch| is_sentence_end(ch)) {
        return None;
    }
    // (Only a short sentence: 40 chars back at most.)
    let from = end.saturating_sub(40);
    let start = (from..end)
        .rev()
        .find(|&i| is_sentence_end(c[i]) || c[i] == '\n')
        .map(|i| i + 1)
        .or((from == 0).then_some(0))?;
    if !quantities(&c[start..end]).is_empty() {
        return None;
    }
    let mut cs = (start..end)
        .rev()
        .find(|&i| is_clause_delim(c[i]))
        .map_or(start, |i| i + 1);
    // (一是, 二是: the item's number.)
    if c.get(cs + 1) == Some(&'是')
        && c.get(cs)
            .is_some_and(|ch| "一二三四五六七八九十".contains(*ch))
    {
        cs += 2;
    }
    let clause: String = c[cs..end].iter().collect();
    let trend = TRENDS
        .iter()
        .find(|t| clause.ends_with(*t))
        .map(|t| t.chars().count())
        .max(trend_len(&clause))?;
    let (ls, le) = strip(c, cs, end - trend, LEAD, TRAIL);
    let name: String = c.get(ls..le)?.iter().collect();
    (name.chars().count() >= 2 && looks_like_a_name(&name)).then_some((ls, le))
}

/// `实现恢复性较快增长`, `保持平稳较快增长`, `继续小幅回升`: a way of going
/// told in words at the end of `clause` (a verb of change after at least one
/// word of how); its length in chars.
pub(super) fn trend_len(clause: &str) -> Option<usize> {
    const CHANGES: &[&str] = &[
        "增长", "提升", "提高", "下降", "回升", "扩大", "回落", "加快", "好转",
    ];
    const HOW: &[&str] = &[
        "恢复性",
        "较快",
        "平稳",
        "稳定",
        "稳步",
        "持续",
        "快速",
        "大幅",
        "明显",
        "显著",
        "不断",
        "迅猛",
        "高速",
        "强劲",
        "小幅",
        "逐步",
        "进一步",
        "继续",
        "保持",
        "实现",
        "呈现",
        "两位数",
        "较大幅度",
        "较大",
        "企稳",
        "了",
        "的",
    ];
    let change = CHANGES.iter().find(|c| clause.ends_with(*c))?;
    let mut rest = &clause[..clause.len() - change.len()];
    let mut words = 0;
    while let Some(w) = HOW.iter().find(|w| rest.ends_with(*w)) {
        rest = &rest[..rest.len() - w.len()];
        words += 1;
    }
    (words > 0 && !rest.is_empty()).then(|| clause[rest.len()..].chars().count())
}

/// Whether a clause reads as an indicator's name alone: it ends the way
/// names of measured things end (…的比重, …率, …收入).
pub(super) fn looks_like_a_name(t: &str) -> bool {
    const ENDS: &[&str] = &[
        "比重", "比例", "占比", "强度", "水平", "收入", "增速", "浓度", "面积", "投入", "能耗",
        "指数", "规模", "寿命", "年限", "投资", "企业", "率", "量", "值", "额", "数",
    ];
    ENDS.iter().any(|e| t.ends_with(e))
}

/// Words that open a qualitative goal before its pattern.
/// Goal words that take their indicator after them when none comes before
/// (`基本消除重污染天气`, `完成国家下达的节能减排降碳目标`).
pub(super) const VERB_FIRST: &[&str] = &["基本消除", "全面消除", "下达的", "基本普及", "全面普及"];

pub(super) const QUALITATIVE_LEADS: &[&str] = &[
    "力争",
    "不低于",
    "不高于",
    "不少于",
    "不超过",
    "高于",
    "低于",
    "超过",
    "快于",
    "接近",
    "达到",
    "保持",
    "与",
    "实现",
    "完成",
    "总体",
    "基本",
    "全面",
    // (水质稳定达到Ⅳ类, 达到或好于Ⅲ类.)
    "稳定",
    "好于",
    "优于",
];

/// The first pattern of [`QUALITATIVE`] (the most specific) the clause holds:
/// one pass of an automaton over the clause, which every clause of every
/// document goes through.
pub(super) fn qualitative_pattern(
    clause: &str,
) -> Option<&'static (&'static str, Measure, Comparator)> {
    static AC: std::sync::OnceLock<aho_corasick::AhoCorasick> = std::sync::OnceLock::new();
    // Built from a few dozen fixed words, far below the automaton's limits.
    let ac = AC.get_or_init(|| {
        aho_corasick::AhoCorasick::new(QUALITATIVE.iter().map(|(p, _, _)| p))
            .expect("qualitative patterns build")
    });
    ac.find_overlapping_iter(clause)
        .map(|m| m.pattern().as_usize())
        .min()
        .and_then(|k| QUALITATIVE.get(k))
}

/// Qualitative goal patterns, most specific first: (words, measure, comparator).
pub(super) const QUALITATIVE: &[(&str, Measure, Comparator)] = &[
    ("平均水平", Measure::Level, Comparator::Eq),
    ("平均水准", Measure::Level, Comparator::Eq),
    ("上年水平", Measure::Level, Comparator::Eq),
    ("上年水准", Measure::Level, Comparator::Eq),
    ("总量控制要求", Measure::Level, Comparator::Le),
    ("全部脱贫", Measure::Level, Comparator::Eq),
    ("同步增长", Measure::AvgGrowth, Comparator::Eq),
    ("增长同步", Measure::Growth, Comparator::Eq),
    ("增长基本同步", Measure::Growth, Comparator::Eq),
    ("发展同步", Measure::Growth, Comparator::Eq),
    ("发展基本同步", Measure::Growth, Comparator::Eq),
    ("基本上同步", Measure::Growth, Comparator::Eq),
    ("高于经济增长", Measure::Growth, Comparator::Gt),
    ("快于经济增长", Measure::Growth, Comparator::Gt),
    // (居民人均可支配收入增速高于经济增速, 服务业增加值增速高于GDP增速.)
    ("高于经济增速", Measure::Growth, Comparator::Gt),
    ("快于经济增速", Measure::Growth, Comparator::Gt),
    ("高于GDP增速", Measure::Growth, Comparator::Gt),
    ("快于GDP增速", Measure::Growth, Comparator::Gt),
    ("高于地区生产总值增速", Measure::Growth, Comparator::Gt),
    ("省上下达", Measure::Level, Comparator::Eq),
    ("市上下达", Measure::Level, Comparator::Eq),
    ("稳中有升", Measure::Growth, Comparator::Gt),
    ("稳中有增", Measure::Growth, Comparator::Gt),
    ("下达任务", Measure::Level, Comparator::Eq),
    ("下达目标", Measure::Level, Comparator::Eq),
    ("下达指标", Measure::Level, Comparator::Eq),
    ("下达的任务", Measure::Level, Comparator::Eq),
    ("下达的目标", Measure::Level, Comparator::Eq),
    ("省考指标", Measure::Level, Comparator::Eq),
    ("合理区间", Measure::Level, Comparator::Eq),
    ("不下降", Measure::Level, Comparator::Ge),
    ("只增不减", Measure::Level, Comparator::Ge),
    ("得到消除", Measure::Level, Comparator::Eq),
    ("基本消除", Measure::Level, Comparator::Eq),
    ("全面消除", Measure::Level, Comparator::Eq),
    ("全面脱贫", Measure::Level, Comparator::Eq),
    ("全部摘帽", Measure::Level, Comparator::Eq),
    ("实现正增长", Measure::Growth, Comparator::Gt),
    ("保持基本稳定", Measure::Level, Comparator::Eq),
    ("稳中有降", Measure::Growth, Comparator::Lt),
    ("稳中提质", Measure::Growth, Comparator::Eq),
    ("保持稳定增长", Measure::Growth, Comparator::Eq),
    ("发达经济体水平", Measure::Level, Comparator::Eq),
    ("全省水平", Measure::Level, Comparator::Eq),
    ("全区水平", Measure::Level, Comparator::Eq),
    ("全市水平", Measure::Level, Comparator::Eq),
    ("全国水平", Measure::Level, Comparator::Eq),
    ("实现翻番", Measure::Cumulative, Comparator::Eq),
    ("翻一番", Measure::Cumulative, Comparator::Eq),
    ("翻了一番", Measure::Cumulative, Comparator::Eq),
    ("翻两番", Measure::Cumulative, Comparator::Eq),
    ("实现倍增", Measure::Cumulative, Comparator::Eq),
    ("上一个大台阶", Measure::Level, Comparator::Gt),
    ("上一个新台阶", Measure::Level, Comparator::Gt),
    ("保持平稳增长", Measure::Growth, Comparator::Eq),
    ("稳定增长", Measure::Growth, Comparator::Eq),
    ("基本稳定", Measure::Level, Comparator::Eq),
    ("接近规划目标", Measure::Level, Comparator::Approx),
    // (城乡收入差距进一步缩小, 完成省定任务, 控制在省市规定范围以内, 达到国内领先水平.)
    // (单位GDP二氧化碳排放逐步下降, 能源消费总量得到合理控制: a trend or a
    // bound set in words.)
    ("逐步下降", Measure::Growth, Comparator::Lt),
    ("逐步提高", Measure::Growth, Comparator::Gt),
    ("得到合理控制", Measure::Level, Comparator::Le),
    ("进一步缩小", Measure::Growth, Comparator::Lt),
    ("持续缩小", Measure::Growth, Comparator::Lt),
    ("逐步缩小", Measure::Growth, Comparator::Lt),
    ("省定任务", Measure::Level, Comparator::Eq),
    ("省定目标", Measure::Level, Comparator::Eq),
    ("市定任务", Measure::Level, Comparator::Eq),
    ("市定目标", Measure::Level, Comparator::Eq),
    ("下达年度", Measure::Level, Comparator::Eq),
    ("规定范围", Measure::Level, Comparator::Le),
    ("领先水平", Measure::Level, Comparator::Eq),
    ("全部淘汰", Measure::Level, Comparator::Eq),
    ("基本覆盖", Measure::Level, Comparator::Eq),
    // (控制性详细规划全覆盖, 基本普及学前教育, 水质稳定达到Ⅲ类, 12项达到时序进度.)
    ("全覆盖", Measure::Level, Comparator::Eq),
    ("基本普及", Measure::Level, Comparator::Eq),
    ("全面普及", Measure::Level, Comparator::Eq),
    ("总体达标", Measure::Level, Comparator::Eq),
    ("全面达标", Measure::Level, Comparator::Eq),
    ("稳定达标", Measure::Level, Comparator::Eq),
    ("时序进度", Measure::Level, Comparator::Eq),
    // (地区生产总值增长、…、森林覆盖率4项未达进度: a review's laggards.)
    ("未达进度", Measure::Level, Comparator::Lt),
    ("翻了近一番", Measure::Cumulative, Comparator::Approx),
    ("二级标准", Measure::Level, Comparator::Eq),
    ("Ⅱ类", Measure::Level, Comparator::Eq),
    ("Ⅲ类", Measure::Level, Comparator::Eq),
    ("Ⅳ类", Measure::Level, Comparator::Eq),
    // Taking the indicator after them (VERB_FIRST), so tried last.
    ("下达的", Measure::Level, Comparator::Eq),
];
