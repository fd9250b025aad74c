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
