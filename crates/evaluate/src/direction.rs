//! Which way is good for an indicator: given, or inferred from the target's words.

use planwatch_core::{Comparator, Fact, Measure};

use crate::Direction;

/// Words naming a cut: the indicator itself should grow (能耗降低, 脱贫).
const CUT_WORDS: &[&str] = &["降低", "下降", "减少", "削减", "减排", "脱贫"];

/// Words naming something bad: lower is better.
const LOWER_WORDS: &[&str] = &[
    "能耗",
    "能源消耗",
    "排放",
    "失业率",
    "用水量",
    "死亡率",
    "贫困",
    "浓度",
    "劣V类",
    "劣Ⅴ类",
];

/// Infer the direction of a target, with the reason in Chinese.
///
/// In order: the comparator (`le`/`lt` → a ceiling, lower; `ge`/`gt` →
/// higher); the measure `reduction` (the cut should grow); words of the
/// indicator (a cut word such as 降低, 下降, 减少, 脱贫 → higher; otherwise
/// 能耗, 能源消耗, 排放, 失业率, 用水量, 死亡率, 贫困, 浓度, 劣V类 → lower); a negative
/// growth, average growth or cumulative target, or a level target below its
/// `base_value` → lower; otherwise higher.
pub fn infer_direction(target: &Fact, base_value: Option<f64>) -> (Direction, &'static str) {
    match target.comparator {
        Comparator::Le | Comparator::Lt => return (Direction::Lower, "上限目标"),
        Comparator::Ge | Comparator::Gt => return (Direction::Higher, "下限目标"),
        Comparator::Eq | Comparator::Approx => {}
    }
    if target.measure == Measure::Reduction {
        return (Direction::Higher, "降低目标");
    }
    let name = target.indicator.as_str();
    if CUT_WORDS.iter().any(|w| name.contains(w)) {
        return (Direction::Higher, "指标名为降幅");
    }
    if LOWER_WORDS.iter().any(|w| name.contains(w)) {
        return (Direction::Lower, "指标越低越好");
    }
    match (target.measure, target.value) {
        (Measure::Growth | Measure::AvgGrowth | Measure::Cumulative, Some(v)) if v < 0.0 => {
            return (Direction::Lower, "目标为负增长");
        }
        (Measure::Level, Some(v)) if base_value.is_some_and(|b| v < b) => {
            return (Direction::Lower, "目标低于基期");
        }
        _ => {}
    }
    (Direction::Higher, "默认越高越好")
}
