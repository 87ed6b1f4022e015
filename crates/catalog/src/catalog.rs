//! The indicator catalogue: canonical indicators with synonyms, domain, unit and direction.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::normalize::{keys, normalize, normalize_unit, similarity};
use crate::{CatalogError, Result};

/// The catalogue shipped with planwatch (`data/indicators.toml`).
pub const DEFAULT_CATALOG: &str = include_str!("../data/indicators.toml");

/// The domain shown for an indicator the catalogue does not know (未归类),
/// the one word every page and report uses.
pub const NO_DOMAIN: &str = "未归类";

/// Which way is good for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// 越高越好.
    Higher,
    /// 越低越好.
    Lower,
    /// A cap that must not be exceeded (控制在…以内).
    Ceiling,
}

impl Direction {
    /// Stable spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Higher => "higher",
            Direction::Lower => "lower",
            Direction::Ceiling => "ceiling",
        }
    }
}

/// One canonical indicator (指标).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// Canonical name.
    pub name: String,
    /// 经济发展, 创新驱动, 民生福祉, 绿色生态 or 安全保障.
    pub domain: String,
    /// Canonical unit of its level values.
    pub unit: String,
    /// Which way is good.
    pub direction: Direction,
    /// Other names of the same series.
    #[serde(default)]
    pub synonyms: Vec<String>,
    /// Look-alike names of different series (explicit non-synonyms).
    #[serde(default)]
    pub distinct: Vec<String>,
}

/// A unit's family and its factor to the family's base unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitDef {
    /// The family's base unit (`元` for `亿元`).
    pub base: String,
    /// value × factor = value in base units.
    pub factor: f64,
}

#[derive(Debug, Clone, Default, Deserialize)]
struct MatchingConfig {
    #[serde(default)]
    fuzzy_threshold: Option<f64>,
    #[serde(default)]
    discriminators: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct CatalogFile {
    #[serde(default)]
    matching: MatchingConfig,
    #[serde(default)]
    units: BTreeMap<String, UnitDef>,
    #[serde(default)]
    indicator: Vec<Indicator>,
}

/// How a name was matched to an indicator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum MatchKind {
    /// The canonical name itself.
    Exact,
    /// A listed synonym.
    Synonym,
    /// Closest by similarity, with its score.
    Fuzzy(f64),
}

/// A name resolved to a catalogue indicator.
#[derive(Debug, Clone, Copy)]
pub struct Match<'a> {
    /// The indicator.
    pub indicator: &'a Indicator,
    /// How it matched.
    pub how: MatchKind,
}

#[derive(Debug, Clone)]
struct KeyEntry {
    indicator: usize,
    synonym: bool,
}

/// The loaded catalogue with its lookup tables.
#[derive(Debug, Clone)]
pub struct Catalog {
    indicators: Vec<Indicator>,
    units: HashMap<String, UnitDef>,
    by_key: HashMap<String, KeyEntry>,
    /// (normalised bare name, indicator index, its characters sorted) for fuzzy matching.
    names: Vec<(String, usize, Vec<char>)>,
    distinct: Vec<Vec<String>>,
    discriminators: Vec<String>,
    threshold: f64,
    warnings: Vec<String>,
}

impl Catalog {
    /// The catalogue shipped with planwatch.
    pub fn builtin() -> Catalog {
        // The shipped file is tested to parse; fall back to empty rather than panic.
        Catalog::from_toml(DEFAULT_CATALOG).unwrap_or_else(|_| Catalog::empty())
    }

    /// A catalogue with no indicators and no units.
    pub fn empty() -> Catalog {
        Catalog {
            indicators: Vec::new(),
            units: HashMap::new(),
            by_key: HashMap::new(),
            names: Vec::new(),
            distinct: Vec::new(),
            discriminators: Vec::new(),
            threshold: 0.8,
            warnings: Vec::new(),
        }
    }

    /// Reads a catalogue file (the one I/O function of this crate).
    pub fn load(path: &std::path::Path) -> Result<Catalog> {
        let text = std::fs::read_to_string(path).map_err(|source| CatalogError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Catalog::from_toml(&text).map_err(|e| match e {
            CatalogError::Parse { message, .. } => CatalogError::Parse {
                path: path.display().to_string(),
                message,
            },
            other => other,
        })
    }

    /// Parses a catalogue from TOML text.
    pub fn from_toml(text: &str) -> Result<Catalog> {
        let file: CatalogFile = toml::from_str(text).map_err(|e| CatalogError::Parse {
            path: "<catalogue>".into(),
            message: e.to_string(),
        })?;
        Ok(Catalog::build(file))
    }

    fn build(file: CatalogFile) -> Catalog {
        let mut cat = Catalog::empty();
        cat.threshold = file.matching.fuzzy_threshold.unwrap_or(0.8);
        cat.discriminators = file
            .matching
            .discriminators
            .iter()
            .map(|d| normalize(d))
            .collect();
        cat.units = file
            .units
            .into_iter()
            .map(|(k, v)| (normalize_unit(&k), v))
            .collect();
        for (i, ind) in file.indicator.iter().enumerate() {
            let names =
                std::iter::once((&ind.name, false)).chain(ind.synonyms.iter().map(|s| (s, true)));
            for (name, synonym) in names {
                let k = keys(name);
                for key in [k.full.clone(), k.bare.clone()] {
                    match cat.by_key.get(&key) {
                        Some(prev) if prev.indicator != i => {
                            // A canonical name wins over a synonym; otherwise the first entry wins.
                            if prev.synonym && !synonym {
                                cat.by_key.insert(
                                    key,
                                    KeyEntry {
                                        indicator: i,
                                        synonym,
                                    },
                                );
                            } else {
                                let other = &file.indicator[prev.indicator].name;
                                cat.warnings
                                    .push(format!("{name}: same key as an entry of {other}"));
                            }
                        }
                        Some(_) => {}
                        None => {
                            cat.by_key.insert(
                                key,
                                KeyEntry {
                                    indicator: i,
                                    synonym,
                                },
                            );
                        }
                    }
                }
                let sorted = sorted_chars(&k.bare);
                cat.names.push((k.bare, i, sorted));
            }
            cat.distinct
                .push(ind.distinct.iter().map(|d| keys(d).bare).collect());
        }
        cat.warnings.dedup();
        cat.indicators = file.indicator;
        cat
    }

    /// Every indicator, in file order.
    pub fn indicators(&self) -> &[Indicator] {
        &self.indicators
    }

    /// Problems found while loading (duplicate keys).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The indicator with this canonical name.
    pub fn get(&self, canonical: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.name == canonical)
    }

    /// Resolves a name as written to its catalogue indicator: exact or
    /// synonym key first, then the loose key, then a fuzzy match that must
    /// agree on every discriminator word and not be closer to a `distinct` name.
    pub fn resolve(&self, name: &str) -> Option<Match<'_>> {
        let k = keys(name);
        for key in [&k.full, &k.bare, &k.loose] {
            if let Some(e) = self.by_key.get(key.as_str()) {
                let how = if e.synonym {
                    MatchKind::Synonym
                } else {
                    MatchKind::Exact
                };
                return Some(Match {
                    indicator: &self.indicators[e.indicator],
                    how,
                });
            }
        }
        let ranked = self.rank(&k.bare);
        let (best, score) = *ranked.first()?;
        if score < self.threshold {
            return None;
        }
        // Ambiguous: a different indicator scores (almost) as well.
        if ranked
            .iter()
            .skip(1)
            .any(|&(i, s)| i != best && score - s < 0.02)
        {
            return None;
        }
        if self.distinct[best]
            .iter()
            .any(|d| similarity(&k.bare, d) >= score)
        {
            return None;
        }
        Some(Match {
            indicator: &self.indicators[best],
            how: MatchKind::Fuzzy(score),
        })
    }

    /// The canonical name for `name`, if it resolves.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.resolve(name).map(|m| m.indicator.name.as_str())
    }

    /// The `n` closest catalogue indicators to `name` with their similarity,
    /// ignoring discriminators (for `planwatch indicators --unmatched`).
    pub fn closest(&self, name: &str, n: usize) -> Vec<(&Indicator, f64)> {
        let bare = keys(name).bare;
        let mut best: HashMap<usize, f64> = HashMap::new();
        for (key, i, _) in &self.names {
            let s = similarity(&bare, key);
            let e = best.entry(*i).or_insert(0.0);
            if s > *e {
                *e = s;
            }
        }
        let mut v: Vec<(usize, f64)> = best.into_iter().collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.into_iter()
            .take(n)
            .map(|(i, s)| (&self.indicators[i], s))
            .collect()
    }

    /// Indicators ranked by their best similarity to `bare`, discriminators enforced.
    fn rank(&self, bare: &str) -> Vec<(usize, f64)> {
        let mut best: HashMap<usize, f64> = HashMap::new();
        // Keys that cannot reach the threshold are skipped before the LCS:
        // 2·LCS/(|a|+|b|) is at most 2·(shared characters)/(|a|+|b|).
        let floor = self.threshold - 0.02;
        let mine = sorted_chars(bare);
        for (key, i, chars) in &self.names {
            let total = (mine.len() + chars.len()) as f64;
            if total == 0.0
                || 2.0 * mine.len().min(chars.len()) as f64 / total < floor
                || 2.0 * shared(&mine, chars) as f64 / total < floor
            {
                continue;
            }
            if !self
                .discriminators
                .iter()
                .all(|d| bare.contains(d.as_str()) == key.contains(d.as_str()))
            {
                continue;
            }
            let s = similarity(bare, key);
            let e = best.entry(*i).or_insert(0.0);
            if s > *e {
                *e = s;
            }
        }
        let mut v: Vec<(usize, f64)> = best.into_iter().collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v
    }

    /// The definition of a written unit, if the catalogue knows it.
    pub fn unit(&self, unit: &str) -> Option<&UnitDef> {
        self.units.get(&normalize_unit(unit))
    }

    /// Converts `value` from unit `from` to unit `to` when both are in one family
    /// (万元 → 亿元, 公顷 → 亩, ‰ → %). Same spelling converts trivially.
    pub fn convert(&self, value: f64, from: &str, to: &str) -> Option<f64> {
        let (f, t) = (normalize_unit(from), normalize_unit(to));
        if f == t {
            return Some(value);
        }
        let (uf, ut) = (self.units.get(&f)?, self.units.get(&t)?);
        (uf.base == ut.base && ut.factor != 0.0).then(|| value * uf.factor / ut.factor)
    }
}

fn sorted_chars(s: &str) -> Vec<char> {
    let mut v: Vec<char> = s.chars().collect();
    v.sort_unstable();
    v
}

/// Size of the multiset intersection of two sorted character lists.
fn shared(a: &[char], b: &[char]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat() -> Catalog {
        Catalog::from_toml(DEFAULT_CATALOG).expect("shipped catalogue parses")
    }

    fn resolves(name: &str, canonical: Option<&str>) {
        let c = cat();
        assert_eq!(c.canonical(name), canonical, "{name}");
    }

    #[test]
    fn shipped_catalogue_is_large_and_clean() {
        let c = cat();
        assert!(c.indicators().len() >= 60, "{}", c.indicators().len());
        assert!(c.warnings().is_empty(), "{:?}", c.warnings());
        let domains = ["经济发展", "创新驱动", "民生福祉", "绿色生态", "安全保障"];
        for i in c.indicators() {
            assert!(
                domains.contains(&i.domain.as_str()),
                "{} has domain {}",
                i.name,
                i.domain
            );
            assert!(c.unit(&i.unit).is_some(), "{}: unit {}", i.name, i.unit);
        }
    }

    #[test]
    fn synonyms_resolve_to_one_indicator() {
        let rd = Some("研究与试验发展经费投入强度");
        resolves("研究与试验发展(R&D)经费投入强度", rd);
        resolves("研究与试验发展 (R&D) 经费投入强度 (%)", rd);
        resolves("研发经费投入强度", rd);
        resolves("R&D经费投入强度", rd);
        resolves("﹡研究经费投入强度(%)", rd);
        resolves("地区生产总值 (亿元)", Some("地区生产总值"));
        resolves("GDP", Some("地区生产总值"));
        resolves("全市地区生产总值", Some("地区生产总值"));
        resolves("城镇新增就业人数（万人）", Some("城镇新增就业"));
        resolves("万元GDP用水量下降率(%)", Some("万元地区生产总值用水量降低"));
        resolves(
            "万元地区生产总值用水量下降率(%)",
            Some("万元地区生产总值用水量降低"),
        );
        resolves(
            "万元地区生产总值用水量（立方米）",
            Some("万元地区生产总值用水量"),
        );
        resolves(
            "单位地区生产总值二氧化碳 排放降低(%)",
            Some("单位地区生产总值二氧化碳排放降低"),
        );
        resolves(
            "单位地区生产总值二氧化碳排放量降低（%）",
            Some("单位地区生产总值二氧化碳排放降低"),
        );
        resolves(
            "城市细颗粒物（PM2.5）浓度下降（%）",
            Some("细颗粒物(PM2.5)浓度下降"),
        );
        resolves(
            "﹡每千人口拥有执业医师数(人)",
            Some("每千人口执业(助理)医师数"),
        );
        resolves(
            "地级以上城市空气质量优良天数 比率(%)",
            Some("地级及以上城市空气质量优良天数比率"),
        );
    }

    #[test]
    fn non_synonyms_stay_apart() {
        resolves("城镇登记失业率", Some("城镇登记失业率"));
        resolves("﹡调查失业率(%)", Some("城镇调查失业率"));
        resolves("户籍人口城镇化率 (%)", Some("户籍人口城镇化率"));
        resolves("常住人口城镇化率 (%)", Some("常住人口城镇化率"));
        resolves(
            "﹡每万人口高价值发明专利拥有量(件)",
            Some("每万人口高价值发明专利拥有量"),
        );
        resolves(
            "每万人口发明专利拥有量 (件)",
            Some("每万人口发明专利拥有量"),
        );
        // Fuzzy matching must not cross a discriminator.
        resolves("城镇登记失业人员再就业率", None);
        resolves("户籍人口城镇化水平", None);
        resolves("基本养老保险参保人数", None);
        resolves("新增国家级高新技术企业", None);
    }

    #[test]
    fn fuzzy_fallback_and_unmatched() {
        resolves("规模以上工业增加值增速", Some("规模以上工业增加值"));
        resolves("社会消费品零售总额增长", Some("社会消费品零售总额"));
        resolves("营商便利度", None);
        let c = cat();
        let close = c.closest("规模以上高技术服务业营业收入增长", 3);
        assert_eq!(close.len(), 3);
        assert!(close[0].1 >= close[1].1);
    }

    #[test]
    fn unit_conversions() {
        let c = cat();
        let near = |a: Option<f64>, b: f64| a.is_some_and(|a| (a - b).abs() < 1e-9);
        assert!(near(c.convert(15000.0, "万元", "亿元"), 1.5));
        assert!(near(c.convert(2.0, "亿元", "万元"), 20000.0));
        assert!(near(c.convert(10.0, "公顷", "亩"), 150.0));
        assert!(near(c.convert(150.0, "亩", "公顷"), 10.0));
        assert!(near(c.convert(5.0, "‰", "%"), 0.5));
        assert!(near(c.convert(0.5, "%", "‰"), 5.0));
        assert!(near(c.convert(3.0, "（亿元）", "亿元"), 3.0));
        assert_eq!(c.convert(1.0, "亿元", "%"), None);
        assert_eq!(c.convert(1.0, "个百分点", "%"), None);
    }

    #[test]
    fn a_user_catalogue_replaces_the_default() {
        let c = Catalog::from_toml(
            r#"
            [[indicator]]
            name = "甲指标"
            domain = "经济发展"
            unit = "%"
            direction = "lower"
            synonyms = ["乙指标"]
            "#,
        )
        .expect("parses");
        assert_eq!(c.canonical("乙指标(%)"), Some("甲指标"));
        assert_eq!(c.get("甲指标").map(|i| i.direction), Some(Direction::Lower));
        assert!(Catalog::from_toml("[[indicator]]\nname = 3").is_err());
    }
}
