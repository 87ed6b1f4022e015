//! The methods appendix: the engine's formulas, word for word as `planwatch-evaluate` documents them.
//!
//! Text between backticks is a formula; a test checks that each one appears
//! verbatim in the documentation of `crates/evaluate/src/lib.rs`.

/// One part of the appendix: a heading and its paragraphs.
pub struct Part {
    /// Heading.
    pub heading: &'static str,
    /// Paragraphs; `` `…` `` marks a formula.
    pub paragraphs: &'static [&'static str],
}

/// The methods appendix.
pub const METHODS: &[Part] = &[
    Part {
        heading: "记号",
        paragraphs: &[
            "基期年份与基期值 `y0`、`v0`，目标年份与目标值 `T`、`vT`，最新实际值年份与数值 `t ≤ T`、`vt`；时间进度 `τ = min((t − y0)/(T − y0), 1)`；完成进度 `p`；进度差距 `τ − p`。增速、降幅与进度均以小数计（5% 记为 0.05）。",
        ],
    },
    Part {
        heading: "序时进度法（总量/水平目标）",
        paragraphs: &[
            "适用于计量口径为总量/水平、比较方式为达到、左右、以上或超过，且基期值低于目标值的指标：`p = (vt − v0)/(vT − v0)`。",
            "趋势：实际年均增速 `a = (vt/v0)^(1/(t − y0)) − 1`，所需年均增速 `q = (vT/v0)^(1/(T − y0)) − 1`，`R = d·a/|q|`（越低越好的指标 `d = −1`）；数值为零时按 0.001 计（与 Open SDG 相同）；有负值时不计算趋势。",
            "按现有趋势预计目标年数值 `vT' = vt·(1 + a)^(T − t)`；剩余年份尚需年均增速 `(vT/vt)^(1/(T − t)) − 1`。基期后没有总量实际值时，以连续的年度增速（可比价）推算最新总量 `v0·Π(1 + g_i)`。",
        ],
    },
    Part {
        heading: "年均增长法（年均增长目标 g）",
        paragraphs: &[
            "累计增长系数 `F = Π(1 + g_i)`，取基期后连续的年度增速（计量口径 growth，单位 %）；没有增速时按总量 `F = vt/v0`。",
            "`p = (F − 1)/((1 + g)^(T − y0) − 1)`；`a = F^(1/(t − y0)) − 1`（若趋势不变，即规划期平均增速的预计值）；`R = d·a/|g|`；剩余年份尚需年均增速 `((1 + g)^(T − y0)/F)^(1/(T − t)) − 1`；`F^(1/(T − y0)) − 1` 达到 `g` 即为完成。",
        ],
    },
    Part {
        heading: "降低率法（降低 x% 目标）",
        paragraphs: &[
            "已实现降幅 `c = 1 − Π(1 − r_i)`，取年度降幅（计量口径 reduction，或以负增长表示的 growth）；否则 `c = 1 − vt/v0`；`p = c/x`。",
            "趋势按水平比值 `1 − c` 对照 `1 − x` 计算（越低越好）；预计降幅 `1 − (1 − c)(1 + a)^(T − t)`；剩余年份尚需年均降幅 `1 − ((1 − x)/(1 − c))^(1/(T − t))`。",
        ],
    },
    Part {
        heading: "累计法（规划期累计目标 X）",
        paragraphs: &[
            "`p = S/X`，`S` 为 `y0+1 … t` 各年实际值（计量口径 level，即各年数量）之和，或不早于此的截至当年累计实际值；目标单位为个百分点时，按各年变化（个百分点）或百分比水平的 `vt − v0` 计算。",
            "`R = p/τ`（实际年度进度与所需年度进度之比）；预计 `S·(T − y0)/(t − y0)`；不给出所需增速（说明中给出每年尚需完成的数量）。累计上限目标按达到或突破判断。",
        ],
    },
    Part {
        heading: "阈值法（上限目标，或基期已达到的下限目标）",
        paragraphs: &[
            "比较方式为以内、不超过、低于的水平目标，或基期已满足目标（如以上目标而基期已高于目标）：最新实际值（截至目标年；没有时用基期值）满足目标即为已完成，突破即为严重滞后。不计算路径与趋势。",
        ],
    },
    Part {
        heading: "年度目标法",
        paragraphs: &[
            "计量口径为增速的目标，或没有基期和更早实际值的水平目标：以目标年当年的实际值对照目标，达到为已完成，未达到为严重滞后；当年数据公布前为无数据。",
        ],
    },
    Part {
        heading: "定性目标",
        paragraphs: &["没有数值的目标（如“不低于全省平均水平”“完成省下达目标”）状态为定性，列出原文供人工评估。"],
    },
    Part {
        heading: "达到目标的判断",
        paragraphs: &[
            "以上（ge）为 ≥，超过（gt）为 >，以内（le）为 ≤，低于（lt）为 <；达到（eq）：在有利方向上达到目标值；左右（approx）：同上，速率类（% 或个百分点）允许差 0.5 个百分点，总量类允许差目标值的 2%。区间目标按下限判断（越低越好的指标和上限目标按上限）。",
        ],
    },
    Part {
        heading: "状态、趋势与预警",
        paragraphs: &[
            "状态：达到目标为已完成；否则 `p < 0` 为倒退；`t ≥ T`（已到目标年仍未达到）为严重滞后；其余按差距 `τ − p`：快于序时进度（`≤ −0.10`）、符合序时进度（`≤ 0.10`）、滞后于序时进度（`≤ 0.30`）、严重滞后（`> 0.30`）。",
            "趋势（Open SDG 进展度量，依 `R`）：进展显著（`≥ 0.95`）、进展中等（`≥ 0.60`）、进展有限（`≥ 0`）、趋势恶化（`< 0`），达到目标为已实现。",
            "预警：已完成、快于或符合序时进度为绿色，滞后为黄色，严重滞后与倒退为红色，无数据与定性为灰色；约束性指标滞后，或趋势为进展有限、趋势恶化的，亦为红色。状态与趋势不一致时（目标年之前），说明中予以提示。",
        ],
    },
    Part {
        heading: "数据处理",
        paragraphs: &[
            "同一指标以指标目录的规范名称、地区和计量口径关联各文件的数据（统计公报、政府工作报告、导入的实际值表、规划自身的基期列）。同一年份有多个数值时，依次优先统计公报、政府工作报告、规划文件、其他文件，再取发布时间较晚者。单位按数量级换算（万元/亿元、人/万人等），无法换算的数据不予采用。基期取规划自身的基期值；没有时取基期年份其他文件的数值，再没有时取最早的实际值，并在说明中注明。评估年份之后的数据不予采用。",
        ],
    },
];

/// Every formula of the appendix (text between backticks).
pub fn formulas() -> Vec<&'static str> {
    METHODS
        .iter()
        .flat_map(|p| p.paragraphs.iter())
        .flat_map(|para| para.split('`').skip(1).step_by(2))
        .collect()
}

/// A paragraph split into (text, is_formula) runs.
pub fn runs(paragraph: &str) -> Vec<(&str, bool)> {
    paragraph
        .split('`')
        .enumerate()
        .filter(|(_, s)| !s.is_empty())
        .map(|(i, s)| (s, i % 2 == 1))
        .collect()
}
