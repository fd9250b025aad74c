//! `jingning batch FILE`: a whole file evaluated natively, results written to CSV or xlsx, and a
//! JSON report (columns mapped and not, summary counts, row errors, and with `--compare` the
//! households whose decisions change under the second parameter set).
use super::compare::{compare, Change};
use super::household::{BatchOptions, HouseholdRow, Plan, Row, RowError};
use super::limits::{too_large, MAX_FILE_BYTES};
use super::read::{detect, fail, read_xlsx, Format};
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
    Csv(Box<CsvOut<BufWriter<File>>>),
    Xlsx(Vec<Row>, Vec<HouseholdRow>),
}

fn io(path: &std::path::Path, e: std::io::Error) -> Failure {
    fail(format!("无法读写文件 {}：{e}", path.display()))
}

pub fn run_file(a: RunArgs) -> Result<Report, Failure> {
    let name = a.input.display().to_string();
    let mut file = File::open(&a.input).map_err(|e| io(&a.input, e))?;
    let mut magic = [0u8; 8];
    let n = file.read(&mut magic).map_err(|e| io(&a.input, e))?;
    if n == 0 {
        return Err(fail("文件是空的（0 字节）"));
    }
    let format = detect(&magic[..n], &name)?;
    type Rows = Box<dyn Iterator<Item = Result<Row, Failure>>>;
    let (plan, rows, preamble, notes): (Plan, Rows, Vec<Row>, Vec<String>) = match format {
        Format::Xlsx => {
            let len = std::fs::metadata(&a.input).map_err(|e| io(&a.input, e))?.len();
            if len > MAX_FILE_BYTES {
                return Err(fail(too_large(len)));
            }
            let bytes = std::fs::read(&a.input).map_err(|e| io(&a.input, e))?;
            let sheet = read_xlsx(&bytes)?;
            let plan = Plan::new(sheet.headers, a.options)?;
            (plan, Box::new(sheet.rows.into_iter().map(Ok)), sheet.preamble, sheet.notes)
        }
        Format::Csv => {
            let input = BufReader::with_capacity(1 << 16, File::open(&a.input).map_err(|e| io(&a.input, e))?);
            let (plan, rows, pre) = open_csv(input, a.options)?;
            (plan, Box::new(rows), pre.rows, pre.notes)
        }
    };
    let second = a.compare.map(|o| Plan::new(plan.headers.clone(), o)).transpose()?;
    let mut out = match &a.out {
        None => Out::None,
        Some(p) if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) => Out::Xlsx(Vec::new(), Vec::new()),
        Some(p) => Out::Csv(Box::new(CsvOut::new(BufWriter::with_capacity(1 << 16, File::create(p).map_err(|e| io(p, e))?), &plan, &preamble)?)),
    };
    let mut errors: Vec<String> = Vec::new();
    let mut errors_not_listed = 0;
    let mut second_summary = second.as_ref().map(|p| Summary::new(p.measures()));
    let mut changes = second.as_ref().map(|_| Vec::new());
    let headers = plan.result_headers();
    let summary = drive(&plan, rows, |g, h, _| {
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
            Out::Csv(w) => g.rows.iter().try_for_each(|r| w.row(&plan, r, Some(h))),
            Out::Xlsx(rows, hs) => {
                rows.extend(g.rows.iter().cloned());
                hs.push(h.clone());
                Ok(())
            }
        }
    })?;
    match (out, &a.out) {
        (Out::Csv(w), Some(p)) => {
            w.finish()?.flush().map_err(|e| io(p, e))?;
        }
        (Out::Xlsx(rows, hs), Some(p)) => {
            let bytes = write::xlsx(&plan, &preamble, &rows, &hs, &summary)?;
            std::fs::write(p, bytes).map_err(|e| io(p, e))?;
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
