//! `jingning batch FILE`: a whole file evaluated natively, results written to CSV or xlsx, and a
//! JSON report (columns mapped and not, summary counts, row errors, and with `--compare` the
//! households whose decisions change under the second parameter set).
use super::compare::{compare, Change};
use super::household::{group_sheet, BatchOptions, Group, HouseholdRow, Plan, SheetGroups};
use super::limits::{too_large, MAX_FILE_BYTES};
use super::output::{not_written, AtomicFile};
use super::read::{check_csv_sheet, detect, fail, read_xlsx_pick, Format, Pick, SheetKind};
use super::row::{Row, RowError};
use super::stream::{drive, open_csv};
use super::summary::Summary;
use super::write::{self, CsvOut};
use crate::error::Failure;
use serde::Serialize;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

pub struct RunArgs {
    pub input: PathBuf,
    pub out: Option<PathBuf>,
    pub options: BatchOptions,
    /// A second parameter set to compare against.
    pub compare: Option<BatchOptions>,
    /// The xlsx sheet to read (name or number from 1); by default the first household sheet.
    pub sheet: Option<String>,
    /// Threads evaluating a streamed CSV (1 = this thread only).
    pub jobs: usize,
}

/// Row errors listed in the report (all of them are in the result file's 错误 column).
const MAX_REPORTED_ERRORS: usize = 1000;

#[derive(Serialize)]
pub struct Report {
    pub file: String,
    pub format: Format,
    pub notes: Vec<String>,
    pub mapped: Vec<super::columns::MappedColumn>,
    pub unmapped: Vec<String>,
    pub duplicates: Vec<String>,
    pub summary: Summary,
    pub errors: Vec<String>,
    pub errors_not_listed: usize,
    pub out: Option<String>,
    /// With `--compare`: the second run's summary and the households that change.
    pub compare_summary: Option<Summary>,
    pub changes: Option<Vec<Change>>,
}

enum Out {
    None,
    Csv(Box<CsvOut<BufWriter<File>>>, AtomicFile),
    Xlsx(Vec<Row>, Vec<HouseholdRow>),
    /// A whole sheet (xlsx input): results kept and written in the sheet's row order at the end.
    Whole(Vec<HouseholdRow>),
}

/// A whole sheet's households evaluated in order of first appearance (rows of one household
/// joined by 户编号 wherever they are), like [`drive`] does for a stream.
fn drive_whole<F>(plan: &Plan, rows: &[Row], groups: &SheetGroups, mut sink: F) -> Result<Summary, Failure>
where
    F: FnMut(&Group, &HouseholdRow) -> Result<(), Failure>,
{
    let mut summary = Summary::new(plan.measures());
    for k in 0..groups.groups.len() {
        let g = groups.group(k, rows);
        let (h, r) = plan.evaluate(&g);
        summary.add(&h, r.as_ref());
        sink(&g, &h)?;
    }
    if summary.households == 0 {
        return Err(fail("表中只有表头，没有数据行"));
    }
    Ok(summary)
}

fn io(path: &std::path::Path, e: std::io::Error) -> Failure {
    fail(format!("无法读写文件 {}：{e}", path.display()))
}

/// Runs a file; a failed run says that it left no result file behind (see [`super::output`]).
pub fn run_file(a: RunArgs) -> Result<Report, Failure> {
    if let Some(p) = &a.out {
        super::output::refuse_overwriting_input(p, &[&a.input])?;
    }
    let out = a.out.clone();
    run_one(a).map_err(|f| match &out {
        Some(p) => not_written(f, p),
        None => f,
    })
}

fn run_one(a: RunArgs) -> Result<Report, Failure> {
    let name = a.input.display().to_string();
    let mut file = File::open(&a.input).map_err(|e| io(&a.input, e))?;
    let mut magic = [0u8; 8];
    let n = file.read(&mut magic).map_err(|e| io(&a.input, e))?;
    if n == 0 {
        return Err(fail("文件是空的（0 字节）"));
    }
    let format = detect(&magic[..n], &name)?;
    type Rows = Box<dyn Iterator<Item = Result<Row, Failure>> + Send>;
    enum Source {
        Stream(Rows),
        Whole(Vec<Row>, SheetGroups),
    }
    let (plan, source, preamble, mut notes): (Plan, Source, Vec<Row>, Vec<String>) = match format {
        Format::Xlsx => {
            let len = std::fs::metadata(&a.input).map_err(|e| io(&a.input, e))?.len();
            if len > MAX_FILE_BYTES {
                return Err(fail(too_large(len)));
            }
            let bytes = std::fs::read(&a.input).map_err(|e| io(&a.input, e))?;
            let sheet = read_xlsx_pick(&bytes, &Pick { sheet: a.sheet.clone(), kind: Some(SheetKind::Household), system: None })?;
            let plan = Plan::new(sheet.headers, a.options)?;
            let groups = group_sheet(&plan, &sheet.rows);
            (plan, Source::Whole(sheet.rows, groups), sheet.preamble, sheet.notes)
        }
        Format::Csv => {
            check_csv_sheet(a.sheet.as_deref())?;
            let input = BufReader::with_capacity(1 << 16, File::open(&a.input).map_err(|e| io(&a.input, e))?);
            let (plan, rows, pre) = open_csv(input, a.options)?;
            (plan, Source::Stream(Box::new(rows)), pre.rows, pre.notes)
        }
    };
    if let Source::Whole(_, groups) = &source {
        if groups.scattered > 0 {
            notes.push(format!("{} 户的成员行不相邻，已按户编号合并为一户", groups.scattered));
        }
    }
    let second = a.compare.map(|o| Plan::new(plan.headers.clone(), o)).transpose()?;
    let mut out = match &a.out {
        None => Out::None,
        Some(_) if matches!(source, Source::Whole(..)) => Out::Whole(Vec::new()),
        Some(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) => Out::Xlsx(Vec::new(), Vec::new()),
        Some(p) => {
            let mut target = AtomicFile::create(p, &[&a.input])?;
            let file = target.file().try_clone().map_err(|e| io(p, e))?;
            Out::Csv(Box::new(CsvOut::new(BufWriter::with_capacity(1 << 16, file), &plan, &preamble)?), target)
        }
    };
    let mut errors: Vec<String> = Vec::new();
    let mut errors_not_listed = 0;
    let mut second_summary = second.as_ref().map(|p| Summary::new(p.measures()));
    let mut changes = second.as_ref().map(|_| Vec::new());
    let headers = plan.result_headers();
    // A streamed file's rows past the first few are seen only here: the first one with content
    // right of the last header is noted like a whole sheet's (see read::beyond_headers_note).
    let mut beyond = notes.iter().any(|n| n.contains("右边还有内容")).then_some(0);
    let sink = |g: &Group, h: &HouseholdRow| {
        if beyond.is_none() {
            beyond = g.rows.iter().find(|r| !write::beyond_headers(r, &plan.headers).is_empty()).map(|r| r.number);
        }
        for e in &h.errors {
            if errors.len() < MAX_REPORTED_ERRORS {
                errors.push(RowError::describe(e));
            } else {
                errors_not_listed += 1;
            }
        }
        if let (Some(p2), Some(s2), Some(ch)) = (&second, &mut second_summary, &mut changes) {
            let (h2, r2) = p2.evaluate(g);
            s2.add(&h2, r2.as_ref());
            ch.extend(compare(headers, std::slice::from_ref(h), std::slice::from_ref(&h2)));
        }
        match &mut out {
            Out::None => Ok(()),
            Out::Csv(w, _) => g.rows.iter().try_for_each(|r| w.row(&plan, r, Some(h))),
            Out::Xlsx(rows, hs) => {
                rows.extend(g.rows.iter().cloned());
                hs.push(h.clone());
                Ok(())
            }
            Out::Whole(hs) => {
                hs.push(h.clone());
                Ok(())
            }
        }
    };
    let (summary, whole) = match source {
        Source::Stream(rows) => (drive(&plan, rows, a.jobs, sink)?, None),
        Source::Whole(rows, groups) => (drive_whole(&plan, &rows, &groups, sink)?, Some((rows, groups))),
    };
    if let Some(n) = beyond.filter(|n| *n > 0) {
        notes.push(super::read::beyond_headers_note_at(n, plan.headers.len()));
    }
    match (out, &a.out) {
        (Out::Whole(hs), Some(p)) => {
            let (rows, groups) = whole.unwrap_or_default();
            let owners = groups.owners(rows.len());
            let xlsx = p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
            let bytes = if xlsx {
                write::xlsx_by(&plan, &preamble, &rows, &hs, &owners, &summary)?
            } else {
                write::csv_bytes_by(&plan, &preamble, &rows, &hs, &owners)?
            };
            AtomicFile::create(p, &[&a.input])?.write_all(&bytes)?;
        }
        (Out::Csv(w, target), Some(p)) => {
            w.finish()?.flush().map_err(|e| io(p, e))?;
            target.commit()?;
        }
        (Out::Xlsx(rows, hs), Some(p)) => {
            let bytes = write::xlsx(&plan, &preamble, &rows, &hs, &summary)?;
            AtomicFile::create(p, &[&a.input])?.write_all(&bytes)?;
        }
        _ => {}
    }
    Ok(Report {
        file: name,
        format,
        notes,
        mapped: plan.header_map.mapped.clone(),
        unmapped: plan.header_map.unmapped.clone(),
        duplicates: plan.header_map.duplicates.clone(),
        summary,
        errors,
        errors_not_listed,
        out: a.out.map(|p| p.display().to_string()),
        compare_summary: second_summary,
        changes,
    })
}
