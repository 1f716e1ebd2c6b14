//! `omni ledger` under a cross-domain trust policy: three organisations'
//! ledgers (three keys), their events gathered into one ledger through
//! export and import, and the blocklist under "k of n domains agree"; record
//! and import refusing what the policy does not admit, with nothing written.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

use crate::util::{omni, text};

fn ledger(home: &Path, dir: &Path, args: &[&str]) -> Output {
    // `policy check` is two words.
    let split = if args[0] == "policy" { 2 } else { 1 };
    let (cmd, rest) = args.split_at(split);
    omni(home)
        .arg("ledger")
        .args(cmd)
        .arg("--data-dir")
        .arg(dir)
        .args(rest)
        .output()
        .unwrap()
}

fn ok(out: Output) -> Output {
    assert!(out.status.success(), "{}", text(&out));
    out
}

/// A new ledger for `domain` under `home/<name>`; returns it and its key id.
fn init(home: &Path, name: &str, domain: &str) -> (PathBuf, String) {
    let dir = home.join(name);
    ok(ledger(home, &dir, &["init", "--domain", domain]));
    let meta: Value =
        serde_json::from_slice(&std::fs::read(dir.join("ledger.json")).unwrap()).unwrap();
    (dir, meta["key_id"].as_str().unwrap().to_owned())
}

fn record(home: &Path, dir: &Path, source: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "record",
        "--type",
        "malicious_ip",
        "--source",
        source,
        "--severity",
        "high",
        "--ttl",
        "1h",
    ];
    args.extend_from_slice(extra);
    ledger(home, dir, &args)
}

fn export(home: &Path, dir: &Path, file: &Path) {
    ok(ledger(
        home,
        dir,
        &["export", "--output", file.to_str().unwrap()],
    ));
}

/// Entries in a ledger, through `query`.
fn size(home: &Path, dir: &Path) -> usize {
    let out = ok(omni(home)
        .args(["--format", "json", "ledger", "query", "--data-dir"])
        .arg(dir)
        .output()
        .unwrap());
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

fn blocklist(home: &Path, dir: &Path, format: &str, policy: Option<&Path>) -> Output {
    let mut cmd = omni(home);
    cmd.args(["--format", format, "ledger", "blocklist", "--data-dir"])
        .arg(dir);
    if let Some(p) = policy {
        cmd.arg("--policy").arg(p);
    }
    cmd.output().unwrap()
}

fn plain(home: &Path, dir: &Path, policy: Option<&Path>) -> String {
    String::from_utf8(ok(blocklist(home, dir, "plain", policy)).stdout).unwrap()
}

/// Three domains report into one ledger (acme's events travel through
/// globex's ledger to initech's, each still signed by its reporter); the
/// blocklist blocks what k of the 3 domains agree on, never what one domain
/// says alone, however often.
#[test]
fn blocks_need_k_of_n_domains() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (acme, acme_id) = init(home, "acme", "acme");
    let (globex, globex_id) = init(home, "globex", "globex");
    let (initech, initech_id) = init(home, "initech", "initech");

    // 192.0.2.1: all three; 192.0.2.2: acme and globex; 192.0.2.3:
    // initech alone, four times; 198.51.100.7 inside acme's /24.
    ok(record(home, &acme, "192.0.2.1", &[]));
    ok(record(home, &acme, "192.0.2.2", &[]));
    ok(record(home, &acme, "198.51.100.0/24", &[]));
    let file = home.join("acme.json");
    export(home, &acme, &file);
    ok(ledger(
        home,
        &globex,
        &["import", file.to_str().unwrap(), "--trust"],
    ));
    ok(record(home, &globex, "192.0.2.1", &[]));
    ok(record(home, &globex, "192.0.2.2", &[]));
    let file = home.join("globex.json");
    export(home, &globex, &file);
    // initech trusts acme's key already (trusted/<id>.pub), globex's on import.
    std::fs::create_dir(initech.join("trusted")).unwrap();
    std::fs::copy(
        acme.join("key.pub"),
        initech.join("trusted").join(format!("{acme_id}.pub")),
    )
    .unwrap();
    ok(ledger(
        home,
        &initech,
        &["import", file.to_str().unwrap(), "--trust"],
    ));
    ok(record(home, &initech, "192.0.2.1", &[]));
    for _ in 0..4 {
        ok(record(home, &initech, "192.0.2.3", &[]));
    }
    ok(ledger(
        home,
        &initech,
        &[
            "record",
            "--type",
            "malicious_ip",
            "--source",
            "198.51.100.7",
            "--severity",
            "high",
            "--ttl",
            "2h",
        ],
    ));
    assert_eq!(size(home, &initech), 11);

    // Without a policy: every reported source (198.51.100.7 outlasts the
    // /24, so it is not folded into it).
    assert_eq!(
        plain(home, &initech, None),
        "192.0.2.1\n192.0.2.2\n192.0.2.3\n198.51.100.0/24\n198.51.100.7\n"
    );

    // Keys by id and by .pub file (relative to the policy file).
    std::fs::create_dir(home.join("keys")).unwrap();
    std::fs::copy(globex.join("key.pub"), home.join("keys/globex.pub")).unwrap();
    let policy = |k: u32| {
        let path = home.join(format!("policy-{k}.toml"));
        std::fs::write(
            &path,
            format!(
                "[block]\nquorum = {k}\n\n\
                 [domains.acme]\nkeys = [\"{acme_id}\"]\n\n\
                 [domains.globex]\nkeys = [\"keys/globex.pub\"]\ntypes = [\"malicious_ip\"]\n\n\
                 [domains.initech]\nkeys = [\"{initech_id}\"]\nmax_ttl = \"2h\"\n"
            ),
        )
        .unwrap();
        path
    };
    let (two, three) = (policy(2), policy(3));
    let out = ok(ledger(
        home,
        &initech,
        &["policy", "check", "--policy", two.to_str().unwrap()],
    ));
    let summary = text(&out);
    assert!(
        summary.contains("block when 2 of 3 domains agree"),
        "{summary}"
    );
    assert!(
        summary.contains(&format!("globex: 1 key ({})", &globex_id[..16])),
        "{summary}"
    );

    // k = 2: initech's repeated 192.0.2.3 is not enough; 198.51.100.7 is
    // corroborated by acme's /24 (which alone is not blocked).
    assert_eq!(
        plain(home, &initech, Some(&two)),
        "192.0.2.1\n192.0.2.2\n198.51.100.7\n"
    );
    let v: Value =
        serde_json::from_slice(&ok(blocklist(home, &initech, "json", Some(&two))).stdout).unwrap();
    assert_eq!(v["policy"]["quorum"], 2);
    assert_eq!(v["policy"]["domains"], 3);
    assert_eq!(v["policy"]["ignored"], 0);
    let pending: Vec<&str> = v["policy"]["pending"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["source"].as_str().unwrap())
        .collect();
    assert_eq!(pending, ["192.0.2.3", "198.51.100.0/24"]);
    assert_eq!(
        v["blocks"][0]["domains"],
        serde_json::json!(["acme", "globex", "initech"])
    );
    // 198.51.100.7 (2h) is blocked while acme's /24 (1h) corroborates it.
    let now = v["now"].as_u64().unwrap();
    let expires = v["blocks"][2]["expires"].as_u64().unwrap();
    assert!(expires <= now + 3600, "{v}");
    assert_eq!(
        v["blocks"][2]["domains"],
        serde_json::json!(["acme", "initech"])
    );
    // The text form says why the rest is not blocked.
    let t = text(&ok(blocklist(home, &initech, "text", Some(&two))));
    assert!(
        t.contains("192.0.2.3: 1 of the 2 domains needed (initech), not blocked"),
        "{t}"
    );
    assert!(
        t.contains("trust policy: block when 2 of 3 domains agree"),
        "{t}"
    );

    // k = 3: only the source all three reported.
    assert_eq!(plain(home, &initech, Some(&three)), "192.0.2.1\n");
    // The same policy as <data-dir>/policy.toml applies without --policy.
    std::fs::create_dir_all(initech.join("keys")).unwrap();
    std::fs::copy(
        home.join("keys/globex.pub"),
        initech.join("keys/globex.pub"),
    )
    .unwrap();
    std::fs::copy(&three, initech.join("policy.toml")).unwrap();
    assert_eq!(plain(home, &initech, None), "192.0.2.1\n");

    // A policy change re-checks what is recorded: globex may now report
    // only scanners, so its events are ignored (and counted).
    let scanners = home.join("scanners.toml");
    std::fs::write(
        &scanners,
        std::fs::read_to_string(&two)
            .unwrap()
            .replace("types = [\"malicious_ip\"]", "types = [\"scanner\"]"),
    )
    .unwrap();
    assert_eq!(
        plain(home, &initech, Some(&scanners)),
        "192.0.2.1\n198.51.100.7\n"
    );
    let v: Value =
        serde_json::from_slice(&ok(blocklist(home, &initech, "json", Some(&scanners))).stdout)
            .unwrap();
    assert_eq!(v["policy"]["ignored"], 2, "{v}");
}

/// record refuses, exit 65, what the policy does not admit (a type not
/// allowed, a severity below the minimum, a TTL above the maximum, a key
/// claiming another domain), and writes nothing.
#[test]
fn record_refuses_inadmissible_events() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (acme, acme_id) = init(home, "acme", "acme");
    // A ledger whose key the policy lists under acme, but that says it
    // reports for globex.
    let (rogue, rogue_id) = init(home, "rogue", "globex");
    let (_, globex_id) = init(home, "globex", "globex");
    let policy = home.join("policy.toml");
    std::fs::write(
        &policy,
        format!(
            "[domains.acme]\nkeys = [\"{acme_id}\", \"{rogue_id}\"]\ntypes = [\"malicious_ip\", \"brute_force\"]\n\
             min_severity = \"medium\"\nmax_ttl = \"24h\"\n\n[domains.globex]\nkeys = [\"{globex_id}\"]\n"
        ),
    )
    .unwrap();
    let p = policy.to_str().unwrap();
    ok(record(home, &acme, "192.0.2.1", &["--policy", p]));
    let cases: [(&Path, Vec<&str>, &str); 5] = [
        (
            &acme,
            vec!["--type", "scanner"],
            "domain \"acme\" may not report type \"scanner\" (its types: brute_force, malicious_ip)",
        ),
        (
            &acme,
            vec!["--severity", "low"],
            "severity low is below domain \"acme\"'s min_severity medium",
        ),
        (
            &acme,
            vec!["--ttl", "3d"],
            "ttl 3d is above domain \"acme\"'s max_ttl 1d",
        ),
        (
            &acme,
            vec!["--ttl", "0"],
            "ttl 0 (permanent) is above domain \"acme\"'s max_ttl 1d",
        ),
        (
            &rogue,
            vec![],
            "is not a key of domain \"globex\" (the policy lists it under \"acme\"",
        ),
    ];
    for (dir, flags, says) in cases {
        let before = size(home, dir);
        let mut args = vec![
            "record",
            "--type",
            "malicious_ip",
            "--source",
            "192.0.2.9",
            "--severity",
            "high",
            "--ttl",
            "1h",
        ];
        // The case's flags replace the defaults.
        for pair in flags.chunks(2) {
            let at = args.iter().position(|a| *a == pair[0]).unwrap();
            args[at + 1] = pair[1];
        }
        args.extend(["--policy", p]);
        let out = ledger(home, dir, &args);
        assert_eq!(out.status.code(), Some(65), "{says}: {}", text(&out));
        let t = text(&out);
        assert!(t.contains("refused by the trust policy"), "{t}");
        assert!(t.contains(says), "{t}\n(wanted {says:?})");
        assert_eq!(size(home, dir), before, "{says}: nothing written");
    }
    // A batch stops at the refused line, naming it, after committing the
    // lines before it.
    let batch = home.join("batch.jsonl");
    std::fs::write(
        &batch,
        "{\"type\":\"malicious_ip\",\"source\":\"192.0.2.20\",\"severity\":\"high\",\"ttl\":60}\n\
         {\"type\":\"scanner\",\"source\":\"192.0.2.21\",\"severity\":\"high\",\"ttl\":60}\n",
    )
    .unwrap();
    let before = size(home, &acme);
    let out = ledger(
        home,
        &acme,
        &["record", "--batch", batch.to_str().unwrap(), "--policy", p],
    );
    assert_eq!(out.status.code(), Some(65), "{}", text(&out));
    assert!(
        text(&out).contains("line 2: refused by the trust policy"),
        "{}",
        text(&out)
    );
    assert_eq!(size(home, &acme), before + 1);

    // The policy itself: invalid → 65 naming line and field; missing → 66.
    let bad = home.join("bad.toml");
    std::fs::write(
        &bad,
        format!("[block]\nquorum = 1\n[domains.acme]\nkeys = [\"{acme_id}\"]\nmin_severity = \"urgent\"\n"),
    )
    .unwrap();
    for cmd in [
        vec!["policy", "check", "--policy", bad.to_str().unwrap()],
        vec!["blocklist", "--policy", bad.to_str().unwrap()],
        vec![
            "record",
            "--type",
            "scanner",
            "--source",
            "192.0.2.1",
            "--severity",
            "high",
            "--policy",
            bad.to_str().unwrap(),
        ],
    ] {
        let out = ledger(home, &acme, &cmd);
        assert_eq!(out.status.code(), Some(65), "{cmd:?}: {}", text(&out));
        assert!(
            text(&out)
                .contains("line 5, column 16: domains.acme.min_severity: severity \"urgent\""),
            "{}",
            text(&out)
        );
    }
    let out = ledger(
        home,
        &acme,
        &["policy", "check", "--policy", "nowhere.toml"],
    );
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
    let out = ledger(home, &acme, &["policy", "check"]);
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
    assert!(
        text(&out).contains("policy.toml does not exist"),
        "{}",
        text(&out)
    );
}

/// import refuses a whole document that holds an inadmissible event, naming
/// the first one, and writes nothing (no entry, no trusted key).
#[test]
fn import_refuses_a_document_with_an_inadmissible_event() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (acme, acme_id) = init(home, "acme", "acme");
    ok(record(home, &acme, "192.0.2.1", &[]));
    ok(ledger(
        home,
        &acme,
        &[
            "record",
            "--type",
            "scanner",
            "--source",
            "192.0.2.2",
            "--severity",
            "low",
        ],
    ));
    let file = home.join("acme.json");
    export(home, &acme, &file);
    let (dst, dst_id) = init(home, "dst", "globex");
    let policy = home.join("policy.toml");
    let write = |types: &str| {
        std::fs::write(
            &policy,
            format!(
                "[domains.acme]\nkeys = [\"{acme_id}\"]\ntypes = [{types}]\n\n[domains.globex]\nkeys = [\"{dst_id}\"]\n"
            ),
        )
        .unwrap()
    };
    write("\"malicious_ip\"");
    let rows = ok(omni(home)
        .args(["--format", "json", "ledger", "query", "--data-dir"])
        .arg(&acme)
        .output()
        .unwrap());
    let rows: Value = serde_json::from_slice(&rows.stdout).unwrap();
    let second = rows[1]["id"].as_str().unwrap().to_owned();
    let out = ledger(
        home,
        &dst,
        &[
            "import",
            file.to_str().unwrap(),
            "--trust",
            "--policy",
            policy.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(65), "{}", text(&out));
    let t = text(&out);
    assert!(t.contains("nothing imported"), "{t}");
    assert!(t.contains(&format!("entry 1 ({second})")), "{t}");
    assert!(t.contains("may not report type \"scanner\""), "{t}");
    assert_eq!(size(home, &dst), 0, "nothing written");
    assert!(!dst.join("trusted").exists(), "no key trusted");
    // Once the policy allows scanners, the same document imports.
    write("\"malicious_ip\", \"scanner\"");
    let out = ok(ledger(
        home,
        &dst,
        &[
            "import",
            file.to_str().unwrap(),
            "--trust",
            "--policy",
            policy.to_str().unwrap(),
        ],
    ));
    assert!(text(&out).contains("2 added"), "{}", text(&out));
}

/// A node with a policy refuses inadmissible submissions (400 with the
/// reason; `record --node` exits 2) and streams only decisions the quorum
/// supports.
#[test]
fn the_node_admits_by_the_policy_and_streams_by_the_quorum() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let (dir, acme_id) = init(home, "acme", "acme");
    let (_, globex_id) = init(home, "globex", "globex");
    std::fs::write(
        dir.join("policy.toml"),
        format!(
            "[block]\nquorum = 2\n[domains.acme]\nkeys = [\"{acme_id}\"]\ntypes = [\"malicious_ip\"]\n\
             [domains.globex]\nkeys = [\"{globex_id}\"]\n"
        ),
    )
    .unwrap();
    let port = 19_950 + (std::process::id() % 40) as u16;
    let mut node = omni(home)
        .args(["ledger", "node", "--data-dir"])
        .arg(&dir)
        .args(["--port", &port.to_string(), "--api-key", "k"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(node.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on"), "{line}");
    let addr = format!("127.0.0.1:{port}");
    let submit = |kind: &str| {
        omni(home)
            .args(["ledger", "record", "--node", &addr, "--api-key", "k"])
            .args([
                "--type",
                kind,
                "--source",
                "192.0.2.1",
                "--severity",
                "high",
            ])
            .output()
            .unwrap()
    };
    let out = submit("scanner");
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(
        text(&out).contains(
            "refused by the trust policy: domain \"acme\" may not report type \"scanner\""
        ),
        "{}",
        text(&out)
    );
    let out = submit("malicious_ip");
    assert!(out.status.success(), "{}", text(&out));
    let url = format!("http://{addr}/v1/decisions/stream?startup=true");
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys,urllib.request\nr=urllib.request.Request(sys.argv[1],headers={'X-Api-Key':'k'})\nprint(urllib.request.urlopen(r).read().decode())",
            &url,
        ])
        .output()
        .unwrap();
    let _ = node.kill();
    let _ = node.wait();
    let v: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out)));
    assert_eq!(v["new"], serde_json::json!([]), "one domain of two: {v}");
}
