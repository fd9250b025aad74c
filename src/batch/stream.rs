//! Streaming a CSV file through batch evaluation with memory flat in the file size: one record
//! buffer, one household of rows at a time. Used by `jingning batch` for county- or
//! province-scale files; xlsx files are read whole (the format is a zip of XML).
use super::household::{Group, Grouper, HouseholdRow, Plan, Row};
use super::limits::HEADER_SEARCH_ROWS;
use super::read::{csv_error, csv_reader, csv_row, fail, locate_header, sniff_delimiter};
use super::summary::Summary;
use super::BatchOptions;
use crate::error::Failure;
use crate::household::HouseholdResult;
use std::collections::VecDeque;
use std::io::{BufRead, Read};

/// What precedes a CSV's data rows: title rows above the header, and notes on the reading.
pub struct Preamble {
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

/// Rows of a CSV file after its header row.
pub struct CsvRows<R: Read> {
    reader: csv::Reader<R>,
    record: csv::ByteRecord,
    number: usize,
    buffered: VecDeque<Row>,
}

impl<R: Read> Iterator for CsvRows<R> {
    type Item = Result<Row, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(r) = self.buffered.pop_front() {
            return Some(Ok(r));
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                self.number += 1;
                Some(csv_row(&self.record, self.number))
            }
            Err(e) => Some(Err(csv_error(&e))),
        }
    }
}

/// Opens a CSV stream: skips a UTF-8 BOM, sniffs the separator, finds the header row among the
/// first rows and matches it. Returns the plan, the remaining rows, and the rows above the header
/// with notes on how it was read.
pub fn open_csv<R: BufRead>(mut input: R, options: BatchOptions) -> Result<(Plan, CsvRows<R>, Preamble), Failure> {
    let buf = input.fill_buf().map_err(|e| fail(format!("无法读取文件：{e}")))?;
    let bom = buf.starts_with(b"\xEF\xBB\xBF");
    let head = String::from_utf8_lossy(&buf[if bom { 3 } else { 0 }..buf.len().min(8192)]).into_owned();
    if bom {
        input.consume(3);
    }
    let mut reader = csv_reader(input, sniff_delimiter(&head));
    let mut record = csv::ByteRecord::new();
    let mut first = Vec::new();
    let mut number = 0;
    while first.len() < HEADER_SEARCH_ROWS {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                number += 1;
                first.push(csv_row(&record, number)?);
            }
            Err(e) => return Err(csv_error(&e)),
        }
    }
    let sheet = locate_header(first)?;
    let plan = Plan::new(sheet.headers, options)?;
    let rows = CsvRows { reader, record, number, buffered: sheet.rows.into() };
    Ok((plan, rows, Preamble { rows: sheet.preamble, notes: sheet.notes }))
}

/// Runs rows through a plan, calling `sink` with each household's rows (group), result row and engine
/// result. Returns the summary.
pub fn drive<I, F>(plan: &Plan, rows: I, mut sink: F) -> Result<Summary, Failure>
where
    I: Iterator<Item = Result<Row, Failure>>,
    F: FnMut(&Group, &HouseholdRow, Option<&HouseholdResult>) -> Result<(), Failure>,
{
    let mut summary = Summary::new(plan.measures());
    let mut grouper = Grouper::new(plan);
    let mut any = false;
    for row in rows {
        any = true;
        if let Some(g) = grouper.push(row?) {
            let (h, r) = plan.evaluate(&g);
            summary.add(&h, r.as_ref());
            sink(&g, &h, r.as_ref())?;
        }
    }
    if let Some(g) = grouper.finish() {
        let (h, r) = plan.evaluate(&g);
        summary.add(&h, r.as_ref());
        sink(&g, &h, r.as_ref())?;
    }
    if !any || summary.households == 0 {
        return Err(fail("表中只有表头，没有数据行"));
    }
    Ok(summary)
}
