//! The field catalogue (data/household-fields.toml) is the one list of input fields: the JSON
//! Schema, the docs, the case reader and every measure's declared inputs are checked against it.
#![cfg(not(target_arch = "wasm32"))]

use jingning_policy::case::{self, FIELDS};
use jingning_policy::household::{evaluate, measures::MEASURES};
use jingning_policy::params::Options;
use serde_json::Value;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The schema node of a catalogue path, as scripts/gen-household-schema.py finds it.
fn schema_node<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let mut n = schema;
    for part in path.replace("[]", "").split('.') {
        while n.get("properties").is_none() {
            n = n.get("oneOf").map(|o| &o[0]).or_else(|| n.get("items"))?;
        }
        n = n["properties"].get(part)?;
    }
    Some(n)
}

#[test]
fn every_field_is_in_the_schema_under_its_label() {
    let schema: Value = serde_json::from_str(&read("schemas/household-case.schema.json")).unwrap();
    for f in FIELDS.iter().filter(|f| f.kind != "key") {
        let n = schema_node(&schema, f.path).unwrap_or_else(|| panic!("{} is not in the schema: regenerate it (scripts/gen-household-schema.py)", f.path));
        assert_eq!(n["title"], f.label, "{}: schema title differs from the catalogue label", f.path);
    }
}

/// The reader refuses keys it does not know: an input with every catalogue field present (and
/// nothing else) must read without an "unknown field" error.
#[test]
fn the_reader_knows_every_field() {
    let example: Value = serde_json::from_str(&read("examples/household-5.json")).unwrap();
    let mut v = example.clone();
    for m in v["members"].as_array_mut().unwrap() {
        // A filled-in `disability` with 是否残疾 = 否 is refused, rightly.
        m.as_object_mut().unwrap().remove("has_disability");
    }
    for f in FIELDS.iter().filter(|f| f.kind != "key" && f.kind != "group") {
        let parts: Vec<&str> = f.path.split('.').collect();
        let targets: Vec<&mut Value> = if parts[0] == "members[]" { v["members"].as_array_mut().unwrap().iter_mut().collect() } else { vec![&mut v] };
        let rest = if parts[0] == "members[]" { &parts[1..] } else { &parts[..] };
        for t in targets {
            let mut n = t;
            for p in &rest[..rest.len() - 1] {
                if !n[*p].is_object() {
                    n[*p] = Value::Object(Default::default());
                }
                n = &mut n[*p];
            }
            let last = rest[rest.len() - 1];
            if n.get(last).is_none() {
                n[last] = Value::Null;
            }
        }
    }
    case::from_value(&v).unwrap_or_else(|e| panic!("a case with every catalogue field does not read: {e:?}"));
}

/// Every input a measure asks for is one it declares (`reads`), so the registry's list of inputs
/// is the truth a form or a reviewer can rely on. Checked on the example with each field blanked.
#[test]
fn measures_ask_only_for_inputs_they_declare() {
    let example: Value = serde_json::from_str(&read("examples/household-5.json")).unwrap();
    let mut inputs = vec![example.clone()];
    for key in ["incomes", "expenses", "assets", "status", "housing", "drinking_water", "household_type", "last_year_total_income", "food_clothing_secure"] {
        let mut v = example.clone();
        v.as_object_mut().unwrap().remove(key);
        inputs.push(v);
    }
    let member_keys: Vec<String> = example["members"][0].as_object().unwrap().keys().cloned().collect();
    for key in member_keys.iter().filter(|k| *k != "name") {
        let mut v = example.clone();
        for m in v["members"].as_array_mut().unwrap() {
            m.as_object_mut().unwrap().remove(key);
        }
        inputs.push(v);
    }
    let declared = |code: &str, path: &str| -> bool {
        let m = MEASURES.iter().find(|m| m.code == code).unwrap();
        // `$.members[2].disability.grade` → `members[].disability.grade`
        let catalogue_path = path.trim_start_matches("$.");
        let catalogue_path = match catalogue_path.strip_prefix("members[") {
            Some(rest) => format!("members[]{}", &rest[rest.find(']').unwrap() + 1..]),
            None => catalogue_path.to_string(),
        };
        m.reads
            .iter()
            .any(|f| catalogue_path == f.path() || catalogue_path.starts_with(&format!("{}.", f.path())) || f.path().starts_with(&format!("{catalogue_path}.")))
    };
    let mut asked = 0;
    for input in inputs {
        let r = evaluate(&case::from_value(&input).unwrap(), &Options::default()).unwrap();
        for d in &r.decisions {
            // A measure may pass on another's missing inputs (help_plan those of monitoring).
            let upstream: Vec<&str> = MEASURES.iter().find(|m| m.code == d.measure).unwrap().after.to_vec();
            for miss in d.missing.iter().chain(d.members.iter().flat_map(|f| f.missing.iter())) {
                let path = miss.path.to_string();
                asked += 1;
                assert!(
                    declared(d.measure, &path) || upstream.iter().any(|u| declared(u, &path)),
                    "{} asks for {path} ({}) without declaring it in `reads`",
                    d.measure,
                    miss.label
                );
            }
        }
    }
    assert!(asked > 20, "the blanked inputs should make measures ask for something ({asked})");
}

#[test]
fn missing_member_fields_name_the_member() {
    let mut v: Value = serde_json::from_str(&read("examples/household-5.json")).unwrap();
    for m in v["members"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("medical_out_of_pocket");
    }
    let name = v["members"][1]["name"].as_str().unwrap().to_string();
    let r = evaluate(&case::from_value(&v).unwrap(), &Options::default()).unwrap();
    let labels: Vec<&str> =
        r.decisions.iter().flat_map(|d| d.missing.iter().chain(d.members.iter().flat_map(|f| f.missing.iter()))).map(|m| m.label.as_ref()).collect();
    assert!(labels.contains(&format!("{name}：医疗自付费用").as_str()), "{labels:?}");
    assert!(labels.iter().all(|l| *l != "医疗自付费用"), "a bare member label: {labels:?}");
}

const BEGIN: &str = "<!-- 字段表：由 data/household-fields.toml 生成（UPDATE_DOCS=1 cargo test --test field_catalogue），勿手改 -->\n";
const END: &str = "<!-- 字段表结束 -->";

/// docs/household-case.md's field tables are the catalogue's own rendering; `UPDATE_DOCS=1`
/// rewrites them after a change of the catalogue.
#[test]
fn the_docs_field_tables_are_generated_from_the_catalogue() {
    let path = format!("{}/docs/household-case.md", env!("CARGO_MANIFEST_DIR"));
    let doc = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (doc.find(BEGIN), doc.find(END)) else { panic!("docs/household-case.md lacks the field-table markers") };
    let generated = jingning_policy::case::fields::markdown_tables();
    let current = &doc[a + BEGIN.len()..b];
    if current != generated {
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, format!("{}{BEGIN}{generated}{}", &doc[..a], &doc[b..])).unwrap();
        } else {
            panic!("docs/household-case.md's field tables are stale: run UPDATE_DOCS=1 cargo test --test field_catalogue");
        }
    }
}

/// The reader, the ledger and the page name income items by `IncomeItem`'s labels: the catalogue
/// must use the same words.
#[test]
fn income_items_are_labelled_as_the_policy_names_them() {
    for o in &case::choices()["income_item"] {
        let f = case::fields::by_path(&format!("incomes.{}", o.code)).unwrap_or_else(|| panic!("incomes.{} is not in the catalogue", o.code));
        assert_eq!(f.label(), o.label, "incomes.{}", o.code);
    }
}
