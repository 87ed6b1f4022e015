//! Departments (单位) as managed data, and who answers for each target
//! (issue 10): migration `0006_units_and_assignments.sql`.
//!
//! - A **unit** has a unique name, an optional short name (简称) and is never
//!   deleted: one no longer in use is retired ([`Store::retire_unit`]); its
//!   assignments stay readable, and no new one may name it. Units come from
//!   a list ([`Store::add_units`], from a CSV or XLSX table read by
//!   [`parse_unit_table`]) or from the documents' own words
//!   ([`Store::assign_from_text`]).
//! - An **assignment** gives a target fact (its [`FactId`]: document key and
//!   `ord`) one or more lead units (牵头单位: documents often name several
//!   jointly) and any partner units (配合单位). Assigning again replaces the
//!   whole assignment; clearing removes it.
//! - A unit is named by its name, else by a short name no other unit has,
//!   else (where a caller has one) by its id.
//!
//! Every change (a unit added or retired, an assignment set, made from the
//! text or cleared) is written to the audit trail in the same transaction,
//! with the value before and after, as [`crate::accounts`] does.

mod table;

use std::collections::{BTreeMap, HashMap};

use planwatch_catalog::FactId;
use planwatch_core::Responsible;
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use crate::accounts::{audit_in, now};
use crate::read::{fact_from_row, CURRENT, FACT_COLUMNS};
use crate::{Result, Store, StoreError, StoredFact};

pub use table::{parse_unit_table, UnitTableError, MAX_UNITS_PER_TABLE};

/// Longest unit name (or short name) accepted, in characters.
pub const MAX_UNIT_CHARS: usize = 100;

/// Characters that separate names in lists (`市财政局、市统计局`), so no name holds one.
pub const NAME_SEPARATORS: &[char] = &['、', ',', '，', ';', '；'];

/// A unit as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unit {
    /// Row id.
    pub id: i64,
    /// Full name, unique (`锦州市发展和改革委员会`).
    pub name: String,
    /// Short name (`市发改委`), if given.
    pub short_name: Option<String>,
    /// When it was added (Unix seconds).
    pub created_at: i64,
    /// When it was retired (Unix seconds), if it was.
    pub retired_at: Option<i64>,
    /// Targets of current documents it is assigned to, as lead or partner.
    pub targets: i64,
    /// Where reminders of its overdue targets are sent, if set.
    pub email: Option<String>,
}

impl Unit {
    /// Whether the unit is retired.
    pub fn retired(&self) -> bool {
        self.retired_at.is_some()
    }
}

/// A unit to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUnit {
    /// Full name.
    pub name: String,
    /// Short name, if any.
    pub short_name: Option<String>,
}

impl NewUnit {
    /// A unit of this name, with no short name.
    pub fn named(name: impl Into<String>) -> NewUnit {
        NewUnit {
            name: name.into(),
            short_name: None,
        }
    }
}

/// What adding a list of units did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct UnitImport {
    /// The units added, in the list's order.
    pub added: Vec<Unit>,
    /// Names of the list that were stored already (left as they are).
    pub known: Vec<String>,
}

/// A unit's part in a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitRole {
    /// 牵头单位: leads.
    Lead,
    /// 配合单位: takes part.
    Partner,
}

impl UnitRole {
    /// The stored spelling: `lead`, `partner`.
    pub fn as_str(self) -> &'static str {
        match self {
            UnitRole::Lead => "lead",
            UnitRole::Partner => "partner",
        }
    }

    /// The role of a stored spelling.
    pub fn parse(s: &str) -> Option<UnitRole> {
        match s {
            "lead" => Some(UnitRole::Lead),
            "partner" => Some(UnitRole::Partner),
            _ => None,
        }
    }

    /// The role in Chinese: 牵头, 配合.
    pub fn label_zh(self) -> &'static str {
        match self {
            UnitRole::Lead => "牵头",
            UnitRole::Partner => "配合",
        }
    }
}

/// Who answers for one target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assignment {
    /// The target's document key.
    pub document_id: String,
    /// The target's position in its document.
    pub ord: i64,
    /// 牵头单位, by name, in the order given (at least one).
    pub lead: Vec<String>,
    /// 配合单位, by name, in the order given.
    pub partners: Vec<String>,
    /// Who assigned it (a user name), or none for the command line.
    pub assigned_by: Option<String>,
    /// When (Unix seconds).
    pub assigned_at: i64,
}

impl Assignment {
    /// The target it is of.
    pub fn fact_id(&self) -> FactId {
        FactId::new(self.document_id.clone(), self.ord)
    }

    /// The `{lead, partners}` the audit trail keeps.
    fn audit_json(&self) -> String {
        serde_json::json!({ "lead": self.lead, "partners": self.partners }).to_string()
    }
}

/// A target a unit is assigned to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitTarget {
    /// The unit's part in it.
    pub role: UnitRole,
    /// The target fact.
    pub fact: StoredFact,
    /// Its document's file name.
    pub doc: String,
    /// Whether its document is the current revision of its name.
    pub current: bool,
    /// The whole assignment (every unit of it).
    pub assignment: Assignment,
}

/// What [`Store::assign_from_text`] did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FromText {
    /// Targets assigned.
    pub assigned: usize,
    /// Units the text named that were not stored, added on the way.
    pub units_added: Vec<String>,
    /// Targets left unassigned: their text names a retired unit, or a name
    /// that cannot be a unit's (see [`check_unit_name`]).
    pub skipped: usize,
}

/// A unit name trimmed, or why it is none: 1 to [`MAX_UNIT_CHARS`]
/// characters, no control characters, no [`NAME_SEPARATORS`].
pub fn check_unit_name(name: &str) -> std::result::Result<String, String> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > MAX_UNIT_CHARS {
        return Err(format!(
            "a unit name has 1 to {MAX_UNIT_CHARS} characters: {:?}",
            name.chars().take(MAX_UNIT_CHARS + 1).collect::<String>()
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(format!("a unit name has no control characters: {name:?}"));
    }
    if name.contains(NAME_SEPARATORS) {
        return Err(format!(
            "{name:?} is several names or none: a unit name has no 、 , ; (they separate names)"
        ));
    }
    Ok(name.to_string())
}

/// `names` trimmed, empty ones dropped, each once, in their order.
fn clean_names(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = n.trim();
        if !n.is_empty() && !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    }
    out
}

fn fact_subject(fact: &FactId) -> String {
    format!("fact:{fact}")
}

const UNIT_COLUMNS: &str = "u.id, u.name, u.short_name, u.created_at, u.retired_at, u.email";

fn unit_from_row(row: &AnyRow) -> Result<Unit> {
    Ok(Unit {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        short_name: row.try_get("short_name")?,
        created_at: row.try_get("created_at")?,
        retired_at: row.try_get("retired_at")?,
        targets: 0,
        email: row.try_get("email")?,
    })
}

fn unit_json(u: &Unit) -> String {
    serde_json::json!({
        "name": u.name,
        "short_name": u.short_name,
        "retired": u.retired(),
    })
    .to_string()
}

/// Every unit, looked up by name and by short name, inside one write.
struct Directory {
    units: Vec<Unit>,
    by_name: HashMap<String, usize>,
    by_short: HashMap<String, Vec<usize>>,
}

/// What a name finds in a [`Directory`].
enum Found<'a> {
    One(&'a Unit),
    None,
    /// A short name several units have.
    Ambiguous,
}

impl Directory {
    async fn load(tx: &mut Transaction<'static, Any>) -> Result<Directory> {
        let sql = format!("SELECT {UNIT_COLUMNS} FROM units u ORDER BY u.id");
        let rows = sqlx::query(&sql).fetch_all(&mut **tx).await?;
        let mut dir = Directory {
            units: Vec::with_capacity(rows.len()),
            by_name: HashMap::new(),
            by_short: HashMap::new(),
        };
        for row in &rows {
            dir.insert(unit_from_row(row)?);
        }
        Ok(dir)
    }

    fn insert(&mut self, u: Unit) {
        let i = self.units.len();
        self.by_name.insert(u.name.clone(), i);
        if let Some(s) = &u.short_name {
            self.by_short.entry(s.clone()).or_default().push(i);
        }
        self.units.push(u);
    }

    /// The unit `name` names: its name, else a short name only it has.
    fn find(&self, name: &str) -> Found<'_> {
        if let Some(&i) = self.by_name.get(name) {
            return self.units.get(i).map_or(Found::None, Found::One);
        }
        match self.by_short.get(name).map(Vec::as_slice) {
            Some([i]) => self.units.get(*i).map_or(Found::None, Found::One),
            Some([_, _, ..]) => Found::Ambiguous,
            _ => Found::None,
        }
    }

    /// Adds `unit` inside `tx` (audited); the caller checked its name is free.
    async fn add(
        &mut self,
        tx: &mut Transaction<'static, Any>,
        unit: &NewUnit,
        actor: Option<&str>,
    ) -> Result<Unit> {
        let id = self.units.iter().map(|u| u.id).max().unwrap_or(0) + 1;
        let created_at = now();
        sqlx::query("INSERT INTO units (id, name, short_name, created_at) VALUES ($1, $2, $3, $4)")
            .bind(id)
            .bind(unit.name.clone())
            .bind(unit.short_name.clone())
            .bind(created_at)
            .execute(&mut **tx)
            .await?;
        let u = Unit {
            id,
            name: unit.name.clone(),
            short_name: unit.short_name.clone(),
            created_at,
            retired_at: None,
            targets: 0,
            email: None,
        };
        audit_in(
            tx,
            actor,
            "unit.add",
            &format!("unit:{}", u.name),
            None,
            Some(unit_json(&u)),
        )
        .await?;
        self.insert(u.clone());
        Ok(u)
    }
}

/// A value bound to a query parameter.
enum Bind {
    Text(String),
    Int(i64),
}

/// Reads the assignments whose rows (`assignments a`) meet `filter`, with
/// `$1`, `$2`… bound to `binds`, by target.
async fn read_assignments<'e, E>(
    executor: E,
    filter: &str,
    binds: Vec<Bind>,
) -> Result<BTreeMap<(String, i64), Assignment>>
where
    E: sqlx::Executor<'e, Database = Any>,
{
    let sql = format!(
        "SELECT a.document_id, a.ord, a.role, a.assigned_by, a.assigned_at, u.name \
         FROM assignments a JOIN units u ON u.id = a.unit_id WHERE {filter} \
         ORDER BY a.document_id, a.ord, a.role, a.position"
    );
    let mut q = sqlx::query(&sql);
    for b in binds {
        q = match b {
            Bind::Text(t) => q.bind(t),
            Bind::Int(n) => q.bind(n),
        };
    }
    let rows = q.fetch_all(executor).await?;
    let mut out: BTreeMap<(String, i64), Assignment> = BTreeMap::new();
    for r in &rows {
        let document_id: String = r.try_get("document_id")?;
        let ord: i64 = r.try_get("ord")?;
        let role: String = r.try_get("role")?;
        let name: String = r.try_get("name")?;
        let a = out
            .entry((document_id.clone(), ord))
            .or_insert_with(|| Assignment {
                document_id,
                ord,
                lead: Vec::new(),
                partners: Vec::new(),
                assigned_by: None,
                assigned_at: 0,
            });
        a.assigned_by = r.try_get("assigned_by")?;
        a.assigned_at = r.try_get("assigned_at")?;
        match UnitRole::parse(&role) {
            Some(UnitRole::Lead) => a.lead.push(name),
            Some(UnitRole::Partner) => a.partners.push(name),
            None => {
                return Err(StoreError::Corrupt {
                    column: "assignments.role",
                    value: role,
                })
            }
        }
    }
    Ok(out)
}

/// The filter of one target's assignment rows, and its binds.
fn one_target(fact: &FactId) -> (&'static str, Vec<Bind>) {
    (
        "a.document_id = $1 AND a.ord = $2",
        vec![Bind::Text(fact.doc.clone()), Bind::Int(fact.ord)],
    )
}

/// The units `names` name in `dir`, each refused if retired or ambiguous;
/// names of no unit are added to `unknown`.
fn resolve<'d>(
    dir: &'d Directory,
    names: &[String],
    unknown: &mut Vec<String>,
) -> Result<Vec<&'d Unit>> {
    let mut out: Vec<&Unit> = Vec::new();
    for n in names {
        match dir.find(n) {
            Found::One(u) if u.retired() => {
                return Err(StoreError::Unit(format!(
                    "unit {} is retired: it takes no new targets",
                    u.name
                )))
            }
            Found::One(u) => out.push(u),
            Found::Ambiguous => {
                return Err(StoreError::Unit(format!(
                    "{n} is the short name of several units; give the full name"
                )))
            }
            Found::None => unknown.push(n.clone()),
        }
    }
    Ok(out)
}

/// Refuses `fact` unless it is a stored target: `NoSuchFact` when there is
/// none, else a `Unit` error saying only targets are `what` (`assigned`,
/// `escalated`).
pub(crate) async fn must_be_target(
    tx: &mut Transaction<'static, Any>,
    fact: &FactId,
    what: &str,
) -> Result<()> {
    let kind = sqlx::query("SELECT kind FROM facts WHERE document_id = $1 AND ord = $2")
        .bind(fact.doc.clone())
        .bind(fact.ord)
        .fetch_optional(&mut **tx)
        .await?
        .map(|r| r.try_get::<String, _>("kind"))
        .transpose()?;
    match kind.as_deref() {
        None => Err(StoreError::NoSuchFact(fact.to_string())),
        Some("target") => Ok(()),
        Some(_) => Err(StoreError::Unit(format!(
            "fact {fact} is an achieved value, not a target: only targets are {what}"
        ))),
    }
}

/// The assignment of one target, read inside `tx`.
async fn assignment_in(
    tx: &mut Transaction<'static, Any>,
    fact: &FactId,
) -> Result<Option<Assignment>> {
    let (filter, binds) = one_target(fact);
    Ok(read_assignments(&mut **tx, filter, binds)
        .await?
        .into_values()
        .next())
}

/// Writes the rows of an assignment inside `tx`, replacing any.
async fn write_assignment(
    tx: &mut Transaction<'static, Any>,
    fact: &FactId,
    lead: &[&Unit],
    partners: &[&Unit],
    actor: Option<&str>,
    at: i64,
) -> Result<()> {
    sqlx::query("DELETE FROM assignments WHERE document_id = $1 AND ord = $2")
        .bind(fact.doc.clone())
        .bind(fact.ord)
        .execute(&mut **tx)
        .await?;
    let rows = lead
        .iter()
        .map(|u| (UnitRole::Lead, u))
        .enumerate()
        .chain(partners.iter().map(|u| (UnitRole::Partner, u)).enumerate());
    for (position, (role, unit)) in rows {
        sqlx::query(
            "INSERT INTO assignments (document_id, ord, unit_id, role, position, assigned_by, assigned_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(fact.doc.clone())
        .bind(fact.ord)
        .bind(unit.id)
        .bind(role.as_str())
        .bind(position as i64)
        .bind(actor.map(str::to_string))
        .bind(at)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Every unit by name (retired ones only with `retired`), each with its
    /// number of assigned targets in current documents.
    pub async fn units(&self, retired: bool) -> Result<Vec<Unit>> {
        let sql = format!(
            "SELECT {UNIT_COLUMNS}, \
             (SELECT COUNT(*) FROM assignments a \
              JOIN documents d ON d.id = a.document_id WHERE a.unit_id = u.id AND {CURRENT}) AS targets \
             FROM units u {} ORDER BY u.name",
            if retired {
                ""
            } else {
                "WHERE u.retired_at IS NULL"
            }
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let mut u = unit_from_row(r)?;
                u.targets = r.try_get("targets")?;
                Ok(u)
            })
            .collect()
    }

    /// The unit `key` names: a name, else a short name only one unit has,
    /// else an id (digits).
    pub async fn find_unit(&self, key: &str) -> Result<Option<Unit>> {
        let key = key.trim();
        let units = self.units(true).await?;
        if let Some(u) = units.iter().find(|u| u.name == key) {
            return Ok(Some(u.clone()));
        }
        let short: Vec<&Unit> = units
            .iter()
            .filter(|u| u.short_name.as_deref() == Some(key))
            .collect();
        if let [one] = short.as_slice() {
            return Ok(Some((*one).clone()));
        }
        if short.len() > 1 {
            return Err(StoreError::Unit(format!(
                "{key} is the short name of {} units; give the full name",
                short.len()
            )));
        }
        Ok(key
            .parse::<i64>()
            .ok()
            .and_then(|id| units.into_iter().find(|u| u.id == id)))
    }

    /// Adds the units of `list` not stored yet (by name; stored ones are left
    /// as they are, retired or not), in one transaction, each audited.
    /// A bad name refuses the whole list.
    pub async fn add_units(&self, list: &[NewUnit], actor: Option<&str>) -> Result<UnitImport> {
        let mut checked: Vec<NewUnit> = Vec::with_capacity(list.len());
        for u in list {
            let name = check_unit_name(&u.name).map_err(StoreError::Unit)?;
            let short_name = match u.short_name.as_deref().map(str::trim) {
                Some(s) if !s.is_empty() => Some(check_unit_name(s).map_err(StoreError::Unit)?),
                _ => None,
            };
            if !checked.iter().any(|c| c.name == name) {
                checked.push(NewUnit { name, short_name });
            }
        }
        let mut tx = self.begin_write().await?;
        let mut dir = Directory::load(&mut tx).await?;
        let mut done = UnitImport::default();
        for u in &checked {
            if dir.by_name.contains_key(&u.name) {
                done.known.push(u.name.clone());
            } else {
                done.added.push(dir.add(&mut tx, u, actor).await?);
            }
        }
        tx.commit().await?;
        Ok(done)
    }

    /// Retires the unit `key` names ([`Store::find_unit`]): kept with its
    /// assignments, but no new assignment may name it. Returns whether it
    /// was in use (false: retired already).
    pub async fn retire_unit(&self, key: &str, actor: Option<&str>) -> Result<bool> {
        let unit = self
            .find_unit(key)
            .await?
            .ok_or_else(|| StoreError::NoSuchUnit(key.trim().to_string()))?;
        let mut tx = self.begin_write().await?;
        let t = now();
        let changed =
            sqlx::query("UPDATE units SET retired_at = $1 WHERE id = $2 AND retired_at IS NULL")
                .bind(t)
                .bind(unit.id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        let after = Unit {
            retired_at: Some(t),
            ..unit.clone()
        };
        audit_in(
            &mut tx,
            actor,
            "unit.retire",
            &format!("unit:{}", unit.name),
            Some(unit_json(&unit)),
            Some(unit_json(&after)),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Assigns the target `fact` to the `lead` units (at least one) and the
    /// `partners`, replacing its assignment if it had one. Units are named
    /// as [`Store::find_unit`] names them (not by id), must be stored and
    /// not retired; a unit named as lead is not also a partner.
    pub async fn assign(
        &self,
        fact: &FactId,
        lead: &[String],
        partners: &[String],
        actor: Option<&str>,
    ) -> Result<Assignment> {
        let lead = clean_names(lead);
        let partners = clean_names(partners);
        if lead.is_empty() {
            return Err(StoreError::Unit(
                "an assignment names at least one lead unit (牵头单位)".into(),
            ));
        }
        let mut tx = self.begin_write().await?;
        must_be_target(&mut tx, fact, "assigned").await?;
        let dir = Directory::load(&mut tx).await?;
        let mut unknown = Vec::new();
        let mut lead_units = resolve(&dir, &lead, &mut unknown)?;
        let mut partner_units = resolve(&dir, &partners, &mut unknown)?;
        if !unknown.is_empty() {
            return Err(StoreError::NoSuchUnit(unknown.join("、")));
        }
        // Each unit once: a short name and a full name may name the same.
        let mut seen = Vec::new();
        lead_units.retain(|u| {
            let new = !seen.contains(&u.id);
            seen.push(u.id);
            new
        });
        partner_units.retain(|u| {
            let new = !seen.contains(&u.id);
            seen.push(u.id);
            new
        });
        let before = assignment_in(&mut tx, fact).await?;
        let at = now();
        write_assignment(&mut tx, fact, &lead_units, &partner_units, actor, at).await?;
        let after = Assignment {
            document_id: fact.doc.clone(),
            ord: fact.ord,
            lead: lead_units.iter().map(|u| u.name.clone()).collect(),
            partners: partner_units.iter().map(|u| u.name.clone()).collect(),
            assigned_by: actor.map(str::to_string),
            assigned_at: at,
        };
        audit_in(
            &mut tx,
            actor,
            "assignment.set",
            &fact_subject(fact),
            before.as_ref().map(Assignment::audit_json),
            Some(after.audit_json()),
        )
        .await?;
        tx.commit().await?;
        Ok(after)
    }

    /// Removes the assignment of target `fact`; returns it (none if it had none).
    pub async fn clear_assignment(
        &self,
        fact: &FactId,
        actor: Option<&str>,
    ) -> Result<Option<Assignment>> {
        let mut tx = self.begin_write().await?;
        let Some(before) = assignment_in(&mut tx, fact).await? else {
            tx.rollback().await?;
            return Ok(None);
        };
        sqlx::query("DELETE FROM assignments WHERE document_id = $1 AND ord = $2")
            .bind(fact.doc.clone())
            .bind(fact.ord)
            .execute(&mut *tx)
            .await?;
        audit_in(
            &mut tx,
            actor,
            "assignment.clear",
            &fact_subject(fact),
            Some(before.audit_json()),
            None,
        )
        .await?;
        tx.commit().await?;
        Ok(Some(before))
    }

    /// The assignment of target `fact`, if it has one.
    pub async fn assignment(&self, fact: &FactId) -> Result<Option<Assignment>> {
        let (filter, binds) = one_target(fact);
        Ok(read_assignments(&self.pool, filter, binds)
            .await?
            .into_values()
            .next())
    }

    /// The assignments of one document's targets, by `ord`.
    pub async fn document_assignments(
        &self,
        document_id: &str,
    ) -> Result<BTreeMap<i64, Assignment>> {
        Ok(read_assignments(
            &self.pool,
            "a.document_id = $1",
            vec![Bind::Text(document_id.to_string())],
        )
        .await?
        .into_iter()
        .map(|((_, ord), a)| (ord, a))
        .collect())
    }

    /// The targets the unit `key` names ([`Store::find_unit`]) is assigned
    /// to, by document then position: of current documents only, unless
    /// `all_revisions`.
    pub async fn unit_targets(&self, key: &str, all_revisions: bool) -> Result<Vec<UnitTarget>> {
        let unit = self
            .find_unit(key)
            .await?
            .ok_or_else(|| StoreError::NoSuchUnit(key.trim().to_string()))?;
        let current = if all_revisions {
            String::new()
        } else {
            format!(" AND {CURRENT}")
        };
        let sql = format!(
            "SELECT {FACT_COLUMNS}, d.name AS doc_name, a.role, \
             CASE WHEN {CURRENT} THEN 1 ELSE 0 END AS is_current \
             FROM assignments a JOIN facts f ON f.document_id = a.document_id AND f.ord = a.ord \
             JOIN documents d ON d.id = f.document_id WHERE a.unit_id = $1{current} \
             ORDER BY d.seq, f.ord"
        );
        let rows = sqlx::query(&sql)
            .bind(unit.id)
            .fetch_all(&self.pool)
            .await?;
        let assignments = read_assignments(
            &self.pool,
            "EXISTS (SELECT 1 FROM assignments b WHERE b.unit_id = $1 \
             AND b.document_id = a.document_id AND b.ord = a.ord)",
            vec![Bind::Int(unit.id)],
        )
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let doc: String = r.try_get("doc_name")?;
            let fact = fact_from_row(r, doc.clone())?;
            let role: String = r.try_get("role")?;
            let role = UnitRole::parse(&role).ok_or(StoreError::Corrupt {
                column: "assignments.role",
                value: role,
            })?;
            let Some(assignment) = assignments
                .get(&(fact.document_id.clone(), fact.ord))
                .cloned()
            else {
                continue;
            };
            out.push(UnitTarget {
                role,
                current: r.try_get::<i64, _>("is_current")? == 1,
                doc,
                fact,
                assignment,
            });
        }
        Ok(out)
    }

    /// Assigns every target of a current document that has no assignment
    /// and whose text names who answers for it (`Fact::responsible`, read by
    /// extraction): the named units are found by name or short name, and
    /// added when not stored (audited as any addition). A target whose text
    /// names a retired unit, or a name no unit may have, is left alone.
    /// One transaction.
    pub async fn assign_from_text(&self, actor: Option<&str>) -> Result<FromText> {
        let mut tx = self.begin_write().await?;
        let sql = format!(
            "SELECT f.document_id, f.ord, f.responsible FROM facts f \
             JOIN documents d ON d.id = f.document_id \
             WHERE {CURRENT} AND f.kind = 'target' AND f.responsible IS NOT NULL \
             AND NOT EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = f.document_id AND a.ord = f.ord) \
             ORDER BY d.seq, f.ord"
        );
        let rows = sqlx::query(&sql).fetch_all(&mut *tx).await?;
        let mut todo: Vec<(FactId, Responsible)> = Vec::with_capacity(rows.len());
        for r in &rows {
            let json: String = r.try_get("responsible")?;
            // (A value this version cannot read is no assignment, as when facts are read.)
            if let Ok(resp) = serde_json::from_str::<Responsible>(&json) {
                todo.push((
                    FactId::new(r.try_get::<String, _>("document_id")?, r.try_get("ord")?),
                    resp,
                ));
            }
        }
        let mut dir = Directory::load(&mut tx).await?;
        let mut done = FromText::default();
        for (fact, resp) in todo {
            let lead = clean_names(&resp.lead);
            let partners = clean_names(&resp.partners);
            let names_ok = lead
                .iter()
                .chain(&partners)
                .all(|n| check_unit_name(n).is_ok());
            if lead.is_empty() || !names_ok {
                done.skipped += 1;
                continue;
            }
            // Decide first, write after: a target left alone adds no unit.
            let named: Vec<(UnitRole, &String)> = lead
                .iter()
                .map(|n| (UnitRole::Lead, n))
                .chain(partners.iter().map(|n| (UnitRole::Partner, n)))
                .collect();
            let usable = named.iter().all(|(_, n)| match dir.find(n) {
                Found::One(u) => !u.retired(),
                Found::Ambiguous => false,
                Found::None => true,
            });
            if !usable {
                done.skipped += 1;
                continue;
            }
            let mut lead_units: Vec<Unit> = Vec::new();
            let mut partner_units: Vec<Unit> = Vec::new();
            for (role, n) in named {
                let unit = match dir.find(n) {
                    Found::One(u) => u.clone(),
                    _ => {
                        let u = dir.add(&mut tx, &NewUnit::named(n.clone()), actor).await?;
                        done.units_added.push(u.name.clone());
                        u
                    }
                };
                // Each unit once: a short name and a full name may name the same.
                if lead_units
                    .iter()
                    .chain(&partner_units)
                    .any(|x| x.id == unit.id)
                {
                    continue;
                }
                match role {
                    UnitRole::Lead => lead_units.push(unit),
                    UnitRole::Partner => partner_units.push(unit),
                }
            }
            let lead_units: Vec<&Unit> = lead_units.iter().collect();
            let partner_units: Vec<&Unit> = partner_units.iter().collect();
            let at = now();
            write_assignment(&mut tx, &fact, &lead_units, &partner_units, actor, at).await?;
            let after = Assignment {
                document_id: fact.doc.clone(),
                ord: fact.ord,
                lead: lead_units.iter().map(|u| u.name.clone()).collect(),
                partners: partner_units.iter().map(|u| u.name.clone()).collect(),
                assigned_by: actor.map(str::to_string),
                assigned_at: at,
            };
            audit_in(
                &mut tx,
                actor,
                "assignment.from_text",
                &fact_subject(&fact),
                None,
                Some(after.audit_json()),
            )
            .await?;
            done.assigned += 1;
        }
        tx.commit().await?;
        Ok(done)
    }
}
