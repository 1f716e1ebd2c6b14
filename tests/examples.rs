//! The examples in README.md and docs/*.md run as tests (trycmd reads the
//! ```console blocks): documentation that lies fails CI.
//!
//! They run on copies in a temporary directory: each page `P.md` gets a
//! working directory `P.in/` (trycmd's convention) holding copies of
//! README.md and docs/, so an example that writes a file, such as
//! `omni attest attest --output attestation.json`, never touches the checkout
//! and an example may name those files as inputs (and the files under
//! docs/examples/, such as a task graph).

use std::path::{Path, PathBuf};

use crate::util::omni_bin;

#[test]
fn readme_and_docs_examples() {
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut names = vec![PathBuf::from("README.md")];
    for page in std::fs::read_dir(repo.join("docs")).unwrap() {
        let page = page.unwrap().path();
        if page.extension().is_some_and(|e| e == "md") {
            names.push(Path::new("docs").join(page.file_name().unwrap()));
        }
    }
    let mut inputs = names.clone();
    for file in std::fs::read_dir(repo.join("docs/examples")).unwrap() {
        inputs.push(Path::new("docs/examples").join(file.unwrap().file_name()));
    }
    let pages = home.path().join("pages");
    let copy_all = |into: &Path| {
        for name in &inputs {
            std::fs::create_dir_all(into.join(name).parent().unwrap()).unwrap();
            std::fs::copy(repo.join(name), into.join(name)).unwrap();
        }
    };
    copy_all(&pages);
    for name in &names {
        copy_all(&pages.join(name).with_extension("in"));
    }
    let cases = trycmd::TestCases::new();
    cases
        .register_bin("omni", omni_bin())
        .env("HOME", home.path().display().to_string())
        .env(
            "XDG_CONFIG_HOME",
            home.path().join("config").display().to_string(),
        )
        .env(
            "XDG_STATE_HOME",
            home.path().join("state").display().to_string(),
        )
        .env("NO_COLOR", "1")
        .case(pages.join("README.md"))
        .case(pages.join("docs/*.md"));
    // Aliases are real links to the binary, so dispatch sees their names.
    let mut names: Vec<String> = vec!["omni-frobnicate".into()];
    for (id, alias, _) in omni::commands::KNOWN {
        names.push(alias.to_string());
        names.push(format!("omni-{id}"));
    }
    for name in names {
        let link = bin.join(&name);
        std::os::unix::fs::symlink(omni_bin(), &link).unwrap();
        cases.register_bin(name, link);
    }
}
