//! Batch evaluation of a township's spreadsheet: every household of a 台账 in one go, on the
//! staff's own machine (the page, in a Web Worker) or natively (`jingning batch`).
//!
//! * [`cell`] — a cell's value as the case format reads it (dates, amounts, 是/否 …).
//! * [`columns`] — the known columns as data and header matching.
//! * [`household`] — rows → households → case JSON → the household engine → result columns.
//! * [`summary`], [`compare`] — counts, and the households whose decisions change between two runs.
//! * [`village`] — a township's village indicator sheet → the village engine's scores and ranking.
//! * [`village_households`] — a household 台账 → each village's household-derived indicators, filled
//!   into its scorecard with the households behind every number.
//! * [`limits`] — what a file may ask of the reader.
//! * `output` (feature `cli`) — result files written beside the target and renamed on success,
//!   never over an input.
//! * `read`, `write` (feature `sheet`) — xlsx (calamine, rust_xlsxwriter) and CSV (csv) files; which
//!   sheet of a workbook, and whether it is a household or a village sheet.
//!
//! See docs/batch.md.
pub mod cell;
pub mod columns;
pub mod compare;
pub mod household;
pub mod limits;
pub mod row;
pub mod summary;
pub mod village;
pub mod village_households;

#[cfg(feature = "cli")]
pub mod output;
#[cfg(feature = "sheet")]
pub mod read;
#[cfg(feature = "cli")]
pub mod run;
#[cfg(feature = "sheet")]
pub mod stream;
#[cfg(feature = "sheet")]
pub mod write;

pub use household::{group_sheet, BatchOptions, Group, Grouper, HouseholdRow, Plan, SheetGroups};
pub use row::{Row, RowError};
pub use summary::Summary;

use crate::error::Failure;

/// A sheet held in memory and evaluated a slice at a time (so a worker can report progress and
/// stop when cancelled). The whole sheet is at hand, so rows of one household are joined by their
/// 户编号 wherever they are ([`household::group_sheet`]).
pub struct Session {
    pub plan: Plan,
    pub rows: Vec<Row>,
    /// The households' rows; `households[k]` is the result of `groups.groups[k]`.
    pub groups: SheetGroups,
    pub households: Vec<HouseholdRow>,
    pub summary: Summary,
    /// How the rows were grouped, for staff (e.g. households whose rows were not adjacent).
    pub notes: Vec<String>,
    /// Rows of the households evaluated so far, for progress.
    rows_done: usize,
    done: bool,
}

impl Session {
    pub fn new(headers: Vec<String>, rows: Vec<Row>, options: BatchOptions) -> Result<Session, Failure> {
        let plan = Plan::new(headers, options)?;
        if rows.iter().all(Row::is_empty) {
            return Err(Failure::invalid(vec![crate::FieldError::new("$", "表中只有表头，没有数据行")]));
        }
        let summary = Summary::new(plan.measures());
        let groups = household::group_sheet(&plan, &rows);
        let mut notes = Vec::new();
        if groups.scattered > 0 {
            notes.push(format!("{} 户的成员行不相邻，已按户编号合并为一户（结果中“行”为该户第一行）", groups.scattered));
        }
        Ok(Session { plan, rows, groups, households: Vec::new(), summary, notes, rows_done: 0, done: false })
    }

    /// Evaluates up to `max_households` more households; returns whether all rows are done.
    pub fn step(&mut self, max_households: usize) -> bool {
        let mut made = 0;
        while made < max_households && self.households.len() < self.groups.groups.len() {
            // The rows are borrowed from the sheet, not copied per household.
            let (rows, continued) = self.groups.rows(self.households.len(), &self.rows);
            let (h, r) = self.plan.evaluate_rows(&rows, continued, &[]);
            self.summary.add(&h, r.as_ref());
            self.households.push(h);
            self.rows_done += rows.len();
            made += 1;
        }
        self.done = self.households.len() >= self.groups.groups.len();
        if self.done {
            self.rows_done = self.rows.len();
        }
        self.done
    }

    /// Number of households the sheet's rows make.
    pub fn household_count(&self) -> usize {
        self.groups.groups.len()
    }

    /// Evaluates households `[from, to)` apart from the session's own progress, with their
    /// summary and the number of rows they span. The page splits a sheet into contiguous ranges,
    /// one per Web Worker (each holding the same sheet), and joins the ranges and summaries in
    /// order ([`Summary::merge`]): the same rows and counts as one [`Session::run`].
    pub fn evaluate_range(&self, from: usize, to: usize) -> (Vec<HouseholdRow>, Summary, usize) {
        let to = to.min(self.household_count());
        let mut summary = Summary::new(self.plan.measures());
        let mut out = Vec::with_capacity(to.saturating_sub(from));
        let mut rows_done = 0;
        for k in from..to {
            let (rows, continued) = self.groups.rows(k, &self.rows);
            let (h, r) = self.plan.evaluate_rows(&rows, continued, &[]);
            summary.add(&h, r.as_ref());
            rows_done += rows.len();
            out.push(h);
        }
        (out, summary, rows_done)
    }

    /// Takes in households evaluated by [`Session::evaluate_range`] when they are the next ones
    /// (`from` is the number evaluated so far), as if [`Session::step`] had made them; returns
    /// whether it did. The page's first worker keeps its own range this way, so an export only
    /// evaluates the other workers' ranges again. Takes them by value: copying every result
    /// row was 5 % of a 100,000-household run in the browser.
    pub fn adopt(&mut self, from: usize, households: Vec<HouseholdRow>, summary: Summary, rows_done: usize) -> bool {
        if from != self.households.len() || from + households.len() > self.household_count() {
            return false;
        }
        self.households.extend(households);
        self.summary.merge(summary);
        self.rows_done += rows_done;
        self.done = self.households.len() >= self.household_count();
        if self.done {
            self.rows_done = self.rows.len();
        }
        true
    }

    /// Evaluates everything.
    pub fn run(&mut self) {
        while !self.step(usize::MAX) {}
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Rows of the households evaluated so far, for progress.
    pub fn rows_done(&self) -> usize {
        self.rows_done
    }

    /// The household index of each row (`None` for blank rows), for writing results back.
    pub fn owners(&self) -> Vec<Option<usize>> {
        self.groups.owners(self.rows.len())
    }
}
