//! Sources must not point outside the repository: every parameter source and description, every
//! indicator source and every policy document or excerpt that names a file names one that is in
//! the repo (a clone on its own is complete), and nothing refers to `../shared` or the like.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

/// Top-level folders of the repo a source may name a file in.
const REPO_DIRS: &[&str] = &["docs/", "policy/", "params/", "indicators/", "schemas/", "examples/", "src/", "tests/"];

/// The data files whose texts cite sources, comments included.
fn source_files() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for (dir, ext) in [("params", "toml"), ("indicators", "toml"), ("policy", "toml"), ("policy/excerpts", "txt")] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == ext) {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

/// Every reference in `text` that points outside the repo or to a repo file that does not exist.
fn bad_references(text: &str, root: &Path) -> Vec<String> {
    let mut bad = Vec::new();
    for marker in ["../", "/work/", "shared/", "..\\"] {
        if text.contains(marker) {
            bad.push(format!("mentions “{marker}”"));
        }
    }
    // Tokens made of path characters: a repo path (`docs/x.md`) must exist; a bare file name of a
    // kind the repo keeps (`policy-reference.md`) must be written with its folder.
    let is_path_char = |c: char| c.is_ascii_alphanumeric() || "_./-".contains(c);
    for token in text.split(|c: char| !is_path_char(c)).map(|t| t.trim_end_matches('.')) {
        let names_repo_file = REPO_DIRS.iter().any(|d| token.starts_with(d));
        let bare_file = !token.contains('/') && [".md", ".txt", ".toml", ".json"].iter().any(|x| token.ends_with(x));
        if names_repo_file && !root.join(token).exists() {
            bad.push(format!("names {token}, which is not in the repo"));
        } else if bare_file && !root.join(token).exists() {
            bad.push(format!("names {token} without the folder it is in"));
        }
    }
    bad
}

#[test]
fn every_source_points_inside_the_repo() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut problems = Vec::new();
    let files = source_files();
    assert!(files.len() >= 10, "found only {} source files", files.len());
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (n, line) in text.lines().enumerate() {
            for p in bad_references(line, root) {
                problems.push(format!("{}:{}: {p}", f.strip_prefix(root).unwrap().display(), n + 1));
            }
        }
    }
    assert!(problems.is_empty(), "sources pointing outside the repo:\n{}", problems.join("\n"));
}

/// The parameters as the engine serves them (the page shows these texts) cite the in-repo copy.
#[test]
fn built_in_parameters_cite_the_in_repo_policy_reference() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let set = jingning_policy::params::ParamSet::builtin().unwrap();
    let mut cited = 0;
    for def in set.params.values() {
        let texts = def.values.iter().map(|v| v.source.to_string()).chain(def.description.clone());
        for t in texts {
            assert!(bad_references(&t, root).is_empty(), "{}: {t}: {:?}", def.id, bad_references(&t, root));
            cited += usize::from(t.contains("docs/policy-reference.md"));
        }
    }
    assert!(cited >= 20, "only {cited} sources cite docs/policy-reference.md");
}

/// The check itself: what it must catch.
#[test]
fn a_source_naming_the_shared_folder_or_a_missing_file_is_caught() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(!bad_references("（../shared/policy-reference.md §3）", root).is_empty());
    assert!(!bad_references("（policy-reference.md §3）", root).is_empty());
    assert!(!bad_references("见 docs/no-such-file.md", root).is_empty());
    assert!(bad_references("（docs/policy-reference.md §3；摘录见 policy/excerpts/mca-2021-43.txt）", root).is_empty());
    assert!(bad_references("http://dawa.gov.cn/2019_08/30_15/content-180805.html", root).is_empty());
}
