//! A township's village indicator sheet: one row per village, one column per indicator (headed by
//! the indicator's Chinese name or id in the indicator system in use — the system is the column
//! table, so a county's own system brings its own columns). Each row becomes the same
//! `jingning.village-input/1` document the village engine reads; the villages are scored and
//! ranked together, and each row gets its rank, total, grade, class and first shortfalls.
use super::cell::{self, Cell};
use super::columns::{normalise, RESULT_PREFIX};
use super::household::{Row, RowError};
use crate::error::{Failure, FieldError};
use crate::village::assess::read_village;
use crate::village::input::VillageOptions;
use crate::village::rank::{rank, Ranking};
use serde::Serialize;
use serde_json::{Map, Value};

/// Fixed columns besides the indicators: (field, header, aliases).
const FIXED: &[(&str, &str, &[&str])] = &[
    ("id", "村庄编号", &["村编号", "行政区划代码", "村代码", "编号"]),
    ("name", "村名", &["村庄名称", "行政村", "村", "村庄"]),
    ("township", "乡镇", &["所属乡镇", "乡（镇）", "乡镇名称"]),
    ("year", "考核年度", &["年度", "年份"]),
];

/// The result of a village sheet.
#[derive(Debug, Clone, Serialize)]
pub struct VillageBatch {
    pub mapped: Vec<String>,
    pub unmapped: Vec<String>,
    /// Result headers (【考核】…), then one row of values per data row (empty for rows in error).
    pub result_headers: Vec<String>,
    pub results: Vec<Vec<String>>,
    pub errors: Vec<RowError>,
    /// Ranking of the villages read without error.
    pub ranking: Option<Ranking>,
}

/// Scores and ranks the villages of a sheet.
pub fn evaluate(headers: &[String], rows: &[Row], opts: &VillageOptions) -> Result<VillageBatch, Failure> {
    let system = opts.system()?;
    let mut cols: Vec<(usize, String, bool)> = Vec::new(); // (cell index, field, yes/no indicator)
    let mut mapped = Vec::new();
    let mut unmapped = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let n = normalise(h);
        if n.is_empty() || h.trim_start().starts_with(RESULT_PREFIX) {
            continue;
        }
        let bare = n.split(['(', '（']).next().unwrap_or(&n).to_string();
        let fixed = FIXED.iter().find(|(_, hd, al)| [*hd].iter().chain(al.iter()).any(|a| normalise(a) == n || normalise(a) == bare));
        let ind = system.indicators.iter().find(|x| normalise(&x.name) == n || normalise(&x.name) == bare || x.id.to_lowercase() == n);
        let field = match (fixed, ind) {
            (Some((f, _, _)), _) => Some(((*f).to_string(), false)),
            (None, Some(x)) => Some((format!("values.{}", x.id), x.takes_yes_no())),
            _ => None,
        };
        match field {
            Some((f, _)) if cols.iter().any(|(_, g, _)| *g == f) => unmapped.push(h.trim().to_string()),
            Some((f, yes_no)) => {
                cols.push((i, f, yes_no));
                mapped.push(h.trim().to_string());
            }
            None => unmapped.push(h.trim().to_string()),
        }
    }
    if !cols.iter().any(|(_, f, _)| f.starts_with("values.")) {
        return Err(Failure::invalid(vec![FieldError::new("$", "表头中没有可识别的考核指标列：请用指标体系中的指标名称（或编号）作表头")]));
    }
    let mut villages = Vec::new();
    let mut placed = Vec::new(); // index in `rows` of each village read
    let mut errors = Vec::new();
    for (ri, row) in rows.iter().enumerate() {
        if row.is_empty() {
            continue;
        }
        let mut doc = Map::new();
        doc.insert("schema".into(), Value::String("jingning.village-input/1".into()));
        let mut values = Map::new();
        for (ci, f, yes_no) in &cols {
            let c = row.cells.get(*ci).unwrap_or(&Cell::Empty);
            if c.is_empty() {
                continue;
            }
            match f.strip_prefix("values.") {
                Some(id) => {
                    let v = if *yes_no { cell::boolean(c) } else { cell::number(&Cell::Text(cell::text(c).trim_end_matches('%').to_string())) };
                    let v = match c {
                        Cell::Number(x) if !*yes_no => cell::number_text(*x),
                        _ => v,
                    };
                    values.insert(id.to_string(), Value::String(v));
                }
                None if f == "year" => {
                    doc.insert(f.clone(), Value::String(cell::number(c)));
                }
                None => {
                    doc.insert(f.clone(), Value::String(cell::text(c)));
                }
            }
        }
        doc.insert("values".into(), Value::Object(values));
        match read_village(&Value::Object(doc), opts) {
            Ok(v) => {
                villages.push(v);
                placed.push(ri);
            }
            Err(Failure::Invalid { errors: es }) => errors.extend(es.into_iter().map(|e| {
                let field = e.path.trim_start_matches("$.").to_string();
                let column = cols.iter().find(|(_, f, _)| *f == field).and_then(|(i, _, _)| headers.get(*i)).cloned().unwrap_or_default();
                RowError { row: row.number, column, message: e.message }
            })),
            Err(f) => return Err(f),
        }
    }
    let result_headers: Vec<String> = ["名次", "总分", "等级", "否决", "三类村庄建议", "主要失分", "错误"].iter().map(|h| format!("【考核】{h}")).collect();
    let mut results = vec![Vec::new(); rows.len()];
    let ranking = if villages.is_empty() {
        None
    } else {
        let mut o = opts.clone();
        o.include_assessments = true;
        let r = rank(&villages, &o)?;
        for (k, ri) in placed.iter().enumerate() {
            let id = &villages[k].id;
            let Some(row) = r.rows.iter().find(|x| &x.village_id == id) else { continue };
            let shortfalls = r
                .assessments
                .as_ref()
                .and_then(|a| a.get(k))
                .map(|a| a.shortfalls.iter().take(3).map(|s| format!("{} 可得回 {} 分", s.name, s.regain)).collect::<Vec<_>>().join("；"))
                .unwrap_or_default();
            let vetoes = r.assessments.as_ref().and_then(|a| a.get(k)).map(|a| a.vetoes.iter().map(|v| v.name.clone()).collect::<Vec<_>>().join("、")).unwrap_or_default();
            if let Some(slot) = results.get_mut(*ri) {
                *slot = vec![row.rank.to_string(), row.total.to_string(), row.grade.clone(), vetoes, row.class_label.clone(), shortfalls, String::new()];
            }
        }
        Some(r)
    };
    for e in &errors {
        if let Some(ri) = rows.iter().position(|r| r.number == e.row) {
            let slot = &mut results[ri];
            slot.resize(result_headers.len(), String::new());
            if let Some(last) = slot.last_mut() {
                if !last.is_empty() {
                    last.push('；');
                }
                last.push_str(&e.message);
            }
        }
    }
    Ok(VillageBatch { mapped, unmapped, result_headers, results, errors, ranking: ranking.map(|mut r| {
        r.assessments = None;
        r
    }) })
}
