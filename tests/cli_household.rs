//! The `jingning household` subcommand: prints the result JSON, or every error with status 2.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn jingning(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jingning")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

#[test]
fn household_prints_the_result_json() {
    let out = jingning(&["household", "examples/household-5.json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["schema"], "jingning.household/1");
    assert_eq!(r["household_size"], 5);
    assert_eq!(r["decisions"][0]["measure"], "monitoring");
    assert_eq!(r["decisions"][0]["category"], "unstable");
}

#[test]
fn household_bad_input_exits_2_with_paths() {
    let dir = std::env::temp_dir().join(format!("jingning-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("bad.json");
    std::fs::write(&file, r#"{"schema":"jingning.household/1","assessment_date":"2024-02-30","members":[{"id_number":"110105194912310021"}]}"#).unwrap();
    let out = jingning(&["household", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("$.assessment_date") && err.contains("$.members[0].id_number"), "{err}");
}

#[test]
fn clause_prints_the_text_with_its_document() {
    let out = jingning(&["clause", "五(十二)"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["document"]["id"], "seed-2021");
    assert_eq!(c["document"]["issuer"], "中共静宁县委办公室、静宁县人民政府办公室");

    let out = jingning(&["clause", "未成年人", "--document", "mca-2021-43"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let c: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(c["document"]["number"], "民发〔2021〕43号");
    assert_eq!(c["verbatim"], false);
    assert!(c["text"].as_str().unwrap().contains("可继续享有救助供养待遇至18周岁"));

    let out = jingning(&["clause", "未成年人"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("实施意见"), "names the document it looked in");
    let out = jingning(&["documents"]);
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(docs.as_array().unwrap().iter().any(|d| d["number"] == "民发〔2021〕43号"));
}

#[test]
fn household_result_is_compact_by_default_and_full_on_request() {
    let out = jingning(&["household", "examples/household-5.json"]);
    let compact: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(compact["detail"], "compact");
    assert!(compact["decisions"][2].get("conditions").is_none() && compact.get("ledger").is_none());
    let out = jingning(&["household", "examples/household-5.json", "--detail", "full"]);
    let full: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(full["detail"], "full");
    assert_eq!(full["decisions"][2]["citations"][0]["document"]["id"], "seed-2021");
    for (c, f) in compact["decisions"].as_array().unwrap().iter().zip(full["decisions"].as_array().unwrap()) {
        assert_eq!((&c["measure"], &c["outcome"], &c["reason"]), (&f["measure"], &f["outcome"], &f["reason"]));
    }
    let out = jingning(&["household", "examples/household-5.json", "--detail", "brief"]);
    assert_eq!(out.status.code(), Some(2), "an unknown detail is refused");
}

#[test]
fn the_catalogue_resolves_every_id_a_compact_result_names() {
    let out = jingning(&["catalogue"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let cat: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r: serde_json::Value = serde_json::from_slice(&jingning(&["household", "examples/household-5.json"]).stdout).unwrap();
    let citation = |id: &str| cat["citations"].as_array().unwrap().iter().find(|c| c["id"] == id).cloned();
    for d in r["decisions"].as_array().unwrap() {
        let measure = cat["measures"].as_array().unwrap().iter().find(|m| m["measure"] == d["measure"] || m["code"] == d["measure"]).expect("measure");
        let ids = d.get("citations").unwrap_or(&measure["citations"]);
        for id in ids.as_array().unwrap() {
            let c = citation(id.as_str().unwrap()).unwrap_or_else(|| panic!("{id} not in the catalogue"));
            assert!(cat["documents"].as_array().unwrap().iter().any(|doc| doc["id"] == c["document"]));
            assert!(!c["excerpt"].as_str().unwrap().is_empty());
        }
    }
    for id in r["params_used"].as_object().unwrap().keys() {
        assert!(cat["params"]["params"].get(id).is_some(), "{id} not in the catalogue's parameters");
    }
    for id in r["unverified"].as_array().unwrap() {
        assert!(r["params_used"].get(id.as_str().unwrap()).is_some());
    }
}

/// The lean result's budget. Issue 18 asks for at most 4 KB for the 5-member example; that was
/// met (3,834 bytes) with 13 measures. Issue 13 then added five measures the seed names, and the
/// example was 5,217 bytes; 5,464 since 一户一策 for a household found but not yet recognised as a 监测对象
/// says what follows recognition (认定后). This guards against growth while the 4 KB target stays open
/// (issue 18).
#[test]
fn the_example_household_fits_in_four_kilobytes_compact() {
    let case = jingning_policy::case::from_json(include_str!("../examples/household-5.json")).unwrap();
    let r = jingning_policy::household::evaluate(&case, &Default::default()).unwrap();
    let compact = jingning_policy::household::compact::to_json(&r, jingning_policy::household::Detail::Compact).unwrap();
    let full = jingning_policy::household::compact::to_json(&r, jingning_policy::household::Detail::Full).unwrap();
    assert!(compact.len() <= 5500, "compact result is {} bytes", compact.len());
    assert!(full.len() > 10 * compact.len(), "full {} bytes", full.len());
    let provisional: Vec<&str> = r.provisional.iter().map(|p| p.measure).collect();
    let v: serde_json::Value = serde_json::from_str(&compact).unwrap();
    for d in v["decisions"].as_array().unwrap() {
        assert_eq!(d.get("provisional").is_some(), provisional.contains(&d["measure"].as_str().unwrap()), "{}", d["measure"]);
    }
}
