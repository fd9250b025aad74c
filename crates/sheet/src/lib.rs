//! The page's second wasm module: spreadsheets in and out, and batch evaluation of every
//! household in them. Fetched only when a spreadsheet is opened or exported (normally inside the
//! batch Web Worker), so the module every page load pays for carries no xlsx code.
//!
//! A thin binding over `jingning_policy::batch` (feature `sheet`): no rule and no parsing here.
//! Failures are thrown as an `Error` with `kind` and `errors: [{ path, message }]`, like the main
//! module's.
use jingning_policy::batch::compare::compare;
use jingning_policy::batch::read::{read_file_pick, Pick, Sheet, SheetKind};
use jingning_policy::batch::village::{self, VillageBatch};
use jingning_policy::batch::village_households;
use jingning_policy::batch::{write, BatchOptions, Plan, Session};
use jingning_policy::village::input::VillageOptions;
use jingning_policy::{Failure, FieldError};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(all(not(target_feature = "atomics"), target_arch = "wasm32"))]
mod memory;

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
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| throw(&Failure::calc(format!("结果无法转换：{e}"))))
}

fn invalid(message: impl Into<String>) -> JsValue {
    throw(&Failure::invalid(vec![FieldError::new("$", message)]))
}

/// Largest options text accepted (UTF-16 code units): an indicator system is tens of KB.
const MAX_OPTIONS_CHARS: u32 = 16 * 1024 * 1024;

/// Options as JSON: a JS object or JSON text. An object is turned into text by `JSON.stringify`
/// on the JS side, so a cycle, a throwing getter or absurd nesting is a JS exception caught here
/// (named), never a walk of the object from Rust that overflows the wasm stack; NaN and ±Infinity
/// arrive as "NaN" / "Infinity" and are refused by the field they are in. See src/wasm/mod.rs
/// of the main module, which does the same.
fn options_json(v: JsValue) -> Result<serde_json::Value, JsValue> {
    if v.is_undefined() || v.is_null() {
        return Ok(serde_json::Value::Null);
    }
    let text: js_sys::JsString = if v.is_string() {
        v.clone().unchecked_into()
    } else {
        let replacer = Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(|_key: JsValue, value: JsValue| match value.as_f64() {
            Some(x) if x.is_nan() => JsValue::from_str("NaN"),
            Some(x) if x.is_infinite() => JsValue::from_str(if x > 0.0 { "Infinity" } else { "-Infinity" }),
            _ => value,
        });
        match js_sys::JSON::stringify_with_replacer(&v, replacer.as_ref()) {
            Ok(t) => t,
            Err(e) => {
                let detail = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
                return Err(invalid(format!("选项无法作为 JSON 数据读取：其中有循环引用、读取时出错的属性、BigInt 或嵌套过深的对象（{detail}）")));
            }
        }
    };
    if !text.is_string() {
        return Err(invalid("选项应为对象或 JSON 文本"));
    }
    if text.length() > MAX_OPTIONS_CHARS {
        return Err(invalid(format!("选项过大（{} 个字符，上限 {MAX_OPTIONS_CHARS}）", text.length())));
    }
    let text = String::from(text);
    if text.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    jingning_policy::decode::parse_json(&text).map_err(|f| throw(&f))
}

/// A file's bytes: a `Uint8Array` (or ArrayBuffer) within the size limit, checked before anything
/// is copied into wasm memory (a huge or bogus length once made the copy's allocation abort).
fn file_bytes(v: &JsValue) -> Result<Vec<u8>, JsValue> {
    use jingning_policy::batch::limits::{too_large, MAX_FILE_BYTES};
    let array = if let Some(a) = v.dyn_ref::<js_sys::Uint8Array>() {
        a.clone()
    } else if v.is_instance_of::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(v)
    } else {
        return Err(invalid("文件内容应为 Uint8Array"));
    };
    if u64::from(array.length()) > MAX_FILE_BYTES {
        return Err(invalid(too_large(u64::from(array.length()))));
    }
    Ok(array.to_vec())
}

/// Household options: `{ assessment_date?, region?, overrides?, params? }`.
fn options(v: JsValue) -> Result<BatchOptions, JsValue> {
    let json = options_json(v)?;
    if json.is_null() {
        return Ok(BatchOptions::default());
    }
    BatchOptions::from_json(&json).map_err(|f| throw(&f))
}

/// What opening a sheet takes, split out of one options object: the sheet and kind, the village
/// options (`indicator_system`, `county_averages`) and the rest (household options).
struct OpenOptions {
    sheet: Option<String>,
    kind: Option<SheetKind>,
    village: VillageOptions,
    household: BatchOptions,
}

fn open_options(v: JsValue) -> Result<OpenOptions, JsValue> {
    let mut map = match options_json(v)? {
        serde_json::Value::Null => serde_json::Map::new(),
        serde_json::Value::Object(m) => m,
        _ => return Err(invalid("选项应为对象")),
    };
    let sheet = match map.remove("sheet") {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err(invalid("「工作表」应为名称或序号")),
    };
    let kind = match map.remove("kind").as_ref().and_then(|k| k.as_str()) {
        None | Some("") | Some("auto") => None,
        Some("household") => Some(SheetKind::Household),
        Some("village") => Some(SheetKind::Village),
        Some(other) => return Err(invalid(format!("「表格类型」应为 auto、household 或 village，收到“{other}”"))),
    };
    let mut village = serde_json::Map::new();
    for key in ["indicator_system", "county_averages"] {
        if let Some(v) = map.remove(key) {
            village.insert(key.to_string(), v);
        }
    }
    let village = VillageOptions::from_json(&serde_json::Value::Object(village)).map_err(|f| throw(&f))?;
    let household = BatchOptions::from_json(&serde_json::Value::Object(map)).map_err(|f| throw(&f))?;
    Ok(OpenOptions { sheet, kind, village, household })
}

/// Refuses a file over the size limit before its bytes are read (the limit is data:
/// `batch::limits::MAX_FILE_BYTES`).
#[wasm_bindgen(js_name = checkFileSize)]
pub fn check_file_size(bytes: f64) -> Result<(), JsValue> {
    use jingning_policy::batch::limits::{too_large, MAX_FILE_BYTES};
    if bytes.is_nan() || bytes < 0.0 {
        return Err(invalid(format!("文件大小无效（{bytes}）")));
    }
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

/// The blank village indicator sheet (.xlsx): 村庄编号, 村名, 乡镇, 考核年度 and one column per
/// indicator of the system in use, with a 填写说明 sheet.
#[wasm_bindgen(js_name = villageTemplateXlsx)]
pub fn village_template_xlsx(#[wasm_bindgen(unchecked_param_type = "BatchOptions | string | undefined")] opts: JsValue) -> Result<Vec<u8>, JsValue> {
    let o = open_options(opts)?;
    let system = o.village.system().map_err(|f| throw(&f))?;
    write::village_template(system).map_err(|f| throw(&f))
}

/// How the file was read, for the page to show before and while evaluating.
#[derive(Serialize)]
struct Info<'a> {
    kind: SheetKind,
    format: jingning_policy::batch::read::Format,
    sheet_name: &'a Option<String>,
    sheet_names: &'a [String],
    header_row: usize,
    notes: Vec<String>,
    mapped: Vec<jingning_policy::batch::columns::MappedColumn>,
    unmapped: &'a [String],
    duplicates: &'a [String],
    result_headers: Vec<String>,
    total_rows: usize,
    /// Households the rows make (a village sheet: villages).
    households: usize,
}

#[derive(Serialize)]
struct Progress {
    done: bool,
    rows_done: usize,
    total_rows: usize,
    households: usize,
}

/// What an opened sheet is evaluated as.
enum Opened {
    Households(Box<Session>),
    Villages(Box<VillageBatch>),
}

/// One spreadsheet opened for batch evaluation: a household 台账 (evaluated a slice at a time) or
/// a village indicator sheet (scored and ranked when opened).
#[wasm_bindgen]
pub struct BatchSession {
    opened: Opened,
    sheet: Sheet,
    /// The village options it was opened with (indicator system, county averages), for
    /// [`BatchSession::village_scores`].
    village: VillageOptions,
}

#[wasm_bindgen]
impl BatchSession {
    /// Reads the file (xlsx or CSV, by content), picks the sheet (`options.sheet`, else the first
    /// whose header row is recognised), decides household or village sheet (`options.kind`, else
    /// from the headers) and matches its header row.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] bytes: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] file_name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "BatchOptions | string | undefined")] opts: JsValue,
    ) -> Result<BatchSession, JsValue> {
        // Any JS value: typed parameters made the generated glue trap or abort on a wrong one.
        let bytes = file_bytes(&bytes)?;
        let file_name = file_name.as_string().filter(|n| n.len() <= 1000).unwrap_or_default();
        let (bytes, file_name) = (bytes.as_slice(), file_name.as_str());
        let o = open_options(opts)?;
        let system = o.village.system().map_err(|f| throw(&f))?;
        let pick = Pick { sheet: o.sheet.clone(), kind: o.kind, system: Some(system) };
        let mut sheet = read_file_pick(bytes, file_name, &pick).map_err(|f| throw(&f))?;
        // A sheet read but not usable (wrong sheet?) still names the workbook's sheets, so the
        // page can offer the others.
        let with_sheets = |f: Failure, sheet: &Sheet| {
            let err = throw(&f);
            let names: js_sys::Array = sheet.sheet_names.iter().map(|n| JsValue::from_str(n)).collect();
            let _ = js_sys::Reflect::set(&err, &"sheet_names".into(), &names);
            let _ = js_sys::Reflect::set(&err, &"sheet_name".into(), &sheet.sheet_name.as_deref().map(JsValue::from_str).unwrap_or(JsValue::NULL));
            err
        };
        let opened = match o.kind.or(sheet.kind).unwrap_or(SheetKind::Household) {
            SheetKind::Household => {
                let rows = std::mem::take(&mut sheet.rows);
                match Session::new(sheet.headers.clone(), rows, o.household) {
                    Ok(s) => Opened::Households(Box::new(s)),
                    Err(f) => return Err(with_sheets(f, &sheet)),
                }
            }
            SheetKind::Village => match village::evaluate(&sheet.headers, &sheet.rows, &o.village) {
                Ok(b) => Opened::Villages(Box::new(b)),
                Err(f) => return Err(with_sheets(f, &sheet)),
            },
        };
        Ok(BatchSession { opened, sheet, village: o.village })
    }

    #[wasm_bindgen(unchecked_return_type = "BatchInfo")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let mut notes = self.sheet.notes.clone();
        let info = match &self.opened {
            Opened::Households(s) => {
                notes.extend(s.notes.iter().cloned());
                let m = &s.plan.header_map;
                Info {
                    kind: SheetKind::Household,
                    format: self.sheet.format,
                    sheet_name: &self.sheet.sheet_name,
                    sheet_names: &self.sheet.sheet_names,
                    header_row: self.sheet.header_row,
                    notes,
                    mapped: m.mapped.clone(),
                    unmapped: &m.unmapped,
                    duplicates: &m.duplicates,
                    result_headers: s.plan.result_headers().to_vec(),
                    total_rows: s.rows.len(),
                    households: s.household_count(),
                }
            }
            Opened::Villages(b) => Info {
                kind: SheetKind::Village,
                format: self.sheet.format,
                sheet_name: &self.sheet.sheet_name,
                sheet_names: &self.sheet.sheet_names,
                header_row: self.sheet.header_row,
                notes,
                mapped: b
                    .mapped
                    .iter()
                    .map(|h| jingning_policy::batch::columns::MappedColumn { header: h.clone(), template_header: h.clone(), field: String::new() })
                    .collect(),
                unmapped: &b.unmapped,
                duplicates: &[],
                result_headers: b.result_headers.clone(),
                total_rows: self.sheet.rows.len(),
                households: b.villages.len(),
            },
        };
        to_js(&info)
    }

    /// Evaluates up to `max_households` more households (a village sheet is done when opened).
    #[wasm_bindgen(unchecked_return_type = "BatchProgress")]
    pub fn step(&mut self, max_households: usize) -> Result<JsValue, JsValue> {
        let p = match &mut self.opened {
            Opened::Households(s) => {
                let done = s.step(max_households.max(1));
                Progress { done, rows_done: s.rows_done(), total_rows: s.rows.len(), households: s.households.len() }
            }
            Opened::Villages(b) => Progress { done: true, rows_done: self.sheet.rows.len(), total_rows: self.sheet.rows.len(), households: b.villages.len() },
        };
        to_js(&p)
    }

    /// Evaluates households `[from, to)` and returns them as JSON text,
    /// `{"households": BatchHousehold[], "summary": BatchSummary, "rows_done": number}`: one string
    /// crosses to JS however many households, and the page parses it once (100,000 result rows as
    /// JS objects cost ≈ 1.7 s of CPU to build and post, as JSON text ≈ 0.5 s). The page gives each Web Worker a
    /// contiguous range of the same sheet and joins ranges and summaries in order; the range that
    /// continues this session's own progress is also kept here, for exports.
    #[wasm_bindgen(js_name = evaluateRange)]
    pub fn evaluate_range(&mut self, from: usize, to: usize) -> Result<String, JsValue> {
        let Opened::Households(s) = &mut self.opened else { return Err(invalid("这是村级指标表，没有农户结果")) };
        let (households, summary, rows_done) = s.evaluate_range(from, to);
        #[derive(Serialize)]
        struct Chunk<'a> {
            households: &'a [jingning_policy::batch::HouseholdRow],
            summary: &'a jingning_policy::batch::Summary,
            rows_done: usize,
        }
        let text = serde_json::to_string(&Chunk { households: &households, summary: &summary, rows_done })
            .map_err(|e| throw(&Failure::calc(format!("结果无法转换：{e}"))))?;
        s.adopt(from, households, summary, rows_done);
        Ok(text)
    }

    fn households_session(&self) -> Result<&Session, JsValue> {
        match &self.opened {
            Opened::Households(s) => Ok(s),
            Opened::Villages(_) => Err(invalid("这是村级指标表，没有农户结果")),
        }
    }

    /// Result rows `[from, to)` evaluated so far (one per household).
    #[wasm_bindgen(unchecked_return_type = "BatchHousehold[]")]
    pub fn households(&self, from: usize, to: usize) -> Result<JsValue, JsValue> {
        let all = &self.households_session()?.households;
        let to = to.min(all.len());
        to_js(&all.get(from.min(to)..to).unwrap_or(&[]))
    }

    #[wasm_bindgen(unchecked_return_type = "BatchSummary")]
    pub fn summary(&self) -> Result<JsValue, JsValue> {
        to_js(&self.households_session()?.summary)
    }

    /// A village sheet's results: every village row (rank, total, grade, vetoes, 三类村庄
    /// suggestion, first shortfalls, errors) and the ranking.
    #[wasm_bindgen(unchecked_return_type = "BatchVillages")]
    pub fn villages(&self) -> Result<JsValue, JsValue> {
        match &self.opened {
            Opened::Villages(b) => to_js(b.as_ref()),
            Opened::Households(_) => Err(invalid("这是农户台账，不是村级指标表")),
        }
    }

    /// A household 台账's villages: each village's household-derived indicators (监测帮扶,
    /// 两不愁三保障, 控辍保学, 应保尽保, with the 户编号 behind every number) filled into its
    /// scorecard, the villages ranked, and the county view.
    #[wasm_bindgen(js_name = villageScores, unchecked_return_type = "BatchHouseholdVillages")]
    pub fn village_scores(&self) -> Result<JsValue, JsValue> {
        let s = self.households_session()?;
        to_js(&village_households::evaluate(&s.plan.headers, &s.rows, s.plan.options(), &self.village, None).map_err(|f| throw(&f))?)
    }

    /// Evaluates whatever households this session has not (the ranges other workers did), so an
    /// export always holds every household.
    fn complete(&mut self) {
        if let Opened::Households(s) = &mut self.opened {
            s.run();
        }
    }

    /// The results as CSV (UTF-8 with BOM): original columns unchanged, result columns
    /// (【核查】 or 【考核】) added.
    #[wasm_bindgen(js_name = exportCsv)]
    pub fn export_csv(&mut self) -> Result<Vec<u8>, JsValue> {
        self.complete();
        match &self.opened {
            Opened::Households(s) => write::csv_bytes_by(&s.plan, &self.sheet.preamble, &s.rows, &s.households, &s.owners()),
            Opened::Villages(b) => write::table(&self.sheet.headers, &self.sheet.preamble, &self.sheet.rows, &b.result_headers, &b.results, false),
        }
        .map_err(|f| throw(&f))
    }

    /// The results as xlsx (households: with a 汇总 sheet).
    #[wasm_bindgen(js_name = exportXlsx)]
    pub fn export_xlsx(&mut self) -> Result<Vec<u8>, JsValue> {
        self.complete();
        match &self.opened {
            Opened::Households(s) => write::xlsx_by(&s.plan, &self.sheet.preamble, &s.rows, &s.households, &s.owners(), &s.summary),
            Opened::Villages(b) => write::table(&self.sheet.headers, &self.sheet.preamble, &self.sheet.rows, &b.result_headers, &b.results, true),
        }
        .map_err(|f| throw(&f))
    }

    /// Evaluates the same rows under other options (another assessment date, which replaces the
    /// sheet's 核查日期 column, or overrides) and lists the households whose result columns change.
    #[wasm_bindgen(unchecked_return_type = "BatchChange[]")]
    pub fn compare(&self, #[wasm_bindgen(unchecked_param_type = "BatchOptions | string")] other: JsValue) -> Result<JsValue, JsValue> {
        let s = self.households_session()?;
        // The date asked for is the comparison: it wins over the sheet's 核查日期 column.
        let mut other = options(other)?;
        other.date_wins = other.assessment_date.is_some();
        let plan = Plan::new(s.plan.headers.clone(), other).map_err(|f| throw(&f))?;
        let mut second = Session::new(plan.headers.clone(), s.rows.clone(), plan.options().clone()).map_err(|f| throw(&f))?;
        second.run();
        to_js(&compare(s.plan.result_headers(), &s.households, &second.households))
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = r#"
/** Options of a batch run. */
export interface BatchOptions {
  /** 核查日期 YYYY-MM-DD，表中没有「核查日期」列时使用（农户台账） */
  assessment_date?: string;
  region?: string;
  overrides?: Record<string, string | number>;
  params?: unknown;
  /** .xlsx 的工作表：名称或序号（从 1 起）；默认为第一个表头可识别的工作表 */
  sheet?: string | number;
  /** 农户台账或村级指标表；默认按表头自动识别 */
  kind?: "auto" | BatchKind;
  /** 村级指标表：指标体系（默认内置） */
  indicator_system?: unknown;
  /** 村级指标表：全县平均值 { 指标编号: 数值 } */
  county_averages?: Record<string, string | number>;
}
export type BatchKind = "household" | "village";
export interface BatchMappedColumn { header: string; template_header: string; field: string; }
export interface BatchInfo {
  kind: BatchKind;
  format: "csv" | "xlsx";
  sheet_name: string | null;
  /** 工作簿中全部工作表（CSV 为空） */
  sheet_names: string[];
  header_row: number;
  notes: string[];
  mapped: BatchMappedColumn[];
  unmapped: string[];
  duplicates: string[];
  result_headers: string[];
  total_rows: number;
  /** 农户台账：户数；村级指标表：村数 */
  households: number;
}
/** What `BatchSession.evaluateRange` returns, as JSON text. */
export interface BatchRange { households: BatchHousehold[]; summary: BatchSummary; rows_done: number; }
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
  measure: string; title: string; applies: number;
  /** 待认定：认定（如纳入低保）后才符合的户数 */
  once_recognised: number;
  does_not_apply: number; cannot_decide: number;
  categories: { label: string; count: number }[];
}
export interface BatchSummary {
  rows: number; households: number; evaluated: number; with_errors: number;
  single_member: number; incomplete: number;
  measures: BatchMeasureCount[];
  unverified: string[];
}
export interface BatchVillageShortfall { name: string; /** 可得回的分 */ regain: string; }
export interface BatchVillageRow {
  row: number;
  id: string | null;
  name: string | null;
  township: string | null;
  ok: boolean;
  rank: number | null;
  total: string | null;
  grade: string | null;
  vetoes: string[];
  class_label: string | null;
  shortfalls: BatchVillageShortfall[];
  missing: number;
  errors: BatchRowError[];
}
export interface BatchCount { key: string; label: string; count: number; }
export interface BatchVillages {
  mapped: string[];
  unmapped: string[];
  result_headers: string[];
  results: string[][];
  villages: BatchVillageRow[];
  errors: BatchRowError[];
  /** The village engine's ranking (rankVillages) of the villages read without error */
  ranking: {
    count: number;
    ranking_rule: string;
    system: { id: string; name: string; year: number; builtin: boolean };
    grades: BatchCount[];
    classes: BatchCount[];
  } | null;
}
export interface BatchDerivedValue {
  indicator: string; name: string;
  /** 填入考核的值（十进制文本）；台账中没有可计的户时为 null（未评） */
  value: string | null;
  numerator: number; denominator: number;
  /** 如何计得，中文 */
  working: string;
  /** 计入的户（户编号） */
  households: string[];
  /** 造成差距的户（未落实帮扶、有缺口、辍学、未纳入低保特困） */
  gaps: string[];
  /** 无法判断的户 */
  unknown: string[];
  filled: boolean;
}
export interface BatchDerivedVillage {
  village: string; households: number; with_errors: string[];
  values: BatchDerivedValue[];
  /** 核查认定为监测对象但尚未纳入监测的户 */
  monitoring_gaps: string[];
}
export interface BatchHouseholdVillages {
  households: number;
  villages: BatchDerivedVillage[];
  unassigned: string[];
  notes: string[];
  /** rankVillages 的结果（含每村完整考核结果与全县视图）；类型见 jingning_policy.d.ts 的 Ranking */
  ranking: unknown;
  sheet: BatchVillages | null;
}
export interface BatchChange {
  first_row: number; key: string | null; head_name: string | null; village: string | null;
  changes: { column: string; before: string; after: string }[];
}
"#;
