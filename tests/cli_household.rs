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
