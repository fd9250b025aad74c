//! Batch evaluation of a township's spreadsheet: every household of a 台账 in one go, on the
//! staff's own machine (the page, in a Web Worker) or natively (`jingning batch`).
//!
//! * [`cell`] — a cell's value as the case format reads it (dates, amounts, 是/否 …).
//! * [`columns`] — the known columns as data and header matching.
//! * [`household`] — rows → households → case JSON → the household engine → result columns.
//! * [`summary`], [`compare`] — counts, and the households whose decisions change between two runs.
//! * [`limits`] — what a file may ask of the reader.
//! * `read`, `write` (feature `sheet`) — xlsx (calamine, rust_xlsxwriter) and CSV (csv) files.
//!
//! See docs/batch.md.
pub mod cell;
pub mod columns;
pub mod compare;
pub mod household;
pub mod limits;
pub mod summary;
pub mod village;

#[cfg(feature = "sheet")]
pub mod read;
#[cfg(feature = "sheet")]
pub mod run;
#[cfg(feature = "sheet")]
pub mod stream;
#[cfg(feature = "sheet")]
pub mod write;

pub use household::{BatchOptions, Group, Grouper, HouseholdRow, Plan, Row, RowError};
pub use summary::Summary;

use crate::error::Failure;

/// A sheet held in memory and evaluated a slice at a time (so a worker can report progress and
/// stop when cancelled).
pub struct Session {
    pub plan: Plan,
    pub rows: Vec<Row>,
    pub households: Vec<HouseholdRow>,
    pub summary: Summary,
    /// Index in `rows` of the next row to group.
    next: usize,
    pending: Group,
    done: bool,
}

impl Session {
    pub fn new(headers: Vec<String>, rows: Vec<Row>, options: BatchOptions) -> Result<Session, Failure> {
        let plan = Plan::new(headers, options)?;
        if rows.iter().all(Row::is_empty) {
            return Err(Failure::invalid(vec![crate::FieldError::new("$", "表中只有表头，没有数据行")]));
        }
        let summary = Summary::new(plan.measures());
        Ok(Session { plan, rows, households: Vec::new(), summary, next: 0, pending: Group::default(), done: false })
    }

    /// Evaluates up to `max_households` more households; returns whether all rows are done.
    pub fn step(&mut self, max_households: usize) -> bool {
        let mut made = 0;
        let mut grouper = Grouper::resume(&self.plan, std::mem::take(&mut self.pending));
        while made < max_households && self.next < self.rows.len() {
            let row = self.rows[self.next].clone();
            self.next += 1;
            if let Some(g) = grouper.push(row) {
                let (h, r) = self.plan.evaluate(&g);
                self.summary.add(&h, r.as_ref());
                self.households.push(h);
                made += 1;
            }
        }
        if self.next >= self.rows.len() {
            if let Some(g) = grouper.finish() {
                let (h, r) = self.plan.evaluate(&g);
                self.summary.add(&h, r.as_ref());
                self.households.push(h);
            }
            self.done = true;
        } else {
            self.pending = grouper.into_pending();
        }
        self.done
    }

    /// Evaluates everything.
    pub fn run(&mut self) {
        while !self.step(usize::MAX) {}
    }

    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Rows grouped so far, for progress.
    pub fn rows_done(&self) -> usize {
        self.next
    }
}
