//! Reading the trainer's scenario library (data/scenarios/*.toml, format in docs/trainer.md): each
//! scenario teaches one rule with a short story, the clause it rests on, the household (a case
//! file of tests/cases/household/, expanded by `case_file`) and the verdicts it teaches.
//!
//! Shared by the test that checks every scenario against the engine (tests/scenarios/main.rs) and
//! by the generator of the page's copy (examples/trainer_scenarios.rs, run by `make dist`), so the
//! page shows exactly what the test checked. The including crate declares `mod case_file`.
use crate::case_file;
use serde::Deserialize;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder of scenario files.
pub fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/scenarios")
}

/// The outcomes a room can vote for (the engine's codes): a scenario teaches only these.
pub const VOTABLE: [&str; 3] = ["applies", "does_not_apply", "once_recognised"];

/// One scenario as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short title shown in the library, e.g. `奖学金不计入低保收入`.
    pub title: String,
    /// The topic it belongs to, the library's grouping, e.g. `低保收入`.
    pub topic: String,
    /// The story told to the room, in Chinese (a few sentences).
    pub story: String,
    /// The one rule it teaches, in a sentence (shown after the reveal and on the handout).
    pub lesson: String,
    /// Clause id in the policy catalogue (`cargo run -- clause <id>`), e.g. `五(十二)`.
    pub clause: String,
    /// The document of the clause (policy/documents.toml id); the county's 2021 opinion if absent.
    pub document: Option<String>,
    /// The household: a case file of tests/cases/household/ (name without `.toml`).
    pub case: String,
    /// The money field the what-if slider moves (a JSON path of the case), and its range in 元.
    pub slider: Slider,
    /// Measure code → the outcome taught (`applies` / `does_not_apply` / `once_recognised`), or
    /// `{ outcome, category }` when the category (e.g. monitoring `edge`) is the point.
    pub verdicts: BTreeMap<String, toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Slider {
    pub path: String,
    pub from: String,
    pub to: String,
}

/// A verdict a scenario teaches.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub measure: String,
    pub outcome: String,
    pub category: Option<String>,
}

impl Scenario {
    pub fn verdicts(&self) -> Result<Vec<Verdict>, String> {
        self.verdicts
            .iter()
            .map(|(measure, v)| {
                let (outcome, category) = match v {
                    toml::Value::String(s) => (s.clone(), None),
                    toml::Value::Table(t) => (
                        t.get("outcome").and_then(toml::Value::as_str).ok_or(format!("verdicts.{measure}: `outcome` missing"))?.to_string(),
                        t.get("category").and_then(toml::Value::as_str).map(str::to_string),
                    ),
                    other => return Err(format!("verdicts.{measure}: {other} is neither an outcome nor a table")),
                };
                if !VOTABLE.contains(&outcome.as_str()) {
                    return Err(format!("verdicts.{measure}: {outcome} is not an outcome the room can vote for ({VOTABLE:?})"));
                }
                Ok(Verdict { measure: measure.clone(), outcome, category })
            })
            .collect()
    }

    /// The household input (`jingning.household/1`) and the evaluation options of its case file.
    pub fn household(&self) -> Result<(Value, Value), String> {
        let case = case_file::read(&case_file::folder().join(format!("{}.toml", self.case)))?;
        let input = case_file::expand(&case)?;
        let options = match &case.options {
            Some(o) => case_file::json(&toml::Value::Table(o.clone()))?,
            None => json!({}),
        };
        Ok((input, options))
    }

    /// What the page receives: everything above, the household expanded.
    pub fn to_page(&self, id: &str) -> Result<Value, String> {
        let (household, options) = self.household()?;
        let verdicts: Vec<Value> =
            self.verdicts()?.into_iter().map(|v| json!({ "measure": v.measure, "outcome": v.outcome, "category": v.category })).collect();
        Ok(json!({
            "id": id,
            "title": self.title,
            "topic": self.topic,
            "story": self.story.trim(),
            "lesson": self.lesson.trim(),
            "clause": self.clause,
            "document": self.document,
            "case": self.case,
            "slider": { "path": self.slider.path, "from": self.slider.from, "to": self.slider.to },
            "verdicts": verdicts,
            "household": household,
            "options": options,
        }))
    }
}

/// Every scenario, sorted by file name (the library's order), with its id (the file stem).
pub fn all() -> Result<Vec<(String, Scenario)>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder())
        .map_err(|e| format!("data/scenarios: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let id = p.file_stem().unwrap_or_default().to_string_lossy().to_string();
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let s: Scenario = toml::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
            Ok((id, s))
        })
        .collect()
}
