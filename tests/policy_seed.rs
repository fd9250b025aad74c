//! The policy text compiled into the engine is the seed, word for word.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

#[test]
fn committed_seed_is_the_shared_seed_verbatim() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_99c370f7ebccc8d1.txt");
    let committed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/seed-2021.txt")).unwrap();
    match std::fs::read_to_string(&shared) {
        Ok(original) => assert_eq!(committed, original, "policy/seed-2021.txt differs from ../shared/seed"),
        // A clone without ../shared beside it (a portal developer's) still builds and tests;
        // CI always has it, and there the comparison runs.
        Err(_) if std::env::var_os("CI").is_none() => eprintln!("../shared/seed not found; comparison skipped"),
        Err(e) => panic!("CI must have ../shared/seed beside the clone: {e}"),
    }
}

#[test]
fn every_clause_cited_by_an_anchor_exists_and_quotes_the_seed() {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/seed-2021.txt")).unwrap();
    for c in jingning_policy::policy::seed_clauses() {
        assert!(seed.contains(c.text), "clause {} not verbatim", c.id);
    }
    for a in jingning_policy::policy::ANCHORS.iter().filter(|a| a.document == "seed-2021") {
        assert!(seed.contains(a.excerpt), "anchor {} not verbatim", a.key);
    }
}

/// A passage of a national rule is stored word for word in its excerpt file, and an anchor's
/// excerpt is in it.
#[test]
fn every_passage_of_a_national_rule_is_in_its_excerpt_file() {
    use jingning_policy::policy::{clause_in, ANCHORS, CLAUSES};
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("policy/excerpts");
    let mut n = 0;
    for c in CLAUSES.iter().filter(|c| c.document.excerpts_only) {
        let file = std::fs::read_to_string(dir.join(format!("{}.txt", c.document.id))).unwrap();
        assert!(file.contains(&format!("## {} | {}", c.id, c.title)), "{} {}", c.document.id, c.id);
        for line in c.text.lines() {
            assert!(file.contains(line), "{} {}: {line}", c.document.id, c.id);
        }
        n += 1;
    }
    assert!(n >= 10, "only {n} passages of national rules");
    for a in ANCHORS {
        assert!(clause_in(a.document, a.clause).unwrap().text.contains(a.excerpt), "{}", a.key);
    }
}

/// docs/household-case.md lists every document rules cite, with its 文号 where one was found.
#[test]
fn the_result_format_lists_every_document_cited() {
    let doc = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/household-case.md")).unwrap();
    for d in jingning_policy::policy::DOCUMENTS {
        assert!(doc.contains(&format!("`{}`", d.id)), "docs/household-case.md lacks document {}", d.id);
        if !d.number.starts_with("未找到") {
            assert!(doc.contains(d.number), "docs/household-case.md lacks the 文号 of {}", d.id);
        }
    }
}
