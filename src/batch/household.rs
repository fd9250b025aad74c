//! A household sheet, row by row: rows grouped into households, each household turned into the
//! same case JSON (`jingning.household/1`) the engine reads everywhere else, evaluated, and its
//! decisions written back as result columns.
//!
//! No rule lives here. Cells are normalised ([`super::cell`]), placed at their case field, and the
//! case reader judges them; its errors (JSON paths) are mapped back to the sheet's row and column.
//! The case is built as a [`Node`] tree whose keys are the column table's field names and whose
//! values borrow the cells' text, so a household costs few allocations before the engine runs.
//!
//! Rows: one row per member, grouped by 户编号 (a blank 户编号 continues the household above, as
//! merged cells do). A whole sheet ([`group_sheet`]) joins rows of one 户编号 wherever they are; a
//! stream ([`Grouper`]) needs them adjacent and flags a 户编号 that comes back after its household
//! closed. Without a 户编号 column a row whose 与户主关系 is 户主 starts a new household; without
//! either, each row is a household.
//! Household fields (所在村, incomes, …) are taken from the first row that fills them; a later row
//! of the same household giving a different value is an error.
use super::cell::{self, Cell};
use super::columns::{self, ColumnDef, HeaderMap, RESULT_PREFIX};
use super::row::{Row, RowError};
use crate::case::{self, MAX_MEMBERS};
use crate::decode::{parse_json, Decoder, Fields, Node};
use crate::error::{Failure, FieldError};
use crate::explain::Outcome;
use crate::household::decision::Decision;
use crate::household::{evaluate, HouseholdResult};
use crate::params::Options;
use serde::Serialize;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::HashMap;

/// Options of a batch run: the engine's options plus the assessment date to use for rows that do
/// not give one (`{ assessment_date?, region?, overrides?, params? }`).
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub assessment_date: Option<String>,
    /// `assessment_date` replaces a sheet's own 核查日期 column too: a comparison under another
    /// date must not be undone by the column (the page's own template has one).
    pub date_wins: bool,
    pub engine: Options,
}

impl BatchOptions {
    pub fn from_json(v: &Value) -> Result<BatchOptions, Failure> {
        let Value::Object(map) = v else { return Ok(BatchOptions { assessment_date: None, date_wins: false, engine: Options::from_json(v)? }) };
        let mut rest = map.clone();
        let date = rest.remove("assessment_date");
        let mut out = BatchOptions { assessment_date: None, date_wins: false, engine: Options::from_json(&Value::Object(rest))? };
        if let Some(date) = date.filter(|d| !d.is_null()) {
            let mut d = Decoder::new();
            crate::decode::date_value(&mut d, "$.assessment_date", (&date).into(), "核查日期");
            if d.has_errors() {
                return Err(Failure::invalid(d.errors().to_vec()));
            }
            out.assessment_date = date.as_str().map(str::to_string);
        }
        Ok(out)
    }

    pub fn from_text(text: &str) -> Result<BatchOptions, Failure> {
        if text.trim().is_empty() {
            return Ok(BatchOptions::default());
        }
        BatchOptions::from_json(&parse_json(text)?)
    }
}

/// A header row matched and ready to evaluate rows.
pub struct Plan {
    pub headers: Vec<String>,
    pub header_map: HeaderMap,
    /// `(cell index, column definition)` for each mapped column.
    cols: Vec<(usize, &'static ColumnDef)>,
    /// The member columns in the order of their case field (stable), so a member object is built
    /// by appending: `(index into cols, field, field within it)` (`disability`, `grade`).
    member_order: Vec<(usize, &'static str, Option<&'static str>)>,
    /// Whether each of `cols` is a member column.
    is_member: Vec<bool>,
    key: Option<usize>,
    relation: Option<usize>,
    name: Option<usize>,
    options: BatchOptions,
    /// Code and title of each decision, in the engine's order.
    measures: Vec<(String, String)>,
    result_headers: Vec<String>,
}

/// What batch evaluation says about one household.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HouseholdRow {
    /// Sheet row numbers of the household's first and last rows.
    pub first_row: usize,
    pub last_row: usize,
    /// 户编号, when the sheet has one.
    pub key: Option<String>,
    /// 户主姓名 (the column, or the name on the 户主 row, or the first member's name).
    pub head_name: Option<String>,
    pub village: Option<String>,
    pub members: usize,
    /// Evaluated without error.
    pub ok: bool,
    /// The household's result columns (see [`Plan::result_headers`]), without the error column.
    pub values: Vec<String>,
    pub errors: Vec<RowError>,
}

/// Most rows a household may span before it is cut (one more than the case format allows, so
/// the case reader still reports the excess): keeps memory flat on a sheet missing its 户主 rows.
const MAX_GROUP_ROWS: usize = MAX_MEMBERS + 1;

impl Plan {
    pub fn new(headers: Vec<String>, options: BatchOptions) -> Result<Plan, Failure> {
        let header_map = columns::match_headers(&headers)?;
        let table = columns::table()?;
        let cols: Vec<(usize, &'static ColumnDef)> = header_map.matched.iter().filter_map(|(i, c)| table.get(*c).map(|d| (*i, d))).collect();
        if cols.iter().all(|(_, d)| d.member_field().is_none()) {
            let shown: Vec<&str> = headers.iter().map(|h| h.trim()).filter(|h| !h.is_empty()).take(12).collect();
            return Err(invalid(format!(
                "表头中没有可识别的成员列（如「姓名」「身份证号」「劳动能力」）。读到的表头：{}。请使用模板的表头，或检查是否选错了工作表",
                if shown.is_empty() { "（空）".to_string() } else { shown.join("、") }
            )));
        }
        let find = |field: &str| cols.iter().find(|(_, d)| d.field == field).map(|(i, _)| *i);
        if find("assessment_date").is_none() && options.assessment_date.is_none() {
            return Err(invalid("表中没有「核查日期」列：请在选项中给出核查日期（决定适用哪一年的标准、成员年龄）"));
        }
        let measures = decision_titles(&options)?;
        let mut result_headers = vec![format!("{RESULT_PREFIX}结果")];
        result_headers.extend(measures.iter().map(|(_, t)| format!("{RESULT_PREFIX}{t}")));
        for h in ["人均纯收入（元）", "低保计算人均收入（元）", "缺少信息", "错误"] {
            result_headers.push(format!("{RESULT_PREFIX}{h}"));
        }
        let mut member_order: Vec<(usize, &'static str, Option<&'static str>)> = cols
            .iter()
            .enumerate()
            .filter_map(|(k, (_, d))| {
                d.member_field().map(|f| match f.split_once('.') {
                    Some((top, rest)) => (k, top, Some(rest)),
                    None => (k, f, None),
                })
            })
            .collect();
        member_order.sort_by_key(|(_, f, _)| *f);
        let is_member = cols.iter().map(|(_, d)| d.member_field().is_some()).collect();
        Ok(Plan {
            member_order,
            is_member,
            result_headers,
            key: find("household_id"),
            relation: find("members[].relation"),
            name: find("members[].name"),
            cols,
            headers,
            header_map,
            options,
            measures,
        })
    }

    /// Headers of the result columns, in order; the last is the per-row error column.
    pub fn result_headers(&self) -> &[String] {
        &self.result_headers
    }

    /// `(code, title)` of each decision column.
    pub fn measures(&self) -> &[(String, String)] {
        &self.measures
    }

    pub fn options(&self) -> &BatchOptions {
        &self.options
    }

    fn cell<'r>(&self, row: &'r Row, i: Option<usize>) -> Option<&'r Cell> {
        i.and_then(|i| row.cells.get(i)).filter(|c| !c.is_empty())
    }

    /// Builds the household's case JSON, with errors of cells that could not be read.
    pub fn case_json(&self, rows: &[Row]) -> (Value, Vec<RowError>, Vec<(&str, usize)>) {
        let rows: Vec<&Row> = rows.iter().collect();
        let (node, errors, sources) = self.case_node(&rows);
        (node.to_value(), errors, sources)
    }

    /// [`Plan::case_json`] as a [`Node`] borrowing the rows' text (what evaluation reads).
    pub fn case_node<'s>(&'s self, rows: &[&'s Row]) -> (Node<'s>, Vec<RowError>, Vec<(&'static str, usize)>) {
        let mut errors = Vec::new();
        let mut root = Fields::new();
        root.insert(Cow::Borrowed("schema"), Node::str(case::SCHEMA));
        // Which row each household field came from, to place the case reader's errors.
        let mut sources: Vec<(&'static str, usize)> = Vec::new();
        let mut members = Vec::with_capacity(rows.len());
        // A row's member values, by column, until they are placed in field order.
        let mut stash: Vec<Option<Node>> = vec![None; self.cols.len()];
        for &row in rows {
            for (pos, (ci, def)) in self.cols.iter().enumerate() {
                let member = self.is_member.get(pos).copied().unwrap_or(false);
                if !member && def.field == "household_id" {
                    continue;
                }
                let c = row.cells.get(*ci).unwrap_or(&Cell::Empty);
                let header = || self.headers.get(*ci).map(|h| h.trim().to_string()).unwrap_or_default();
                let v = match cell::to_node(c, def.kind, &def.header) {
                    Ok(Some(v)) => v,
                    Ok(None) => continue,
                    Err(message) => {
                        errors.push(RowError { row: row.number, column: header(), message });
                        continue;
                    }
                };
                if member {
                    if let Some(slot) = stash.get_mut(pos) {
                        *slot = Some(v);
                    }
                    continue;
                }
                match get_path(&root, &def.field) {
                    None => {
                        set_path(&mut root, &def.field, v);
                        sources.push((def.field.as_str(), row.number));
                    }
                    Some(old) if *old == v => {}
                    Some(old) => {
                        let first = sources.iter().find(|(f, _)| *f == def.field).map(|(_, r)| *r).unwrap_or(0);
                        errors.push(RowError {
                            row: row.number,
                            column: header(),
                            message: format!("同一户的「{}」前后不一致：第 {first} 行为 {}，本行为 {}", def.header, show(old), show(&v)),
                        });
                    }
                }
            }
            let mut member = Fields::with_capacity(self.member_order.len());
            for (pos, field, within) in &self.member_order {
                let Some(v) = stash.get_mut(*pos).and_then(Option::take) else { continue };
                match within {
                    None => member.insert(Cow::Borrowed(field), v),
                    Some(rest) => {
                        if let Some(m) = member.object_at(Cow::Borrowed(field)) {
                            set_path(m, rest, v);
                        }
                    }
                }
            }
            members.push(Node::Object(member));
        }
        root.insert(Cow::Borrowed("members"), Node::Array(members));
        if self.options.date_wins || !root.contains_key("assessment_date") {
            if let Some(d) = &self.options.assessment_date {
                root.insert(Cow::Borrowed("assessment_date"), Node::str(d.as_str()));
            }
        }
        (Node::Object(root), errors, sources)
    }

    /// Evaluates one household (its rows, in sheet order).
    pub fn evaluate(&self, group: &Group) -> (HouseholdRow, Option<HouseholdResult>) {
        let rows: Vec<&Row> = group.rows.iter().collect();
        self.evaluate_rows(&rows, group.continued, &group.errors)
    }

    /// [`Plan::evaluate`] for rows held elsewhere (a whole sheet's), without copying them.
    pub fn evaluate_rows(&self, rows: &[&Row], continued: bool, group_errors: &[RowError]) -> (HouseholdRow, Option<HouseholdResult>) {
        let first = rows.first().map(|r| r.number).unwrap_or(0);
        let last = rows.last().map(|r| r.number).unwrap_or(0);
        let (case, mut errors, sources) = self.case_node(rows);
        let mut out = HouseholdRow {
            first_row: first,
            last_row: last,
            key: rows.iter().find_map(|r| self.cell(r, self.key)).map(cell::text),
            head_name: self.head_name(rows, &case),
            village: case.get("village").and_then(Node::as_str).map(str::to_string),
            members: rows.len(),
            ok: false,
            values: Vec::new(),
            errors: Vec::new(),
        };
        if continued {
            errors.push(RowError {
                row: first,
                column: String::new(),
                message: format!("本户超过 {MAX_MEMBERS} 人（接上面的行），请检查户编号或「与户主关系」是否填写"),
            });
        }
        errors.extend(group_errors.iter().cloned());
        let result = match case::from_node(&case) {
            Ok(c) if errors.is_empty() => match evaluate(&c, &self.options.engine) {
                Ok(r) => Some(r),
                Err(f) => {
                    errors.extend(self.place(f, rows, &sources));
                    None
                }
            },
            Ok(_) => None,
            Err(f) => {
                errors.extend(self.place(f, rows, &sources));
                None
            }
        };
        match &result {
            Some(r) => {
                out.ok = true;
                out.values = self.values(r, rows);
            }
            None => {
                errors.sort_by_key(|e| e.row);
                out.values = vec![String::new(); self.measures.len() + 4];
                if let Some(v) = out.values.first_mut() {
                    *v = "有错误，未核查".into();
                }
            }
        }
        out.errors = errors;
        (out, result)
    }

    fn head_name(&self, rows: &[&Row], case: &Node) -> Option<String> {
        if let Some(h) = case.get("head_name").and_then(Node::as_str) {
            return Some(h.to_string());
        }
        let is_head = |r: &&Row| self.cell(r, self.relation).map(cell::text_ref).is_some_and(|t| t == "户主" || t == "head");
        let row = rows.iter().copied().find(is_head).or(rows.first().copied())?;
        self.cell(row, self.name).map(cell::text)
    }

    /// The case reader's or engine's failure as sheet errors.
    fn place(&self, f: Failure, rows: &[&Row], sources: &[(&str, usize)]) -> Vec<RowError> {
        let first = rows.first().map(|r| r.number).unwrap_or(0);
        let errors = match f {
            Failure::Invalid { errors } => errors,
            Failure::Calculation { message } => vec![FieldError::new("$", message)],
        };
        errors
            .into_iter()
            .map(|e| {
                let (row, field) = self.locate(&e.path, rows, sources);
                let column = field.and_then(|f| self.header_of(&f)).unwrap_or_default();
                RowError { row: row.unwrap_or(first), column, message: e.message }
            })
            .collect()
    }

    /// `$.members[2].disability.grade` → (row of member 2, `members[].disability.grade`).
    fn locate(&self, path: &str, rows: &[&Row], sources: &[(&str, usize)]) -> (Option<usize>, Option<String>) {
        let p = path.strip_prefix("$.").unwrap_or("");
        if let Some(rest) = p.strip_prefix("members[") {
            let Some((idx, tail)) = rest.split_once(']') else { return (None, None) };
            let row = idx.parse::<usize>().ok().and_then(|i| rows.get(i)).map(|r| r.number);
            let field = tail.strip_prefix('.').map(|f| format!("members[].{}", strip_index(f)));
            return (row, field);
        }
        if p.is_empty() || p == "members" {
            return (None, None);
        }
        let field = strip_index(p);
        let row = sources.iter().find(|(f, _)| *f == field || field.starts_with(&format!("{f}."))).map(|(_, r)| *r);
        (row, Some(field))
    }

    fn header_of(&self, field: &str) -> Option<String> {
        let exact = self.cols.iter().find(|(_, d)| d.field == field);
        // `members[].disability` (an object) names the first of its columns.
        let within = || self.cols.iter().find(|(_, d)| d.field.starts_with(&format!("{field}.")));
        exact.or_else(within).and_then(|(i, _)| self.headers.get(*i)).map(|h| h.trim().to_string())
    }

    fn values(&self, r: &HouseholdResult, rows: &[&Row]) -> Vec<String> {
        let mut v = Vec::with_capacity(self.measures.len() + 4);
        v.push(if r.missing.is_empty() { "已核查" } else { "已核查（信息不全）" }.to_string());
        for (i, (code, _)) in self.measures.iter().enumerate() {
            // The engine returns its decisions in the order the columns were made from.
            let d = r.decisions.get(i).filter(|d| d.measure == *code).or_else(|| r.decisions.iter().find(|d| d.measure == *code));
            v.push(d.map(decision_text).unwrap_or_default());
        }
        v.push(r.per_capita_net.map(|x| x.to_string()).unwrap_or_default());
        v.push(r.per_capita_dibao.map(|x| x.to_string()).unwrap_or_default());
        let missing: Vec<String> = r
            .missing
            .iter()
            .map(|m| match m.path.member_index().and_then(|i| rows.get(i)) {
                Some(row) => format!("{}（第 {} 行）", m.label, row.number),
                None => m.label.to_string(),
            })
            .collect();
        v.push(missing.join("、"));
        v
    }

    /// Text of the error column for one row of an evaluated household.
    pub fn row_errors(&self, h: &HouseholdRow, row: usize) -> String {
        // The case reader's messages already name the field; cell messages do too.
        let own: Vec<String> = h.errors.iter().filter(|e| e.row == row).map(|e| e.message.clone()).collect();
        if !own.is_empty() {
            own.join("；")
        } else if !h.ok {
            "本户其他行有错误".into()
        } else {
            String::new()
        }
    }
}

/// One cell of a decision column: `符合：边缘易致贫户`, `符合：张三、李四`, `待认定：王秀兰`, `不符合`,
/// `需补充`.
pub fn decision_text(d: &Decision) -> String {
    let mut s = d.outcome.label().to_string();
    if d.outcome == Outcome::OnceRecognised {
        let names: Vec<String> = d.members.iter().filter(|m| m.outcome == Outcome::OnceRecognised).map(|m| m.display_name().to_string()).collect();
        if !names.is_empty() {
            s.push('：');
            s.push_str(&names.join("、"));
        }
    }
    if d.outcome == Outcome::Applies {
        if let Some(c) = &d.category_label {
            s.push('：');
            s.push_str(c);
        }
        let names: Vec<String> = d.members.iter().filter(|m| m.outcome == Outcome::Applies).map(|m| m.display_name().to_string()).collect();
        if !names.is_empty() {
            s.push('：');
            s.push_str(&names.join("、"));
        }
        if let Some(a) = d.amount {
            s.push_str(&format!("（{}{}）", crate::money::yuan(a), d.amount_unit.map(|u| format!(" {u}")).unwrap_or_default()));
        }
    }
    s
}

/// The decision codes and titles, one column each, from the measure registry: the columns follow
/// the engine when it gains a measure.
fn decision_titles(_: &BatchOptions) -> Result<Vec<(String, String)>, Failure> {
    Ok(crate::household::measures::MEASURES.iter().map(|m| (m.code.to_string(), m.title.to_string())).collect())
}

fn invalid(message: impl Into<String>) -> Failure {
    Failure::invalid(vec![FieldError::new("$", message)])
}

fn show(v: &Node) -> String {
    match v {
        Node::String(s) => s.to_string(),
        Node::Array(items) => items.iter().map(show).collect::<Vec<_>>().join("、"),
        other => other.to_value().to_string(),
    }
}

fn strip_index(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut depth = 0;
    for c in path.chars() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn get_path<'a, 'n>(root: &'a Fields<'n>, path: &str) -> Option<&'a Node<'n>> {
    let mut parts = path.split('.');
    let mut cur = root.get(parts.next()?)?;
    for p in parts {
        cur = cur.get(p)?;
    }
    Some(cur)
}

/// Sets `a.b.c`, making the objects on the way; a non-object in the way leaves the value out.
fn set_path<'n>(root: &mut Fields<'n>, path: &'n str, v: Node<'n>) {
    match path.split_once('.') {
        None => root.insert(Cow::Borrowed(path), v),
        Some((head, rest)) => {
            if let Some(m) = root.object_at(Cow::Borrowed(head)) {
                set_path(m, rest, v);
            }
        }
    }
}

/// The rows of one household.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub rows: Vec<Row>,
    /// The rows continue a household cut at [`MAX_GROUP_ROWS`].
    pub continued: bool,
    /// Errors found while grouping (a 户编号 met again in a stream after its household closed).
    pub errors: Vec<RowError>,
}

/// Groups a stream of rows into households, holding one household at a time.
///
/// In a stream a household is complete when the next one starts, so its rows must be adjacent. A
/// 户编号 seen again after its household was closed cannot be joined to it any more (its result
/// is already written): its rows get an error asking for the sheet to be sorted by 户编号. Only the
/// keys of closed households are remembered (memory per household, not per row).
pub struct Grouper<'p> {
    plan: &'p Plan,
    current: Group,
    key: Option<String>,
    /// 户编号 of each closed household → its first row.
    closed: HashMap<String, usize>,
    /// The current household reuses the key of a closed one (first row of that one).
    reopened: Option<usize>,
}

impl<'p> Grouper<'p> {
    pub fn new(plan: &'p Plan) -> Self {
        Grouper { plan, current: Group::default(), key: None, closed: HashMap::new(), reopened: None }
    }

    /// Carries on with a household whose rows were pushed before ([`Grouper::into_pending`]).
    pub fn resume(plan: &'p Plan, pending: Group) -> Self {
        let key = pending.rows.iter().rev().find_map(|r| plan.cell(r, plan.key)).map(cell::text);
        Grouper { plan, current: pending, key, closed: HashMap::new(), reopened: None }
    }

    /// The rows of the household not yet complete.
    pub fn into_pending(self) -> Group {
        self.current
    }

    /// Adds a row; returns the previous household when this row starts a new one.
    pub fn push(&mut self, row: Row) -> Option<Group> {
        if row.is_empty() {
            return None;
        }
        let p = self.plan;
        let mut new_key = None;
        let starts = if p.key.is_some() {
            match p.cell(&row, p.key).map(cell::text_ref) {
                Some(k) if self.key.as_deref() != Some(k.as_ref()) => {
                    new_key = Some(k.into_owned());
                    true
                }
                _ => false,
            }
        } else if p.relation.is_some() {
            p.cell(&row, p.relation).map(cell::text_ref).is_some_and(|t| t == "户主" || t == "head")
        } else {
            true
        };
        let overflow = self.current.rows.len() >= MAX_GROUP_ROWS;
        let done = if (starts || overflow) && !self.current.rows.is_empty() {
            let next = Group { rows: Vec::new(), continued: overflow && !starts, errors: Vec::new() };
            let g = std::mem::replace(&mut self.current, next);
            if starts {
                if let (Some(k), Some(first)) = (self.key.take(), g.rows.first()) {
                    self.closed.entry(k).or_insert(first.number);
                }
            }
            Some(g)
        } else {
            None
        };
        if let Some(k) = new_key {
            self.reopened = self.closed.get(&k).copied();
            self.key = Some(k);
        }
        if let (Some(earlier), Some(k)) = (self.reopened, &self.key) {
            let column = p.key.and_then(|i| p.headers.get(i)).map(|h| h.trim().to_string()).unwrap_or_default();
            self.current.errors.push(RowError {
                row: row.number,
                column,
                message: format!(
                    "户编号「{k}」在第 {earlier} 行起的户之后再次出现，中间隔着其他户：逐行流式核查 CSV 时同一户的行必须相邻。\
                     请先按户编号排序后再核查，或打开 .xlsx 文件 / 在网页中核查（整表读取，自动按户编号合并）"
                ),
            });
        }
        self.current.rows.push(row);
        done
    }

    /// The last household.
    pub fn finish(&mut self) -> Option<Group> {
        let g = std::mem::take(&mut self.current);
        (!g.rows.is_empty()).then_some(g)
    }
}

/// A whole sheet's households: the indexes (into the sheet's rows) of each household's rows, in
/// order of each household's first row.
#[derive(Debug, Clone, Default)]
pub struct SheetGroups {
    /// `(row indexes, continued)`: continued as in [`Group::continued`].
    pub groups: Vec<(Vec<usize>, bool)>,
    /// Households whose rows were not adjacent (joined by their 户编号).
    pub scattered: usize,
}

impl SheetGroups {
    /// The household index of each row (`None` for blank rows).
    pub fn owners(&self, rows: usize) -> Vec<Option<usize>> {
        let mut out = vec![None; rows];
        for (k, (idx, _)) in self.groups.iter().enumerate() {
            for i in idx {
                if let Some(slot) = out.get_mut(*i) {
                    *slot = Some(k);
                }
            }
        }
        out
    }

    /// The rows of household `k`, borrowed, and whether they continue a household cut at
    /// [`MAX_GROUP_ROWS`]: for [`Plan::evaluate_rows`].
    pub fn rows<'r>(&self, k: usize, rows: &'r [Row]) -> (Vec<&'r Row>, bool) {
        let Some((idx, continued)) = self.groups.get(k) else { return (Vec::new(), false) };
        (idx.iter().filter_map(|i| rows.get(*i)).collect(), *continued)
    }

    /// The rows of household `k`, cloned, as a [`Group`] for [`Plan::evaluate`].
    pub fn group(&self, k: usize, rows: &[Row]) -> Group {
        let Some((idx, continued)) = self.groups.get(k) else { return Group::default() };
        Group { rows: idx.iter().filter_map(|i| rows.get(*i).cloned()).collect(), continued: *continued, errors: Vec::new() }
    }
}

/// Groups a whole sheet (xlsx, or CSV in the page): with a 户编号 column, rows with the same
/// 户编号 form one household wherever they are (a blank 户编号 continues the row above's household);
/// otherwise the same rules as [`Grouper`]. Households longer than the case format allows are cut
/// like the grouper cuts them.
pub fn group_sheet(plan: &Plan, rows: &[Row]) -> SheetGroups {
    let mut out = SheetGroups::default();
    if plan.key.is_none() {
        let mut grouper = Grouper::new(plan);
        // `idx` holds the indexes of the rows the grouper holds (one household at a time).
        let mut idx: Vec<usize> = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            if row.is_empty() {
                continue;
            }
            if let Some(g) = grouper.push(row.clone()) {
                out.groups.push((std::mem::take(&mut idx), g.continued));
            }
            idx.push(i);
        }
        if let Some(g) = grouper.finish() {
            out.groups.push((idx, g.continued));
        }
        return out;
    }
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut scattered: Vec<bool> = Vec::new();
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut current: Option<usize> = None;
    for (i, row) in rows.iter().enumerate() {
        if row.is_empty() {
            continue;
        }
        let g = match plan.cell(row, plan.key).map(cell::text_ref) {
            Some(k) => match by_key.get(k.as_ref()) {
                Some(&g) => {
                    if current != Some(g) {
                        if let Some(flag) = scattered.get_mut(g) {
                            *flag = true;
                        }
                    }
                    g
                }
                None => {
                    by_key.insert(k.into_owned(), groups.len());
                    groups.push(Vec::new());
                    scattered.push(false);
                    groups.len() - 1
                }
            },
            // A blank 户编号 continues the household above; before any 户编号, it starts one.
            None => match current {
                Some(g) => g,
                None => {
                    groups.push(Vec::new());
                    scattered.push(false);
                    groups.len() - 1
                }
            },
        };
        if let Some(list) = groups.get_mut(g) {
            list.push(i);
        }
        current = Some(g);
    }
    out.scattered = scattered.iter().filter(|s| **s).count();
    for list in groups {
        for (n, chunk) in list.chunks(MAX_GROUP_ROWS).enumerate() {
            out.groups.push((chunk.to_vec(), n > 0));
        }
    }
    out
}
