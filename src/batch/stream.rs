//! Streaming a CSV file through batch evaluation with memory flat in the file size: one record
//! buffer, one household of rows at a time. Used by `jingning batch` for county- or
//! province-scale files; xlsx files are read whole (the format is a zip of XML).
use super::household::{Group, Grouper, HouseholdRow, Plan};
use super::limits::HEADER_SEARCH_ROWS;
use super::read::{csv_error, csv_reader, csv_row, fail, locate_header, sniff_delimiter};
use super::row::Row;
use super::summary::Summary;
use super::BatchOptions;
use crate::error::Failure;
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

/// Runs rows through a plan, calling `sink` with each household's rows (group) and result row, in
/// file order; the engine results are counted into the summary and dropped where they were made.
/// With `jobs` > 1, households are evaluated on that many threads while this thread reads ahead
/// and writes in order (see [`drive_parallel`]). Returns the summary.
pub fn drive<I, F>(plan: &Plan, rows: I, jobs: usize, sink: F) -> Result<Summary, Failure>
where
    I: Iterator<Item = Result<Row, Failure>> + Send,
    F: FnMut(&Group, &HouseholdRow) -> Result<(), Failure>,
{
    if jobs > 1 {
        drive_parallel(plan, rows, jobs, sink)
    } else {
        drive_serial(plan, rows, sink)
    }
}

fn drive_serial<I, F>(plan: &Plan, rows: I, mut sink: F) -> Result<Summary, Failure>
where
    I: Iterator<Item = Result<Row, Failure>>,
    F: FnMut(&Group, &HouseholdRow) -> Result<(), Failure>,
{
    let mut summary = Summary::new(plan.measures());
    let mut grouper = Grouper::new(plan);
    let mut any = false;
    for row in rows {
        any = true;
        if let Some(g) = grouper.push(row?) {
            let (h, r) = plan.evaluate(&g);
            summary.add(&h, r.as_ref());
            sink(&g, &h)?;
        }
    }
    if let Some(g) = grouper.finish() {
        let (h, r) = plan.evaluate(&g);
        summary.add(&h, r.as_ref());
        sink(&g, &h)?;
    }
    if !any || summary.households == 0 {
        return Err(fail("表中只有表头，没有数据行"));
    }
    Ok(summary)
}

/// Households sent to a worker at a time: enough to make the channel traffic negligible, few
/// enough that the chunks in flight stay a few MB whatever the file size.
const CHUNK: usize = 64;

/// A chunk's households with their result rows, and the chunk's counts: the results themselves
/// are counted and dropped on the worker that made them (freeing them on the writer's thread
/// was a third more work than evaluating on one thread).
type Evaluated = (Vec<(Group, HouseholdRow)>, Summary);

/// [`drive`] on several threads. One thread reads and groups rows into chunks of households,
/// `jobs` threads evaluate chunks, and the calling thread puts the chunks back in file order for
/// the summary and `sink` (so the output is byte for byte the serial one). Channels are bounded,
/// so at most a few chunks per thread are in flight whatever the file size.
fn drive_parallel<I, F>(plan: &Plan, rows: I, jobs: usize, mut sink: F) -> Result<Summary, Failure>
where
    I: Iterator<Item = Result<Row, Failure>> + Send,
    F: FnMut(&Group, &HouseholdRow) -> Result<(), Failure>,
{
    use std::collections::BTreeMap;
    use std::sync::mpsc::sync_channel;
    use std::sync::{Arc, Mutex};

    let mut summary = Summary::new(plan.measures());
    let outcome = std::thread::scope(|s| -> Result<(), Failure> {
        let (job_tx, job_rx) = sync_channel::<(usize, Vec<Group>)>(jobs);
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = sync_channel::<(usize, Result<Evaluated, Failure>)>(jobs * 2);
        // A thread the system refuses (too many, no memory) is one worker fewer, not an abort.
        let mut workers = 0;
        for _ in 0..jobs {
            let (rx, tx) = (job_rx.clone(), done_tx.clone());
            let spawned = std::thread::Builder::new().spawn_scoped(s, move || loop {
                let next = rx.lock().map_err(|_| ()).and_then(|r| r.recv().map_err(|_| ()));
                let Ok((seq, groups)) = next else { break };
                let mut part = Summary::new(plan.measures());
                let out = groups
                    .into_iter()
                    .map(|g| {
                        let (h, r) = plan.evaluate(&g);
                        part.add(&h, r.as_ref());
                        (g, h)
                    })
                    .collect();
                if tx.send((seq, Ok((out, part)))).is_err() {
                    break;
                }
            });
            workers += usize::from(spawned.is_ok());
        }
        if workers == 0 {
            return Err(fail("无法创建核查线程：请用 --jobs 1 单线程运行"));
        }
        // The reader reports its own failure (a bad CSV line) in sequence, as a chunk that failed.
        let reader_tx = done_tx;
        let reader = std::thread::Builder::new().spawn_scoped(s, move || {
            let mut grouper = Grouper::new(plan);
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut seq = 0;
            let send = |seq: &mut usize, chunk: Vec<Group>| {
                let ok = job_tx.send((*seq, chunk)).is_ok();
                *seq += 1;
                ok
            };
            for row in rows {
                let row = match row {
                    Ok(r) => r,
                    Err(e) => {
                        if send(&mut seq, std::mem::take(&mut chunk)) {
                            let _ = reader_tx.send((seq, Err(e)));
                        }
                        return;
                    }
                };
                if let Some(g) = grouper.push(row) {
                    chunk.push(g);
                    if chunk.len() == CHUNK && !send(&mut seq, std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))) {
                        return;
                    }
                }
            }
            chunk.extend(grouper.finish());
            send(&mut seq, chunk);
        });
        if reader.is_err() {
            return Err(fail("无法创建读取线程：请用 --jobs 1 单线程运行"));
        }
        let mut pending: BTreeMap<usize, Result<Evaluated, Failure>> = BTreeMap::new();
        let mut next = 0;
        // Ends when the reader and every worker have hung up; returning early drops the receiver,
        // which stops them at their next send.
        for (seq, chunk) in done_rx {
            pending.insert(seq, chunk);
            while let Some(chunk) = pending.remove(&next) {
                let (households, part) = chunk?;
                summary.merge(part);
                for (g, h) in households {
                    sink(&g, &h)?;
                }
                next += 1;
            }
        }
        Ok(())
    });
    outcome?;
    if summary.households == 0 {
        return Err(fail("表中只有表头，没有数据行"));
    }
    Ok(summary)
}
