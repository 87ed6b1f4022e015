//! A plan's reporting calendar (issue 10): migration `0011_reporting_calendar.sql`.
//!
//! An admin says, per plan (document), in which periods its targets are
//! reported — monthly, quarterly, yearly, any of them — and when each
//! period's value is due: on a day of the month some months after the
//! period's last month ([`Deadline`]: yearly by 31 March of the next year is
//! 3 months and day 31; quarterly by the 15th of the month after the
//! quarter is 1 month and day 15). A day past the month's end is its last
//! day; a value is due by the end of that day, Beijing time.
//!
//! A plan whose admin set nothing is reported yearly, due 31 March of the
//! next year ([`Deadline::DEFAULT`]). Setting a calendar replaces it whole:
//! the rows in force are marked replaced and the new ones added, never
//! deleted, and the change is a line of the audit trail.
//!
//! The periods of a target are those of its plan's years (from the
//! document's period start, else the target's year, to the target's year;
//! at most [`MAX_YEARS`]) in each frequency of the calendar
//! ([`target_periods`]). The due list of a unit shows the ones begun and
//! not approved ([`crate::DueTarget::periods`]); the overdue list the ones
//! past their due date and not approved ([`crate::Overdue::periods`]).

use std::collections::HashMap;

use serde::Serialize;
use sqlx::Row;

use crate::accounts::{audit_in, now};
use crate::submissions::period_zh;
use crate::{Result, Role, Store, StoreError, User};

/// Most years of a plan a target is reported for (the years before are not asked for).
pub const MAX_YEARS: i32 = 10;

/// How often a plan is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Frequency {
    /// 月度: each month.
    Monthly,
    /// 季度: each quarter.
    Quarterly,
    /// 年度: each year.
    Yearly,
}

impl Frequency {
    /// Every frequency, shortest period first.
    pub const ALL: [Frequency; 3] = [Frequency::Monthly, Frequency::Quarterly, Frequency::Yearly];

    /// The stored spelling: `monthly`, `quarterly`, `yearly`.
    pub fn as_str(self) -> &'static str {
        match self {
            Frequency::Monthly => "monthly",
            Frequency::Quarterly => "quarterly",
            Frequency::Yearly => "yearly",
        }
    }

    /// The frequency of a spelling: `monthly` (or `month`, 月度), `quarterly`
    /// (`quarter`, 季度), `yearly` (`year`, 年度).
    pub fn parse(s: &str) -> Option<Frequency> {
        match s.trim() {
            "monthly" | "month" | "月度" => Some(Frequency::Monthly),
            "quarterly" | "quarter" | "季度" => Some(Frequency::Quarterly),
            "yearly" | "year" | "annual" | "年度" => Some(Frequency::Yearly),
            _ => None,
        }
    }

    /// The frequency in Chinese: 月度, 季度, 年度.
    pub fn label_zh(self) -> &'static str {
        match self {
            Frequency::Monthly => "月度",
            Frequency::Quarterly => "季度",
            Frequency::Yearly => "年度",
        }
    }
}

/// One kind of period a plan is reported in, and when its value is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Deadline {
    /// Monthly, quarterly or yearly.
    pub frequency: Frequency,
    /// Months after the period's last month (0–12): 0 the same month, 1 the next.
    pub due_months: u32,
    /// Day of that month (1–31; past the month's end: its last day).
    pub due_day: u32,
}

impl Deadline {
    /// The rule of a plan with no calendar: yearly, by 31 March of the next year.
    pub const DEFAULT: Deadline = Deadline {
        frequency: Frequency::Yearly,
        due_months: 3,
        due_day: 31,
    };

    /// The deadline checked: months 0–12, day 1–31.
    pub fn checked(self) -> Result<Deadline> {
        if self.due_months > 12 || !(1..=31).contains(&self.due_day) {
            return Err(StoreError::Calendar(format!(
                "a {} value is due 0 to 12 months after its period, on day 1 to 31 (not {} months, day {})",
                self.frequency.as_str(),
                self.due_months,
                self.due_day
            )));
        }
        Ok(self)
    }

    /// When the value of `period` is due: the end of the due day in
    /// Beijing time (00:00 UTC+8 of the day after), as Unix seconds.
    pub fn due_at(&self, period: &Period) -> i64 {
        let (y, m, d) = self.due_date(period);
        day_end(y, m, d)
    }

    /// The due day of `period` (year, month, day).
    fn due_date(&self, period: &Period) -> (i64, i64, i64) {
        let months =
            i64::from(period.year) * 12 + (period.last_month() - 1) + i64::from(self.due_months);
        let (y, m) = (months.div_euclid(12), months.rem_euclid(12) + 1);
        let d = i64::from(self.due_day).min(days_in_month(y, m));
        (y, m, d)
    }

    /// The rule in Chinese: `次年3月31日前`, `季度结束后次月15日前`.
    pub fn label_zh(&self) -> String {
        let (k, d) = (self.due_months, self.due_day);
        match self.frequency {
            Frequency::Yearly if k == 0 => format!("当年12月{d}日前"),
            Frequency::Yearly => format!("次年{k}月{d}日前"),
            Frequency::Quarterly | Frequency::Monthly => {
                let of = if self.frequency == Frequency::Quarterly {
                    "季度结束"
                } else {
                    "月份结束"
                };
                match k {
                    0 => format!("{of}当月{d}日前"),
                    1 => format!("{of}后次月{d}日前"),
                    _ => format!("{of}后第{k}个月{d}日前"),
                }
            }
        }
    }
}

/// A plan's calendar: the kinds of period it is reported in, and who set it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Calendar {
    /// The plan's document key.
    pub document_id: String,
    /// Its periods and their deadlines, monthly first.
    pub deadlines: Vec<Deadline>,
    /// Who set it (none: the default, never set).
    pub set_by: Option<String>,
    /// When (Unix seconds).
    pub set_at: Option<i64>,
}

impl Calendar {
    /// The calendar of a plan nobody set one for: [`Deadline::DEFAULT`].
    pub fn default_for(document_id: &str) -> Calendar {
        Calendar {
            document_id: document_id.to_string(),
            deadlines: vec![Deadline::DEFAULT],
            set_by: None,
            set_at: None,
        }
    }

    fn audit_json(&self) -> String {
        let d: Vec<_> = self
            .deadlines
            .iter()
            .map(|d| {
                serde_json::json!({
                    "frequency": d.frequency.as_str(),
                    "due_months": d.due_months,
                    "due_day": d.due_day,
                })
            })
            .collect();
        serde_json::json!({ "deadlines": d, "default": self.set_at.is_none() }).to_string()
    }
}

/// A period a value is reported for: a year, or a quarter or a month of it
/// (as [`crate::Submission`] names it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Period {
    /// The year.
    pub year: i32,
    /// The quarter (1–4) of a quarterly period.
    pub quarter: Option<i64>,
    /// The month (1–12) of a monthly period.
    pub month: Option<i64>,
}

impl Period {
    /// The year `year`.
    pub fn year(year: i32) -> Period {
        Period {
            year,
            quarter: None,
            month: None,
        }
    }

    /// The period's frequency.
    pub fn frequency(&self) -> Frequency {
        match (self.quarter, self.month) {
            (Some(_), _) => Frequency::Quarterly,
            (None, Some(_)) => Frequency::Monthly,
            (None, None) => Frequency::Yearly,
        }
    }

    /// Its last month (1–12).
    fn last_month(&self) -> i64 {
        match (self.quarter, self.month) {
            (Some(q), _) => q.clamp(1, 4) * 3,
            (None, Some(m)) => m.clamp(1, 12),
            (None, None) => 12,
        }
    }

    /// Its first month (1–12).
    fn first_month(&self) -> i64 {
        match (self.quarter, self.month) {
            (Some(q), _) => q.clamp(1, 4) * 3 - 2,
            (None, Some(m)) => m.clamp(1, 12),
            (None, None) => 1,
        }
    }

    /// When it begins: 00:00 of its first day, Beijing time, as Unix seconds.
    pub fn starts_at(&self) -> i64 {
        day_start(i64::from(self.year), self.first_month(), 1)
    }

    /// In Chinese: `2024年`, `2024年第2季度`, `2024年3月`.
    pub fn label_zh(&self) -> String {
        period_zh(self.year, self.quarter, self.month)
    }
}

/// A period of a target and when its value is due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuePeriod {
    /// The period.
    pub period: Period,
    /// Its frequency.
    pub frequency: Frequency,
    /// When its value is due (Unix seconds: the end of the due day, Beijing time).
    pub due: i64,
    /// The due day in Chinese: `2025年3月31日`.
    pub due_date: String,
}

impl DuePeriod {
    fn of(period: Period, d: &Deadline) -> DuePeriod {
        let (y, m, day) = d.due_date(&period);
        DuePeriod {
            period,
            frequency: d.frequency,
            due: day_end(y, m, day),
            due_date: format!("{y}年{m}月{day}日"),
        }
    }

    /// The period in Chinese.
    pub fn label_zh(&self) -> String {
        self.period.label_zh()
    }
}

/// Days from 1970-01-01 to the date (proleptic Gregorian calendar).
pub(crate) fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The end of the day `year`-`month`-`day` in Beijing time (00:00 UTC+8 of
/// the next day) as Unix seconds, or none for a date that is not one.
pub fn end_of_day(year: i64, month: i64, day: i64) -> Option<i64> {
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(day_end(year, month, day))
}

/// 00:00 of the day after `year`-`month`-`day` in Beijing time, as Unix seconds.
fn day_end(year: i64, month: i64, day: i64) -> i64 {
    day_start(year, month, day) + 86_400
}

/// 00:00 of the day `year`-`month`-`day` in Beijing time (UTC+8), as Unix seconds.
fn day_start(year: i64, month: i64, day: i64) -> i64 {
    days_from_civil(year, month, day) * 86_400 - 8 * 3600
}

fn days_in_month(year: i64, month: i64) -> i64 {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    days_from_civil(ny, nm, 1) - days_from_civil(year, month, 1)
}

/// The years a target of `target_year` in a plan starting `plan_start` is
/// reported for: from the plan's start (if not after the target's year)
/// to the target's year, at most [`MAX_YEARS`].
pub fn plan_years(plan_start: Option<i64>, target_year: i32) -> std::ops::RangeInclusive<i32> {
    let start = plan_start
        .and_then(|s| i32::try_from(s).ok())
        .filter(|s| *s <= target_year)
        .unwrap_or(target_year)
        .max(target_year - MAX_YEARS + 1);
    start..=target_year
}

/// Every period of `years` in each of `deadlines`, with its due date,
/// by due date (then period).
pub fn target_periods(
    deadlines: &[Deadline],
    years: std::ops::RangeInclusive<i32>,
) -> Vec<DuePeriod> {
    let mut out = Vec::new();
    for d in deadlines {
        for year in years.clone() {
            match d.frequency {
                Frequency::Yearly => out.push(DuePeriod::of(Period::year(year), d)),
                Frequency::Quarterly => out.extend((1..=4).map(|q| {
                    DuePeriod::of(
                        Period {
                            quarter: Some(q),
                            ..Period::year(year)
                        },
                        d,
                    )
                })),
                Frequency::Monthly => out.extend((1..=12).map(|m| {
                    DuePeriod::of(
                        Period {
                            month: Some(m),
                            ..Period::year(year)
                        },
                        d,
                    )
                })),
            }
        }
    }
    out.sort_by_key(|a| (a.due, a.period));
    out
}

/// Deadlines checked: at least one, one per frequency, each in range;
/// returned monthly first.
fn checked_deadlines(deadlines: &[Deadline]) -> Result<Vec<Deadline>> {
    if deadlines.is_empty() {
        return Err(StoreError::Calendar(
            "a calendar has at least one kind of period (monthly, quarterly or yearly)".into(),
        ));
    }
    let mut out: Vec<Deadline> = Vec::new();
    for d in deadlines {
        let d = d.checked()?;
        if out.iter().any(|o| o.frequency == d.frequency) {
            return Err(StoreError::Calendar(format!(
                "{} periods are given twice",
                d.frequency.as_str()
            )));
        }
        out.push(d);
    }
    out.sort_by_key(|d| d.frequency);
    Ok(out)
}

fn deadline_from_row(r: &sqlx::any::AnyRow) -> Result<Deadline> {
    let f: String = r.try_get("frequency")?;
    let frequency = Frequency::parse(&f).ok_or(StoreError::Corrupt {
        column: "reporting_calendars.frequency",
        value: f,
    })?;
    let months: i64 = r.try_get("due_months")?;
    let day: i64 = r.try_get("due_day")?;
    let corrupt = |column: &'static str, v: i64| StoreError::Corrupt {
        column,
        value: v.to_string(),
    };
    Ok(Deadline {
        frequency,
        due_months: u32::try_from(months)
            .map_err(|_| corrupt("reporting_calendars.due_months", months))?,
        due_day: u32::try_from(day).map_err(|_| corrupt("reporting_calendars.due_day", day))?,
    })
}

impl Store {
    /// The calendar in force of the document `document_id` (its key), or
    /// the default ([`Calendar::default_for`]) if none was set.
    pub async fn calendar(&self, document_id: &str) -> Result<Calendar> {
        let rows = sqlx::query(
            "SELECT frequency, due_months, due_day, set_by, set_at FROM reporting_calendars \
             WHERE document_id = $1 AND replaced_at IS NULL ORDER BY id",
        )
        .bind(document_id.to_string())
        .fetch_all(&self.pool)
        .await?;
        let Some(first) = rows.first() else {
            return Ok(Calendar::default_for(document_id));
        };
        let mut deadlines = rows
            .iter()
            .map(deadline_from_row)
            .collect::<Result<Vec<_>>>()?;
        deadlines.sort_by_key(|d| d.frequency);
        Ok(Calendar {
            document_id: document_id.to_string(),
            deadlines,
            set_by: first.try_get("set_by")?,
            set_at: first.try_get("set_at")?,
        })
    }

    /// The deadlines in force of every document that has a calendar set.
    pub(crate) async fn calendars(&self) -> Result<HashMap<String, Vec<Deadline>>> {
        let rows = sqlx::query(
            "SELECT document_id, frequency, due_months, due_day FROM reporting_calendars \
             WHERE replaced_at IS NULL ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut out: HashMap<String, Vec<Deadline>> = HashMap::new();
        for r in &rows {
            out.entry(r.try_get("document_id")?)
                .or_default()
                .push(deadline_from_row(r)?);
        }
        Ok(out)
    }

    /// Sets the calendar of the document `document_id` (its key) to
    /// `deadlines`, replacing the one in force: an admin's only. Refused
    /// with [`StoreError::Calendar`] when empty, a frequency given twice or
    /// a deadline out of range. Audited (`calendar.set`, before and after).
    pub async fn set_calendar(
        &self,
        document_id: &str,
        deadlines: &[Deadline],
        user: &User,
    ) -> Result<Calendar> {
        if user.role != Role::Admin {
            return Err(StoreError::Forbidden(format!(
                "user {} ({}) may not set a reporting calendar: it needs an admin",
                user.name,
                user.role.as_str()
            )));
        }
        let deadlines = checked_deadlines(deadlines)?;
        let before = self.calendar(document_id).await?;
        let mut tx = self.begin_write().await?;
        let exists = sqlx::query("SELECT 1 AS one FROM documents WHERE id = $1")
            .bind(document_id.to_string())
            .fetch_optional(&mut *tx)
            .await?
            .is_some();
        if !exists {
            return Err(StoreError::NoSuchDocument(document_id.to_string()));
        }
        let at = now();
        sqlx::query(
            "UPDATE reporting_calendars SET replaced_at = $1 \
             WHERE document_id = $2 AND replaced_at IS NULL",
        )
        .bind(at)
        .bind(document_id.to_string())
        .execute(&mut *tx)
        .await?;
        let mut id: i64 = sqlx::query("SELECT COALESCE(MAX(id), 0) AS m FROM reporting_calendars")
            .fetch_one(&mut *tx)
            .await?
            .try_get::<i64, _>("m")?;
        for d in &deadlines {
            id += 1;
            sqlx::query(
                "INSERT INTO reporting_calendars \
                 (id, document_id, frequency, due_months, due_day, set_by, set_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(document_id.to_string())
            .bind(d.frequency.as_str())
            .bind(i64::from(d.due_months))
            .bind(i64::from(d.due_day))
            .bind(user.name.clone())
            .bind(at)
            .execute(&mut *tx)
            .await?;
        }
        let after = Calendar {
            document_id: document_id.to_string(),
            deadlines,
            set_by: Some(user.name.clone()),
            set_at: Some(at),
        };
        audit_in(
            &mut tx,
            Some(&user.name),
            "calendar.set",
            &format!("document:{document_id}"),
            Some(before.audit_json()),
            Some(after.audit_json()),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_the_end_of_march_in_beijing() {
        // 2025-04-01T00:00:00+08:00 = 1743436800.
        assert_eq!(Deadline::DEFAULT.due_at(&Period::year(2024)), 1_743_436_800);
        assert_eq!(Deadline::DEFAULT.label_zh(), "次年3月31日前");
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
    }

    #[test]
    fn quarters_months_and_short_months() {
        let q = Deadline {
            frequency: Frequency::Quarterly,
            due_months: 1,
            due_day: 15,
        };
        let p = |quarter| Period {
            quarter: Some(quarter),
            ..Period::year(2024)
        };
        // Q1 2024 due 15 April 2024; Q4 due 15 January 2025.
        assert_eq!(q.due_date(&p(1)), (2024, 4, 15));
        assert_eq!(q.due_date(&p(4)), (2025, 1, 15));
        assert_eq!(q.label_zh(), "季度结束后次月15日前");
        // Day 31 of a month of 30 (or February) is its last day.
        let m = Deadline {
            frequency: Frequency::Monthly,
            due_months: 1,
            due_day: 31,
        };
        let jan = Period {
            month: Some(1),
            ..Period::year(2024)
        };
        assert_eq!(m.due_date(&jan), (2024, 2, 29));
        let periods = target_periods(&[q, Deadline::DEFAULT], 2024..=2024);
        assert_eq!(periods.len(), 5);
        assert_eq!(periods[0].due_date, "2024年4月15日");
        assert_eq!(periods[4].due_date, "2025年3月31日");
        assert_eq!(periods[4].period, Period::year(2024));
        assert_eq!(plan_years(Some(2021), 2025), 2021..=2025);
        assert_eq!(plan_years(Some(2030), 2025), 2025..=2025);
        assert_eq!(plan_years(Some(2000), 2025), 2016..=2025);
    }

    #[test]
    fn calendars_are_checked() {
        assert!(checked_deadlines(&[]).is_err());
        assert!(checked_deadlines(&[Deadline::DEFAULT, Deadline::DEFAULT]).is_err());
        let bad = Deadline {
            due_day: 0,
            ..Deadline::DEFAULT
        };
        assert!(checked_deadlines(&[bad]).is_err());
        assert_eq!(Frequency::parse("季度"), Some(Frequency::Quarterly));
        assert_eq!(Frequency::parse("x"), None);
    }
}
