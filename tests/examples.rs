//! The examples in README.md and docs/*.md run as tests (trycmd reads the
//! ```console blocks): documentation that lies fails CI.

use crate::util::omni_bin;

#[test]
fn readme_and_docs_examples() {
    let home = tempfile::tempdir().unwrap();
    let bin = home.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
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
        .case("README.md")
        .case("docs/*.md");
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
