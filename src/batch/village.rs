//! A township's village indicator sheet: one row per village, one column per indicator (headed by
//! the indicator's Chinese name or id in the indicator system in use — the system is the column
//! table, so a county's own system brings its own columns). Each row becomes the same
//! `jingning.village-input/1` document the village engine reads; the villages are scored and
//! ranked together by the engine (`village::rank`), and each row gets its rank, total, grade,
//! vetoes, class and first shortfalls. No scoring rule lives here.
use super::cell::{self, Cell};
use super::columns::{self, normalise};
use super::row::{Row, RowError};
use crate::error::{Failure, FieldError};
use crate::village::assess::read_village;
use crate::village::input::VillageOptions;
use crate::village::rank::{rank, Ranking};
use crate::village::system::IndicatorSystem;
use rust_decimal::Decimal;
use serde::Serialize;
use serde_json::{Map, Value};

/// Prefix of the columns a village run adds (skipped when a result file is read again).
pub const RESULT_PREFIX: &str = "【考核】";

/// Fixed columns besides the indicators: (field, template header, aliases, meaning).
pub const FIXED: &[(&str, &str, &[&str], &str)] = &[
    ("id", "村庄编号", &["村编号", "行政区划代码", "村代码", "编号"], "必填；每村唯一，如 12 位行政区划代码"),
    ("name", "村名", &["村庄名称", "行政村", "村", "村庄"], "必填"),
    ("township", "乡镇", &["所属乡镇", "乡（镇）", "乡镇名称"], "可不填"),
    ("year", "考核年度", &["年度", "年份"], "可不填；如 2024（决定有完成年限的目标是否到期）"),
    (
        "five_type",
        "五类村庄",
        &["五类村庄类型", "村庄类型（五类）", "村庄分类"],
        "可不填；集聚提升型、城郊融合型、特色保护型、搬迁撤并型、暂时看不准型（县里村庄布局规划确定）",
    ),
    ("demonstration", "乡村振兴示范村", &["示范村", "示范村级别"], "可不填；省级示范村、市级示范村、县级示范村"),
    ("provincial_clean_village", "省级清洁村庄", &["清洁村庄"], "可不填；是/否"),
];

/// Header prefix of a county-average column (`全县平均：脱贫人口人均纯收入增速`): the value is
/// entered once (any row; blank rows take it) and used for every village of the sheet.
pub const AVERAGE_PREFIX: &str = "全县平均：";

/// Result columns, after the prefix.
const RESULT_COLUMNS: [&str; 7] = ["名次", "总分", "等级", "否决", "三类村庄建议", "主要失分", "错误"];

/// Shortfalls shown per village (the engine orders them by points to regain).
const SHORTFALLS_SHOWN: usize = 3;

/// One mapped column.
#[derive(Debug, Clone)]
struct Col {
    index: usize,
    /// `id`, `name`, `township`, `year`, …, `values.<indicator id>` or `county_averages.<id>`.
    field: String,
    yes_no: bool,
}

/// How a header row maps onto the fixed columns and the indicators of a system.
#[derive(Debug, Clone)]
pub struct VillageColumns {
    cols: Vec<Col>,
    pub mapped: Vec<String>,
    pub unmapped: Vec<String>,
}

impl VillageColumns {
    pub fn indicators(&self) -> usize {
        self.cols.iter().filter(|c| c.field.starts_with("values.")).count()
    }

    fn has(&self, field: &str) -> bool {
        self.cols.iter().any(|c| c.field == field)
    }
}

/// Matches a header row against the fixed columns and the system's indicator names and ids
/// (spaces, stars and a bracketed unit ignored).
pub fn map_columns(headers: &[String], system: &IndicatorSystem) -> VillageColumns {
    let mut out = VillageColumns { cols: Vec::new(), mapped: Vec::new(), unmapped: Vec::new() };
    // Names are normalised once, not once per header: a sheet is often tried against every header
    // row candidate, and this was the reader's hot spot.
    let fixed_names = fixed_names();
    let indicator_names: Vec<String> = system.indicators.iter().map(|x| normalise(&x.name)).collect();
    for (i, h) in headers.iter().enumerate() {
        let n = normalise(h);
        if n.is_empty() || columns::is_result_header(h) {
            continue;
        }
        // A trailing bracketed unit is dropped: `…比例(%)` → `…比例`; brackets inside a name
        // (`自然村(组)通硬化路`) stay.
        let bare = match (n.ends_with([')', '）']), n.rfind(['(', '（'])) {
            (true, Some(i)) if i > 0 => n[..i].to_string(),
            _ => n.clone(),
        };
        // 全县平均：<indicator> (also `全县平均:`, `全县平均-`): a county-average column.
        if let Some(rest) = bare.strip_prefix("全县平均") {
            let rest = rest.trim_start_matches([':', '：', '-', '·', '—']);
            let hit =
                system.indicators.iter().zip(&indicator_names).find(|(x, name)| x.uses_county_average() && (*name == rest || x.id == rest)).map(|(x, _)| x);
            match hit {
                Some(x) if !out.has(&format!("county_averages.{}", x.id)) => {
                    out.cols.push(Col { index: i, field: format!("county_averages.{}", x.id), yes_no: false });
                    out.mapped.push(h.trim().to_string());
                }
                _ => out.unmapped.push(h.trim().to_string()),
            }
            continue;
        }
        let same = |a: &str| a == n || a == bare;
        let fixed = fixed_names.iter().find(|(_, names)| names.iter().any(|a| same(a))).map(|(k, _)| &FIXED[*k]);
        let ind = system.indicators.iter().zip(&indicator_names).find(|(x, name)| same(name) || x.id.to_lowercase() == n).map(|(x, _)| x);
        let field = match (fixed, ind) {
            (Some((f, _, _, _)), _) => Some(((*f).to_string(), false)),
            (None, Some(x)) => Some((format!("values.{}", x.id), x.takes_yes_no())),
            _ => None,
        };
        match field {
            Some((f, _)) if out.has(&f) => out.unmapped.push(h.trim().to_string()),
            Some((field, yes_no)) => {
                out.cols.push(Col { index: i, field, yes_no });
                out.mapped.push(h.trim().to_string());
            }
            None => out.unmapped.push(h.trim().to_string()),
        }
    }
    out
}

/// How much a header row looks like a village indicator sheet: the columns recognised, or 0
/// without any indicator column or without a 村名 / 村庄编号 column.
/// Each fixed column's header and aliases, normalised (index into `FIXED`, names).
fn fixed_names() -> &'static [(usize, Vec<String>)] {
    static NAMES: std::sync::OnceLock<Vec<(usize, Vec<String>)>> = std::sync::OnceLock::new();
    NAMES
        .get_or_init(|| FIXED.iter().enumerate().map(|(k, (_, hd, al, _))| (k, std::iter::once(hd).chain(al.iter()).map(|a| normalise(a)).collect())).collect())
}

pub fn header_score(headers: &[String], system: &IndicatorSystem) -> usize {
    let m = map_columns(headers, system);
    if m.indicators() == 0 || !(m.has("name") || m.has("id")) {
        return 0;
    }
    m.cols.len()
}

/// What the sheet says about one village (one non-blank data row).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VillageRow {
    /// Sheet row number.
    pub row: usize,
    /// 村庄编号, 村名, 乡镇 as written.
    pub id: Option<String>,
    pub name: Option<String>,
    pub township: Option<String>,
    /// Scored and ranked (no error in its row).
    pub ok: bool,
    /// 名次 (ties share a rank; vetoed villages rank after the others).
    pub rank: Option<u32>,
    /// 总分, as a decimal string.
    pub total: Option<String>,
    /// 等级.
    pub grade: Option<String>,
    /// 否决项: the names of the veto indicators missed.
    pub vetoes: Vec<String>,
    /// 三类村庄建议.
    pub class_label: Option<String>,
    /// 主要失分: the indicators worth fixing first (most points to regain).
    pub shortfalls: Vec<VillageShortfall>,
    /// Indicators without a value.
    pub missing: usize,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VillageShortfall {
    pub name: String,
    /// Points to regain, as a decimal string.
    pub regain: String,
}

/// The result of a village sheet.
#[derive(Debug, Clone, Serialize)]
pub struct VillageBatch {
    pub mapped: Vec<String>,
    pub unmapped: Vec<String>,
    /// Result headers (【考核】…), then one row of values per data row (empty for blank rows).
    pub result_headers: Vec<String>,
    pub results: Vec<Vec<String>>,
    /// One per non-blank data row, in sheet order.
    pub villages: Vec<VillageRow>,
    pub errors: Vec<RowError>,
    /// Ranking of the villages read without error.
    pub ranking: Option<Ranking>,
}

fn cell_text(row: &Row, cols: &VillageColumns, field: &str) -> Option<String> {
    let c = cols.cols.iter().find(|c| c.field == field)?;
    row.cells.get(c.index).filter(|c| !c.is_empty()).map(cell::text)
}

/// One row as a `jingning.village-input/1` document.
fn document(row: &Row, cols: &VillageColumns) -> Value {
    let mut doc = Map::new();
    doc.insert("schema".into(), Value::String("jingning.village-input/1".into()));
    let mut values = Map::new();
    for c in &cols.cols {
        let cell = row.cells.get(c.index).unwrap_or(&Cell::Empty);
        if cell.is_empty() {
            continue;
        }
        if let Some(id) = c.field.strip_prefix("county_averages.") {
            let averages = doc.entry("county_averages").or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = averages {
                m.insert(id.to_string(), Value::String(number_cell(cell)));
            }
            continue;
        }
        match c.field.strip_prefix("values.") {
            Some(id) => {
                let v = match cell {
                    _ if c.yes_no => cell::boolean(cell),
                    _ => number_cell(cell),
                };
                values.insert(id.to_string(), Value::String(v));
            }
            None if c.field == "year" => {
                doc.insert(c.field.clone(), Value::String(cell::number(cell)));
            }
            None => {
                doc.insert(c.field.clone(), Value::String(cell::text(cell)));
            }
        }
    }
    doc.insert("values".into(), Value::Object(values));
    Value::Object(doc)
}

/// A numeric cell as decimal text: `35%` means 35 (the indicators' units are per cent).
fn number_cell(c: &Cell) -> String {
    match c {
        Cell::Number(x) => cell::number_text(*x),
        _ => cell::number(&Cell::Text(cell::text(c).trim().trim_end_matches(['%', '％']).into())),
    }
}

/// Scores and ranks the villages of a sheet.
pub fn evaluate(headers: &[String], rows: &[Row], opts: &VillageOptions) -> Result<VillageBatch, Failure> {
    evaluate_filled(headers, rows, opts, &mut |_| {}, false)
}

/// [`evaluate`], letting `fill` complete each row's document before it is read (the values a
/// household 台账 yields, [`super::village_households`]). With a fill, the ranking keeps every
/// village's full assessment.
pub fn evaluate_filled(
    headers: &[String],
    rows: &[Row],
    opts: &VillageOptions,
    fill: &mut dyn FnMut(&mut Map<String, Value>),
    keep_assessments: bool,
) -> Result<VillageBatch, Failure> {
    let system = opts.system()?;
    let cols = map_columns(headers, system);
    if cols.indicators() == 0 {
        return Err(Failure::invalid(vec![FieldError::new(
            "$",
            format!("表头中没有可识别的考核指标列：请用指标体系「{}」中的指标名称（或编号）作表头，或下载村级指标表模板", system.name),
        )]));
    }
    if rows.iter().all(Row::is_empty) {
        return Err(Failure::invalid(vec![FieldError::new("$", "表中只有表头，没有数据行")]));
    }
    let header_of =
        |field: &str| cols.cols.iter().find(|c| c.field == field).and_then(|c| headers.get(c.index)).map(|h| h.trim().to_string()).unwrap_or_default();
    let mut inputs: Vec<crate::village::input::VillageInput> = Vec::new();
    let mut placed: Vec<usize> = Vec::new(); // index in `villages` of each input
    let mut villages: Vec<VillageRow> = Vec::new();
    let mut results = vec![Vec::new(); rows.len()];
    let mut row_index = Vec::new(); // index in `rows` of each village row
                                    // County averages are entered once: a row that leaves one blank takes the sheet's value.
    let mut sheet_averages: Map<String, Value> = Map::new();
    let mut first_row_of: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    let mut average_errors: Vec<RowError> = Vec::new();
    for row in rows.iter().filter(|r| !r.is_empty()) {
        if let Some(Value::Object(m)) = document(row, &cols).get("county_averages") {
            for (k, v) in m {
                match sheet_averages.get(k) {
                    None => {
                        sheet_averages.insert(k.clone(), v.clone());
                        first_row_of.insert(k.clone(), row.number);
                    }
                    Some(old) if old != v => average_errors.push(RowError {
                        row: row.number,
                        column: header_of(&format!("county_averages.{k}")),
                        message: format!(
                            "全县平均值应全表一致：本行为 {}，第 {} 行为 {}",
                            show_json(v),
                            first_row_of.get(k).copied().unwrap_or(0),
                            show_json(old)
                        ),
                    }),
                    _ => {}
                }
            }
        }
    }
    for (ri, row) in rows.iter().enumerate() {
        if row.is_empty() {
            continue;
        }
        let mut v = VillageRow {
            row: row.number,
            id: cell_text(row, &cols, "id"),
            name: cell_text(row, &cols, "name"),
            township: cell_text(row, &cols, "township"),
            ok: false,
            rank: None,
            total: None,
            grade: None,
            vetoes: Vec::new(),
            class_label: None,
            shortfalls: Vec::new(),
            missing: 0,
            errors: Vec::new(),
        };
        let mut doc = document(row, &cols);
        if let Value::Object(m) = &mut doc {
            if !sheet_averages.is_empty() {
                let averages = m.entry("county_averages").or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(a) = averages {
                    for (k, v) in &sheet_averages {
                        a.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
            }
            fill(m);
        }
        v.errors.extend(average_errors.iter().filter(|e| e.row == row.number).cloned());
        match read_village(&doc, opts) {
            Ok(_) if !v.errors.is_empty() => {}
            Ok(input) => {
                let twin: Option<&VillageRow> = inputs.iter().zip(&placed).find(|(w, _)| w.id == input.id).and_then(|(_, i)| villages.get(*i));
                if let Some(w) = twin {
                    v.errors.push(RowError {
                        row: row.number,
                        column: header_of("id"),
                        message: format!("村庄编号「{}」与第 {} 行重复：每村一行、编号唯一", input.id, w.row),
                    });
                } else {
                    v.ok = true;
                    placed.push(villages.len());
                    inputs.push(input);
                }
            }
            Err(Failure::Invalid { errors }) => v.errors.extend(errors.into_iter().map(|e| {
                let field = e.path.trim_start_matches("$.").to_string();
                RowError { row: row.number, column: header_of(&field), message: e.message }
            })),
            Err(f) => return Err(f),
        }
        villages.push(v);
        row_index.push(ri);
    }
    let ranking = if inputs.is_empty() {
        None
    } else {
        let mut o = opts.clone();
        o.include_assessments = true;
        let mut r = rank(&inputs, &o)?;
        let assessments = r.assessments.take().unwrap_or_default();
        // The ranking lists villages best first; assessments are in input order.
        for (k, a) in assessments.iter().enumerate() {
            let Some(v) = placed.get(k).and_then(|i| villages.get_mut(*i)) else { continue };
            let Some(row) = r.rows.iter().find(|x| x.village_id == a.village_id) else { continue };
            v.rank = Some(row.rank);
            v.total = Some(row.total.to_string());
            v.grade = Some(row.grade.clone());
            v.class_label = Some(row.class_label.clone());
            v.vetoes = a.vetoes.iter().map(|x| x.name.clone()).collect();
            v.shortfalls = a.shortfalls.iter().take(SHORTFALLS_SHOWN).map(|s| VillageShortfall { name: s.name.clone(), regain: show(s.regain) }).collect();
            v.missing = a.missing.len();
        }
        if keep_assessments {
            r.assessments = Some(assessments);
        }
        Some(r)
    };
    for (v, ri) in villages.iter().zip(&row_index) {
        if let Some(slot) = results.get_mut(*ri) {
            *slot = result_cells(v);
        }
    }
    let errors = villages.iter().flat_map(|v| v.errors.iter().cloned()).collect();
    Ok(VillageBatch { mapped: cols.mapped, unmapped: cols.unmapped, result_headers: result_headers(), results, villages, errors, ranking })
}

pub fn result_headers() -> Vec<String> {
    RESULT_COLUMNS.iter().map(|h| format!("{RESULT_PREFIX}{h}")).collect()
}

fn show_json(v: &Value) -> String {
    v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())
}

fn show(x: Decimal) -> String {
    x.normalize().to_string()
}

/// The result cells of one village row.
fn result_cells(v: &VillageRow) -> Vec<String> {
    let shortfalls: Vec<String> = v.shortfalls.iter().map(|s| format!("{} 可得回 {} 分", s.name, s.regain)).collect();
    let errors: Vec<String> = v.errors.iter().map(|e| e.message.clone()).collect();
    vec![
        v.rank.map(|r| r.to_string()).unwrap_or_default(),
        v.total.clone().unwrap_or_default(),
        v.grade.clone().unwrap_or_default(),
        v.vetoes.join("、"),
        v.class_label.clone().unwrap_or_default(),
        shortfalls.join("；"),
        errors.join("；"),
    ]
}

/// Template headers of a village sheet for a system: the fixed columns, then each indicator's
/// name with its unit in brackets (ignored when read).
pub fn template_headers(system: &IndicatorSystem) -> Vec<String> {
    let mut out: Vec<String> = FIXED.iter().map(|(_, h, _, _)| h.to_string()).collect();
    out.extend(template_indicators(system).map(indicator_header));
    out.extend(average_indicators(system).map(|i| format!("{AVERAGE_PREFIX}{}", indicator_header(i))));
    out
}

/// The indicators a village sheet asks for: the village-level ones (county statistics are not
/// supplied per village).
pub fn template_indicators(system: &IndicatorSystem) -> impl Iterator<Item = &crate::village::system::Indicator> {
    system.indicators.iter().filter(|i| i.scope == crate::village::system::Scope::Village)
}

/// Indicators compared with a county average (one 全县平均 column each in the template).
pub fn average_indicators(system: &IndicatorSystem) -> impl Iterator<Item = &crate::village::system::Indicator> {
    template_indicators(system).filter(|i| i.uses_county_average())
}

/// An indicator's column header: its name, with the unit in brackets (ignored when read).
pub fn indicator_header(i: &crate::village::system::Indicator) -> String {
    if i.unit.is_empty() || i.takes_yes_no() {
        i.name.clone()
    } else {
        format!("{}（{}）", i.name, i.unit)
    }
}
