//! Generated completions and man pages: committed, fresh, and working in a
//! real shell.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::util::omni;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Regenerates `what` (completions or man) into a temp dir and compares it,
/// file by file, with the committed directory.
fn assert_fresh(what: &str) {
    let h = tempfile::tempdir().unwrap();
    let out_dir = h.path().join(what);
    let status = omni(h.path())
        .args([what, "--out-dir", out_dir.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let fresh = read_dir(&out_dir);
    let committed = read_dir(&repo().join(what));
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(
        names(&committed),
        names(&fresh),
        "{what}/ has missing or extra files: run scripts/gen-docs.sh and commit"
    );
    for (name, bytes) in &fresh {
        assert!(
            committed[name] == *bytes,
            "{what}/{name} is stale: run scripts/gen-docs.sh and commit"
        );
    }
}

#[test]
fn completions_are_fresh() {
    assert_fresh("completions");
}

#[test]
fn man_pages_are_fresh() {
    assert_fresh("man");
}

#[test]
fn printed_completions_match_the_committed_files() {
    let h = tempfile::tempdir().unwrap();
    for (shell, file) in [
        ("bash", "omni.bash"),
        ("zsh", "_omni"),
        ("fish", "omni.fish"),
    ] {
        let out = omni(h.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        assert_eq!(
            out.stdout,
            std::fs::read(repo().join("completions").join(file)).unwrap(),
            "{shell}"
        );
    }
}

/// What bash completes for `line` (words so far, cursor at the end).
fn bash_complete(words: &[&str]) -> Vec<String> {
    let script = repo().join("completions/omni.bash");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let cword = words.len() - 1;
    let line = words.join(" ");
    let prog = format!(
        "source '{}'\nCOMP_WORDS=({})\nCOMP_CWORD={cword}\nCOMP_LINE='{line}'\nCOMP_POINT=${{#COMP_LINE}}\n\
         _omni omni '{}' '{}'\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        script.display(),
        quoted.join(" "),
        words[cword],
        words[cword.saturating_sub(1)],
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &prog])
        .output()
        .expect("bash is installed");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn bash_completes_first_and_second_level() {
    let top = bash_complete(&["omni", ""]);
    for want in [
        "config",
        "completions",
        "man",
        "--list",
        "--install",
        "--format",
    ] {
        assert!(
            top.contains(&want.to_string()),
            "omni <TAB> lacks {want}: {top:?}"
        );
    }
    let config = bash_complete(&["omni", "config", ""]);
    for want in ["show", "check", "init"] {
        assert!(
            config.contains(&want.to_string()),
            "omni config <TAB> lacks {want}: {config:?}"
        );
    }
    assert!(
        !config.contains(&"completions".to_string()),
        "second level offers only config's words"
    );
    let prefix = bash_complete(&["omni", "con"]);
    assert_eq!(prefix, vec!["config".to_string()]);
    let format = bash_complete(&["omni", "--format", ""]);
    assert_eq!(
        format,
        [
            "text", "table", "json", "jsonl", "junit", "markdown", "plain", "nftables", "ipset",
            "iptables"
        ]
    );
}

#[test]
fn man_page_documents_exit_status_and_environment() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path()).arg("man").output().unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH omni 1"),
        "roff"
    );
    let exit_status = &page[page
        .find(".SH \"EXIT STATUS\"")
        .expect("EXIT STATUS section")..];
    for exit in omni::runtime::error::Exit::ALL {
        assert!(
            exit_status.contains(&format!("\\fB{}\\fR", exit.code())),
            "code {} missing",
            exit.code()
        );
    }
    assert!(page.contains(".SH ENVIRONMENT") && page.contains("OMNI_CONFIG"));
}

#[test]
fn completions_reject_unknown_aliases() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path())
        .args(["completions", "bash", "--alias", "foo-cli"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("'foo-cli' is not an alias of a system in this build")
    );
}

#[test]
fn readme_tables_match_the_code() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    for exit in omni::runtime::error::Exit::ALL {
        let row = format!("| {} | {} |", exit.code(), exit.meaning());
        assert!(
            readme.contains(&row),
            "README exit-code table lacks or misstates: {row}"
        );
    }
    for section in omni::runtime::sections::SHARED {
        for key in section.keys {
            let cell = format!("| `[{}] {}` |", section.name, key.name);
            assert!(
                readme.contains(&cell),
                "README configuration table lacks {cell}"
            );
        }
    }
}

/// Every page a committed page points to (`name(1)` in SUBCOMMANDS, `.so`)
/// is committed too: `man omni-attest` lists `omni-attest-verify(1)`, so
/// that page must exist, and it must document the command's own flags.
#[test]
fn man_pages_point_only_to_pages_that_exist() {
    let dir = repo().join("man");
    let pages = read_dir(&dir);
    let mut referenced = 0;
    for (name, bytes) in &pages {
        let text = String::from_utf8_lossy(bytes);
        for line in text.lines() {
            let target = if let Some(so) = line.strip_prefix(".so man1/") {
                so.to_string()
            } else if let Some(page) = line.strip_suffix("(1)") {
                format!("{}.1", page.replace("\\-", "-"))
            } else {
                continue;
            };
            referenced += 1;
            assert!(
                pages.contains_key(&target),
                "man/{name} points to {target}, which is not in man/"
            );
        }
    }
    // omni.1 alone lists config, ps, stop, completions and man.
    assert!(referenced >= 5, "only {referenced} references");
    assert!(
        !pages.keys().any(|p| p.contains("help")),
        "help has no page"
    );
    for entry in omni::commands::SYSTEMS {
        let page = format!("omni-{}.1", entry.id);
        assert!(pages.contains_key(&page), "man/{page} missing");
    }
    #[cfg(feature = "attest")]
    {
        let verify = String::from_utf8_lossy(&pages["omni-attest-verify.1"]).into_owned();
        assert!(verify.contains("\\-\\-revocations") && verify.contains("\\-\\-nonce"));
        let h = tempfile::tempdir().unwrap();
        let out = omni(h.path())
            .args(["man", "attest", "verify"])
            .output()
            .unwrap();
        assert_eq!(out.stdout, pages["omni-attest-verify.1"]);
        let out = omni(h.path())
            .args(["man", "attest", "nope"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&out.stderr)
                .contains("no man page for 'omni attest nope' in this build"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
