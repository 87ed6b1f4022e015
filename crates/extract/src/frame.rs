//! The document frame: what a document says about itself — its type, title,
//! region, period and reporting year — decided from every line that speaks
//! of it (title, web-page date lines, the meeting line of a work report, the
//! signature, the issuer, section headings, the body), each decision kept with
//! the line and rule it came from so that `planwatch extract --explain` can
//! show why a fact got its year and region.
//!
//! Lines are compared after [`planwatch_text::norm::char_for_matching`], so
//! traditional-script documents take the same rules.

use crate::doc::{doc_number, doc_type_of, most_common_target_year, period_of, region_of};
use crate::quantity::{at, year_at};
use crate::span::Span;
use planwatch_core::{DocType, DocumentInfo};

/// One thing decided about a document, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Decision {
    /// What was decided: `type`, `title`, `region`, `year`, `period`, `issuer`, `number`, `date`.
    pub field: &'static str,
    /// The value decided, as text.
    pub value: String,
    /// 1-based line of the document it was read from (0: derived, no one line).
    pub line: usize,
    /// That line, trimmed (or how the value was derived).
    pub source: String,
    /// The rule that read it.
    pub rule: &'static str,
}

/// A line of the document's head or tail, compacted and normalised for matching.
struct Line {
    no: usize,
    raw: String,
    /// As written, whitespace and glosses dropped; char-aligned with `norm`.
    orig: String,
    norm: String,
}

impl Line {
    /// Line `i` (0-based) of the document.
    fn new(i: usize, raw: &str) -> Line {
        let span = Span::new(raw, 0, raw.len());
        Line {
            no: i + 1,
            raw: raw.trim().chars().take(200).collect(),
            orig: span.orig.iter().collect(),
            norm: span.chars.iter().collect(),
        }
    }

    /// A value derived from the whole text rather than read from one line.
    fn derived(how: &str) -> Line {
        Line {
            no: 0,
            raw: how.to_string(),
            orig: String::new(),
            norm: String::new(),
        }
    }
}

const HEAD_LINES: usize = 80;
const HEAD_SCAN: usize = 400;
const TAIL_LINES: usize = 20;

/// `相关新闻`, `推荐阅读`: a heading over links to other pages.
fn is_links_heading(l: &str) -> bool {
    let t = l.trim_matches(|c: char| c.is_whitespace() || "-—|·:：【】[]".contains(c));
    t.chars().count() <= 8
        && [
            "相关新闻",
            "相关阅读",
            "相关链接",
            "相关文章",
            "推荐阅读",
            "延伸阅读",
            "热点推荐",
            "更多新闻",
            "相关报道",
            "热门推荐",
            "猜你喜欢",
            "相关稿件",
        ]
        .iter()
        .any(|w| t.starts_with(w))
}

/// Reads the document frame from the text.
pub fn read(text: &str) -> (DocumentInfo, Vec<Decision>) {
    let all: Vec<&str> = text.lines().collect();
    // The head: the first lines that are not a table of contents or page numbers.
    let head: Vec<Line> = all
        .iter()
        .enumerate()
        .take(HEAD_SCAN)
        .filter(|(_, l)| {
            !matches!(
                planwatch_text::classify(l),
                planwatch_text::LineClass::Toc | planwatch_text::LineClass::PageNumber
            )
        })
        .map(|(i, l)| Line::new(i, l))
        .filter(|l| !l.norm.is_empty())
        .take(HEAD_LINES)
        .enumerate()
        // The links to other pages under an article (相关新闻, then their
        // dates) say nothing of this one.
        .take_while(|(k, l)| *k < 2 || !is_links_heading(&l.norm))
        .map(|(_, l)| l)
        .collect();
    let tail: Vec<Line> = all
        .iter()
        .enumerate()
        .skip(all.len().saturating_sub(TAIL_LINES).max(HEAD_LINES))
        .map(|(i, l)| Line::new(i, l))
        .filter(|l| !l.norm.is_empty())
        .collect();
    let mut why = Vec::new();
    let mut note = |field: &'static str, value: String, line: &Line, rule: &'static str| {
        why.push(Decision {
            field,
            value,
            line: line.no,
            source: line.raw.clone(),
            rule,
        });
    };

    // Title and type.
    let found = find_title(&head);
    let title_line = found.as_ref().map(|(l, _)| *l);
    let (t, t_orig) = found.map(|(_, t)| t).unwrap_or_default();
    let title = title_line.map(|_| t_orig.clone());
    let mut doc_type = doc_type_of(&t);
    if let Some(l) = title_line {
        note("title", t.clone(), l, "title line");
        note("type", doc_type.as_str().into(), l, "title words");
    }
    // A numbered heading taken for the title tells the type only where the
    // body does not (报告分为两大部分 / 一、2023年工作回顾 / 二、2024年目标任务).
    let numbered = title_line.is_some_and(|l| planwatch_text::marker_level(&l.norm).is_some());
    if doc_type == DocType::Other || numbered {
        if let Some((ty, l, rule)) = type_from_body(&head, text) {
            doc_type = ty;
            note("type", ty.as_str().into(), l, rule);
        }
    }

    // Dates: meeting line, publication date, issue date.
    // A meeting line may be broken before 人民代表大会.
    let meeting = head.iter().enumerate().find_map(|(k, l)| {
        let joined = match head.get(k + 1) {
            Some(n) if l.norm.contains('在') && !l.norm.contains("人民代表大会") => {
                format!("{}{}", l.norm, n.norm)
            }
            _ => l.norm.clone(),
        };
        meeting_line(&joined).map(|m| (l, m))
    });
    // A byline's date (来源：洛阳网 2025.09.25) is the article's own, before
    // a date in the site's header (date 2024-12-07 洛阳网首页 新闻).
    let published = head
        .iter()
        .find_map(|l| byline_date(&l.norm).map(|d| (l, d)))
        .or_else(|| {
            head.iter()
                .find_map(|l| publication_date(&l.norm).map(|d| (l, d)))
        });
    let issued = head
        .iter()
        .chain(tail.iter())
        .filter(|l| l.norm.chars().count() <= 16)
        .find_map(|l| date_in(&l.norm).map(|d| (l, d)));
    if let Some((l, m)) = &meeting {
        if let Some(y) = m.year {
            note(
                "date",
                y.to_string(),
                l,
                "meeting line (在…人民代表大会…会议上)",
            );
        }
    }
    if let Some((l, d)) = &published {
        note(
            "date",
            format!("{}-{:02}", d.0, d.1),
            l,
            "publication date line",
        );
    }

    // Region, most specific source first: title, meeting line, signature or
    // issuer, a title-like line.
    // A page with no title line: its first line, if short, as a headline.
    let headline = title_line
        .map(|l| (l, t.clone(), t_orig.clone()))
        .or_else(|| {
            head.first()
                .filter(|l| l.norm.chars().count() <= 40)
                .map(|l| (l, l.norm.clone(), l.orig.clone()))
        });
    let found: Option<(String, &Line, &'static str)> = headline
        .and_then(|(l, t, t_orig)| {
            // 西部大开发“十二五”规划, 江苏沿海地区发展规划: an area, unless the
            // title names a place outside it (广东省…粤港澳大湾区).
            let own = region_of(&t);
            let (area, _) = crate::region::named_area(&t)?;
            let inside = own.as_deref().is_none_or(|r| {
                let short = r.trim_end_matches(['省', '市']);
                area.starts_with(short)
            });
            inside.then(|| (written(&t, &t_orig, &area), l, "named area in the title"))
        })
        .or_else(|| {
            title_line.and_then(|l| {
                region_of(&t).map(|r| {
                    let rule = TITLE_PLACE;
                    (written(&t, &t_orig, &r), l, rule)
                })
            })
        })
        .or_else(|| {
            meeting.as_ref().and_then(|(l, m)| {
                let rule = "meeting line (在X第…届人民代表大会)";
                m.region
                    .as_ref()
                    .map(|r| (written(&l.norm, &l.orig, r), *l, rule))
            })
        })
        .or_else(|| {
            // ——湘潭市“十三五”经济社会发展成就综述: a subtitle names the subject,
            // which a provincial issuer line would not.
            // Only near the top, and only a known place: bodies use —— for bullets.
            head.iter().take(16).find_map(|l| {
                let rule = "place at the head of a subtitle (——X…)";
                let sub = l.norm.strip_prefix("——")?;
                if sub.contains("人民代表大会")
                    || sub.contains("会议上")
                    || sub.chars().count() > 40
                {
                    return None;
                }
                let chars: Vec<char> = sub.chars().collect();
                crate::region::place_chain_at(&chars, 0)
                    .filter(|(_, _, short)| !short)
                    .map(|(p, _, _)| (written(&l.norm, &l.orig, p.name), l, rule))
            })
        })
        .or_else(|| {
            head.iter().chain(tail.iter()).find_map(|l| {
                signature_region(&l.norm).map(|(r, rule)| (written(&l.norm, &l.orig, &r), l, rule))
            })
        })
        .or_else(|| {
            head.iter().find_map(|l| {
                let rule = "place named in a title-like line";
                region_in_title_body(&l.norm).map(|r| (written(&l.norm, &l.orig, &r), l, rule))
            })
        });
    // A title line whose place the text never names again, over a signature
    // naming a place the text names more than once: the title is a link to
    // another document (a list of related pages above the text).
    let found = match found {
        Some((r, l, rule)) if rule == TITLE_PLACE && text.matches(r.as_str()).count() <= 1 => {
            let signed = head.iter().chain(tail.iter()).find_map(|s| {
                signature_region(&s.norm)
                    .map(|(r2, rule2)| (written(&s.norm, &s.orig, &r2), s, rule2))
            });
            match signed {
                Some((r2, s, rule2)) if r2 != r && text.matches(r2.as_str()).count() >= 2 => {
                    Some((r2, s, rule2))
                }
                _ => Some((r, l, rule)),
            }
        }
        other => other,
    };
    // 我国力争2025年油茶种植面积达到9000万亩以上: a headline on the whole country.
    let found = found.or_else(|| {
        head.iter().take(12).find_map(|l| {
            let national = l.norm.chars().count() <= 40
                && ["我国", "全国"].iter().any(|w| l.norm.starts_with(w));
            national.then(|| {
                let traditional = planwatch_text::norm::is_traditional(&l.orig);
                let r = if traditional { "全國" } else { "全国" }.to_string();
                (r, l, "a headline on the whole country (我国…, 全国…)")
            })
        })
    });
    let mut region = None;
    if let Some((r, l, rule)) = found {
        note("region", r.clone(), l, rule);
        region = Some(r);
    }
    // The opening lines joined by breaks, so a name opening a line stands as a word.
    let head_norm = head
        .iter()
        .map(|l| l.norm.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let head_orig = head
        .iter()
        .map(|l| l.orig.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (norm, orig) = (&head_norm, &head_orig);
    if region.is_none() {
        // 《深圳国家高新区“十四五”发展规划》…高新区内企业…: a zone's own plan,
        // spoken of again by its kind, is about the zone.
        if let Some((zone, kind)) = zone_plan(norm) {
            let line = head.iter().find(|l| l.norm.contains(&zone));
            if let (true, Some(l)) = (norm.matches(kind).count() >= 2, line) {
                let r = written(norm, orig, &zone);
                note(
                    "region",
                    r.clone(),
                    l,
                    "a zone's own plan (《…高新区…规划》)",
                );
                region = Some(r);
            }
        }
    }
    if region.is_none() {
        // 龙港镇…镇域面积…: a town speaking of itself.
        if let Some(town) = town_of(norm) {
            if let Some(l) = head.iter().find(|l| l.norm.contains(&town)) {
                let r = written(norm, orig, &town);
                note(
                    "region",
                    r.clone(),
                    l,
                    "a town that speaks of itself (全镇, 镇域)",
                );
                region = Some(r);
            }
        }
    }
    if region.is_none() {
        // The place the opening text names most often.
        let chars: Vec<char> = norm.chars().collect();
        if let Some(p) = crate::region::main_place(&chars) {
            // (哈尔滨新区…新区经济…: a zone of that place, named as its subject.)
            let (r, rule) = match zone_of(norm, p.name) {
                Some(zone) => (
                    written(norm, orig, &zone),
                    "a zone of that place (X新区, X高新区) named more often than the place alone",
                ),
                None => (
                    written(norm, orig, p.name),
                    "gazetteer of provinces, prefectures and counties",
                ),
            };
            note(
                "region",
                r.clone(),
                &Line::derived("the place the opening lines name most often"),
                rule,
            );
            region = Some(r);
        } else if let Some((at, n, p)) = crate::region::county_by_short_name(&chars) {
            // Written as the page writes the short name, with 县 in its script.
            let short: String = orig.chars().skip(at).take(n).collect();
            let traditional = planwatch_text::norm::is_traditional(orig);
            let suffix = match (p.name.ends_with('区'), traditional) {
                (true, true) => '區',
                (true, false) => '区',
                (false, true) => '縣',
                (false, false) => '县',
            };
            let r = format!("{short}{suffix}");
            note(
                "region",
                r.clone(),
                &Line::derived("a county (district) the page names without 县 (区), on a page about 全县 (全区)"),
                "gazetteer of counties and districts",
            );
            region = Some(r);
        } else if let Some(p) = crate::region::fallback_place(&chars) {
            let r = written(norm, orig, p.name);
            note(
                "region",
                r.clone(),
                &Line::derived("the only place the opening lines name (视察X, or a short name that is also a word)"),
                "gazetteer, last resort",
            );
            region = Some(r);
        }
    }

    if region.is_none() {
        // 宁政办发〔2023〕13号: a provincial government's document number
        // opens with the province's one-character name.
        if let Some((l, p)) = head
            .iter()
            .find_map(|l| province_of_doc_number(&l.norm).map(|p| (l, p)))
        {
            let r = in_script_of(&l.orig, p);
            note(
                "region",
                r.clone(),
                l,
                "the province a provincial document number names (宁政办发〔2023〕13号)",
            );
            region = Some(r);
        }
    }

    if region.is_none() {
        // 我省…《美丽吉林建设规划纲要》: a page speaking of itself as a province
        // (or city) and naming one such place only inside words or slogans.
        let own = |w: &[&str]| w.iter().map(|w| norm.matches(w).count()).sum::<usize>();
        let (province, city) = (own(&["我省", "全省"]), own(&["我市", "全市"]));
        // (Not a county's page: 全县…全省首个突破千亿的县.)
        let county = own(&["全县", "我县", "全区", "我区", "全州", "全旗"]);
        // (全县…践行民本岳阳的理念: a 县's page naming one county only inside
        // words.)
        let plain_county = own(&["全县", "我县"]);
        let level = if plain_county > 0 && plain_county == county && province + city == 0 {
            Some(crate::region::Level::County)
        } else if county > 0 {
            None
        } else if province > city {
            Some(crate::region::Level::Province)
        } else if city > province {
            Some(crate::region::Level::Prefecture)
        } else {
            None
        };
        let chars: Vec<char> = norm.chars().collect();
        if let Some(p) = level.and_then(|l| crate::region::sole_place_of_level(&chars, l)) {
            let r = in_script_of(orig, p.name);
            note(
                "region",
                r.clone(),
                &Line::derived(
                    "the one place of its level the opening lines name, inside words (美丽吉林)",
                ),
                "a page speaking of itself as 我省/全省 (我市/全市)",
            );
            region = Some(r);
        }
    }

    // Period of a plan.
    let (mut period_start, mut period_end) = period_of(&t);
    if period_end.is_none()
        && matches!(
            doc_type,
            DocType::FiveYearPlan | DocType::Outline | DocType::PlanReview
        )
    {
        if let Some((l, (a, b))) = head.iter().find_map(|l| {
            let (a, b) = period_of(&l.norm);
            Some((l, (a?, b?)))
        }) {
            period_start = Some(a);
            period_end = Some(b);
            note(
                "period",
                format!("{a}–{b}"),
                l,
                "period named near the title",
            );
        }
    } else if let (Some(a), Some(b), Some(l)) = (period_start, period_end, title_line) {
        note("period", format!("{a}–{b}"), l, "period in the title");
    }
    // An article that opens a plan's period the way plans do (“十三五”时期是
    // …的决战时期) is about that plan.
    // (One looking back on it, “十三五”时期是广东极不平凡的五年, reviews it.)
    if period_end.is_none() && doc_type == DocType::Other {
        if let Some((l, (a, b), review)) = head
            .iter()
            .take(HEAD_LINES)
            .find_map(|l| framed_period(&l.norm).map(|(p, r)| (l, p, r)))
        {
            period_start = Some(a);
            period_end = Some(b);
            if review {
                doc_type = DocType::PlanReview;
                note(
                    "type",
                    doc_type.as_str().into(),
                    l,
                    "looks back on a five-year period (“十三五”时期是…极不平凡的五年)",
                );
            }
            note(
                "period",
                format!("{a}–{b}"),
                l,
                "a plan's framing of its period (“十三五”时期是…关键时期)",
            );
        }
    }

    // The reporting year.
    let mut year: Option<i32> = None;
    // (A title's span of years, 工作方案(2023—2027年), starts in its first.)
    let title_year =
        title_line
            .and_then(|_| first_year(&t))
            .map(|y| match (period_start, period_end) {
                (Some(a), Some(b)) if y == b && a < b => a,
                _ => y,
            });
    match doc_type {
        DocType::WorkReport => {
            let annual_plan = head
                .iter()
                .take(30)
                .any(|l| l.norm.contains("计划执行情况"));
            if let Some((l, y, rule)) = Some(&head)
                .filter(|_| annual_plan)
                .and_then(|h| report_year_from_body(h, false))
            {
                note("year", y.to_string(), l, rule);
                year = Some(y);
                if rule == WITHIN_YEAR {
                    // Its period is the year itself: the frame's actuals are that year's.
                    period_start = Some(y);
                    period_end = Some(y);
                }
            } else if let Some((l, y)) = meeting
                .as_ref()
                .filter(|(_, m)| m.month.is_some_and(|mo| mo >= 10))
                .and_then(|(l, m)| Some((*l, m.year?)))
            {
                // A report delivered at a new congress late in the year (换届)
                // reviews that same year: frame it as the next year's report.
                note("year", (y + 1).to_string(), l, LATE_DELIVERY);
                year = Some(y + 1);
            } else if let (Some(y), Some(l)) = (title_year, title_line) {
                // 天长市2015年政府工作报告 published in March 2016 names the year it reviews.
                // (Or the body looks back on the title's year: 2019年，是…的一年.)
                let reviewed = published
                    .as_ref()
                    .is_some_and(|(_, d)| d.0 == y + 1 && d.1 <= 4)
                    || report_year_from_is(&head).is_some_and(|(_, ry, _)| ry == y + 1);
                if reviewed {
                    note(
                        "year",
                        (y + 1).to_string(),
                        l,
                        "title names the year reviewed; published early the next year",
                    );
                    year = Some(y + 1);
                } else {
                    note(
                        "year",
                        y.to_string(),
                        l,
                        "year in the title of a work report",
                    );
                    year = Some(y);
                }
            } else if let Some((l, y)) = meeting.as_ref().and_then(|(l, m)| Some((*l, m.year?))) {
                note("year", y.to_string(), l, "year the report was delivered");
                year = Some(y);
            } else if let Some((l, y, rule)) = report_year_from_headings(text) {
                note("year", y.to_string(), &l, rule);
                year = Some(y);
            } else if let Some((l, y, rule)) = report_year_from_body(&head, false) {
                note("year", y.to_string(), l, rule);
                year = Some(y);
            } else if let Some((l, d)) = &published {
                note("year", d.0.to_string(), l, "publication year of the report");
                year = Some(d.0);
            } else if let Some((l, y)) = report_year_from_new_plan(&head) {
                note(
                    "year",
                    y.to_string(),
                    l,
                    "presents a new five-year plan (十X五规划纲要草案, 开局之年): its first year",
                );
                year = Some(y);
            } else if let Some((l, y, rule)) = report_year_from_body(&head, true) {
                note("year", y.to_string(), l, rule);
                year = Some(y);
            } else if let Some((l, y, rule)) = report_year_from_is(&head) {
                note("year", y.to_string(), l, rule);
                year = Some(y);
            }
        }
        DocType::StatisticalBulletin => {
            if let (Some(y), Some(l)) = (title_year, title_line) {
                note("year", y.to_string(), l, "year in the title of a bulletin");
                year = Some(y);
            } else if let Some((l, y)) = head.iter().find_map(|l| {
                // 2023年黄山市国民经济和社会发展统计公报 2023年是… (title run into the body).
                // (The body's opening year, 2022年，面对…, is the year reported
                // when the two differ.)
                let at = l.norm.find("统计公报")?;
                let body: Vec<char> = l.norm[at + "统计公报".len()..]
                    .trim_start()
                    .chars()
                    .collect();
                let opening = year_at(&body, 0)
                    .filter(|(_, n)| matches!(body.get(*n), Some(',' | '，')))
                    .map(|(y, _)| y);
                opening
                    .or_else(|| first_year(&l.norm[..at]))
                    .map(|y| (l, y))
            }) {
                note("year", y.to_string(), l, "year before 统计公报 in its line");
                year = Some(y);
            } else if let Some((l, y)) = bulletin_year_from_body(text) {
                note(
                    "year",
                    y.to_string(),
                    &l,
                    "first year the bulletin's body names",
                );
                year = Some(y);
            } else if let Some((l, d)) = issued.filter(|(_, d)| d.1 <= 9) {
                // The bulletin's own date line (漳州市统计局 / 2020年3月12日).
                note(
                    "year",
                    (d.0 - 1).to_string(),
                    l,
                    "dated the year after the one it covers",
                );
                year = Some(d.0 - 1);
            } else if let Some(y) = most_named_year(text) {
                note(
                    "year",
                    y.to_string(),
                    &Line::derived("the year the text names most often"),
                    "a bulletin's most named year",
                );
                year = Some(y);
            } else if let Some((l, d)) = &published {
                note(
                    "year",
                    (d.0 - 1).to_string(),
                    l,
                    "published the year after the one it covers",
                );
                year = Some(d.0 - 1);
            }
        }
        _ => {
            // 2007年郑州市人民政府目标管理工作方案 put on a page in 2009: a
            // work plan is of the one year its title names.
            let plan_of_year = title_year.zip(title_line).filter(|(y, _)| {
                doc_type == DocType::ImplementationPlan
                    && named_years(&t).1.len() == 1
                    && published.as_ref().is_some_and(|(_, d)| d.0 > *y)
            });
            if let Some((l, y)) = issued {
                note("year", y.0.to_string(), l, "date of issue");
                year = Some(y.0);
            } else if let Some((y, l)) = plan_of_year {
                note(
                    "year",
                    y.to_string(),
                    l,
                    "a work plan of the year its title names, published later",
                );
                year = Some(y);
            } else if let Some((l, y)) = published
                .as_ref()
                .and_then(|(_, d)| year_ahead_in_opening(&head).filter(|(_, y)| *y < d.0))
            {
                // (Put on the web in 2024, it says 2023年，我市将…: written
                // at the start of 2023.)
                note(
                    "year",
                    y.to_string(),
                    l,
                    "the year its opening speaks of as ahead (X年，…将…), before its publication date",
                );
                year = Some(y);
            } else if let Some((l, d)) = &published {
                note("year", d.0.to_string(), l, "publication date");
                year = Some(d.0);
            } else if let (Some(y), Some(l), false) = (
                title_year,
                title_line,
                // A plan's title names its horizon (二〇三五年远景目标), not its
                // year; so does a headline on a plan (…实施计划 2025年建成…).
                matches!(doc_type, DocType::FiveYearPlan | DocType::Outline)
                    || headline_goal_year(&t)
                    // (2020年，GDP达到或逼近1万亿元 over 到2020年，…: a headline
                    // on goals names their deadline.)
                    || (doc_type == DocType::Other
                        && title_year.is_some_and(|y| deadline_in_body(text, y))),
            ) {
                note("year", y.to_string(), l, "year in the title");
                year = Some(y);
            } else if let Some((l, y)) = Some(doc_type)
                .filter(|t| {
                    matches!(
                        t,
                        DocType::Other | DocType::ImplementationPlan | DocType::PlanReview
                    )
                })
                .and_then(|_| latest_event_date(text))
            {
                note(
                    "year",
                    y.to_string(),
                    &l,
                    "an undated article written after the latest day it names",
                );
                year = Some(y);
            } else if let Some(y) = Some(doc_type)
                .filter(|t| *t == DocType::Other)
                .and_then(|_| plan_year_ordinal(text))
            {
                // 今年是“十二五”的收官之年: the article's own year.
                note(
                    "year",
                    y.to_string(),
                    &Line::derived("今年是“十X五”…之年 in the opening text"),
                    "an undated article naming which year of a plan it is written in",
                );
                year = Some(y);
            }
        }
    }
    // 2023年重点工作任务, 制定2023年工作要点如下: a list of one year's tasks,
    // whatever plan it serves (a plan cited in its title or first lines).
    if doc_type == DocType::ImplementationPlan {
        // (2020年县政府民生实事项目, 东坡区2023年十大民生实事: the year
        // a little before the words.)
        if let Some((l, y)) = head.iter().take(12).find_map(|l| {
            let n = &l.norm;
            let at = crate::doc::one_years_task_words().find_map(|w| n.find(w))?;
            let before: Vec<char> = n[..at].chars().collect();
            let from = before.len().saturating_sub(12);
            let (y, _) = (from..before.len()).find_map(|k| year_at(&before, k))?;
            let own = n.chars().count() <= 40 || n.contains("如下");
            own.then_some((l, y))
        }) {
            period_start = Some(y);
            period_end = Some(y);
            // (A page dated later reposts them: the list is still that year's.)
            year = Some(y);
            note(
                "period",
                format!("{y}–{y}"),
                l,
                "one year's tasks (X年重点工作任务)",
            );
        }
    }
    // 《…三年行动方案(2023—2025年)》 named in an article on the plan.
    if period_end.is_none() && doc_type == DocType::ImplementationPlan {
        if let Some((l, (a, b))) = head
            .iter()
            .find_map(|l| named_plan_period(&l.norm, &["方案", "计划", "规划"]).map(|p| (l, p)))
        {
            period_start = Some(a);
            period_end = Some(b);
            year = year.or(Some(a));
            note(
                "period",
                format!("{a}–{b}"),
                l,
                "period of the plan named in the text",
            );
        }
    }
    if period_end.is_none() && doc_type == DocType::ImplementationPlan {
        period_end = most_common_target_year(text);
        period_start = year;
        if let Some(e) = period_end {
            note(
                "period",
                format!("…–{e}"),
                &Line::derived("the year most often named after 到"),
                "deadline years of the text",
            );
        }
    }
    let number = head.iter().find_map(|l| doc_number(&l.norm));
    let issuer = head
        .iter()
        .chain(tail.iter())
        .find(|l| {
            l.norm.chars().count() <= 20
                && (l.norm.ends_with("人民政府")
                    || l.norm.ends_with("办公室")
                    || l.norm.ends_with("统计局"))
        })
        .map(|l| l.norm.clone());
    let info = DocumentInfo {
        title,
        region,
        doc_type,
        period_start,
        period_end,
        year,
        issuer,
        number,
    };
    (info, why)
}

/// The time frame facts default to ([`crate::doc::Frame`]), from what [`read`]
/// decided. A document with no year of its own (an undated article, a plan
/// with neither period nor date) speaks of the latest year it gives figures
/// for; that decision is added to `why`.
pub fn time_frame(info: &DocumentInfo, text: &str, why: &mut Vec<Decision>) -> crate::doc::Frame {
    let mut frame = crate::doc::Frame::new(info);
    if why.iter().any(|d| d.rule == LATE_DELIVERY) {
        frame.spoken_in = frame.actual_year;
    }
    // News of a plan dated before its period (2015-12 on the 十三五 plan):
    // its 今年 is the year of its date, not the plan's first.
    if matches!(
        info.doc_type,
        DocType::FiveYearPlan | DocType::Outline | DocType::ImplementationPlan
    ) {
        let dated = dates_decided(why).next().map(|(y, _)| y);
        if let (Some(d), Some(start)) = (dated, info.period_start) {
            if d < start {
                frame.spoken_in = Some(d);
            }
        }
    }
    frame.early_in_year =
        info.doc_type == DocType::Other && months_dated(why, info.year).any(|m| m <= 2);
    // (An N-year action also names the deadline its goals are due at.)
    let mut action_deadline = None;
    let (latest, rule) = if info.doc_type == DocType::PlanReview {
        // A review's "now" is the year 今年是…第N年 names, else the latest
        // year it has figures for (a review delivered in November 2018 reports
        // 2018's first half); one that names no year of its period
        // (十四五以来…, 较2020年) speaks at its end.
        let latest = latest_data_year(text).filter(|y| info.year.is_none_or(|d| *y <= d));
        match (
            plan_year_ordinal(text),
            latest,
            info.period_start,
            info.period_end,
        ) {
            (Some(y), ..) => (
                Some(y),
                "今年是…规划实施的第N年: the year the review speaks in",
            ),

            // A final review (高质量完成“十四五”规划) naming no year of its own
            // speaks at the period's end, whatever past year it ranks.
            (None, Some(l), Some(_), Some(end))
                if info.year.is_none_or(|y| y == end)
                    && l < end
                    && plan_closing_year(text) == Some(end) =>
            {
                (
                    Some(end),
                    "a review of a plan that has run its course speaks at the period's end",
                )
            }
            // A review published the year after its period ended (发布时间
            // 2026-01 on “十四五”圆满收官) naming no later year speaks at
            // the period's end, not in the year it was published.
            (None, l, Some(_), Some(end))
                if info.year == Some(end + 1) && l.is_none_or(|y| y <= end) =>
            {
                (
                    Some(end),
                    "a review published the year after its period ended speaks at the period's end",
                )
            }
            // A review of the period's results with figures up to its fourth
            // year is written in its last (a press conference on
            // “十四五”发展成就 in 2025 has 2024's figures).
            (None, Some(l), _, _)
                if info.year.is_none()
                    && period_of_results(text).is_some_and(|(_, end)| l == end - 1) =>
            {
                (
                    Some(l + 1),
                    "an article on a five-year period's results with figures up to its fourth year speaks in its last",
                )
            }
            // A text naming no year on meeting a plan's mid-term goals
            // (基本完成“十三五”规划中期目标) speaks in the period's middle year.
            (None, l, Some(start), Some(_))
                if info.year.is_none() && l.is_none_or(|y| y < start) && mid_term_goals_met(text) =>
            {
                (
                    Some(start + 2),
                    "a text naming no year on meeting a plan's mid-term goals speaks in the period's middle year",
                )
            }
            // (A mid-term review naming no year is not at the period's end.)
            (None, l, Some(start), Some(end))
                if info.year.is_none() && l.is_none_or(|y| y < start) && !mid_term(text) =>
            {
                (
                    Some(end),
                    "a plan review naming no year of its period speaks at the period's end",
                )
            }
            _ => (
                latest,
                "a plan review speaks of the latest year it has figures for",
            ),
        }
    } else if (info.doc_type == DocType::Other && info.year.is_none())
        || (frame.present.is_none() && frame.target_year.is_none())
    {
        // (A headline's 2020年 over 到2020年 in the body is the goals' deadline.)
        let headline_deadline = info
            .title
            .as_deref()
            .and_then(first_year)
            .filter(|y| deadline_in_body(text, *y));
        // (So is a subheading's: 2020年新兴产业占比超20% over 到2020年，….)
        let body: String = text
            .lines()
            .filter(|l| {
                let t = l.trim();
                !(t.chars().count() <= 24
                    && first_year(t).is_some_and(|y| {
                        t.starts_with(&y.to_string()) && deadline_in_body(text, y)
                    }))
            })
            .flat_map(|l| [l, "\n"])
            .collect();
        // (Each read once: the arms below ask them in turn.)
        let results = period_of_results(text);
        let closing = plan_closing_year(text);
        match latest_data_year(&body).filter(|y| Some(*y) != headline_deadline) {
            Some(y) if info.year.is_none() && results.is_some_and(|(_, end)| y == end - 1) =>
            {
                (
                    Some(y + 1),
                    "an article on a five-year period's results with figures up to its fourth year speaks in its last",
                )
            }
            // (An undated article on a plan completed, 圆满完成“十二五”…任务,
            // naming an earlier year of it, 经受2013年抗洪救灾, speaks at its end.)
            Some(y)
                if info.year.is_none()
                    && results.is_none()
                    && closing.is_some_and(|end| y < end && y > end - 5) =>
            {
                (
                    closing,
                    "an undated article on a plan completed, naming an earlier year of it: the period's last year",
                )
            }
            Some(y) => (
                Some(y),
                "an undated article: its facts default to that year",
            ),
            // (So does one on the period's results naming no year at all:
            // 介绍,“十四五”时期… with 今年上半年 and 五年间累计.)
            None => match closing.or(results.map(|(_, end)| end)) {
                Some(y) => (
                    Some(y),
                    "an undated article on a plan's close or its results (圆满完成“十四五”目标任务, 展望“十五五”, 介绍“十四五”时期…): its last year",
                ),
                None => match action_plan_span(text) {
                    Some((y, deadline)) => {
                        action_deadline = Some(deadline)
                            .filter(|_| info.doc_type == DocType::Other && info.year.is_none());
                        (
                            Some(y),
                            "an undated article on an N-year action (三年攻坚行动…到2020年): its first year",
                        )
                    }
                    None => match plan_opening_year(text) {
                        Some(y) => (
                            Some(y),
                            "an undated article on a plan's opening (十四五开好局): its first year",
                        ),
                        // (Each fallback read only when those before it found nothing.)
                        // (“十五”计划开始实施5年来, “十四五”前四年: the years a plan
                        // has run date the text before any work it names ahead.)
                        None => match first_years_counted(text) {
                            Some(y) => (
                                Some(y),
                                "an undated article counting a plan's first years (“十四五”前四年, “十五”计划开始实施5年来): the last of them",
                            ),
                            None => match year_before_work_ahead(text)
                            .map(Fallback::WorkAhead)
                            .or_else(|| published_title_year(text).map(Fallback::Published))
                            .or_else(|| plan_document_deadlines(text).map(Fallback::PlanIssued))
                        {
                            Some(Fallback::WorkAhead(y)) => (
                                Some(y),
                                "an undated article on this year's progress (今年以来) naming only next year's work (接下来将做好2023年…): the year before",
                            ),
                            Some(Fallback::Published(y)) => (
                                Some(y),
                                "an undated article on a document just published (发布《…2015年重点工作任务》): that year",
                            ),
                            Some(Fallback::PlanIssued((first, last))) => {
                                action_deadline = Some(last);
                                frame.on_plan = true;
                                (
                                    Some(first - 1),
                                    "an undated article on a plan just issued (印发的《…实施方案》提出,到2020年…): written before its first deadline",
                                )
                            }
                            None => match years_since_party_congress(text) {
                                Some(y) => (
                                    Some(y),
                                    "an undated text counting the years since a Party congress (党的十八大以来…十年来): the last full year of them",
                                ),
                                None => (
                                    year_after_party_meeting(text),
                                    "an undated text citing the latest Party meeting (贯彻二十届三中全会精神): written after it",
                                ),
                            },
                        },
                        },
                    },
                },
            },
        }
    } else {
        (None, "")
    };
    // A text naming no year at all whose goals are due 到“十二五”末 sets
    // them for that period's end; an undated one on work from now to a year
    // (从今年至2020年，甘肃将…), for that year.
    if latest.is_none() && info.year.is_none() && frame.target_year.is_none() {
        let due = goals_due_at_period_end(text)
            .map(|(n, end)| {
                (n, end, format!("到…末, the {end} period end"), "a text naming no year whose goals are due at a plan period's end (到“十二五”末): goals default to that year")
            })
            .or_else(|| {
                span_from_now(text).map(|(n, end)| {
                    (n, end, format!("从今年至{end}年"), "an undated text on work from now to a year (从今年至2020年): goals default to that year")
                })
            });
        if let Some((line, end, source, rule)) = due {
            frame.target_year = Some(end);
            why.push(Decision {
                field: "year",
                value: end.to_string(),
                line,
                source,
                rule,
            });
        }
    }
    // A dated article on goals (an 意见 with 2017 and 2020 goals): its goals
    // default to the latest year ahead it names.
    // (A title naming its year, 关于2017年…任务指标的通知, sets goals for that year.)
    let title_year = info.title.as_deref().and_then(first_year);
    if latest.is_none()
        && info.doc_type == DocType::Other
        && info.period_end.is_none()
        && title_year.is_none()
    {
        if let Some(y) = info.year {
            // (今后五年…具体目标 names the last of the five years ahead.)
            let five_ahead = crate::prose::FIVE_YEARS_AHEAD
                .iter()
                .any(|w| text.contains(w))
                .then_some(y + 4);
            let ahead = named_years(text)
                .1
                .into_iter()
                .map(|(_, n, _)| n)
                .filter(|n| *n > y && *n <= y + 15)
                .chain(five_ahead)
                .max();
            if let Some(t) = ahead {
                frame.target_year = Some(t);
                why.push(Decision {
                    field: "year",
                    value: t.to_string(),
                    line: 0,
                    source: "the latest year ahead the text names".into(),
                    rule: "a dated article's goals default to the latest year ahead it names",
                });
            }
        }
    }
    // An article dated late in its year (2024-11) states what has been done
    // that year (已突破2420亿元): its present is its own year.
    let late_in_year = months_dated(why, info.year).any(|m| m >= 7);
    // (Unless its lead names the year before as its subject, 2012年,安徽省县域
    // 经济… in an article of 2013-08, and never its own year or 今年: that
    // year is its present.)
    // (Nor when its latest figures are of the year before, 2021年达到106.15万吨
    // in an article of 2022-10 on the years since the Party congress.)
    let plain_late = latest.is_none() && info.doc_type == DocType::Other && late_in_year;
    // (Read only for such an article, cheapest test first.)
    let on_year_before = info
        .year
        .filter(|y| {
            plain_late
                && (leads_on_year_before(text, *y)
                    || (years_since_party_congress_named(text)
                        && never_names_its_year(text, *y)
                        && latest_data_year(text) == Some(y - 1)))
        })
        .map(|y| y - 1);
    if let (Some(y), true) = (on_year_before, plain_late) {
        frame.actual_year = Some(y);
        frame.present = Some(y);
        why.push(Decision {
            field: "year",
            value: y.to_string(),
            line: 0,
            source: format!("{y}年, opening the article's lead"),
            rule: "an article whose lead opens on the year before its date, never naming its own: facts default to that year",
        });
    } else if plain_late {
        if let Some(y) = info.year {
            frame.actual_year = Some(y);
            frame.present = Some(y);
            why.push(Decision {
                field: "year",
                value: y.to_string(),
                line: 0,
                source: "the date of the article".into(),
                rule: "an article dated in the second half of its year: facts default to that year",
            });
        }
    }
    // A dated article on part of its own year (前三季度, 今年以来) reports that
    // year, not the one before it.
    if latest.is_none() && info.doc_type == DocType::Other && frame.actual_year.is_some() {
        // (一季度 in a line on the year before, 2017年…前三季度…全年增长7%,
        // tells how that year went.)
        let part = part_of_year_line(text).filter(|(_, l)| {
            info.year
                .is_none_or(|y| !l.contains(&format!("{}年", y - 1)))
        });
        if let (Some(y), Some((n, l))) = (info.year, part) {
            frame.actual_year = Some(y);
            frame.present = Some(y);
            why.push(Decision {
                field: "year",
                value: y.to_string(),
                line: n,
                source: l.to_string(),
                rule: "an article on part of its own year (前三季度, 今年以来): facts default to that year",
            });
        }
    }
    // An undated text on a work report whose latest year is only named as
    // the one its goals and work are for (2018年浙江将…, 2024年广东经济社会
    // 发展有这些目标) reviews the year before, as a dated report does.
    // (So does an article on a report's goals for the new year: 报告提出
    // 2025年鲤城将…, 新的一年鲤城将在哪些方面持续发力?)
    // (And an article whose lead opens on the year's plans: 2014年，长春市将
    // 按照…原则，计划投资643.7亿元.)
    let head = matching_head(text, 400);
    let on_year_ahead = info.doc_type == DocType::Other
        && (["新的一年", "报告提出"].iter().any(|w| head.contains(w))
            || latest.is_some_and(|y| leads_on_plans_for(&head, y)));
    // (…听取市长作政府报告: news of a report, which reviews the year before
    // the one it names for the work ahead, as the report does.)
    let on_report = info.doc_type == DocType::WorkReport
        || (info.doc_type == DocType::Other
            // (施政报告: the policy address of Hong Kong and Macau, their
            // work report.)
            && ["政府报告", "政府工作报告", "施政报告"]
                .iter()
                .any(|w| head.contains(w)));
    let report_ahead = latest.filter(|y| {
        (on_report || on_year_ahead) && info.year.is_none() && named_only_ahead(text, *y)
    });
    if let Some(y) = report_ahead {
        frame.on_plan |= on_year_ahead;
        frame.present = Some(y - 1);
        frame.actual_year = Some(y - 1);
        frame.target_year = Some(y);
        why.push(Decision {
            field: "year",
            value: (y - 1).to_string(),
            line: 0,
            source: format!("{y}年 named only for goals and work ahead"),
            rule: "an undated text on a work report naming its year only for what lies ahead reviews the year before",
        });
    } else if let Some(y) = latest {
        frame.present = Some(y);
        frame.actual_year = Some(y);
        frame.target_year = frame.target_year.or(Some(y));
        frame.from_figures = info.doc_type != DocType::PlanReview;
        // An N-year action's article speaks in its first year, of goals due
        // at its deadline.
        if let Some(deadline) = action_deadline {
            frame.from_figures = false;
            frame.target_year = Some(deadline);
        }
        why.push(Decision {
            field: "year",
            value: y.to_string(),
            line: 0,
            source: "the latest year the text gives figures for".into(),
            rule,
        });
        // 2023年江西省两会…介绍，江西去年的粮食产量…: the year named is the
        // one the meeting is held in, so the article speaks in it.
        if info.doc_type == DocType::Other && meeting_year_named(text) == Some(y) {
            frame.from_figures = false;
            why.push(Decision {
                field: "year",
                value: y.to_string(),
                line: 0,
                source: format!("{y}年…两会"),
                rule: "an article on the year's 两会 speaks in that year: 去年 is the year before",
            });
        }
    }
    // An undated article whose lead sets out goals due in the latest year it
    // names (印发文件，提出到2027年的一系列硬性发展目标): its figures of that
    // year are those goals.
    if let Some(y) = latest.filter(|_| info.doc_type == DocType::Other && info.year.is_none()) {
        let deadline = format!("到{y}年");
        let sets_goals = head.split(['。', '\n']).any(|s| {
            s.contains(&deadline)
                && s.contains("目标")
                && !["完成", "实现了", "已"].iter().any(|w| s.contains(w))
        });
        if sets_goals && !frame.on_plan {
            frame.on_plan = true;
            frame.target_year = Some(y);
            why.push(Decision {
                field: "kind",
                value: "target".into(),
                line: 0,
                source: format!("{deadline}…目标"),
                rule: "an undated article whose lead sets goals due in the latest year it names: its figures are those goals unless marked done",
            });
        }
    }
    // A dated article whose opening names the goals of a period not yet over
    // (上海“十二五”时期的主要目标, dated 2011-02): its figures are those
    // goals, due at the period's end, unless marked done.
    if let (DocType::Other, Some(y), false) = (info.doc_type, info.year, frame.on_plan) {
        let head = matching_head(text, 200);
        let goals_of = crate::doc::FIVE_YEAR_PLANS.iter().find_map(|(n, start)| {
            let at = head.find(n)?;
            let after: String = head[at + n.len()..].chars().take(12).collect();
            let goals = ["主要目标", "奋斗目标", "发展目标", "目标任务"]
                .iter()
                .any(|w| after.contains(w));
            (goals && *start <= y + 1 && y <= start + 1).then_some(start + 4)
        });
        if let Some(end) = goals_of {
            frame.on_plan = true;
            frame.target_year = Some(end);
            why.push(Decision {
                field: "kind",
                value: "target".into(),
                line: 0,
                source: format!("the goals of the period to {end} named at the opening"),
                rule: "a dated article opening on the goals of a period just begun or about to: its figures are those goals unless marked done",
            });
        }
    }
    // A dated article on a plan just issued (印发《…实施方案》提出): what it
    // tells of that plan are goals, unless marked done.
    if info.doc_type == DocType::Other && info.year.is_some() && !frame.on_plan {
        let head = matching_head(text, 600);
        // (Not a plan of one year, 《…2025年国民经济和社会发展计划》, which
        // reviews the year before.)
        let title = issued_titles(&head)
            .find(|t| is_plan_title(t) && one_year_named(t).is_none())
            .map(str::to_string);
        if let Some(title) = title {
            frame.on_plan = true;
            // (《…三年十大重点工程实施方案》 issued in 2017: its goals are due
            // at the end of its third year, 2019.)
            if let (Some(n), Some(y)) = (years_in_title(&title), info.year) {
                frame.target_year = Some(y + n - 1);
            }
            why.push(Decision {
                field: "kind",
                value: "target".into(),
                line: 0,
                source: format!("《{title}》"),
                rule: "an article on a plan just issued (印发《…实施方案》): its figures are the plan's goals unless marked done",
            });
        }
    }
    // An undated article on a plan just issued (近日…发布了…实施意见。到2025年…):
    // its figures are the plan's goals, due at its last deadline.
    // (Not one dated by its own figures: 截至2022年12月，全省在用数据中心144个
    // tells the state the plan starts from.)
    if info.doc_type == DocType::Other
        && info.year.is_none()
        && frame.present.is_none()
        && !frame.on_plan
    {
        let head = matching_head(text, 600);
        let title = issued_titles(&head)
            .find(|t| is_plan_title(t))
            .map(str::to_string);
        if let Some(title) = title {
            frame.on_plan = true;
            if frame.target_year.is_none() {
                frame.target_year = deadline_years(text).max();
            }
            why.push(Decision {
                field: "kind",
                value: "target".into(),
                line: 0,
                source: title,
                rule: "an undated article on a plan just issued: its figures are the plan's goals unless marked done",
            });
        }
    }
    // An undated text that opens on the goals it sets (全市经济社会发展主要预期
    // 目标是：…) and names no year speaks of those goals and the work for them.
    if info.doc_type == DocType::Other && frame.present.is_none() && !frame.on_plan {
        if let Some(first) = text.lines().map(str::trim).find(|l| !l.is_empty()) {
            let first: String = first
                .chars()
                .take(60)
                .map(planwatch_text::norm::char_for_matching)
                .collect();
            if ["预期目标是", "主要目标是", "目标任务是", "主要预期目标"]
                .iter()
                .any(|w| first.contains(w))
            {
                frame.on_plan = true;
                why.push(Decision {
                    field: "kind",
                    value: "target".into(),
                    line: 1,
                    source: first,
                    rule: "an undated text opening on the goals it sets (主要预期目标是…): its figures are goals unless marked done",
                });
            }
        }
    }
    // A work report, or news of one, that only looks ahead: it announces the
    // year's goals (今年经济社会发展的主要预期目标是) and never looks back (no
    // 去年, 回顾, 一年来, no earlier year): its tasks are that year's goals.
    // (So does news from the People's Congress session that heard it: 记者从
    // 山南市二届人大四次会议上了解到，该市力争2023年….)
    if !frame.on_plan {
        let head = matching_head(text, 600);
        let at_congress =
            head.contains("人民代表大会") || (head.contains("人大") && head.contains("次会议"));
        let about_report = info.doc_type == DocType::WorkReport || on_report || at_congress;
        if let Some(y) = frame.target_year.or(info.year).filter(|_| about_report) {
            // (…力争2023年地区生产总值增长8%左右: the goal itself.)
            let announces = (["预期目标", "主要目标"].iter().any(|w| head.contains(w))
                && (head.contains("今年") || head.contains(&format!("{y}年"))))
                || head.contains(&format!("力争{y}年"))
                || head.contains("力争今年")
                // (An article early in the year: 市工信局将…完成各项目标任务.)
                || (frame.early_in_year
                    && head.contains('将')
                    && ["目标任务", "工作部署", "重点工作", "工作任务"]
                        .iter()
                        .any(|w| head.contains(w)));
            // (Read through only where the goals are announced.)
            const BACK: [&str; 9] = [
                "去年",
                "过去",
                "回顾",
                "一年来",
                "上年",
                "五年来",
                "以来",
                "成绩",
                "成效",
            ];
            let looks_back = || {
                let all = matching_head(text, usize::MAX);
                BACK.iter().any(|w| all.contains(w))
                    || named_years(text).1.iter().any(|(_, n, _)| *n < y)
            };
            if announces && !looks_back() {
                frame.on_plan = true;
                why.push(Decision {
                    field: "kind",
                    value: "target".into(),
                    line: 0,
                    source: format!("{y}年 goals announced, nothing looked back on"),
                    rule: "a work report or news of one that only looks ahead: its tasks are the year's goals unless marked done",
                });
            }
        }
    }
    // An article on one year's plan just issued (印发《…2019年工作方案》),
    // written no later than that year: its figures of the year are its goals.
    if info.doc_type == DocType::Other {
        if let Some(y) = one_years_plan_issued(text) {
            if info.year.is_none_or(|d| d <= y) && frame.present.is_none_or(|p| p <= y) {
                frame.plan_issued_for = Some(y);
                why.push(Decision {
                    field: "kind",
                    value: "target".into(),
                    line: 0,
                    source: format!("a plan of {y} just issued"),
                    rule: "an article on one year's plan just issued (印发《…2019年工作方案》): its figures of that year are goals",
                });
            }
        }
    }
    frame
}

/// The province whose government issued a document by its number
/// (`宁政办发〔2023〕13号` → 宁夏回族自治区): the one-character name before
/// 政 or 府 and the issuing office's word.
fn province_of_doc_number(l: &str) -> Option<&'static str> {
    const PROVINCES: [(char, &str); 31] = [
        ('京', "北京市"),
        ('津', "天津市"),
        ('冀', "河北省"),
        ('晋', "山西省"),
        ('蒙', "内蒙古自治区"),
        ('辽', "辽宁省"),
        ('吉', "吉林省"),
        ('黑', "黑龙江省"),
        ('沪', "上海市"),
        ('苏', "江苏省"),
        ('浙', "浙江省"),
        ('皖', "安徽省"),
        ('闽', "福建省"),
        ('赣', "江西省"),
        ('鲁', "山东省"),
        ('豫', "河南省"),
        ('鄂', "湖北省"),
        ('湘', "湖南省"),
        ('粤', "广东省"),
        ('桂', "广西壮族自治区"),
        ('琼', "海南省"),
        ('渝', "重庆市"),
        ('川', "四川省"),
        ('黔', "贵州省"),
        ('云', "云南省"),
        ('藏', "西藏自治区"),
        ('陕', "陕西省"),
        ('甘', "甘肃省"),
        ('青', "青海省"),
        ('宁', "宁夏回族自治区"),
        ('新', "新疆维吾尔自治区"),
    ];
    let number = crate::doc::doc_number(l)?;
    let mut c = number.chars();
    let first = c.next()?;
    // (The whole word, not 南宁政发: a city's number has a longer name.)
    let office: String = c.take_while(|ch| *ch != '〔' && *ch != '[').collect();
    if ![
        "政发",
        "政办发",
        "政办",
        "政办函",
        "政函",
        "府发",
        "府办发",
        "府办",
        "政办字",
        "政字",
    ]
    .contains(&office.as_str())
    {
        return None;
    }
    PROVINCES.iter().find(|(k, _)| *k == first).map(|(_, p)| *p)
}

/// The year of a one-year plan an article reports as just issued
/// (`印发《陕西省蓝天保卫战2019年工作方案》`, `《…2019年度…实施方案》`).
fn one_years_plan_issued(text: &str) -> Option<i32> {
    let head = matching_head(text, 600);
    let year = issued_titles(&head).find_map(|title| {
        ["方案", "计划", "要点", "任务", "安排"]
            .iter()
            .any(|k| title.ends_with(k))
            .then(|| one_year_named(title))
            .flatten()
    });
    year
}

/// The year a text names, when it names exactly one (`…2015年重点工作任务`).
pub(crate) fn one_year_named(text: &str) -> Option<i32> {
    match named_years(text).1.as_slice() {
        [(_, y, _)] => Some(*y),
        _ => None,
    }
}

/// The line as written, without whitespace, pinyin glosses and footnote
/// marks (the same reading as [`Span`]): each char of it is the same char of
/// [`compact`]'s output before normalisation.
pub(crate) fn as_written(s: &str) -> String {
    Span::new(s, 0, s.len()).orig.iter().collect()
}

/// `r` (found in the normalised `norm`) as `orig` writes it: a traditional-script
/// document's region stays in its own script.
/// A name in the script of the text `orig` (宁夏回族自治区 on a traditional
/// page: 寧夏回族自治區).
fn in_script_of(orig: &str, r: &str) -> String {
    if planwatch_text::norm::is_traditional(orig) {
        r.chars()
            .map(planwatch_text::norm::simplified_to_traditional)
            .collect()
    } else {
        r.to_string()
    }
}

pub(crate) fn written(norm: &str, orig: &str, r: &str) -> String {
    let Some(at) = norm.find(r) else {
        // Named by its short form only (視察貴州 → 貴州省): the short form as
        // written, the suffix in the same script.
        let short = (2..r.chars().count())
            .rev()
            .map(|k| r.chars().take(k).collect::<String>())
            .find(|p| norm.contains(p.as_str()));
        if let Some(p) = short {
            let w = written(norm, orig, &p);
            let traditional = w != p || planwatch_text::norm::is_traditional(orig);
            // (新疆 → 新疆維吾爾自治區, 广西 → 廣西壯族自治區.)
            let rest: String = r
                .chars()
                .skip(p.chars().count())
                .map(|c| {
                    if traditional {
                        planwatch_text::norm::simplified_to_traditional(c)
                    } else {
                        c
                    }
                })
                .collect();
            return format!("{w}{rest}");
        }
        // Not named at all (the province of 呼和浩特): in the page's script.
        return in_script_of(orig, r);
    };
    let from = norm[..at].chars().count();
    let n = r.chars().count();
    let w: String = orig.chars().skip(from).take(n).collect();
    if w.chars().count() == n {
        w
    } else {
        r.to_string()
    }
}

/// The line for matching: [`as_written`], normalised.
pub(crate) fn compact(s: &str) -> String {
    Span::new(s, 0, s.len()).chars.iter().collect()
}

/// Words of web-page chrome: breadcrumbs, counters, share and print links.
const CHROME_WORDS: &[&str] = &[
    "首页",
    "当前位置",
    "您的位置",
    "现在的位置",
    "索引",
    "收藏",
    "浏览",
    "点击",
    "字体",
    "打印",
    "分享",
    "来源",
    "发布时间",
    "发布日期",
    "责任编辑",
    "阅读",
    "下载",
    "搜索",
    "登录",
];

fn is_chrome(l: &str) -> bool {
    l.contains('>')
        || l.contains('»')
        || l.contains('|')
        || CHROME_WORDS.iter().any(|w| l.contains(w))
}

/// Title words, most specific first; a line holding a more specific one wins.
const TITLE_WORDS: &[(&str, u8)] = &[
    ("国民经济和社会发展统计公报", 6),
    ("统计公报", 5),
    ("政府工作报告", 6),
    ("五年规划", 5),
    ("规划纲要", 5),
    ("计划执行情况", 5),
    ("实施方案", 4),
    ("行动方案", 4),
    ("行动计划", 4),
    ("工作方案", 4),
    ("实施意见", 4),
    ("评估报告", 4),
    // One year's tasks: 2020年县政府民生实事项目, 2021年工作要点.
    ("民生实事", 4),
    ("办实事", 4),
    ("工作要点", 4),
    ("重点工作任务", 4),
    // (2022年全面推进乡村振兴重点工作目标任务.)
    ("目标任务", 4),
    ("工作报告", 4),
    ("公报", 3),
    ("规划", 3),
    ("纲要", 3),
    ("方案", 2),
    ("计划", 2),
    ("意见", 2),
    ("通知", 2),
    ("通报", 2),
    ("报告", 2),
];

fn title_score(l: &str) -> u8 {
    TITLE_WORDS
        .iter()
        .filter(|(w, _)| l.contains(w))
        .map(|(_, s)| *s)
        .max()
        .unwrap_or(0)
}

/// `…关于…的通知/通报/决定/意见/批复`: the form of an official document's title.
fn formal_title(l: &str) -> bool {
    l.find("关于").is_some_and(|at| {
        let rest = &l[at..];
        ["的通知", "的通报", "的决定", "的意见", "的批复"]
            .iter()
            .any(|w| rest.ends_with(w))
    })
}

/// The title line: among the head's short lines that are no chrome and no
/// sentence, the one naming the most specific kind of document (the first on ties).
fn find_title(head: &[Line]) -> Option<(&Line, (String, String))> {
    use planwatch_text::LineClass;
    let mut best: Option<(u8, &Line, (String, String))> = None;
    for l in head.iter().take(40) {
        let n = l.norm.chars().count();
        if !(4..=60).contains(&n)
            || doc_number(&l.norm).is_some()
            || l.norm.contains('。')
            || l.norm.ends_with('，')
            || is_chrome(&l.norm)
            // (彭勇分析,2017年是“十三五”规划的第二年,也是…: a sentence cut by
            // a line break, not a title.)
            || l.norm.chars().filter(|c| matches!(c, '，' | ',')).count() >= 2
            || reports_speech(&l.norm)
            // (●全面完成“十三五”规划目标；: an item of a list.)
            || l.norm.starts_with(['●', '■', '◆', '▲', '•', '★', '○', '□'])
            || l.norm.ends_with(['；', ';'])
        {
            continue;
        }
        if !matches!(
            planwatch_text::classify(&l.raw),
            LineClass::Text | LineClass::Heading(_)
        ) {
            continue;
        }
        let t = title_text(head, l);
        let mut s = title_score(&t.0);
        // X人民政府关于…的通报: a document's own formal title, above any heading
        // in its body (一、全省“十一五”规划目标实现情况评价).
        if formal_title(&l.norm) {
            s = s.max(4);
        }
        // A line that starts a sentence or holds a colon or comma is weak; so
        // is a numbered heading (二、2024年目标任务), a part of the text.
        if l.norm.starts_with('—')
            || l.norm.contains(['：', ':', '，', ','])
            || planwatch_text::marker_level(&l.norm).is_some()
        {
            s = s.saturating_sub(2);
        }
        if s > 0 && best.as_ref().is_none_or(|(b, _, _)| s > *b) {
            best = Some((s, l, t));
        }
    }
    best.map(|(_, l, t)| (l, t))
}

/// `报告指出，2025年是实施“十四五”规划的收…`: a sentence telling what someone
/// said (a line cut from a news story), never a title.
fn reports_speech(line: &str) -> bool {
    let Some(at) = line.find(['，', ',']) else {
        return false;
    };
    let before = &line[..at];
    SPEECH_VERBS.iter().any(|w| before.ends_with(w))
}

/// Verbs that report what a person or a report said (报告指出，…).
const SPEECH_VERBS: [&str; 9] = [
    "指出", "表示", "提出", "强调", "明确", "介绍", "认为", "显示", "说",
];

/// The title, with up to two following short lines of a title broken over lines.
fn title_text(head: &[Line], first: &Line) -> (String, String) {
    let mut t = first.norm.clone();
    let mut orig = first.orig.clone();
    let mut last_no = first.no;
    let i = head.iter().position(|l| l.no == first.no).unwrap_or(0);
    for next in head.iter().skip(i + 1).take(2) {
        if next.no != last_no + 1
            || t.chars().count() + next.norm.chars().count() > 60
            || next.norm.contains(['。', '，', ',', '：', ':'])
            || next.norm.starts_with('—')
            || is_chrome(&next.norm)
            || date_in(&next.norm).is_some()
            || planwatch_text::marker_level(&next.norm).is_some()
        {
            break;
        }
        // A finished title (its kind word last) takes no more lines, unless the
        // next one continues it (…规划和二〇三五年 / 远景目标纲要).
        let done = TITLE_WORDS.iter().any(|(w, _)| t.ends_with(w));
        let continues = next
            .norm
            .chars()
            .any(|c| "规划纲要方案报告公报计划".contains(c));
        if (done || title_score(&t) > 0) && !continues {
            break;
        }
        t.push_str(&next.norm);
        orig.push_str(&next.orig);
        last_no = next.no;
    }
    (t, orig)
}

/// The years of a plan a line names in 《》 (`《…三年行动方案(2023—2025年)》`),
/// when the title holds one of `words`.
fn named_plan_period(line: &str, words: &[&str]) -> Option<(i32, i32)> {
    line.split('《').skip(1).find_map(|rest| {
        let name = rest.split('》').next().unwrap_or(rest);
        if !words.iter().any(|w| name.contains(w)) {
            return None;
        }
        match period_of(name) {
            (Some(a), Some(b)) => Some((a, b)),
            _ => None,
        }
    })
}

/// A type read from the body when the title names none.
fn type_from_body<'a>(head: &'a [Line], text: &str) -> Option<(DocType, &'a Line, &'static str)> {
    for (k, l) in head.iter().take(30).enumerate() {
        if l.norm.starts_with("各位代表") {
            return Some((DocType::WorkReport, l, "addresses 各位代表"));
        }
        // (市工信局将进一步落实落细政府工作报告的工作部署: a department
        // carrying the report out, on its own work; not the report.)
        let carried_out = l.norm.match_indices("政府工作报告").all(|(i, _)| {
            let before: Vec<char> = l.norm[..i].chars().collect();
            let near: String = before[before.len().saturating_sub(6)..].iter().collect();
            ["落实", "贯彻", "按照", "对照", "围绕"]
                .iter()
                .any(|w| near.contains(w))
        });
        if l.norm.contains("政府工作报告") && !carried_out {
            return Some((DocType::WorkReport, l, "speaks of the 政府工作报告"));
        }
        // (在今日开幕的上海市十二届人大五次会议上，…市长…在做政府报告时表示: the same.)
        if l.norm.contains("政府报告")
            && (l.norm.contains("人大") || l.norm.contains("人民代表大会"))
            && l.norm.contains("会议")
        {
            return Some((
                DocType::WorkReport,
                l,
                "reports a government's report at a congress (人大…会议…政府报告)",
            ));
        }
        // 省长…代表省人民政府向大会报告工作: news of a work report.
        if l.norm.contains("人民代表大会") && l.norm.contains("向大会报告工作") {
            return Some((
                DocType::WorkReport,
                l,
                "reports a government's report to the congress (向大会报告工作)",
            ));
        }
        if l.norm.contains("计划执行情况") {
            return Some((
                DocType::WorkReport,
                l,
                "an annual plan report (计划执行情况), framed as a work report",
            ));
        }
        if l.norm.contains("统计公报") {
            return Some((DocType::StatisticalBulletin, l, "names 统计公报"));
        }
        if (l.norm.ends_with("统计局")
            || l.norm.ends_with("调查总队")
            || l.norm.ends_with("调查队"))
            && text.contains("比上年")
        {
            return Some((
                DocType::StatisticalBulletin,
                l,
                "issued by a statistics bureau and compares with the year before",
            ));
        }
        if (l.norm.starts_with("初步核算")
            || l.norm.starts_with("初步测算")
            || l.norm.starts_with("经初步核算"))
            && text.contains("比上年")
        {
            return Some((
                DocType::StatisticalBulletin,
                l,
                "reads like a bulletin (初步核算…比上年)",
            ));
        }
        if ["评估", "评价", "实施情况", "实现情况"]
            .iter()
            .any(|w| l.norm.contains(w))
            && (l.norm.contains("规划") || l.norm.contains("纲要"))
            && crate::doc::named_period(&l.norm).is_some()
        {
            return Some((
                DocType::PlanReview,
                l,
                "reviews a five-year plan (…规划…中期评估/实施情况)",
            ));
        }
        // 东坡区2023年十大民生实事项目发布, 名称：2021年政府工作思路和主要任务:
        // one year's list of tasks.
        if let Some(at) = crate::doc::PEOPLES_PROJECTS
            .iter()
            .chain(&["工作要点", "工作思路"])
            .find_map(|w| l.norm.find(w))
        {
            let before: Vec<char> = l.norm[..at].chars().collect();
            let from = before.len().saturating_sub(12);
            // (关于2023年为民办实事项目⏎实施情况的通报: a title broken over
            // lines, the tasks' results.)
            let tasks: String = match head.get(k + 1) {
                Some(next) if next.no == l.no + 1 && next.norm.chars().count() <= 20 => {
                    format!("{}{}", &l.norm[at..], next.norm)
                }
                _ => l.norm[at..].to_string(),
            };
            if (from..before.len()).any(|k| year_at(&before, k).is_some())
                && crate::doc::one_years_tasks(&tasks)
            {
                return Some((
                    DocType::ImplementationPlan,
                    l,
                    "announces one year's tasks (2023年十大民生实事项目)",
                ));
            }
        }
        // 高质量完成“十四五”规划, 完成了“十三五”规划确定的主要目标: a review of the plan's results.
        // (2025年，兴庆区将重点做好八个方面工作，高质量完成“十四五”规划目标任务:
        // work ahead, told in the same sentence.)
        // (在全面完成“十二五”规划任务的基础上，甘肃将…: the same.)
        if let Some(at) = l.norm.find("完成") {
            let rest: String = l.norm[at..].chars().take(14).collect();
            let from = l.norm[..at].rfind(['。', '；', ';']).unwrap_or(0);
            let to = l.norm[at..]
                .find(['。', '；', ';'])
                .map_or(l.norm.len(), |k| at + k);
            let sentence = &l.norm[from..to];
            // (2025年是“十四五”收官之年…高质量完成“十四五”规划目标任务。
            // 主要预期目标：…: a year's work report, the plan's completion
            // its aim.)
            let ahead = ["将", "确保", "力争", "争取", "奋力", "基础上"]
                .iter()
                .any(|w| sentence.contains(w))
                || (l.norm.contains("收官之年")
                    && head.iter().any(|m| m.norm.contains("预期目标")));
            if !ahead && rest.contains("规划") && crate::doc::named_period(&rest).is_some() {
                return Some((
                    DocType::PlanReview,
                    l,
                    "speaks of completing a five-year plan (完成“十X五”规划)",
                ));
            }
        }
        // The opening 《 is sometimes lost with the line before it.
        // (A plan named first, its 中期评估报告 in the lines after: a review.)
        let reviewed_after = || {
            head.iter()
                .skip_while(|m| !std::ptr::eq(*m, l))
                .skip(1)
                .take(5)
                .any(|m| {
                    (m.norm.contains("评估") || m.norm.contains("实施情况"))
                        && (m.norm.contains("规划") || m.norm.contains("纲要"))
                })
        };
        // 自2011年正式实施“十二五”规划以来…《纲要》中确定的目标任务总体进展
        // 顺利，4项已提前完成规划目标: news of a plan's progress.
        let progress = ["进展顺利", "提前完成", "如期完成", "规划以来", "实施以来"]
            .iter()
            .any(|w| l.norm.contains(w));
        if progress
            && (l.norm.contains("规划") || l.norm.contains("纲要"))
            && crate::doc::named_period(&l.norm).is_some()
        {
            return Some((
                DocType::PlanReview,
                l,
                "tells how a five-year plan is going (规划实施以来…进展顺利/提前完成)",
            ));
        }
        // 《…人大常委会关于批准调整…“十二五”规划…的决议》: a decision on a
        // plan under way, its targets changed mid-term, not the plan.
        let adjusts = l.norm.contains("关于")
            && l.norm.contains("调整")
            && (l.norm.contains("批准") || l.norm.contains("决议") || l.norm.contains("决定"));
        if adjusts && l.norm.contains("规划") && crate::doc::named_period(&l.norm).is_some() {
            return Some((
                DocType::PlanReview,
                l,
                "a decision adjusting a five-year plan under way (关于批准调整“十X五”规划…)",
            ));
        }
        if l.norm.contains(['《', '》'])
            && l.norm.contains("规划")
            && crate::doc::named_period(&l.norm).is_some()
            && !reviewed_after()
        {
            return Some((
                DocType::FiveYearPlan,
                l,
                "speaks of a five-year plan (《…十X五…规划》)",
            ));
        }
        // 两年多来，…全面贯彻落实《…三年(2011~2013)行动计划》，主要任务顺利完成:
        // a look back on an implementation plan.
        let impl_plan = ["实施方案", "行动方案", "行动计划", "工作方案", "攻坚方案"];
        if let (Some(_), Some(at)) = (named_plan_period(&l.norm, &impl_plan), l.norm.find('《')) {
            let (before, after) = l.norm.split_at(at);
            let looks_back = ["年来", "年多来", "以来"]
                .iter()
                .any(|w| before.contains(w))
                || ["顺利完成", "全面完成", "基本完成"]
                    .iter()
                    .any(|w| after.contains(w));
            if looks_back && !l.norm.contains("制定本") && !l.norm.contains("特制定") {
                return Some((
                    DocType::PlanReview,
                    l,
                    "looks back on an implementation plan (…以来，贯彻落实《…方案》…完成)",
                ));
            }
        }
        // 印发了《…三年行动实施方案(2018-2020年)》: an article on an implementation plan.
        if named_plan_period(
            &l.norm,
            &["实施方案", "行动方案", "行动计划", "工作方案", "攻坚方案"],
        )
        .is_some()
        {
            return Some((
                DocType::ImplementationPlan,
                l,
                "speaks of an implementation plan with its years (《…方案(2018-2020年)》)",
            ));
        }
        // ——湘潭市“十三五”经济社会发展成就综述: a title-like line on a period's results.
        if l.norm.chars().count() <= 40
            && crate::doc::named_period(&l.norm).is_some()
            && ["成就", "综述", "成绩单", "发展回顾"]
                .iter()
                .any(|w| l.norm.contains(w))
            && !l.norm.contains("规划纲要")
        {
            return Some((
                DocType::PlanReview,
                l,
                "a title-like line on a five-year period's results (十X五…成就/综述)",
            ));
        }
        // 制定如下行动方案, 特制定本实施方案, 提出如下意见: the text is the plan itself.
        if let Some(at) = l.norm.find("制定").or_else(|| l.norm.find("提出如下")) {
            let rest: String = l.norm[at..].chars().take(12).collect();
            // (Its own: 特制定, 制定本/此, 如下; not 制定开放管理方案, a
            // plan made by others and told of.)
            let own = l.norm[..at].ends_with('特')
                || rest.starts_with("制定本")
                || rest.starts_with("制定此")
                || rest.contains("如下");
            if own
                && [
                    "方案",
                    "行动计划",
                    "工作计划",
                    "实施意见",
                    "如下意见",
                    "若干措施",
                ]
                .iter()
                .any(|w| rest.contains(w))
            {
                return Some((
                    DocType::ImplementationPlan,
                    l,
                    "sets itself out as a plan (制定本方案, 制定如下行动方案)",
                ));
            }
        }
        if l.norm.contains("现将") && l.norm.contains("印发给你们") {
            return Some((DocType::ImplementationPlan, l, "a notice issuing a plan"));
        }
    }
    // An untitled page that compares year on year throughout and speaks of
    // 全年/年末 reads like a bulletin.
    let yoy = text.matches("比上年").count() + text.matches("同比").count();
    let whole_year = text.matches("全年").count() + text.matches("年末").count();
    // (Not an article on part of the year, 上半年…同比增长, whose 全年 is the
    // year's goal it is measured against.)
    if yoy >= 4
        && whole_year >= 2
        && !text.contains("政府工作")
        && !text.contains("力争")
        && part_of_year_line(text).is_none()
    {
        let l = head.first()?;
        return Some((
            DocType::StatisticalBulletin,
            l,
            "compares with the year before throughout (比上年, 全年, 年末)",
        ));
    }
    None
}

fn first_year(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .find_map(|i| year_at(&chars, i))
        .map(|(y, _)| y)
}

/// A date in a line: 2017年3月20日, 2017-03-20, 2017/3/20, 2017.03.20 → (year, month).
fn date_in(l: &str) -> Option<(i32, u32)> {
    let chars: Vec<char> = l.chars().collect();
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].is_ascii_digit() {
            continue;
        }
        if let Some((y, len)) = year_at(&chars, i) {
            if let Some(m) = month_at(&chars, i + len) {
                return Some((y, m));
            }
            continue;
        }
        // 14.01.2016 10:53: a day-first date in page chrome.
        if chars.len() >= i + 10
            && chars[i..i + 2].iter().all(|c| c.is_ascii_digit())
            && chars[i + 2] == '.'
            && chars[i + 3..i + 5].iter().all(|c| c.is_ascii_digit())
            && chars[i + 5] == '.'
            && chars[i + 6..i + 10].iter().all(|c| c.is_ascii_digit())
            // (The time may follow with its space removed: 05.07.201611:34.)
            && (chars.get(i + 10).is_none_or(|c| !c.is_ascii_digit())
                || chars.get(i + 12) == Some(&':'))
        {
            let num =
                |a: usize, b: usize| chars[a..b].iter().collect::<String>().parse::<i32>().ok();
            if let (Some(d), Some(m), Some(y)) =
                (num(i, i + 2), num(i + 3, i + 5), num(i + 6, i + 10))
            {
                if (1..=31).contains(&d) && (1..=12).contains(&m) && (1990..=2100).contains(&y) {
                    return Some((y, m as u32));
                }
            }
        }
        if chars.len() >= i + 8 && chars[i..i + 4].iter().all(|c| c.is_ascii_digit()) {
            let sep = chars[i + 4];
            if matches!(sep, '-' | '/' | '.') {
                let y: i32 = chars[i..i + 4].iter().collect::<String>().parse().ok()?;
                let digits: String = chars[i + 5..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .collect();
                let m: u32 = digits.parse().ok()?;
                if (1990..=2100).contains(&y) && (1..=12).contains(&m) && digits.len() <= 2 {
                    return Some((y, m));
                }
            }
        }
    }
    None
}

/// The latest full date (`2016年1月7日`) an article names: something it
/// reports as done, so the article was written that year or later.
fn latest_event_date(text: &str) -> Option<(Line, i32)> {
    let mut best: Option<(Line, i32)> = None;
    for (n, raw) in text.lines().enumerate().take(400) {
        let chars: Vec<char> = compact(raw).chars().collect();
        for i in 0..chars.len() {
            let Some((y, len)) = year_at(&chars, i) else {
                continue;
            };
            if month_at(&chars, i + len).is_none() {
                continue;
            }
            // The day starts after 月 (the month may be written 03 or 十二).
            let Some(d) = (i + len..(i + len + 4).min(chars.len()))
                .find(|&k| chars[k] == '月')
                .map(|k| k + 1)
            else {
                continue;
            };
            let day = chars[d.min(chars.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if day > 0 && chars.get(d + day) == Some(&'日') && best.as_ref().is_none_or(|b| y > b.1)
            {
                best = Some((Line::new(n, raw), y));
            }
        }
    }
    best
}

fn month_at(chars: &[char], i: usize) -> Option<u32> {
    let digits: String = chars[i..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    if !digits.is_empty() {
        let m: u32 = digits.parse().ok()?;
        return (chars.get(i + digits.len()) == Some(&'月') && (1..=12).contains(&m)).then_some(m);
    }
    // 二〇一七年三月十四日
    let cn: String = chars[i..]
        .iter()
        .take_while(|c| "一二三四五六七八九十".contains(**c))
        .collect();
    let n = cn.chars().count();
    if n == 0 || chars.get(i + n) != Some(&'月') {
        return None;
    }
    let v = |c: char| "一二三四五六七八九".find(c).map(|p| p as u32 / 3 + 1);
    let cs: Vec<char> = cn.chars().collect();
    match cs.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => v(*c),
        ['十', c] => v(*c).map(|d| 10 + d),
        _ => None,
    }
}

/// The town (`龙港镇`) a text speaks of as its own (`全镇`, `我镇`, `镇域面积`),
/// named at least twice; a two-character name before 镇 that is no word
/// (城镇, 乡镇, 示范镇).
fn town_of(text: &str) -> Option<String> {
    if !["全镇", "我镇", "本镇", "镇域面积"]
        .iter()
        .any(|w| text.contains(w))
    {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut counts: Vec<(String, usize)> = Vec::new();
    for i in 2..chars.len() {
        if chars[i] != '镇'
            || !chars[i - 2..i]
                .iter()
                .all(|c| planwatch_text::norm::is_han(*c))
        {
            continue;
        }
        // (A word ending in its second char: 城镇, 乡镇, 示范镇, 全镇, 小镇.)
        if "城乡村集重名强小制心范色全本我该各个两三每特".contains(chars[i - 1])
            || "全本我该各每".contains(chars[i - 2])
        {
            continue;
        }
        let name: String = chars[i - 2..=i].iter().collect();
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some(e) => e.1 += 1,
            None => counts.push((name, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .max_by_key(|(_, n)| *n)
        .map(|(name, _)| name)
}

/// Kinds of zone a place sets up (a 新区 or 高新区 of a city), longest first
/// where one holds another.
const ZONE_KINDS: &[&str] = &[
    "高新技术产业开发区",
    "经济技术开发区",
    "自由贸易试验区",
    "综合保税区",
    "高新区",
    "经开区",
    "开发区",
    "自贸区",
    "新区",
];

/// A zone of `place` (`哈尔滨新区`, `如皋高新技术产业开发区`) that the text
/// names, with bare mentions of its kind (`新区经济`), more often than the
/// place alone: the zone is the subject.
fn zone_of(text: &str, place: &str) -> Option<String> {
    let short = ["市", "县", "区", "州", "盟", "旗", "省"]
        .iter()
        .find_map(|s| place.strip_suffix(s))
        .filter(|s| s.chars().count() >= 2)
        .unwrap_or(place);
    let mut zones: Vec<(String, &str)> = Vec::new();
    let mut alone = 0usize;
    for (at, _) in text.match_indices(short) {
        let rest = &text[at + short.len()..];
        let rest_kind = rest.strip_prefix('市').unwrap_or(rest);
        match ZONE_KINDS.iter().find(|k| rest_kind.starts_with(*k)) {
            Some(k) => {
                let end = at + short.len() + (rest.len() - rest_kind.len()) + k.len();
                zones.push((text[at..end].to_string(), k));
            }
            None => alone += 1,
        }
    }
    let (zone, kind) = zones.first()?.clone();
    let named = zones.iter().filter(|(z, _)| *z == zone).count();
    // (Bare mentions of the kind or its short form, 高新区 for
    // 高新技术产业开发区, past those inside the full name.)
    let short_kind = match kind {
        "高新技术产业开发区" => Some("高新区"),
        "经济技术开发区" => Some("经开区"),
        "自由贸易试验区" => Some("自贸区"),
        _ => None,
    };
    let bare = (text.matches(kind).count() + short_kind.map_or(0, |k| text.matches(k).count()))
        .saturating_sub(named);
    (named + bare > alone).then_some(zone)
}

/// The zone a cited plan is of, and the zone's kind: `《深圳国家高新区“十四五”
/// 发展规划》` → (深圳国家高新区, 高新区). The zone name starts with a place.
fn zone_plan(text: &str) -> Option<(String, &'static str)> {
    for (at, _) in text.match_indices('《') {
        let rest = &text[at + '《'.len_utf8()..];
        let title = &rest[..rest.find('》')?];
        if !(title.contains("规划") || title.contains("方案") || title.contains("计划")) {
            continue;
        }
        let chars: Vec<char> = title.chars().collect();
        if crate::region::place_at(&chars, 0).is_none() {
            continue;
        }
        if let Some((k, kind)) = ZONE_KINDS
            .iter()
            .filter_map(|k| title.find(k).map(|i| (i, *k)))
            .min_by_key(|(i, k)| (*i, std::cmp::Reverse(k.len())))
        {
            let zone = &title[..k + kind.len()];
            if zone.chars().count() <= 14 {
                return Some((zone.to_string(), kind));
            }
        }
    }
    None
}

/// A headline on a plan naming the year of a goal: `成都发布全民健身实施计划
/// 2025年建成“三级健身圈”`, `…规划：2025年力争实现旅游总收入1800亿元`.
fn headline_goal_year(t: &str) -> bool {
    const PLANS: &[&str] = &["计划", "规划", "方案", "意见"];
    const GOAL_VERBS: &[&str] = &["建成", "力争", "将", "要", "基本", "全面", "目标"];
    PLANS.iter().any(|w| t.contains(w))
        && t.match_indices('年').any(|(i, _)| {
            let before = &t[..i];
            let year = before.len() >= 4
                && before.is_char_boundary(before.len() - 4)
                && before[before.len() - 4..]
                    .bytes()
                    .all(|b| b.is_ascii_digit());
            let after = &t[i + '年'.len_utf8()..];
            year && (GOAL_VERBS.iter().any(|w| after.starts_with(w))
                || before[..before.len() - 4].ends_with('到'))
        })
}

/// Whether the text names year `y` as a deadline (`到2020年`, `至2020年`).
fn deadline_in_body(text: &str, y: i32) -> bool {
    ["到", "至"]
        .iter()
        .any(|w| text.contains(&format!("{w}{y}年")))
}

/// The date of an article's byline: `来源：洛阳网 2025.09.25 20:09`,
/// `发布时间：2020-03-25` — a source or publishing line holding a full date.
fn byline_date(l: &str) -> Option<(i32, u32)> {
    const KEYS: &[&str] = &["来源", "发布日期", "发布时间", "发表时间", "发文日期"];
    let at = KEYS
        .iter()
        .filter_map(|k| l.find(k).map(|i| i + k.len()))
        .min()?;
    // `sina.com.cn 2011-12-05 08:30 来源: 商务部网站近日,…`: the body glued
    // to its byline; a day (and time) just before 来源 still dates it.
    if l.chars().count() > 80 {
        return day_before_source(l);
    }
    date_in(&l[at..])
        .or_else(|| {
            // 2024年06月04日 09:40 来源:中国新闻网: the date before the source.
            let before = &l[..l.find("来源")?];
            (before.chars().count() <= 25
                && before
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit()))
            .then(|| date_in(before))
            .flatten()
        })
        // (中央政府门户网站 www.gov.cn 2008年12月27日 来源:新华社.)
        .or_else(|| day_before_source(l))
}

/// The day written right before 来源 (`… 2008年12月27日 来源:`, `… 2011-12-05
/// 08:30 来源:`), past its time of day.
fn day_before_source(l: &str) -> Option<(i32, u32)> {
    let mut before = l[..l.find("来源")?].trim_end();
    // (Past its time of day: 08:30, 08:30:15.)
    if let Some((day, time)) = before.rsplit_once([' ', '、']) {
        if time.contains(':') && time.chars().all(|c| c.is_ascii_digit() || c == ':') {
            before = day.trim_end();
        }
    }
    let day: Vec<char> = before.chars().rev().take(11).collect();
    let numeric = day.iter().take(10).filter(|c| **c == '-').count() == 2
        && day.iter().take(10).all(|c| c.is_ascii_digit() || *c == '-');
    let day: String = day.into_iter().rev().collect();
    (numeric || day.ends_with('日'))
        .then(|| date_in(&day))
        .flatten()
}

/// A publication-date line of a web page (发布日期：2017-03-20, 发布时间 …).
fn publication_date(l: &str) -> Option<(i32, u32)> {
    const KEYS: &[&str] = &[
        "发布日期",
        "发布时间",
        "发文日期",
        "成文日期",
        "发表时间",
        "日期",
        "时间",
        "date",
        "Date",
    ];
    match KEYS
        .iter()
        .filter_map(|k| l.find(k).map(|i| i + k.len()))
        .min()
    {
        Some(at) => date_in(&l[at..]),
        // A short line holding only a numeric date (2021-02-05 12:10) is a page's date.
        // (Not a table row: 6 廊坊 2013.6 2083.7 -70.1 -3.36%.)
        None if l.chars().count() <= 40
            && !l.contains('%')
            && (l.chars().filter(|c| *c == '-').count() >= 2
                // 05.07.2016 11:34, 2016/07/05: a line of the date alone.
                // (A space between two figures reads as 、.)
                || (l.chars().all(|c| c.is_ascii_digit() || "./: 、".contains(c))
                    && ['.', '/']
                        .iter()
                        .any(|sep| l.chars().filter(|c| c == sep).count() >= 2))) =>
        {
            date_in(l).filter(|_| !l.contains('年'))
        }
        // `2018/11/8 20:56(11/8 21:05 更新)`: a short line opening on a
        // numeric date, a note of its update after it.
        None if l.chars().count() <= 40 && !l.contains('%') && opens_on_numeric_date(l) => {
            date_in(l)
        }
        // `- 2014年01月07日`: a line holding a full date alone (after a bullet).
        None if is_date_alone(l) => date_in(l),
        // `西藏日报(汉)/2024 年/1 月/3 日/第 001 版`: a newspaper's issue line.
        None if is_newspaper_issue(l) => {
            date_in(&l.replace(['/', ' ', '\u{3000}'], "")).filter(|_| l.contains('日'))
        }
        None => None,
    }
}

/// `2018/11/8 20:56`, `2021-02-05 12:10`: a year, month and day in figures,
/// then a time or nothing.
///
/// ```text
/// 2018/11/820:56(11/821:05更新)  yes (a line read without its spaces)
/// 2018-11-08                     yes
/// 2018/11                        no
/// ```
fn opens_on_numeric_date(l: &str) -> bool {
    let b = l.trim_start().as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    if digits(0) != 4 {
        return false;
    }
    let sep = b.get(4).copied();
    if !matches!(sep, Some(b'/' | b'-')) {
        return false;
    }
    let m = digits(5);
    if !(1..=2).contains(&m) || b.get(5 + m).copied() != sep {
        return false;
    }
    let d = digits(6 + m);
    let end = 6 + m + d;
    // (Lines are read without their spaces: 2018/11/820:56, the hour run on.)
    ((1..=2).contains(&d) && b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric()))
        || ((3..=4).contains(&d) && b.get(end) == Some(&b':'))
}

/// `人民日报 2024年1月3日 第001版`: a line naming a newspaper's page.
fn is_newspaper_issue(l: &str) -> bool {
    let t: String = l.chars().filter(|c| !c.is_whitespace()).collect();
    t.chars().count() <= 40
        && t.contains('报')
        && t.trim_end_matches(['）', ')', ']', '】'])
            .strip_suffix('版')
            .and_then(|r| r.rfind('第').map(|at| &r[at + '第'.len_utf8()..]))
            .is_some_and(|n| {
                !n.is_empty()
                    && n.chars()
                        .all(|c| c.is_ascii_digit() || "〇一二三四五六七八九十".contains(c))
            })
}

/// `2014年01月07日`, `2014年1月7日 10:30`: the line says nothing but a day
/// (or a day and who spoke on it: `(2008年1月16日 王正偉)`).
fn is_date_alone(l: &str) -> bool {
    let bracketed = l.trim_start().starts_with(['(', '（']);
    let t = l.trim_matches(|c: char| c.is_whitespace() || "-—|·:：()（）".contains(c));
    let mut parts = t.splitn(2, '日');
    let (Some(date), rest) = (parts.next(), parts.next()) else {
        return false;
    };
    let fields: Vec<&str> = date.split(['年', '月']).collect();
    fields.len() == 3
        && fields[0].len() == 4
        && fields
            .iter()
            .all(|f| !f.is_empty() && f.len() <= 4 && f.chars().all(|c| c.is_ascii_digit()))
        && rest.is_some_and(|r| {
            r.chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c.is_whitespace())
                // (2016年10月28日 放大 缩小 默认, 2016年10月28日 星期五: a
                // newspaper page's date and its buttons.)
                || {
                    let mut left: String = r.chars().filter(|c| !c.is_whitespace()).collect();
                    for w in ["放大", "缩小", "默认", "打印", "关闭", "字号", "星期"] {
                        left = left.replace(w, "");
                    }
                    left.len() < r.trim().len()
                        && left.chars().all(|c| "一二三四五六日天".contains(c))
                }
                || (bracketed && {
                    let name = r.trim();
                    (2..=4).contains(&name.chars().count())
                        && name.chars().all(planwatch_text::norm::is_han)
                })
        })
}

struct Meeting {
    year: Option<i32>,
    month: Option<u32>,
    region: Option<String>,
}

/// `——2017年3月14日在××市第七届人民代表大会第二次会议上`.
fn meeting_line(l: &str) -> Option<Meeting> {
    if !l.contains("人民代表大会") || !l.contains("会议") {
        return None;
    }
    let date = date_in(l);
    let year = date.map(|d| d.0);
    let month = date.map(|d| d.1);
    let region = l
        .find('在')
        .map(|i| &l[i + '在'.len_utf8()..])
        .and_then(|rest| {
            rest.find("第")
                .map(|j| &rest[..j])
                .or(rest.find("人民代表大会").map(|j| &rest[..j]))
        })
        .and_then(region_of)
        .or_else(|| {
            // 綿陽市涪城區第六屆人民代表大會第四次會議在…開幕: the place just before 第…届.
            let k = l.find("届人民代表大会")?;
            let d = l[..k].rfind('第')?;
            let chars: Vec<char> = l[..d].chars().collect();
            let (at, len, p) = crate::region::places(&chars).pop()?;
            (at + len == chars.len()).then(|| p.name.to_string())
        });
    (year.is_some() || region.is_some()).then_some(Meeting {
        year,
        month,
        region,
    })
}

const HEADS: &[&str] = &[
    "人民政府代省长",
    "人民政府代市长",
    "人民政府代县长",
    "人民政府代区长",
    "人民政府省长",
    "人民政府市长",
    "人民政府县长",
    "人民政府区长",
    "人民政府州长",
    "人民政府主席",
    "人民政府盟长",
    "人民政府旗长",
    "代省长",
    "代市长",
    "代县长",
    "代区长",
    "省长",
    "市长",
    "县长",
    "区长",
    "州长",
    "盟长",
    "旗长",
];

/// A signature (××市人民政府市长 王某; ××省代省长 李某) or an issuer line
/// (××市人民政府, ××市统计局, 来源：××县统计局).
fn signature_region(l: &str) -> Option<(String, &'static str)> {
    if l.chars().count() <= 30 {
        for h in HEADS {
            if let Some(i) = l.find(h) {
                let place = &l[..i];
                let place = place.trim_start_matches(['—', '-']);
                if let Some(r) = region_of(place)
                    .filter(|r| r.len() == place.len() || place.ends_with(r.as_str()))
                {
                    // (专访长春市市长: the known place the words end with.)
                    let r = known_place_ending(&r).unwrap_or(r);
                    return Some((r, "signature (X人民政府市长/省长/县长)"));
                }
            }
        }
    }
    for key in [
        "人民政府",
        "统计局",
        "人民代表大会",
        "调查队",
        "发展和改革委员会",
        "发展改革委",
    ] {
        if let Some(i) = l.find(key) {
            let before = &l[..i];
            let before = before
                .rsplit(['：', ':', '　', ' '])
                .next()
                .unwrap_or(before);
            if before.is_empty() || l.chars().count() > 40 && !l.contains("来源") {
                continue;
            }
            // (来源:陕西省人民政府网 under news of 韩城: the site that
            // reposted it, not the body that issued it.)
            let after = &l[i + key.len()..];
            if l.chars().count() > 40 && (after.starts_with('网') || after.starts_with("门户")) {
                continue;
            }
            if let Some(r) = region_of(before).filter(|r| before.ends_with(r.as_str())) {
                return Some((r, "issuing body (X人民政府, X统计局, 来源)"));
            }
        }
    }
    None
}

/// The known place `t` ends with (`专访长春市` → `长春市`), if `t` is no
/// known place itself.
fn known_place_ending(t: &str) -> Option<String> {
    let chars: Vec<char> = t.chars().collect();
    if crate::region::lookup(t).is_some() {
        return None;
    }
    (1..chars.len().saturating_sub(1)).find_map(|i| {
        let (_, len, _) = crate::region::place_chain_at(&chars, i)?;
        (i + len == chars.len()).then(|| chars[i..].iter().collect::<String>())
    })
}

/// A place at the head of a title-like line that [`find_title`] did not pick
/// (a bulletin whose title has no region, with the region on a subtitle).
fn region_in_title_body(l: &str) -> Option<String> {
    if l.chars().count() > 40 || is_chrome(l) || title_score(l) == 0 {
        return None;
    }
    region_of(l)
}

/// Every year a text names (in its first 20,000 characters): (char position,
/// year, length), over the normalised chars also returned.
fn named_years(text: &str) -> (Vec<char>, Vec<(usize, i32, usize)>) {
    // (二〇三五年遠(yuǎn)景目標(biāo): glosses hide what follows a year.)
    let chars: Vec<char> =
        planwatch_text::norm::strip_glosses(&text.chars().take(20_000).collect::<String>())
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if let Some((y, len)) = year_at(&chars, i) {
            out.push((i, y, len));
            i += len;
        } else {
            i += 1;
        }
    }
    (chars, out)
}

/// The year a text names most often (ties: the later), if named at least 3 times.
fn most_named_year(text: &str) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = Default::default();
    for (_, y, _) in named_years(text).1 {
        *counts.entry(y).or_default() += 1;
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .max_by_key(|(y, n)| (*n, *y))
        .map(|(y, _)| y)
}

/// The latest year a text reports data for (years after 到/至 are deadlines):
/// the "now" of an undated article.
fn latest_data_year(text: &str) -> Option<i32> {
    let (chars, years) = named_years(text);
    // (比2019年同期增长…，两年平均增长: the average's year is two after the
    // base; a 两年平均 elsewhere says nothing of 比2020年增长47.6%.)
    let two_year_average = |i: usize| {
        let pat = ['两', '年', '平', '均'];
        let end_of = |c: &char| matches!(c, '。' | '\n');
        let from = i.saturating_sub(80);
        let from = chars[from..i]
            .iter()
            .rposition(end_of)
            .map_or(from, |k| from + k);
        let to = (i + 80).min(chars.len());
        let to = chars[i..to].iter().position(end_of).map_or(to, |k| i + k);
        chars[from..to].windows(4).any(|w| w == pat)
    };
    let before = |i: usize, k: usize| i.checked_sub(k).and_then(|j| chars.get(j).copied());
    let head: String = chars.iter().take(3000).collect();
    let five_years = ["五年来", "这五年", "过去五年", "五年间"]
        .iter()
        .any(|w| head.contains(w));
    // The first years of the five-year periods the text names.
    let periods_named: Vec<i32> = crate::doc::FIVE_YEAR_PLANS
        .iter()
        .filter(|(n, _)| head.contains(n))
        .map(|(_, y)| *y)
        .collect();
    // A text whose only years are ones its figures are compared with, the
    // year before a period it names (比2005年提高 on the “十一五” plan,
    // 由2005年的3.5平方公里发展到6.85平方公里), tells that period's end.
    let only_bases = years.iter().all(|&(i, y, len)| {
        let rest: String = chars[i + len..(i + len + 3).min(chars.len())]
            .iter()
            .collect();
        periods_named.contains(&(y + 1))
            && (matches!(before(i, 1), Some('比' | '较'))
                || (matches!(before(i, 1), Some('从' | '由')) && rest.starts_with('的')))
    });
    if only_bases && !years.is_empty() {
        return years.iter().map(|&(_, y, _)| y + 5).max();
    }
    years
        .into_iter()
        .filter(|&(i, _, len)| {
            // 到2025年 opening a clause, or the end of a span (2021至2025年), is no data
            // year; 提高至2024年的 is.
            let rest: String = chars[i + len..(i + len + 5).min(chars.len())]
                .iter()
                .collect();
            // 2011年至2013年上半年: a span of the past ending in part of a year.
            let part_year = ["上半年", "一季度", "前三季度", "1-", "1至", "前"]
                .iter()
                .any(|w| rest.starts_with(w))
                && before(i, 2) == Some('年');
            // (力争到2010年, 确保到2020年: a goal's deadline after its verb.)
            let goal_word = || {
                let w: String = [before(i, 3), before(i, 2)].iter().flatten().collect();
                ["力争", "确保", "争取", "计划", "预计", "目标"].contains(&w.as_str())
                    || matches!(before(i, 2), Some('将' | '要'))
            };
            let deadline = matches!(before(i, 1), Some('到' | '至' | '于' | '~' | '～'))
                && (before(i, 2).is_none_or(|c| {
                    c.is_ascii_digit()
                        || c.is_whitespace()
                        || matches!(c, '年' | ',' | '。' | ';' | ':' | '(' | '“')
                }) || goal_word()
                    // (占比到2020年提高至4.5%: the deadline after its noun; not
                    // 提高到2024年的22.2%, nor 截止到2020年底.)
                    || (before(i, 1) == Some('到')
                        && !rest.starts_with('的')
                        && !matches!(before(i, 2), Some('止' | '截'))))
                && !part_year;
            // (2020年至2024年，岳阳GDP由3997.16亿元增加到5127.66亿元: a span
            // gone by, its change told from its start; not 2021年至2025年，全市将….)
            let past_span = before(i, 1) == Some('至')
                && before(i, 2) == Some('年')
                && (3..=6).all(|k| before(i, k).is_some_and(|c| c.is_ascii_digit()))
                && {
                    let sentence: String = chars[i..]
                        .iter()
                        .take(80)
                        .take_while(|c| !matches!(c, '。' | '；' | ';'))
                        .collect();
                    ["由", "从"].iter().any(|w| sentence.contains(w))
                        && !["将", "力争", "要", "确保", "目标", "计划", "预计"]
                            .iter()
                            .any(|w| sentence.contains(w))
                };
            let deadline = (deadline && !past_span) || ends_a_deadline_span(&chars, i);
            // (为2018年左右率先基本实现现代化: a rough horizon, no data year.)
            let horizon = chars[i + len..].starts_with(&['远', '景'])
                || chars[i + len..].starts_with(&['左', '右'])
                // 2025年年底前, 2025年前: a deadline.
                || chars[i + len..].starts_with(&['年', '底', '前'])
                || chars[i + len..].starts_with(&['底', '前'])
                || (chars[i + len..].starts_with(&['前'])
                    && !crate::quantity::part_of_year_at(&chars, i + len + 1));
            // 为2014年以来同期最好水平, 扭转了2015年以来季度增速低于全省的局面:
            // where a span began, not a year reported on.
            let since = chars[i + len..].starts_with(&['以', '来']);
            // (力争2027年重点产业全产业链产值达3590亿元: a goal's year;
            // the chars are simplified already.)
            let goal_year = {
                let w: String = [before(i, 2), before(i, 1)].iter().flatten().collect();
                ["力争", "确保", "争取"].contains(&w.as_str())
            };
            // 《…规划(2020年-2025年)》: the period in a document's title
            // names it (not 《…2026年工作要点》, the year of its work).
            let dash = |c: Option<char>| matches!(c, Some('-' | '—' | '–' | '至' | '~' | '～'));
            let spanned = dash(before(i, 1))
                || (before(i, 1) == Some('年') && dash(before(i, 2)))
                || dash(chars.get(i + len).copied())
                || (chars.get(i + len) == Some(&'年') && dash(chars.get(i + len + 1).copied()));
            let titled = spanned && {
                let opened = chars[..i].iter().rposition(|c| *c == '《');
                let closed = chars[..i].iter().rposition(|c| *c == '》');
                opened.is_some_and(|o| closed.is_none_or(|c| c < o))
                    && chars[i..].iter().take(40).any(|c| *c == '》')
            };
            // (从2022年的2.7亿元增长至30.7亿元: where a change set out from,
            // not the year of its result, which the text does not give.)
            let set_out = matches!(before(i, 1), Some('从' | '由'))
                && ["的", "底的", "末的"]
                    .iter()
                    .any(|w| rest.trim_start_matches('年').starts_with(w));
            !deadline
                && !horizon
                && !since
                && !goal_year
                && !titled
                && !set_out
                && !of_work_ahead(&chars, i)
        })
        .map(|(i, y, len)| {
            // 比2019年同期增长, 两年平均增长: a figure two years after the year
            // it is compared with (the averages of 2021, against 2019).
            let base = matches!(before(i, 1), Some('比' | '较'))
                || (before(i, 1) == Some('是') && chars.get(i + 5) == Some(&'的'));
            // 增速分别高于上年同期、2017年全年0.9个百分点: a year a later
            // figure is set against.
            let benchmark = {
                let clause = clause_before(&chars, i, 16);
                ["高于", "低于", "快于", "慢于"]
                    .iter()
                    .any(|w| clause.contains(w))
            };
            if (base || compared_with(&chars, i, len)) && two_year_average(i) {
                y + 2
            } else if base && five_years {
                // 五年来…一般公共预算收入是2011年的1.9倍: five years on.
                y + 5
            } else if benchmark || compared_with(&chars, i, len) {
                y + 1
            } else {
                y
            }
        })
        .max()
}

/// Whether the year named at `i` is one a figure is compared with
/// in words that name no later year of its own (`与2008年同期相比`): the
/// figure is later. (`比2019年同期增长` is read above: a two-year average.)
fn compared_with(chars: &[char], i: usize, len: usize) -> bool {
    let after = &chars[(i + len).min(chars.len())..];
    let before = i.checked_sub(1).map(|j| chars[j]);
    match before {
        Some('与' | '同' | '和') => {
            after.starts_with(&['同', '期']) || after.starts_with(&['相', '比'])
        }
        _ => false,
    }
}

/// The words of the clause before `i`, at most `reach` chars back.
fn clause_before(chars: &[char], i: usize, reach: usize) -> String {
    let from = i.saturating_sub(reach);
    let start = chars[from..i]
        .iter()
        .rposition(|c| matches!(c, '，' | ',' | '。' | '；' | ';' | '\n'))
        .map_or(from, |k| from + k + 1);
    chars[start..i].iter().collect()
}

/// Whether the year named at `i` is in a clause on work ahead
/// (`接下来将做好2023年重点项目谋划`, `为实现2023年一季度“开门红”`).
fn of_work_ahead(chars: &[char], i: usize) -> bool {
    // (提出了…和2016年重点工作: the year's work, set out.)
    let after: String = chars[i..]
        .iter()
        .skip_while(|c| **c != '年')
        .skip(1)
        .take(4)
        .collect();
    if ["重点工作", "主要任务", "工作安排", "工作重点", "目标任务"]
        .iter()
        .any(|w| after.starts_with(w))
    {
        return true;
    }
    let clause = clause_before(chars, i, 40);
    ["将", "接下来", "下一步", "为实现", "谋划"]
        .iter()
        .any(|w| clause.contains(w))
}

/// Whether every `y年` in `text` is named for what lies ahead: the rest of
/// its clause (past line breaks) says 将, 要 or 目标 before any word of a
/// result.
fn named_only_ahead(text: &str, y: i32) -> bool {
    let (chars, years) = named_years(text);
    let mut named = years.iter().filter(|(_, n, _)| *n == y).peekable();
    named.peek().is_some()
        && named.all(|&(i, _, len)| {
            // (2011年是实施“十二五”规划的开局之年: the year the work is for.)
            if chars.get(i + len) == Some(&'是') {
                let rest: String = chars[i + len..].iter().take(40).collect();
                return rest
                    .split(['。', '；', ';'])
                    .next()
                    .is_some_and(|c| c.contains("之年"));
            }
            // (2014年，长春市将…: the year heads the clause after its comma.)
            let from = i + len + usize::from(matches!(chars.get(i + len), Some('，' | ',')));
            let rest: String = chars[from.min(chars.len())..]
                .iter()
                .take(30)
                .take_while(|c| !matches!(c, '。' | '；' | ';' | '，' | ','))
                .collect();
            // (2020年度深圳民生实事清单: the year's list of tasks; 2026年財政
            // 年度施政報告, the policy address for that fiscal year.)
            let ahead = [
                "将",
                "將",
                "要",
                "目标",
                "目標",
                "实事",
                "清单",
                "计划",
                "财政年度",
                "財政年度",
            ]
            .iter()
            .filter_map(|w| rest.find(w))
            .min();
            let result = [
                "达到", "達到", "完成", "实现", "實現", "增长", "增長", "突破", "已",
            ]
            .iter()
            .filter_map(|w| rest.find(w))
            .min();
            ahead.is_some_and(|a| result.is_none_or(|r| a < r))
        })
}

/// An undated article on its own year's progress (今年以来, 截至11月底)
/// whose only years are of the work ahead: the year before the first.
fn year_before_work_ahead(text: &str) -> Option<i32> {
    let (chars, years) = named_years(text);
    let head: String = chars.iter().take(1000).collect();
    if !["今年以来", "截至", "今年"]
        .iter()
        .any(|w| head.contains(w))
    {
        return None;
    }
    if years.iter().any(|&(i, _, _)| !of_work_ahead(&chars, i)) {
        return None;
    }
    years.iter().map(|&(_, y, _)| y).min().map(|y| y - 1)
}

/// The year of the people's congress sessions an article reports from
/// (`2023年江西省两会`, `2024年全国两会`), in its opening.
fn meeting_year_named(text: &str) -> Option<i32> {
    let head: Vec<char> = matching_head(text, 600).chars().collect();
    (0..head.len()).find_map(|i| {
        let (y, len) = year_at(&head, i)?;
        let rest = &head[i + len..];
        let k = rest
            .iter()
            .take(10)
            .position(|c| !planwatch_text::norm::is_han(*c))
            .unwrap_or(rest.len().min(10));
        let words: String = rest[..k].iter().collect();
        words.contains("两会").then_some(y)
    })
}

/// A mid-term review (中期评估), in either script, glossed or not.
fn mid_term(text: &str) -> bool {
    let head = matching_head(text, 3000);
    head.contains("中期评估") || mid_term_goals_met_in(&head)
}

/// `基本完成“十三五”规划中期目标`: the year reviewed is the period's middle one.
fn mid_term_goals_met(text: &str) -> bool {
    mid_term_goals_met_in(&matching_head(text, 3000))
}

/// [`mid_term_goals_met`] on the head already read for matching.
fn mid_term_goals_met_in(head: &str) -> bool {
    head.match_indices("中期目标").any(|(at, _)| {
        let before: String = head[..at].chars().rev().take(14).collect();
        before.contains("成完")
    })
}

/// The first `n` chars of `text` read for matching: simplified, without glosses.
fn matching_head(text: &str, n: usize) -> String {
    let head: String = text.chars().take(n).collect();
    planwatch_text::norm::strip_glosses(&head)
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect()
}

/// The dates decided for the document (`2018-01`), as year and month (a
/// month that does not read as one: none).
fn dates_decided(why: &[Decision]) -> impl Iterator<Item = (i32, Option<u32>)> + '_ {
    why.iter()
        .filter(|d| d.field == "date")
        .filter_map(|d| d.value.split_once('-'))
        .filter_map(|(y, m)| Some((y.parse().ok()?, m.parse().ok())))
}

/// The months of the dates decided for the document that fall in its own year.
fn months_dated(why: &[Decision], year: Option<i32>) -> impl Iterator<Item = u32> + '_ {
    dates_decided(why)
        .filter(move |(y, _)| Some(*y) == year)
        .filter_map(|(_, m)| m)
}

/// `“十四五”前四年`, `十三五头3年`: an undated text that counts the first
/// years of a plan is written in the last of them.
fn first_years_counted(text: &str) -> Option<i32> {
    let head: Vec<char> = matching_head(text, 3000).chars().collect();
    (0..head.len()).find_map(|i| crate::prose::five_year_first_years_at(&head, i).map(|(y, _)| y))
}

/// What dated an undated article when its figures did not.
enum Fallback {
    /// The year before the work ahead it names.
    WorkAhead(i32),
    /// The year in the title of a document just published.
    Published(i32),
    /// The first and last deadlines of a plan just issued.
    PlanIssued((i32, i32)),
}

/// The titles of the documents an opening reports as issued (`发布《…》`,
/// `日前印发的《…》`): 《…》 with 发布/印发/出台/公布 in the 8 chars before.
fn issued_titles(head: &str) -> impl Iterator<Item = &str> {
    bracketed_issued_titles(head).chain(bare_issued_titles(head))
}

/// A plan issued and named without 《》 (`省政府办公厅发布了推动绿色食品产业
/// 全产业链高质量发展实施意见。`): the words after the verb up to the stop,
/// when they end in a plan's kind.
fn bare_issued_titles(head: &str) -> impl Iterator<Item = &str> {
    ["发布了", "印发了", "出台了", "印发", "出台"]
        .iter()
        .flat_map(move |v| head.match_indices(v).map(move |(i, _)| i + v.len()))
        .filter_map(move |start| {
            let rest = &head[start..];
            if rest.starts_with(['《', '了', '的']) {
                return None;
            }
            let end = rest
                .char_indices()
                .find(|(_, c)| !planwatch_text::norm::is_han(*c) && !matches!(c, '“' | '”' | '"'))
                .map_or(rest.len(), |(k, _)| k);
            let title = &rest[..end];
            let n = title.chars().count();
            ((6..=40).contains(&n)
                && ["方案", "规划", "计划", "意见", "纲要"]
                    .iter()
                    .any(|k| title.ends_with(k)))
            .then_some(title)
        })
}

fn bracketed_issued_titles(head: &str) -> impl Iterator<Item = &str> {
    head.match_indices('《').filter_map(|(i, _)| {
        let before: String = {
            let b: Vec<char> = head[..i].chars().rev().take(8).collect();
            b.into_iter().rev().collect()
        };
        let title = &head[i + '《'.len_utf8()..];
        let close = title.find('》')?;
        // (常务会审议通过《…实施方案》: a plan adopted is a plan issued.)
        let verb_before = ISSUING.iter().chain(&["审定"]).any(|w| before.contains(w));
        (verb_before || issued_after(&title[close + '》'.len_utf8()..])).then_some(&title[..close])
    })
}

/// Verbs that issue a document named beside them (`印发《…》`, `《…》印发实施`).
const ISSUING: [&str; 5] = ["发布", "印发", "出台", "公布", "审议通过"];

/// The words after a title say it was just issued (`《…实施方案》(以下简称
/// 《方案》)印发实施`, `《…》近日正式出台`): the verb within a few
/// characters, an aside in brackets skipped.
fn issued_after(rest: &str) -> bool {
    let rest = rest.trim_start();
    let rest = match rest.strip_prefix(['(', '（']) {
        Some(aside) => match aside.find([')', '）']) {
            // The aside is short (以下简称《方案》); a long one is text.
            Some(k) if aside[..k].chars().count() <= 20 => {
                aside[k..].trim_start_matches([')', '）'])
            }
            _ => return false,
        },
        None => rest,
    };
    let near: String = rest.chars().take(6).collect();
    ISSUING.iter().any(|v| {
        near.find(v).is_some_and(|k| {
            let after = &rest[k + v.len()..];
            near[..k].chars().all(|c| "近日正式已于日前经".contains(c))
                // (自2020年《…总体方案》发布后, 出台以来: issued long before.)
                && !["后", "以来", "以后", "实施以来", "实施后"]
                    .iter()
                    .any(|w| after.starts_with(w))
        })
    })
}

/// The one year in the title of a document an article reports as just
/// published (`省政府官网发布《实施珠三角规划纲要2015年重点工作任务》`).
fn published_title_year(text: &str) -> Option<i32> {
    let head = matching_head(text, 1000);
    let year = issued_titles(&head).find_map(one_year_named);
    year
}

/// The span of years a plan's title gives it (`三年行动计划`, `两年攻坚方案`),
/// when it names no year of its own.
fn years_in_title(title: &str) -> Option<i32> {
    if first_year(title).is_some() {
        return None;
    }
    let c: Vec<char> = title.chars().collect();
    (1..c.len()).find_map(|i| {
        if c[i] != '年' || (i >= 2 && "十百第连近".contains(c[i - 2])) {
            return None;
        }
        match c[i - 1] {
            '两' | '二' | '2' => Some(2),
            '三' | '3' => Some(3),
            '四' | '4' => Some(4),
            '五' | '5' => Some(5),
            _ => None,
        }
    })
}

/// The title of a plan (`…实施方案`, `…行动计划`, `…的意见`).
fn is_plan_title(title: &str) -> bool {
    ["方案", "规划", "计划", "意见", "纲要", "措施"]
        .iter()
        .any(|k| title.ends_with(k))
}

/// The first and last deadlines (到2020年) of an article that reports a
/// plan just issued (`市政府办公厅日前印发的《…实施方案》提出`).
fn plan_document_deadlines(text: &str) -> Option<(i32, i32)> {
    let head = matching_head(text, 600);
    if !issued_titles(&head).any(is_plan_title) {
        return None;
    }
    deadline_years(text).fold(None, |span, y| match span {
        None => Some((y, y)),
        Some((a, b)) => Some((y.min(a), y.max(b))),
    })
}

/// When the Party meetings an undated text cites as guidance were held
/// (congress, plenary session): (year, month) of each.
const PARTY_CONGRESSES: [(&str, i32); 5] = [
    ("十六", 2002),
    ("十七", 2007),
    ("十八", 2012),
    ("十九", 2017),
    ("二十", 2022),
];
/// Months of the second to seventh plenary sessions after a congress, as
/// (years after the congress, month): the 1st plenum follows the congress.
const PLENUMS: [[(i32, u32); 6]; 5] = [
    [(1, 2), (1, 10), (2, 9), (3, 10), (4, 10), (5, 10)],
    [(1, 2), (1, 10), (2, 9), (3, 10), (4, 10), (5, 11)],
    [(1, 2), (1, 11), (2, 10), (3, 10), (4, 10), (5, 10)],
    [(1, 1), (1, 2), (2, 10), (3, 10), (4, 11), (5, 10)],
    [(1, 2), (2, 7), (3, 10), (4, 10), (5, 10), (6, 10)],
];

/// The year an undated text was written in, from the latest Party meeting
/// it cites (`深入贯彻党的二十大和二十届二中、三中全会精神`): that meeting's
/// year, or the next one when the text reports a part of a year (一季度)
/// whose figures came out before the meeting's month.
/// `党的十八大以来…十年来`: a text counting N years since a congress is
/// written N years after it and gives figures up to the year before.
fn years_since_party_congress(text: &str) -> Option<i32> {
    let head = matching_head(text, 1500);
    let year = congress_counted_from(&head)?;
    const COUNTS: [(&str, i32); 3] = [("五年来", 5), ("十年来", 10), ("这十年", 10)];
    let n = COUNTS
        .iter()
        .filter(|(w, _)| head.contains(w))
        .map(|(_, n)| *n)
        .max()?;
    Some(year + n - 1)
}

fn year_after_party_meeting(text: &str) -> Option<i32> {
    let head = matching_head(text, 1500);
    let mut latest: Option<(i32, u32)> = None;
    for (ci, (name, year)) in PARTY_CONGRESSES.iter().enumerate() {
        let mut found = |d: (i32, u32)| {
            if latest.is_none_or(|l| d > l) {
                latest = Some(d);
            }
        };
        // (党的十八大 is not 党的二十八大: the congress name starts the number.)
        let starts = |i: usize| !head[..i].ends_with(['二', '十']);
        if head
            .match_indices(&format!("{name}大"))
            .any(|(i, _)| starts(i))
        {
            found((
                *year,
                if *year == 2002 || *year == 2012 {
                    11
                } else {
                    10
                },
            ));
        }
        for (i, _) in head.match_indices(&format!("{name}届")) {
            if !starts(i) {
                continue;
            }
            // 二中、三中全会: every ordinal up to 全会 counts.
            let rest = &head[i + name.len() + "届".len()..];
            let Some(end) = rest.find("全会").filter(|e| *e <= 30) else {
                continue;
            };
            for c in rest[..end].chars() {
                let m = "二三四五六七".find(c).map(|b| b / "二".len());
                if let Some(m) = m {
                    let (after, month) = PLENUMS[ci][m];
                    found((year + after, month));
                }
            }
        }
    }
    let (year, month) = latest?;
    // The part of the year reported, the longest named (前三季度 compared
    // with 一季度): 一季度 ends in March.
    let part_end = [("一季度", 3), ("上半年", 6), ("前三季度", 9)]
        .iter()
        .filter(|(w, _)| head.contains(w))
        .map(|(_, m)| *m)
        .max();
    Some(match part_end {
        // (Figures of a part of a year come out the month after it ends.)
        Some(end) if end + 1 < month => year + 1,
        _ => year,
    })
}

/// `“十三五”时期是…决战时期`: a plan framing the period it opens; also
/// whether the line looks back on the period instead (`极不平凡的五年`).
fn framed_period(line: &str) -> Option<((i32, i32), bool)> {
    crate::doc::FIVE_YEAR_PLANS
        .iter()
        .find_map(|(name, start)| {
            let at = line.find(name)?;
            let rest = line[at + name.len()..].trim_start_matches(['”', '"', '’']);
            let rest = rest.strip_prefix("时期")?.trim_start_matches([',', '，']);
            let sentence = rest.strip_prefix('是')?.split('。').next().unwrap_or("");
            let review = ["不平凡", "极不寻常", "砥砺奋进", "取得"]
                .iter()
                .any(|w| sentence.contains(w));
            let framing = [
                "关键",
                "决胜",
                "决战",
                "攻坚",
                "机遇期",
                "第一个五年",
                "开局",
            ]
            .iter()
            .any(|w| sentence.contains(w));
            (review || framing).then_some(((*start, start + 4), review))
        })
}

/// `确保“十四五”开好局`, `“十三五”开局之年`: a text written in the first year
/// of the plan it names.
/// `“厕所革命”三年攻坚行动…到2020年`: a text on an N-year action with the
/// deadline it names, at the action's first year (`今年` in it is that year).
fn action_plan_span(text: &str) -> Option<(i32, i32)> {
    let head = matching_head(text, 3000);
    let n = [("三年", 3), ("两年", 2), ("五年", 5)]
        .iter()
        .find(|(w, _)| {
            ["行动", "攻坚", "计划"]
                .iter()
                .any(|k| head.contains(&format!("{w}{k}")))
        })
        .map(|(_, n)| *n)?;
    let deadline = deadline_years(text).max()?;
    Some((deadline - n + 1, deadline))
}

/// Every year a text names as a deadline (到2020年, 至2025年).
fn deadline_years(text: &str) -> impl Iterator<Item = i32> {
    let (chars, years) = named_years(text);
    years
        .into_iter()
        .filter(move |(i, _, _)| {
            (*i > 0 && matches!(chars[i - 1], '到' | '至')) || ends_a_deadline_span(&chars, *i)
        })
        .map(|(_, y, _)| y)
}

/// Whether the year at `i` ends a span that is itself a deadline
/// (`到2027—2028年雪季`).
fn ends_a_deadline_span(chars: &[char], i: usize) -> bool {
    let before = |k: usize| i.checked_sub(k).and_then(|j| chars.get(j).copied());
    matches!(before(1), Some('—' | '-' | '–' | '~' | '～'))
        && (2..=5).all(|k| before(k).is_some_and(|c| c.is_ascii_digit()))
        && matches!(before(6), Some('到' | '至'))
}

fn plan_opening_year(text: &str) -> Option<i32> {
    let head = matching_head(text, 3000);
    crate::doc::FIVE_YEAR_PLANS
        .iter()
        .find_map(|(name, start)| {
            head.match_indices(name).find_map(|(i, _)| {
                let after: String = head[i + name.len()..].chars().take(6).collect();
                [
                    "开好局",
                    "开局之年",
                    "开局起步",
                    "开局首季",
                    "开局首年",
                    "开局年",
                    "开门红",
                    "起好步",
                    // (为实现“十一五”良好开局奠定了基础.)
                    "良好开局",
                ]
                .iter()
                .any(|w| after.contains(w))
                .then_some(*start)
            })
        })
}

/// `圆满完成“十四五”目标任务`, `“十四五”圆满收官`, `展望“十五五”`: a text
/// looking back on a plan that has run its course, at its last year.
fn plan_closing_year(text: &str) -> Option<i32> {
    let head = matching_head(text, 3000);
    crate::doc::FIVE_YEAR_PLANS
        .iter()
        .find_map(|(name, start)| {
            head.match_indices(name).find_map(|(i, _)| {
                let after: String = head[i + name.len()..].chars().take(8).collect();
                let before: String = {
                    let b: Vec<char> = head[..i].chars().rev().take(6).collect();
                    b.into_iter().rev().collect()
                };
                let before = before.trim_end_matches(['“', '"', '《', '‘', '「']);
                // (完成“十三五”规划中期目标 is the middle of the period.)
                let long_after: String = head[i + name.len()..].chars().take(14).collect();
                // (在全面完成“十二五”规划任务的基础上，甘肃将…: the premise of work ahead.)
                let premise = head[i + name.len()..]
                    .chars()
                    .take(20)
                    .collect::<String>()
                    .split(['，', ',', '。', '；'])
                    .next()
                    .is_some_and(|c| c.contains("基础上"));
                let completed = before.ends_with("完成")
                    && !premise
                    && !long_after.contains("中期")
                    // (圆满完成“十二五”经济社会发展各项任务.)
                    && (after.contains("目标")
                        || long_after.split(['，', ',', '。']).next().is_some_and(|c| c.contains("任务"))
                        || after
                            .trim_start_matches(['”', '"', '》', '’', '」'])
                            .starts_with("规划"));
                // (决胜“十四五”: the plan's final stretch.)
                // (公布“十三五”成绩单: the whole period's results.)
                let results = after
                    .trim_start_matches(['”', '"', '》', '’', '」'])
                    .starts_with("成绩单");
                if after.contains("收官") || completed || results || before.ends_with("决胜") {
                    Some(start + 4)
                } else if before.ends_with("展望")
                    || after.starts_with("谋划")
                    // (…取得突破性进展，为“十五五”期间全面建成…奠定了坚实基础.)
                    || (before.ends_with('为') && {
                        let on: String = head[i + name.len()..].chars().take(40).collect();
                        on.split(['。', '；', ';']).next().is_some_and(|c| c.contains("奠定"))
                    })
                {
                    // The next plan looked forward to: the one before it closes.
                    Some(start - 1)
                } else {
                    None
                }
            })
        })
}

/// The five-year period whose results the opening lines tell of (`“十四五”
/// 发展成就`, `介绍“十三五”期间经济社会发展总体情况`, `“十四五”以来…成就`),
/// as (first year, last year).
fn period_of_results(text: &str) -> Option<(i32, i32)> {
    let head = matching_head(text, 600);
    crate::doc::FIVE_YEAR_PLANS
        .iter()
        .find_map(|(name, start)| {
            head.match_indices(name).find_map(|(i, _)| {
                let after: String = head[i + name.len()..]
                    .trim_start_matches(['”', '"', '’', '」', '》'])
                    .chars()
                    .take(14)
                    .collect();
                // (“十四五”经济社会发展成就, “十三五”成就巡礼.)
                let results = after.contains("成就")
                || ["期间", "时期", "以来"].iter().any(|w| after.starts_with(w))
                    && ["发展情况", "总体情况", "成效"]
                        .iter()
                        .any(|w| after.contains(w))
                // (“十四五”期间，…: the opening on the whole period's results.)
                || ["期间", "时期", "以来"]
                    .iter()
                    .any(|w| after.starts_with(w))
                    && {
                        let before: Vec<char> = head[..i].chars().rev().take(12).collect();
                        before.into_iter().rev().collect::<String>().contains("介绍")
                    };
                results.then_some((*start, start + 4))
            })
        })
}

/// `今年是“十三五”规划纲要实施的第三年`, `今年是“十四五”收官之年`: the year
/// of the plan the text is written in.
fn plan_year_ordinal(text: &str) -> Option<i32> {
    let head = matching_head(text, 1500);
    let at = head.find("今年是")?;
    let rest: String = head[at..].chars().take(40).collect();
    let rest = rest
        .split(['。', ',', '，', ';', '；'])
        .next()
        .unwrap_or(&rest);
    let (start, _) = crate::doc::named_period(rest)?;
    let n = if rest.contains("开局之年") || rest.contains("第一年") {
        1
    } else if rest.contains("收官之年") || rest.contains("最后一年") {
        5
    } else {
        let k = rest.find("第")?;
        match rest[k + '第'.len_utf8()..].chars().next()? {
            c @ '1'..='5' => c as i32 - '0' as i32,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            _ => return None,
        }
    };
    Some(start + n - 1)
}

/// The first of the opening lines that speaks of a part of a year without
/// naming the year (前三季度, 上半年, 1-9月, 今年以来), with its 1-based number.
/// Whether a text never names `year` nor 今年/本年.
fn never_names_its_year(text: &str, year: i32) -> bool {
    let own = format!("{year}年");
    let t: String = text
        .chars()
        .map(planwatch_text::norm::char_for_matching)
        .collect();
    !(t.contains(&own) || t.contains("今年") || t.contains("本年"))
}

/// `党的十八大以来`: a text on the years since a Party congress.
fn years_since_party_congress_named(text: &str) -> bool {
    congress_counted_from(&matching_head(text, 1500)).is_some()
}

/// The year of the latest Party congress `head` counts from (`十八大以来`).
/// (党的十八大 is not 党的二十八大: the congress name starts the number.)
fn congress_counted_from(head: &str) -> Option<i32> {
    PARTY_CONGRESSES
        .iter()
        .filter(|(name, _)| {
            head.match_indices(&format!("{name}大以来"))
                .any(|(i, _)| !head[..i].ends_with(['二', '十']))
        })
        .map(|(_, y)| *y)
        .max()
}

/// Whether an article dated in `year` opens its lead on the year before
/// (`2012年,安徽省县域经济整体呈现…`) and never names its own year or 今年:
/// the article reports that earlier year.
fn leads_on_year_before(text: &str, year: i32) -> bool {
    let before = format!("{}年", year - 1);
    if !never_names_its_year(text, year) {
        return false;
    }
    // The lead: the first paragraph long enough to be a sentence.
    let Some(lead) = text
        .lines()
        .map(str::trim)
        .find(|l| l.chars().count() >= 40)
    else {
        return false;
    };
    lead.match_indices(&before).any(|(at, m)| {
        let start = lead[..at]
            .chars()
            .next_back()
            .is_none_or(|c| "，,。：:；;".contains(c) || c.is_whitespace());
        let next = lead[at + m.len()..].chars().next();
        start && next.is_some_and(|c| "，,".contains(c))
    })
}

/// Whether the lead (the first line long enough to be a sentence) opens on
/// `year` and what will be done in it (`2014年，长春市将…计划投资643.7亿元`).
fn leads_on_plans_for(head: &str, year: i32) -> bool {
    head.lines()
        .map(str::trim)
        .find(|l| l.chars().count() >= 30)
        .is_some_and(|l| {
            l.starts_with(&format!("{year}年"))
                && l.split(['。', '；', ';']).next().is_some_and(|s| {
                    ["将", "计划", "力争", "确保"].iter().any(|w| s.contains(w))
                        && !["已", "完成了", "实现了"].iter().any(|w| s.contains(w))
                })
        })
}

/// `到“十二五”末` in a text that names no year: the line and the period's
/// last year.
fn goals_due_at_period_end(text: &str) -> Option<(usize, i32)> {
    if !named_years(text).1.is_empty() {
        return None;
    }
    text.lines().enumerate().find_map(|(n, l)| {
        let l: String = l
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        crate::doc::FIVE_YEAR_PLANS
            .iter()
            .find_map(|(name, start)| {
                l.match_indices(name).find_map(|(at, _)| {
                    let before = l[..at].trim_end_matches(['“', '"', '‘', '「']);
                    let after = l[at + name.len()..].trim_start_matches(['”', '"', '’', '」']);
                    ((before.ends_with('到') || before.ends_with('至')) && after.starts_with('末'))
                        .then_some((n, start + 4))
                })
            })
    })
}

/// `从今年至2020年`, `从现在到2025年`: the line and the year a span from now
/// ends in, the first one the text names.
fn span_from_now(text: &str) -> Option<(usize, i32)> {
    text.lines().enumerate().take(60).find_map(|(n, l)| {
        let c: Vec<char> = l
            .chars()
            .map(planwatch_text::norm::char_for_matching)
            .collect();
        (0..c.len()).find_map(|i| {
            let opens = ["今年至", "今年到", "现在至", "现在到"]
                .iter()
                .find(|w| at(&c, i, w))?;
            year_at(&c, i + opens.chars().count()).map(|(y, _)| (n, y))
        })
    })
}

fn part_of_year_line(text: &str) -> Option<(usize, &str)> {
    const PARTS: &[&str] = &[
        "前三季度",
        "上半年",
        "一季度",
        "今年以来",
        "前两个月",
        "今年前",
        // (截至今年4月, 今年首6個月, 今年第一季度.)
        "截至今年",
        "今年首",
        "今年第",
        "1-",
        "1—",
        "1－",
        "1至",
    ];
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(15)
        .find(|(_, l)| {
            PARTS.iter().any(|w| {
                l.match_indices(w).any(|(at, _)| {
                    let prev = l[..at].chars().next_back();
                    let next = l[at + w.len()..].chars().next();
                    // 2022年上半年 names its year; 1-9月 needs its month.
                    let before = &l[..at];
                    let named = prev.is_some_and(|c| c.is_ascii_digit())
                        || before.strip_suffix('年').is_some_and(|b| {
                            b.ends_with(|c: char| {
                                c.is_ascii_digit() || "〇一二三四五六七八九零".contains(c)
                            })
                        });
                    let month = !w.starts_with('1') || next.is_some_and(|c| c.is_ascii_digit());
                    !named && month
                })
            })
        })
        .map(|(n, l)| (n + 1, l.trim()))
}

/// `2023年，我市将全面落实…`, `2023年确保粮食产量保持在…`: a year the first
/// lines speak of as the year ahead ([`crate::words::work_ahead_after_year`]).
fn year_ahead_in_opening(head: &[Line]) -> Option<(&Line, i32)> {
    head.iter().take(6).find_map(|l| {
        let c: Vec<char> = l.norm.chars().collect();
        (0..c.len()).find_map(|i| {
            let (y, len) = year_at(&c, i)?;
            crate::words::work_ahead_after_year(&c[i + len..]).then_some((l, y))
        })
    })
}

/// The year a work report (or annual plan report) speaks for, from its body:
/// 今年（2024年）, 2021年计划草案, 2020年…预期目标, 部署了2021年任务 → that
/// year; 回顾了2020年工作, 2020年…计划执行情况 → the year after. With
/// `weak`, also the first sentence opening on a year (2018年，…) → the year after.
fn report_year_from_body(head: &[Line], weak: bool) -> Option<(&Line, i32, &'static str)> {
    for l in head.iter().take(60) {
        let c: Vec<char> = l.norm.chars().collect();
        for i in 0..c.len() {
            let Some((y, len)) = year_at(&c, i) else {
                continue;
            };
            let before: String = c[i.saturating_sub(4)..i].iter().collect();
            let after: String = c[i + len..(i + len + 20).min(c.len())].iter().collect();
            if !weak {
                if before.ends_with("今年(") {
                    return Some((l, y, "今年（X年） in a work report"));
                }
                if after.starts_with("计划草案")
                    || after.starts_with("计划(草案)")
                    || after.starts_with("预算草案")
                {
                    return Some((l, y, "X年计划草案: the year planned"));
                }
                if after.contains("预期目标")
                    || after.starts_with("主要目标")
                    || after.starts_with("任务")
                {
                    return Some((l, y, "X年…预期目标: the year the goals are for"));
                }
                if before.ends_with("部署了") || before.ends_with("部署") {
                    return Some((l, y, "部署X年工作: the year of the work set out"));
                }
                // 2018年1至7月…计划执行情况, 上半年: a report within that same year.
                // (2018年国民经济和社会发展计划上半年执行情况: the part after 计划.)
                const PARTS: [&str; 5] = ["上半年", "前三季度", "1至", "1-", "一季度"];
                let part_year = PARTS.iter().any(|p| after.starts_with(p))
                    || after.find("计划").is_some_and(|k| {
                        PARTS
                            .iter()
                            .any(|p| after[k + "计划".len()..].starts_with(p))
                    });
                if part_year && after.contains("计划") && after.contains("执行情况") {
                    return Some((l, y, WITHIN_YEAR));
                }
                // (会议总结了2018年各项工作: the same.)
                // (报告分四个部分:一是2010年政府工作回顾…: the same, told of.)
                let review_of_year = after.starts_with("工作回顾")
                    || after.starts_with("政府工作回顾")
                    || after.starts_with("年度工作回顾");
                if before.ends_with("回顾了")
                    || before.ends_with("回顾")
                    || review_of_year
                    || (before.ends_with("总结了") && after.contains("工作"))
                    || after.contains("计划执行情况")
                    || after.contains("预算执行情况")
                {
                    return Some((l, y + 1, "回顾X年工作: reviewed the year before"));
                }
            } else if (i == 0 || matches!(c[i - 1], '。' | ',' | ';'))
                && after.starts_with('是')
                && after
                    .split(['。', '；', ';'])
                    .next()
                    .is_some_and(|s| s.contains("之年"))
            {
                // (2023年是全面贯彻落实党的二十大精神的开局之年: the year the
                // report's work is for.)
                return Some((l, y, "X年是…之年: the year the report's work is for"));
            } else if i > 0
                && matches!(c[i - 1], ',' | '，')
                && SPEECH_VERBS.iter().any(|w| {
                    let w: Vec<char> = w.chars().collect();
                    c[..i - 1].ends_with(&w)
                })
                && c.get(i + len) == Some(&'将')
            {
                // (报告中云南指出，2023年将持续巩固拓展脱贫攻坚成果: the year
                // of the work ahead, told as the report's words; not 2011年将
                // 实现“五大突破” in a review, the year's results foreseen.)
                return Some((
                    l,
                    y,
                    "what a report says opening on a year and 将 (指出，X年将…)",
                ));
            } else if (i == 0 || matches!(c[i - 1], '。' | ',' | ';'))
                && c.get(i + len).is_some_and(|ch| matches!(ch, '，' | ','))
            {
                // (2016年,甲区将办好10件民生实事: the year of the work ahead,
                // told before any figure.)
                if crate::words::work_ahead_after_year(&c[i + len..]) {
                    return Some((
                        l,
                        y,
                        "first sentence opening on a year, on work ahead (X年，…将…)",
                    ));
                }
                return Some((
                    l,
                    y + 1,
                    "first sentence opening on a year: the year reviewed",
                ));
            }
        }
    }
    None
}

/// A report that presents a five-year plan's draft (`“十三五”规划纲要草案`) or
/// opens it (`今年是“十四五”开局之年`) is delivered in the plan's first year.
fn report_year_from_new_plan(head: &[Line]) -> Option<(&Line, i32)> {
    head.iter().find_map(|l| {
        crate::doc::FIVE_YEAR_PLANS
            .iter()
            .find_map(|(name, start)| {
                l.norm.match_indices(name).find_map(|(i, _)| {
                    let after: String = l.norm[i + name.len()..].chars().take(14).collect();
                    let before: String = {
                        let b: Vec<char> = l.norm[..i].chars().collect();
                        b[b.len().saturating_sub(6)..].iter().collect()
                    };
                    let new = (after.contains("草案") && after.contains("规划"))
                        || (after.contains("开局") && before.contains("今年是"));
                    new.then_some((l, *start))
                })
            })
    })
}

/// The rule of a region read from the title.
const TITLE_PLACE: &str = "place named at the head of the title";

/// The rule of a report within its year (2018年1至7月…计划执行情况).
/// The rule of a report delivered late in the year it reviews.
const LATE_DELIVERY: &str = "delivered late in the year: reviews that year";

const WITHIN_YEAR: &str = "X年1至N月…执行情况: a report within the year";

/// `X年是…`: 2015年是…关键之年 looks ahead (the report is for X); 2022年是…具有
/// 里程碑意义的一年 and 刚刚过去的2021年是… look back (the report is for X+1).
fn report_year_from_is(head: &[Line]) -> Option<(&Line, i32, &'static str)> {
    head.iter().find_map(|l| {
        let c: Vec<char> = l.norm.chars().collect();
        (0..c.len()).find_map(|i| {
            let (y, len) = year_at(&c, i)?;
            // 刚刚过去的2013年，是…: the comma may stand before 是.
            let is_at = match c.get(i + len) {
                Some(',' | '，') => i + len + 1,
                _ => i + len,
            };
            if c.get(is_at) != Some(&'是') {
                return None;
            }
            let rest: String = c[i + len..]
                .iter()
                .take_while(|ch| !matches!(ch, '。' | ';'))
                .collect();
            let before: String = c[i.saturating_sub(6)..i].iter().collect();
            // (2019年是…攻坚年。一年来，…: the next sentence looks back on it.)
            let next: String = c[i + len..]
                .iter()
                .skip_while(|ch| **ch != '。')
                .skip(1)
                .take(4)
                .collect();
            let looked_back = ["一年来", "过去一年", "这一年"]
                .iter()
                .any(|w| next.starts_with(w));
            Some(
                if rest.contains("的一年") || before.contains("过去的") || looked_back {
                    (l, y + 1, "X年是…的一年: the year reviewed")
                } else {
                    (l, y, "X年是…之年: the year the report is for")
                },
            )
        })
    })
}

/// 一、2018年工作回顾 → delivered in 2019; 二、2019年工作安排 → 2019.
fn report_year_from_headings(text: &str) -> Option<(Line, i32, &'static str)> {
    for (i, raw) in text.lines().enumerate().take(3000) {
        let l = compact(raw);
        if l.chars().count() > 30 {
            continue;
        }
        let Some(y) = first_year(&l) else { continue };
        let line = || Line::new(i, raw);
        if l.contains("工作回顾") || l.contains("年工作总结") {
            return Some((
                line(),
                y + 1,
                "heading reviewing the previous year (X年工作回顾)",
            ));
        }
        if [
            "工作安排",
            "工作任务",
            "主要任务",
            "总体要求",
            "工作建议",
            "重点工作",
        ]
        .iter()
        .any(|w| l.contains(w))
        {
            return Some((line(), y, "heading of the year's work (X年工作安排)"));
        }
    }
    None
}

/// The first year the body of a bulletin names at the head of a sentence
/// (`2015年，全市…`, `全年…` after an `一、综合` heading is no year).
fn bulletin_year_from_body(text: &str) -> Option<(Line, i32)> {
    for (i, raw) in text.lines().enumerate().take(400) {
        let l = compact(raw);
        if l.chars().count() < 15 || is_chrome(&l) {
            continue;
        }
        let chars: Vec<char> = l.chars().collect();
        if let Some((y, len)) = year_at(&chars, 0) {
            if chars
                .get(len)
                .is_some_and(|c| matches!(c, '，' | ',' | '全' | '是' | '末'))
            {
                return Some((Line::new(i, raw), y));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The time frame decided for `t`.
    fn frame_of(t: &str) -> crate::doc::Frame {
        let (info, mut why) = read(t);
        time_frame(&info, t, &mut why)
    }

    fn frame(text: &str) -> DocumentInfo {
        read(text).0
    }

    #[test]
    fn a_line_opening_on_a_numeric_date_dates_the_page() {
        assert!(opens_on_numeric_date("2018/11/820:56(11/821:05更新)"));
        assert!(opens_on_numeric_date("2018-11-08"));
        assert!(!opens_on_numeric_date("2018/11"));
        assert!(!opens_on_numeric_date("2013.6 2083.7"));
        let (info, _) = read("观光人数破百万 今年可望创新高\n2018/11/8 20:56(11/8 21:05 更新)\n今年的观光人数,截至10月底止,观光人数突破百万人。\n");
        assert_eq!(info.year, Some(2018));
    }

    #[test]
    fn a_report_saying_a_year_will_is_of_that_year() {
        let t = "日前,甲省第十四届人民代表大会第一次会议闭幕。在审议通过的政府工作报告中甲省指出,2023年将持续巩固拓展脱贫攻坚成果。\n报告指出,要抓住耕地和种子两个要害。2023年,新建和改造高标准农田370万亩以上,确保粮食播种面积只增不减。\n";
        assert_eq!(frame(t).year, Some(2023));
        // (A review foreseeing the year's results is still of the year after.)
        let t = "甲区政府工作报告\n一、过去五年的工作回顾\n五年累计完成固定资产投资848亿元。2011年将实现“五大突破”,经济总量突破2000亿元。\n";
        assert_ne!(frame(t).year, Some(2011));
    }

    #[test]
    fn an_item_of_a_list_is_no_title() {
        let t = "江西绘就今后五年发展蓝图\n1月23日,省十三届人大一次会议开幕,省长代表省政府向大会报告工作,提出两个重要阶段性目标。\n●夺取全面建成小康社会的全面胜利,全面完成“十三五”规划目标;\n●到2022年,全省生产总值超过3万亿元。\n";
        let (_, why) = read(t);
        let title = why
            .iter()
            .find(|d| d.field == "title")
            .map(|d| d.value.clone());
        assert!(
            title.as_ref().is_none_or(|t| !t.contains("十三五")),
            "{title:?}"
        );
    }

    #[test]
    fn a_line_telling_what_was_said_is_no_title() {
        // The story's last line, cut by the page's end, names a plan; the
        // page is news of a work report.
        let t = "甲县第十九届人民代表大会第四次会议开幕\n1月16日上午,甲县第十九届人民代表大会第四次会议开幕。县长代表县人民政府向大会作政府工作报告。\n2024年,实现地区生产总值478亿元,增长6.8%。\n报告指出,2025年是实施“十四五”规划的收\n";
        let i = frame(t);
        assert_eq!(i.doc_type, DocType::WorkReport);
        assert!(reports_speech("报告指出,2025年是实施“十四五”规划的收"));
        assert!(!reports_speech("甲市“十四五”规划纲要"));
    }

    #[test]
    fn news_of_a_report_at_a_congress_is_a_work_report() {
        let i = frame("中新社上海一月二十八日电 在今日开幕的上海市十二届人大五次会议上,市长在做政府报告时表示,今年上海生产总值增长百分之九以上。\n");
        assert_eq!(i.doc_type, DocType::WorkReport);
    }

    #[test]
    fn completing_a_plan_told_as_work_ahead_is_no_review() {
        let done = frame("甲区2025年工作总结\n2025年,甲区高质量完成“十四五”规划目标任务。\n");
        assert_eq!(done.doc_type, DocType::PlanReview);
        let ahead = frame("1月5日,甲区两会召开。\n2025年,甲区将重点做好八个方面工作,高质量完成“十四五”规划目标任务。\n");
        assert_ne!(ahead.doc_type, DocType::PlanReview);
        let ahead = frame("日前启动实施水利保障方案。\n在全面完成“十二五”规划任务的基础上,甘肃将加快实施农村饮水巩固提升工程。\n");
        assert_ne!(ahead.doc_type, DocType::PlanReview);
        let ahead = frame("2025年是“十四五”收官之年。全市上下坚持稳中求进,高质量完成“十四五”规划目标任务。\n经济社会发展主要预期目标:地区生产总值增长5.5%以上。\n");
        assert_ne!(ahead.doc_type, DocType::PlanReview);
    }

    #[test]
    fn web_page_chrome_is_not_the_title() {
        let i = frame("统计公报年度索引: 2023 2022 2021\n您当前的位置:首页 > 统计公报 > 四川\n\n四川省2020年国民经济和社会发展统计公报\n\n时间:2021-08-12 22:06:21 来源:四川省统计局\n一、综 合\n");
        assert_eq!(i.doc_type, DocType::StatisticalBulletin);
        assert_eq!(i.year, Some(2020));
        assert_eq!(i.region.as_deref(), Some("四川省"));
    }

    #[test]
    fn the_year_of_a_plan_named_by_its_ordinal() {
        assert_eq!(
            plan_year_ordinal("據報道 今年是“十三五”規劃綱要實施的第三年,我省實施情況如何"),
            Some(2018)
        );
        assert_eq!(plan_year_ordinal("今年是“十四五”收官之年。"), Some(2025));
        assert_eq!(plan_year_ordinal("今年是改革开放40周年。"), None);
    }

    #[test]
    fn articles_on_part_of_their_year() {
        assert_eq!(
            part_of_year_line("时间:2023-10-24\n前三季度全省地区生产总值18049.37亿元"),
            Some((2, "前三季度全省地区生产总值18049.37亿元"))
        );
        assert!(part_of_year_line("今年1-9月,全市固定资产投资增长").is_some());
        assert!(part_of_year_line("截至今年4月底,全市累计建成5G基站1.2万个").is_some());
        assert!(part_of_year_line("今年首6個月,本澳居民人均收入增長").is_some());
        assert!(part_of_year_line("今年第一季度全区生产总值增长").is_some());
        // 今年 alone speaks of the whole year.
        assert_eq!(part_of_year_line("今年全市生产总值增长6%"), None);
        // A part of a named year says nothing about the article's own year.
        assert_eq!(part_of_year_line("2022年上半年全市地区生产总值"), None);
        assert_eq!(part_of_year_line("发布时间:2021-10-08"), None);
    }

    #[test]
    fn undated_articles_dated_by_two_year_averages_and_plan_openings() {
        let t = "一季度,全省生产总值为743.88亿元,同比增长12.8%,两年平均增长4.4%,比2019年一季度增长9.1%。";
        assert_eq!(latest_data_year(t), Some(2021));
        // A 两年平均 in another sentence says nothing of 比2020年.
        let t = "上半年生产总值同比增长13.4%，与2019年同期相比，两年平均增长4.8%。\n今年夏粮总产量6.9万吨，比2020年增长47.6%。";
        assert_eq!(latest_data_year(t), Some(2021));
        // The period in a cited document's title is no year of figures; a
        // year of work in one is.
        assert_eq!(
            latest_data_year(
                "今年将治理荒漠化土地90万亩。全面落实《国土绿化规划(2020年-2025年)》。"
            ),
            None
        );
        assert_eq!(
            latest_data_year("《数智贵州建设2026年工作要点》已经省领导同意，现印发给你们。"),
            Some(2026)
        );
        // Without a two-year average, the year compared with is the latest named.
        assert_eq!(latest_data_year("比2019年增长9.1%。"), Some(2019));
        // A year set against in 与…同期相比 is before the figure's own.
        assert_eq!(
            latest_data_year("上半年工业增加值1844.1亿元,与2008年同期相比,净增116亿元。"),
            Some(2009)
        );
        // A gloss between a year and 远景 hides no horizon.
        assert_eq!(
            latest_data_year("2022年總量7萬億元。二〇三五年遠(yuǎn)景目標(biāo)綱要"),
            Some(2022)
        );
        assert_eq!(
            plan_opening_year("前三季度全市经济运行良好,为“十四五”开好局奠定基础。"),
            Some(2021)
        );
        assert_eq!(plan_opening_year("“十四五”时期,全市经济持续增长。"), None);
        assert_eq!(
            plan_opening_year(
                "上海上半年實現生產總值4781.93億元,為實現“十一五”良好開局奠定了基礎。"
            ),
            Some(2006)
        );
        assert_eq!(
            plan_opening_year("市长在报告中说,今年是“十五五”开局起步之年。"),
            Some(2026)
        );
        assert_eq!(
            plan_closing_year("甲省圆满完成“十四五”目标任务\n经济总量去年底达2.67万亿"),
            Some(2025)
        );
        assert_eq!(
            plan_closing_year("在全面完成“十二五”规划任务的基础上,甲省将加快实施工程"),
            None
        );
        assert_eq!(
            plan_closing_year("展望“十五五”,甲省形成工作部署。"),
            Some(2025)
        );
        assert_eq!(
            plan_closing_year("市政府新闻办举办高质量完成“十四五”规划系列主题新闻发布会"),
            Some(2025)
        );
        assert_eq!(
            plan_closing_year("举行“决胜‘十四五’续写新篇章”系列主题新闻发布会"),
            Some(2025)
        );
        assert_eq!(plan_closing_year("“十四五”时期,全市经济持续增长。"), None);
        assert_eq!(
            plan_closing_year(
                "市长在市人民代表大会上公布当地“十三五”成绩单:地区生产总值达到2.5万亿元"
            ),
            Some(2020)
        );
        // Mid-term goals met are not the period's close.
        assert_eq!(
            plan_closing_year("一年来,甲省基本完成“十三五”规划中期目标"),
            None
        );
        // A period prepared for is the next; the one before it closes.
        assert_eq!(
            plan_closing_year("全县取得突破性进展,为“十五五”期间全面建成精致城市奠定了坚实基础"),
            Some(2025)
        );
        assert_eq!(plan_closing_year("为“十五五”规划编制开展前期研究。"), None);
        // The end of a span that is a deadline is no year of figures.
        assert_eq!(
            latest_data_year("到2027—2028年雪季,接待游客达到2.3亿人次"),
            None
        );
        assert_eq!(
            latest_data_year("2023—2024年雪季接待游客1.2亿人次"),
            Some(2024)
        );
        // Where a change set out from is no year of figures.
        assert_eq!(
            latest_data_year("营业收入从2022年的2.7亿元增长至30.7亿元"),
            None
        );
        assert_eq!(latest_data_year("营业收入2022年达2.7亿元"), Some(2022));
    }

    #[test]
    fn bulletin_year_from_body_or_publication_date() {
        let i = frame("国民经济和社会发展统计公报\n某某县统计局\n2016年，全县经济平稳增长。\n");
        assert_eq!(i.year, Some(2016));
        assert_eq!(i.region.as_deref(), Some("某某县"));
        let i = frame("统计公报\n发布日期：2017-03-20\n全年全市地区生产总值100亿元。\n");
        assert_eq!(i.year, Some(2016));
    }

    #[test]
    fn work_report_year_and_region_from_meeting_line_and_signature() {
        let i = frame(
            "政府工作报告\n——2017年3月14日在乙市第七届人民代表大会第二次会议上\n各位代表：\n",
        );
        assert_eq!(i.doc_type, DocType::WorkReport);
        assert_eq!(i.year, Some(2017));
        assert_eq!(i.region.as_deref(), Some("乙市"));
        let i = frame("政府工作报告\n丙县人民政府县长 张三\n各位代表：\n一、2018年工作回顾\n");
        assert_eq!(i.year, Some(2019));
        assert_eq!(i.region.as_deref(), Some("丙县"));
        let i = frame("政府工作报告\n發布日期：2021-02-01\n各位代表：\n");
        assert_eq!(i.year, Some(2021));
        // A news report on the meeting tells what the report reviewed.
        let i = frame("丁县人民代表大会开幕\n县长代表县人民政府向大会作政府工作报告。报告分四个部分:一是2010年政府工作回顾;二是今后五年的任务。\n报告指出:2010年,是实施“十一五”规划的最后一年。\n");
        assert_eq!(i.year, Some(2011));
    }

    #[test]
    fn a_report_on_the_first_half_of_its_year_reviews_that_year() {
        let t = "关于乙区2018年国民经济和社会发展计划上半年执行情况的报告\n——2018年8月23日在乙区第十六届人民代表大会常务委员会第十四次会议上\n一、上半年计划执行情况\n上半年GDP实现2806.8亿元,同比增长6.5%。\n";
        let (info, mut why) = read(t);
        assert_eq!(info.doc_type, DocType::WorkReport);
        assert_eq!(info.year, Some(2018));
        assert_eq!(time_frame(&info, t, &mut why).actual_year, Some(2018));
        // A report on the whole year before is not within its year.
        let t = "关于乙区2017年国民经济和社会发展计划执行情况与2018年计划草案的报告\n";
        assert_eq!(frame_of(t).actual_year, Some(2017));
    }

    #[test]
    fn a_late_article_leading_on_the_year_before_reports_that_year() {
        let t = "县域经济增长领跑全省\n安庆晚报 2013-08-25 16:23\n省统计局发布的最新统计数据表明,2012年,全省县域经济整体呈现出总量提升、结构优化、多项指标增速快于全省的良好态势。\n县域固定资产投资额6755.8亿元,增长27.1%。\n";
        let (info, mut why) = read(t);
        assert_eq!(info.year, Some(2013));
        assert_eq!(time_frame(&info, t, &mut why).actual_year, Some(2012));
        // Naming 今年 anywhere, it reports its own year.
        let t = t.replace("增长27.1%", "今年以来增长27.1%");
        assert_eq!(frame_of(&t).actual_year, Some(2013));
    }

    #[test]
    fn goals_due_at_a_period_end_in_a_text_naming_no_year_are_set_for_it() {
        let t = "三、發展目標\n總體目標是:到“十二五”末,特色產業規模進一步擴大。\n糧食總產量達到110萬噸。\n";
        assert_eq!(frame_of(t).target_year, Some(2015));
        // A text that names a year is dated by it instead.
        let t = "2013年發展目標\n總體目標是:到“十二五”末,特色產業規模進一步擴大。\n";
        assert_eq!(goals_due_at_period_end(t), None);
        // 比“十一五”末 compares; it sets no deadline.
        assert_eq!(
            goals_due_at_period_end("總產量比“十一五”末增長6.6萬噸。"),
            None
        );
    }

    #[test]
    fn meeting_a_plans_mid_term_goals_is_spoken_of_in_its_middle_year() {
        let t = "2月14日,甲省人大会议开幕。省长作报告。\n报告提出,一年来,甲省基本完成“十三五”规划中期目标,经济社会保持持续健康发展。\n全年实现生产总值7.65万亿元,比上年增长6.4%。\n";
        assert_eq!(frame_of(t).actual_year, Some(2018));
        // A review that only names its mid-term evaluation is not dated so.
        assert!(!mid_term_goals_met(
            "开展了全市“十二五”规划纲要实施中期评估工作。"
        ));
    }

    #[test]
    fn a_text_counting_years_since_a_congress_gives_the_last_full_year() {
        let t = "“中国这十年·甲区”主题新闻发布会22日举行,介绍党的十八大以来甲区经济社会发展的巨大变化。\n十年来,甲区地区生产总值从刚过万亿元门槛到去年底跨过了2万亿元大关。\n";
        assert_eq!(years_since_party_congress(t), Some(2021));
        assert_eq!(frame_of(t).actual_year, Some(2021));
        // Without a count of years, the congress alone does not say how long.
        assert_eq!(
            years_since_party_congress("党的十八大以来,甲区经济快速发展。"),
            None
        );
        // 党的二十八大 is not the 18th.
        assert_eq!(years_since_party_congress("党的二十八大以来,十年来"), None);
    }

    #[test]
    fn an_article_on_a_plan_completed_speaks_at_its_end_whatever_year_it_recalls() {
        let t = "抓机遇迎挑战举全力促发展\n——甲县圆满完成“十二五”经济社会发展各项任务\n“十二五”时期,甲县经受2013年抗洪救灾严峻考验。与2010年比,全县地区生产总值由106.96亿元增加到188.06亿元。\n";
        assert_eq!(plan_closing_year(t), Some(2015));
        assert_eq!(frame_of(t).actual_year, Some(2015));
    }

    #[test]
    fn quarters_of_the_year_before_do_not_date_an_article_in_its_own() {
        let t = "甲省经济稳中向好\n日期查询:2018年01月24日\n据介绍,2017年,全省地区生产总值增速在一季度(6.1%)走出困难时期,全年增长7%。\n全年全省粮食总产量130亿公斤。\n";
        let (info, mut why) = read(t);
        assert_eq!(info.year, Some(2018));
        assert_ne!(time_frame(&info, t, &mut why).actual_year, Some(2018));
        let t =
            "甲省经济稳中向好\n日期查询:2018年05月24日\n据介绍,一季度,全省地区生产总值增长6.1%。\n";
        assert_eq!(frame_of(t).actual_year, Some(2018));
    }

    #[test]
    fn an_undated_account_of_a_periods_results_speaks_at_its_end() {
        let t = "记者从新闻发布会上获悉。\n区长在发布会上介绍,“十四五”时期,甲区在协同发展上实现新突破,五年间累计引进项目3920个,今年上半年地区生产总值增长5.8%。\n";
        assert_eq!(period_of_results(t), Some((2021, 2025)));
        assert_eq!(frame_of(t).actual_year, Some(2025));
        assert_eq!(period_of_results("“十四五”时期,甲区实现新突破。"), None);
    }

    #[test]
    fn a_newspapers_issue_line_dates_the_article() {
        assert_eq!(
            publication_date("西藏日报(汉)/2024 年/1 月/3 日/第 001 版"),
            Some((2024, 1))
        );
        assert_eq!(
            publication_date("人民日报 2019年3月5日 第三版"),
            Some((2019, 3))
        );
        // A page's date beside its font buttons.
        assert_eq!(
            publication_date("2016年10月28日 放大 缩小 默认"),
            Some((2016, 10))
        );
        assert_eq!(publication_date("2016年10月28日 星期五"), Some((2016, 10)));
        assert_eq!(publication_date("2016年10月28日 大会开幕"), None);
        // A sentence that ends on 版 is not an issue line.
        assert_eq!(publication_date("2019年3月发布了新版"), None);
    }

    #[test]
    fn an_article_opening_on_a_new_periods_goals_sets_them() {
        let t = "上海“十二五”時期的主要目標 2011-02-12 14:08\n一是全市生產總值年均增長8%左右,第三產業增加值占全市生產總值比重達到65%左右。\n";
        let f = frame_of(t);
        assert!(f.on_plan);
        assert_eq!(f.target_year, Some(2015));
        // Not the goals of a period long past.
        let t = "上海“十二五”時期的主要目標 2019-02-12 14:08\n全市生產總值年均增長8%左右。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn news_of_a_plan_dated_before_its_period_says_this_year_of_its_date() {
        let t = "寧夏光伏産業投入將達千億元\n發佈時間:2015-12-09 09:53:58 來源:經濟日報\n根據《寧夏“十三五”光伏園區規劃》,“十三五”期間,寧夏光伏産業投入將達千億元。截至今年9月底,寧夏全區光伏發電裝機262萬千瓦,同比增長85%。\n";
        assert_eq!(frame_of(t).spoken_in, Some(2015));
        let got = crate::tests::kind_year_of(t, 262.0);
        assert_eq!(got, [(planwatch_core::Kind::Actual, Some(2015))]);
    }

    #[test]
    fn a_department_carrying_out_the_report_early_in_the_year_sets_its_goals() {
        let t = "聚焦实体经济\n2022-02-27 16:27:00\n市工信局将进一步落实落细政府工作报告的工作部署,高质量高标准完成各项目标任务。全年推动实施400个重点工业项目,实现工业投资增长6%。\n";
        assert_ne!(frame(t).doc_type, DocType::WorkReport);
        assert!(frame_of(t).on_plan);
        let got = crate::tests::kind_year_of(t, 400.0);
        assert_eq!(got, [(planwatch_core::Kind::Target, Some(2022))]);
        // Later in the year, the same words report the work done.
        let t = "聚焦实体经济\n2022-08-27 16:27:00\n市工信局将进一步落实落细政府工作报告的工作部署。上半年推动实施400个重点工业项目。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn a_year_looked_back_on_in_the_next_sentence_is_the_year_reviewed() {
        let t = "12月28日上午,市人民代表大會第四次會議開幕。\n市長向大會作政府工作報告。他說,2019年是決勝全面建成小康社會的攻堅年。一年來,市政府堅持穩中求進。預計全市生產總值增長3%。\n";
        assert_eq!(frame(t).year, Some(2020));
        // Looking ahead, it is the year the report is for.
        let t = "市長向大會作政府工作報告。2019年是決勝全面建成小康社會的攻堅年。做好今年工作意義重大。\n";
        assert_eq!(frame(t).year, Some(2019));
    }

    #[test]
    fn a_years_list_of_tasks_is_named_for_the_work_ahead() {
        assert!(named_only_ahead("隨著政府工作報告的正式“出爐”,2020年度深圳民生實事清單也隨之亮相。\n2019年教育話題不斷。", 2020));
        assert!(!named_only_ahead("2020年全市地区生产总值增长6%。", 2020));
    }

    #[test]
    fn an_article_on_a_reports_goals_for_the_new_year_speaks_of_goals() {
        let t = "2025年是“十四五”規劃收官之年,報告提出2025年甲區將扭住建設目標不放松。\n新的一年甲區將在哪些方面持續發力?\n認定國家級高企25家,研發投入增長20%。\n";
        let f = frame_of(t);
        assert!(f.on_plan);
        assert_eq!(f.target_year, Some(2025));
        assert_eq!(f.actual_year, Some(2024));
        // An article on the year's results is not.
        let t = "2025年甲區經濟穩中向好。\n認定國家級高企25家,研發投入增長20%。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn a_sentence_cut_by_a_line_break_is_no_title() {
        let t = "甲市统计局总设计师做客在线访谈,解读了《甲市2016年国民经济和社会发展统计公报》的相关内容。\n经济运行稳中向好\n2016年,全市地区生产总值增长7.9%,比2015年提升0.7个百分点。\n彭勇分析,2017年是“十三五”规划的第二年,也是至关重要的一年,从1月-2月指标来\n看,经济运行良好。\n";
        let (info, _) = read(t);
        assert_ne!(info.doc_type, DocType::FiveYearPlan);
        assert!(info.title.as_deref().is_none_or(|t| !t.contains("彭勇")));
    }

    #[test]
    fn a_text_whose_only_years_are_bases_of_its_period_tells_its_end() {
        let t = "甲县围绕县“十一五”规划确定的目标任务,取得了新的成就。县城建成区由2005年的3.5平方公里发展到6.85平方公里。农民人均纯收入比2005年提高2.26倍。";
        assert_eq!(latest_data_year(t), Some(2010));
        // With a year of its own, the text is of that year.
        let t = "2008年,甲县围绕“十一五”规划目标任务取得新成就。农民人均纯收入比2005年提高2.26倍。";
        assert_eq!(latest_data_year(t), Some(2008));
    }

    #[test]
    fn an_article_leading_on_the_years_plans_speaks_of_goals() {
        let t = "长春今年安排86项重点工程\n2014年,长春市将按照“保续建、保民生、保重点”的原则,计划投资643.7亿元,安排86项重点工程。\n加快提升公用保障能力,新增供热能力1000万平方米,改造供热管网100公里。\n";
        let f = frame_of(t);
        assert!(f.on_plan);
        assert_eq!(f.target_year, Some(2014));
        // One leading on what the year brought is not.
        let t = "长春去年建成86项重点工程\n2014年,长春市按照“保续建、保民生、保重点”的原则,已完成投资643.7亿元,建成86项重点工程。\n新增供热能力1000万平方米。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn news_of_a_report_reviews_the_year_before_the_one_it_opens() {
        let t = "中新网2月20日电 20日,甲市第十三届人民代表大会第四次会议拉开帷幕。人大代表听取市长作政府报告。\n市长说,全市地区生产总值3417.9亿元,增长13%。\n2011年是实施“十二五”规划的开局之年。为2018年左右率先基本实现现代化奠定基础。\n";
        let f = frame_of(t);
        assert_eq!(f.actual_year, Some(2010));
        assert!(!f.on_plan);
    }

    #[test]
    fn a_late_article_on_the_years_since_a_congress_reports_its_latest_figures() {
        let t = "甲区“三农”发展步入历史最好时期\n发布时间:2022-10-08 10:21:00来源: 甲区日报\n7日,记者从党的十八大以来甲区农业农村发展成就新闻发布会上获悉,党的十八大以来,甲区“三农”发展步入历史最好时期。粮食产量于2015年首次突破百万吨大关,2021年达到106.15万吨。\n农村居民人均可支配收入连续7年全国增速第一。\n";
        let (info, mut why) = read(t);
        assert_eq!(info.year, Some(2022));
        assert_eq!(time_frame(&info, t, &mut why).actual_year, Some(2021));
    }

    #[test]
    fn a_year_a_span_began_is_no_data_year() {
        assert_eq!(
            latest_data_year("今年上半年,全省县域实现生产总值4248.92亿元,扭转了2015年以来季度增速低于全省平均增速的局面。"),
            None
        );
    }

    #[test]
    fn an_undated_article_leading_on_goals_due_in_its_latest_year_speaks_of_them() {
        let t = "甲区党委、政府日前专门印发文件,提出到2027年的一系列硬性发展目标。\n常住人口城镇化率2027年达到70%左右,户籍人口城镇化率达到51%左右。\n";
        let f = frame_of(t);
        assert!(f.on_plan);
        assert_eq!(f.target_year, Some(2027));
        let t = "甲区党委、政府日前总结了到2027年的工作。\n常住人口城镇化率2027年达到70%左右。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn a_span_gone_by_dates_its_text_at_its_end() {
        assert_eq!(
            latest_data_year("2020年至2024年,甲市GDP由3997.16亿元增加到5127.66亿元,年均增长5.8%。"),
            Some(2024)
        );
        // (A span ahead: its end is a deadline.)
        assert_ne!(
            latest_data_year("2020年,甲市GDP达3997.16亿元。2021年至2025年,全市将力争GDP由4000亿元增加到6000亿元。"),
            Some(2025)
        );
    }

    #[test]
    fn a_review_published_after_its_period_speaks_at_its_end() {
        let t = "来源:甲日报 发布时间:2026-01-28 08:28\n“十四五”圆满收官 各项事业取得重大成就\n地区生产总值跨过3万亿元、年均增长5.2%。\n";
        let (info, mut why) = read(t);
        assert_eq!(info.doc_type, DocType::PlanReview);
        assert_eq!(info.year, Some(2026));
        assert_eq!(time_frame(&info, t, &mut why).actual_year, Some(2025));
        // Published two years on, it is not that period's closing review.
        let t = "来源:甲日报 发布时间:2027-01-28 08:28\n“十四五”圆满收官 各项事业取得重大成就\n地区生产总值跨过3万亿元、年均增长5.2%。\n";
        assert_ne!(frame_of(t).actual_year, Some(2025));
    }

    #[test]
    fn an_undated_text_opening_on_its_goals_speaks_of_them() {
        let t = "全市经济社会发展主要预期目标是:地区生产总值增长5.5%以上。\n全年实施亿元以上项目1000个。\n";
        assert!(frame_of(t).on_plan);
        let t = "全市经济运行平稳。\n地区生产总值增长5.5%。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn a_plan_adopted_at_a_meeting_is_a_plan_issued() {
        let head = "2月28日,自治区政府常务会审议通过《关于推动制造业高质量发展的实施方案》,提出未来三年目标。";
        assert_eq!(
            issued_titles(head).collect::<Vec<_>>(),
            ["关于推动制造业高质量发展的实施方案"]
        );
        // A plan of N years issued in a dated article sets goals for its last.
        let t = "湖北省计划三年推进十大重点工程\n2017-06-12 09:48 来源: 湖北日报\n近日,省政府办公厅印发《湖北省精准发力补短板三年十大重点工程实施方案》。\n";
        let f = frame_of(t);
        assert!(f.on_plan);
        assert_eq!(f.target_year, Some(2019));
        assert_eq!(years_in_title("乙市2023年工作方案"), None);
        // A plan only named is not one issued.
        assert_eq!(issued_titles("根据《乙市十四五规划》的要求").count(), 0);
    }

    #[test]
    fn a_plan_issued_without_brackets_is_a_plan_issued() {
        let head = "近日,安徽省政府办公厅发布了推动绿色食品产业全产业链高质量发展实施意见。到2025年,全省将建成10个千亿级产业。";
        assert_eq!(
            issued_titles(head).collect::<Vec<_>>(),
            ["推动绿色食品产业全产业链高质量发展实施意见"]
        );
        // (印发了关于…的通知: no plan.)
        assert_eq!(
            issued_titles("市政府印发了关于做好防汛工作的通知。").count(),
            0
        );
        // An undated article on it: its figures are goals, due at its deadline.
        let t = format!("{head}\n“十四五”末,生猪出栏量达到2700万头以上。\n");
        let f = frame_of(&t);
        assert!(f.on_plan);
        assert_eq!(f.target_year, Some(2025));
        // Dated by its own figures, it tells the state the plan starts from.
        let t =
            "近日,省政府印发了加快发展数字经济若干意见。截至2022年12月,全省在用数据中心144个。\n";
        assert!(!frame_of(t).on_plan);
    }

    #[test]
    fn a_provincial_document_number_names_its_province() {
        assert_eq!(
            province_of_doc_number("宁政办发〔2023〕13号"),
            Some("宁夏回族自治区")
        );
        assert_eq!(
            province_of_doc_number("(湘政发〔2022〕5号)"),
            Some("湖南省")
        );
        // A city's number is no province's.
        assert_eq!(province_of_doc_number("南宁政发〔2022〕5号"), None);
        assert_eq!(province_of_doc_number("锦政发〔2017〕55号"), None);
        let t = "宁政办发〔2023〕13号\n各市、县(区)人民政府:\n为贯彻落实视察重要讲话精神,到2025年,全区完成投资1000亿元。\n";
        assert_eq!(read(t).0.region.as_deref(), Some("宁夏回族自治区"));
    }

    #[test]
    fn a_numbered_heading_is_no_title() {
        let t = "河北省第十四届人民代表大会第二次会议开幕,省长作河北省人民政府工作报告。\n报告分为两大部分\n一、2023年工作回顾\n二、2024年目标任务和主要工作\n回顾2023\n全省生产总值增长5.5%。\n";
        let (info, _) = read(t);
        assert_eq!(info.doc_type, DocType::WorkReport);
    }

    #[test]
    fn a_site_that_reposted_the_news_is_no_issuer() {
        let i = frame("韩城绘就蓝图\n近日，韩城市人大十七届五次会议绘就了“十三五”期间的宏伟蓝图，韩城市地区生产总值将突破500亿元，人民生活更加自豪。(来源:陕西省人民政府网)\n");
        assert_eq!(i.region.as_deref(), Some("韩城市"));
    }

    #[test]
    fn a_zone_named_more_often_than_its_city() {
        assert_eq!(
            zone_of("记者从哈尔滨新区获悉，一季度新区经济快速发展", "哈尔滨市").as_deref(),
            Some("哈尔滨新区")
        );
        assert_eq!(
            zone_of(
                "如皋高新技术产业开发区 高新区2024年工作规划，围绕如皋市委",
                "如皋市"
            )
            .as_deref(),
            Some("如皋高新技术产业开发区")
        );
        // A city that names its zone once among its own figures stays the subject.
        assert_eq!(
            zone_of("成都市生产总值增长6%，成都市投资增长，成都高新区", "成都市"),
            None
        );
    }

    #[test]
    fn traditional_script_frame() {
        let i = frame("2015年某某市國民經濟和社會發展統計公報\n\n全年地區生產總值增長7%。\n");
        assert_eq!(i.doc_type, DocType::StatisticalBulletin);
        assert_eq!(i.year, Some(2015));
        assert_eq!(i.region.as_deref(), Some("某某市"));
    }

    #[test]
    fn a_linked_title_of_another_place_yields_to_the_signature() {
        let i = frame(
            "辰溪县国民经济和社会发展第十一个五年规划实施情况中期评估报告\n\n关于宜宾市国民经济和社会发展第十一个五年规划纲要\n\n实施情况的中期评估报告\n\n2008年12月30日在市三届人大常委会第十五次会议上\n\n宜宾市人民政府常务副市长徐进\n\n受市长委托,我代表市人民政府报告《宜宾市国民经济和社会发展第十一个五年规划纲要》中期实施情况。",
        );
        assert_eq!(i.region.as_deref(), Some("宜宾市"));
        // A title whose place the body names again keeps it.
        let i = frame("辰溪县2008年统计公报\n\n辰溪县统计局\n\n全年辰溪县生产总值增长10%。");
        assert_eq!(i.region.as_deref(), Some("辰溪县"));
    }

    #[test]
    fn an_article_late_in_its_year_speaks_of_that_year() {
        let text = "宁夏出台特色农业提质计划\n发布时间:2024-11-09 22:17:42\n目前,宁夏“六特”产业综合产值已突破2420亿元,到2027年达到4300亿元。";
        let f = frame_of(text);
        assert_eq!((f.actual_year, f.target_year), (Some(2024), Some(2027)));
        // Early in the year, what it states is of the year before.
        let text = text.replace("2024-11-09", "2024-03-09");
        let f = frame_of(&text);
        assert_eq!(f.actual_year, Some(2023));
    }

    #[test]
    fn national_headlines_and_cities_compared_with_their_province() {
        let i = frame("首页 > 种植 > 正文\n\n我国力争2025年油茶种植面积达到9000万亩以上\n\n国家林草局印发方案,江西省、湖南省油茶面积居前。");
        assert_eq!(i.region.as_deref(), Some("全国"));
        let i = frame("牡丹江“十四五”发展报告:多项指标超额完成\n日前,中共牡丹江市委、牡丹江市人民政府举行发布会。牡丹江市城镇人均可支配收入稳居黑龙江省第三位,农村人均可支配收入连续22年领跑全省。牡丹江地处黑龙江省东南部,过去5年,牡丹江紧抓机遇。");
        assert_eq!(i.region.as_deref(), Some("牡丹江市"));
    }

    #[test]
    fn dates() {
        assert_eq!(date_in("2017年3月14日"), Some((2017, 3)));
        assert_eq!(date_in("二〇一七年三月十四日"), Some((2017, 3)));
        assert_eq!(date_in("发布时间:2020-03-25 16:38:18"), Some((2020, 3)));
        assert_eq!(date_in("2020年50%的农户"), None);
        // A byline's day before its source, after the site's name, or glued to the body.
        assert_eq!(
            byline_date("中央政府门户网站www.gov.cn2008年12月27日来源:新华社"),
            Some((2008, 12))
        );
        let glued = format!(
            "sina.com.cn2011-12-05、08:30来源:商务部网站近日,{}",
            "深圳".repeat(40)
        );
        assert_eq!(byline_date(&glued), Some((2011, 12)));
        assert_eq!(publication_date("- 2014年01月07日"), Some((2014, 1)));
        assert_eq!(publication_date("2014年1月7日 10:30"), Some((2014, 1)));
        // A report's delivery line: the day and who delivered it, bracketed.
        assert_eq!(publication_date("(2008年1月16日 王正偉)"), Some((2008, 1)));
        assert_eq!(publication_date("(2008年1月16日王正伟)"), Some((2008, 1)));
        assert_eq!(publication_date("2008年1月16日上午"), None);
        assert_eq!(publication_date("2014年全市生产总值1500亿元"), None);
        assert_eq!(
            publication_date("来源:20200325四川日报 发布时间:2020-03-25"),
            Some((2020, 3))
        );
    }

    #[test]
    fn decisions_name_their_lines() {
        let (_, why) = read("x\n乙市2019年国民经济和社会发展统计公报\n");
        let y = why
            .iter()
            .find(|d| d.field == "year")
            .map(|d| (d.value.as_str(), d.line));
        assert_eq!(y, Some(("2019", 2)));
    }
}
