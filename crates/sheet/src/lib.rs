//! The page's second wasm module: spreadsheets in and out, and batch evaluation of every
//! household in them. Fetched only when a spreadsheet is opened or exported (normally inside the
//! batch Web Worker), so the module every page load pays for carries no xlsx code.
//!
//! A thin binding over `jingning_policy::batch` (feature `sheet`): no rule and no parsing here.
//! Failures are thrown as an `Error` with `kind` and `errors: [{ path, message }]`, like the main
//! module's.
use jingning_policy::batch::compare::compare;
use jingning_policy::batch::read::{read_file, Sheet};
use jingning_policy::batch::{write, BatchOptions, Plan, Session};
use jingning_policy::Failure;
use serde::Serialize;
use wasm_bindgen::prelude::*;

fn throw(f: &Failure) -> JsValue {
    let err = js_sys::Error::new(&f.describe());
    let (kind, errors) = match f {
        Failure::Invalid { errors } => ("invalid", serde_wasm_bindgen::to_value(errors).unwrap_or(JsValue::NULL)),
        Failure::Calculation { .. } => ("calculation", js_sys::Array::new().into()),
    };
    let _ = js_sys::Reflect::set(&err, &"kind".into(), &kind.into());
    let _ = js_sys::Reflect::set(&err, &"errors".into(), &errors);
    err.into()
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| throw(&Failure::calc(format!("结果无法转换：{e}"))))
}

/// Options: a JS object or JSON text, `{ assessment_date?, region?, overrides?, params? }`.
fn options(v: JsValue) -> Result<BatchOptions, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(BatchOptions::default());
    }
    if let Some(text) = v.as_string() {
        return BatchOptions::from_text(&text).map_err(|f| throw(&f));
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(v)
        .map_err(|e| throw(&Failure::invalid(vec![jingning_policy::FieldError::new("$", format!("选项无法读取：{e}"))])))?;
    BatchOptions::from_json(&json).map_err(|f| throw(&f))
}

/// Refuses a file over the size limit before its bytes are read (the limit is data:
/// `batch::limits::MAX_FILE_BYTES`).
#[wasm_bindgen(js_name = checkFileSize)]
pub fn check_file_size(bytes: f64) -> Result<(), JsValue> {
    use jingning_policy::batch::limits::{too_large, MAX_FILE_BYTES};
    if bytes > MAX_FILE_BYTES as f64 {
        return Err(throw(&Failure::invalid(vec![jingning_policy::FieldError::new("$", too_large(bytes as u64))])));
    }
    Ok(())
}

/// The blank household template (.xlsx, Chinese headers and a 填写说明 sheet).
#[wasm_bindgen(js_name = templateXlsx)]
pub fn template_xlsx() -> Result<Vec<u8>, JsValue> {
    write::template().map_err(|f| throw(&f))
}

/// How the file was read, for the page to show before and while evaluating.
#[derive(Serialize)]
struct Info<'a> {
    format: jingning_policy::batch::read::Format,
    sheet_name: &'a Option<String>,
    header_row: usize,
    notes: &'a [String],
    mapped: &'a [jingning_policy::batch::columns::MappedColumn],
    unmapped: &'a [String],
    duplicates: &'a [String],
    result_headers: Vec<String>,
    total_rows: usize,
}

#[derive(Serialize)]
struct Progress {
    done: bool,
    rows_done: usize,
    total_rows: usize,
    households: usize,
}

/// One spreadsheet opened for batch evaluation.
#[wasm_bindgen]
pub struct BatchSession {
    session: Session,
    sheet: Sheet,
}

#[wasm_bindgen]
impl BatchSession {
    /// Reads the file (xlsx or CSV, by content) and matches its header row.
    #[wasm_bindgen(constructor)]
    pub fn new(
        bytes: &[u8],
        file_name: &str,
        #[wasm_bindgen(unchecked_param_type = "BatchOptions | string | undefined")] opts: JsValue,
    ) -> Result<BatchSession, JsValue> {
        let opts = options(opts)?;
        let mut sheet = read_file(bytes, file_name).map_err(|f| throw(&f))?;
        let rows = std::mem::take(&mut sheet.rows);
        let session = Session::new(sheet.headers.clone(), rows, opts).map_err(|f| throw(&f))?;
        Ok(BatchSession { session, sheet })
    }

    #[wasm_bindgen(unchecked_return_type = "BatchInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let m = &self.session.plan.header_map;
        to_js(&Info {
            format: self.sheet.format,
            sheet_name: &self.sheet.sheet_name,
            header_row: self.sheet.header_row,
            notes: &self.sheet.notes,
            mapped: &m.mapped,
            unmapped: &m.unmapped,
            duplicates: &m.duplicates,
            result_headers: self.session.plan.result_headers().to_vec(),
            total_rows: self.session.rows.len(),
        })
    }

    /// Evaluates up to `max_households` more households.
    #[wasm_bindgen(unchecked_return_type = "BatchProgress")]
    pub fn step(&mut self, max_households: usize) -> Result<JsValue, JsValue> {
        let done = self.session.step(max_households.max(1));
        to_js(&Progress {
            done,
            rows_done: self.session.rows_done(),
            total_rows: self.session.rows.len(),
            households: self.session.households.len(),
        })
    }

    /// Result rows `[from, to)` evaluated so far (one per household).
    #[wasm_bindgen(unchecked_return_type = "BatchHousehold[]")]
    pub fn households(&self, from: usize, to: usize) -> Result<JsValue, JsValue> {
        let all = &self.session.households;
        let to = to.min(all.len());
        to_js(&all.get(from.min(to)..to).unwrap_or(&[]))
    }

    #[wasm_bindgen(unchecked_return_type = "BatchSummary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.session.summary)
    }

    /// The results as CSV (UTF-8 with BOM): original columns unchanged, 【核查】 columns added.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&self) -> Result<Vec<u8>, JsValue> {
        write::csv_bytes(&self.session.plan, &self.sheet.preamble, &self.session.rows, &self.session.households).map_err(|f| throw(&f))
    }

    /// The results as xlsx, with a 汇总 sheet.
    #[wasm_bindgen(js_name = exportXlsx)]
    pub fn export_xlsx(&self) -> Result<Vec<u8>, JsValue> {
        let s = &self.session;
        write::xlsx(&s.plan, &self.sheet.preamble, &s.rows, &s.households, &s.summary).map_err(|f| throw(&f))
    }

    /// Evaluates the same rows under other options (another assessment date or overrides) and
    /// lists the households whose result columns change.
    #[wasm_bindgen(unchecked_return_type = "BatchChange[]")]
    pub fn compare(
        &self,
        #[wasm_bindgen(unchecked_param_type = "BatchOptions | string")] other: JsValue,
    ) -> Result<JsValue, JsValue> {
        let plan = Plan::new(self.session.plan.headers.clone(), options(other)?).map_err(|f| throw(&f))?;
        let mut second = Session::new(plan.headers.clone(), self.session.rows.clone(), plan.options().clone()).map_err(|f| throw(&f))?;
        second.run();
        to_js(&compare(self.session.plan.result_headers(), &self.session.households, &second.households))
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = r#"
/** Options of a batch run. */
export interface BatchOptions {
  /** 核查日期 YYYY-MM-DD，表中没有「核查日期」列时使用 */
  assessment_date?: string;
  region?: string;
  overrides?: Record<string, string | number>;
  params?: unknown;
}
export interface BatchMappedColumn { header: string; template_header: string; field: string; }
export interface BatchInfo {
  format: "csv" | "xlsx";
  sheet_name: string | null;
  header_row: number;
  notes: string[];
  mapped: BatchMappedColumn[];
  unmapped: string[];
  duplicates: string[];
  result_headers: string[];
  total_rows: number;
}
export interface BatchProgress { done: boolean; rows_done: number; total_rows: number; households: number; }
export interface BatchRowError { row: number; column: string; message: string; }
export interface BatchHousehold {
  first_row: number;
  last_row: number;
  key: string | null;
  head_name: string | null;
  village: string | null;
  members: number;
  ok: boolean;
  /** The result columns (result_headers without the last, 错误) */
  values: string[];
  errors: BatchRowError[];
}
export interface BatchMeasureCount {
  measure: string; title: string; applies: number; does_not_apply: number; cannot_decide: number;
  categories: { label: string; count: number }[];
}
export interface BatchSummary {
  rows: number; households: number; evaluated: number; with_errors: number;
  single_member: number; incomplete: number;
  measures: BatchMeasureCount[];
  unverified: string[];
}
export interface BatchChange {
  first_row: number; key: string | null; head_name: string | null; village: string | null;
  changes: { column: string; before: string; after: string }[];
}
"#;
