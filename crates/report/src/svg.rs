//! Small inline SVG charts: actuals by year against the planned path from base to target.

use std::fmt::Write;

use planwatch_evaluate::Colour;

use planwatch_link::words::num;

use crate::model::{colour_hex, Chart, Scale};
use crate::xml::esc;

/// Width of a chart in SVG units (pixels at 100%).
pub const WIDTH: f64 = 300.0;
/// Height of a chart.
pub const HEIGHT: f64 = 150.0;

const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 24.0;

/// A label for a value on the vertical axis.
fn label(scale: &Scale, v: f64) -> String {
    match scale {
        Scale::Value(_) => num(v),
        Scale::Progress => format!("{:.0}%", (v * 100.0).round() + 0.0),
    }
}

/// The chart as a standalone `<svg>` element (with XML namespace, so it also
/// works as an image file): a dashed grey line for the planned path (or the
/// target level), the actuals as a line with dots in the warning colour, the
/// base and target marked, years below, values at the left.
pub fn chart_svg(chart: &Chart, colour: Colour, title: &str) -> String {
    let years = chart
        .points
        .iter()
        .map(|p| p.0)
        .chain([chart.start.0, chart.end.0]);
    let (x_min, x_max) = years.fold((i32::MAX, i32::MIN), |(lo, hi), y| (lo.min(y), hi.max(y)));
    let values = chart
        .points
        .iter()
        .map(|p| p.1)
        .chain([chart.start.1, chart.end.1]);
    let (mut v_min, mut v_max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !(v_min.is_finite() && v_max.is_finite()) {
        v_min = 0.0;
        v_max = 1.0;
    }
    let span = v_max - v_min;
    let pad = if span > 0.0 {
        span * 0.08
    } else {
        v_max.abs().max(1.0) * 0.1
    };
    let (v_lo, v_hi) = (v_min - pad, v_max + pad);
    let x_span = f64::from((x_max - x_min).max(1));
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let x = |year: i32| LEFT + f64::from(year - x_min) / x_span * plot_w;
    let y = |v: f64| TOP + (v_hi - v) / (v_hi - v_lo) * plot_h;
    let hex = colour_hex(colour);
    let unit = match &chart.scale {
        Scale::Value(Some(u)) => u.as_str(),
        Scale::Value(None) => "",
        Scale::Progress => "完成度",
    };

    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" font-family="sans-serif" font-size="10">"#
    );
    let _ = write!(s, "<title>{}</title>", esc(title));
    // Frame and axes.
    let _ = write!(
        s,
        r##"<rect x="{LEFT}" y="{TOP}" width="{plot_w}" height="{plot_h}" fill="#fafafa" stroke="#cccccc" stroke-width="0.5"/>"##
    );
    // Year ticks: every year when few, else first, last and a middle one.
    let step = ((x_max - x_min) / 6).max(1);
    let mut year = x_min;
    while year <= x_max {
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555555">{year}</text>"##,
            x(year),
            HEIGHT - BOTTOM + 13.0
        );
        year += step;
    }
    if (x_max - x_min) % step != 0 {
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="#555555">{x_max}</text>"##,
            x(x_max),
            HEIGHT - BOTTOM + 13.0
        );
    }
    // Value labels: the start and end of the planned line.
    let mut labelled: Vec<f64> = Vec::new();
    for v in [chart.start.1, chart.end.1] {
        if labelled.iter().any(|l| (y(*l) - y(v)).abs() < 11.0) {
            continue;
        }
        labelled.push(v);
        let _ = write!(
            s,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="#555555">{}</text>"##,
            LEFT - 4.0,
            y(v) + 3.5,
            esc(&label(&chart.scale, v))
        );
        let _ = write!(
            s,
            r##"<line x1="{LEFT}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#e3e3e3" stroke-width="0.5"/>"##,
            y(v),
            LEFT + plot_w
        );
    }
    if !unit.is_empty() {
        let _ = write!(
            s,
            r##"<text x="4" y="{:.1}" fill="#777777">{}</text>"##,
            TOP - 4.0,
            esc(unit)
        );
    }
    // The planned path or target line.
    let (y_start, y_end) = (y(chart.start.1), y(chart.end.1));
    let _ = write!(
        s,
        r##"<line x1="{:.1}" y1="{y_start:.1}" x2="{:.1}" y2="{y_end:.1}" stroke="#777777" stroke-width="1.2" stroke-dasharray="4 3"/>"##,
        x(chart.start.0),
        x(chart.end.0)
    );
    if chart.path {
        let _ = write!(
            s,
            r##"<circle cx="{:.1}" cy="{y_start:.1}" r="3" fill="#ffffff" stroke="#777777" stroke-width="1.2"/>"##,
            x(chart.start.0)
        );
    }
    let _ = write!(
        s,
        r##"<path d="M{0:.1} {1:.1} l-4 -4 l4 -4 l4 4 z" fill="#777777" transform="translate(0 4)"/>"##,
        x(chart.end.0),
        y_end
    );
    // The actuals.
    let mut line: Vec<String> = Vec::new();
    if chart.path {
        line.push(format!("{:.1},{y_start:.1}", x(chart.start.0)));
    }
    line.extend(
        chart
            .points
            .iter()
            .map(|(yr, v)| format!("{:.1},{:.1}", x(*yr), y(*v))),
    );
    if line.len() > 1 {
        let _ = write!(
            s,
            r#"<polyline points="{}" fill="none" stroke="{hex}" stroke-width="1.8"/>"#,
            line.join(" ")
        );
    }
    for (yr, v) in &chart.points {
        let _ = write!(
            s,
            r#"<circle cx="{:.1}" cy="{:.1}" r="2.8" fill="{hex}"><title>{yr}: {}</title></circle>"#,
            x(*yr),
            y(*v),
            esc(&label(&chart.scale, *v))
        );
    }
    s.push_str("</svg>");
    s
}
