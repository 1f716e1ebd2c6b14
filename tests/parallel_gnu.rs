//! `omni parallel run`: GNU parallel compatibility, checked against Debian's `parallel`.
//!
//! The oracle is GNU parallel itself: each example runs under both tools and
//! the outputs (with `-k`) and exit statuses must agree. GNU runs with
//! `SHELL=/bin/sh`, the shell omni uses. Every process is bounded (short
//! sleeps, `--timeout`), so the module takes a few seconds.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use omni::runtime::executor::Executor;
use omni::runtime::governor::{Governor, GovernorSettings};
use omni::systems::parallel::gnu::{self, Halt, JobsSpec, Options, Plan};

use crate::util::{self, omni, skip};

fn have_gnu(test: &str) -> bool {
    let ok = Command::new("parallel")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        skip(
            test,
            "GNU parallel is not installed (apt-get install parallel)",
        );
    }
    ok
}

fn gnu_cmd(home: &Path) -> Command {
    let mut cmd = Command::new("parallel");
    cmd.arg("--will-cite")
        .env("HOME", home)
        .env("SHELL", "/bin/sh")
        .current_dir(home);
    cmd
}

fn omni_cmd(home: &Path) -> Command {
    let mut cmd = omni(home);
    cmd.args(["parallel", "run"]).current_dir(home);
    cmd
}

fn with_stdin(mut cmd: Command, stdin: &str) -> Output {
    use std::io::Write;
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().expect("wait")
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[test]
fn man_page_examples_match_gnu() {
    if !have_gnu("parallel_gnu::man_page_examples_match_gnu") {
        return;
    }
    let h = home();
    std::fs::write(h.path().join("list"), "one\ntwo words\n$HOME\n").unwrap();
    let cases: &[(&[&str], &str)] = &[
        (&["-k", "echo", "{}", ":::", "a", "b", "c"], ""),
        (&["-k", "echo", ":::", "a", "b", "c"], ""),
        (
            &[
                "-k",
                "echo",
                "{.} {/} {//} {/.}",
                ":::",
                "/a/b.c.tar",
                "d e.x",
                "f",
                "x/y/",
            ],
            "",
        ),
        (
            &["-k", "-j1", "echo", "{#} {%} {}", ":::", "a", "b", "c"],
            "",
        ),
        (&["-k", "echo", ":::", "a", "b", ":::", "1", "2", "3"], ""),
        (
            &["-k", "echo", "{2}-{1}", ":::", "a", "b", ":::", "1", "2"],
            "",
        ),
        (
            &["-k", "echo", "{1} {2}", ":::", "a", "b", ":::+", "1", "2"],
            "",
        ),
        (
            &["-k", "echo", "{1/} {2.}", ":::", "p/q.r", ":::", "s.t"],
            "",
        ),
        (&["-k", "echo", "::::", "list"], ""),
        (&["-k", "-a", "list", "echo", "x"], ""),
        (&["-k", "echo", "in:"], "l1\nl 2\n'q'\n"),
        (&["-k", "echo", "::::", "-", ":::", "z"], "s1\ns2\n"),
        (
            &["-k", "--tag", "echo", ":::", "a", "b", ":::", "1", "2"],
            "",
        ),
        (
            &[
                "-k", "echo", ":::", "a b", "$HOME", "it's", "x\"y", "*", "~", "a;b", "", "$(id)",
            ],
            "",
        ),
        (
            &["-k", "printf '%s|' {}; echo", ":::", "  lead", "tab\there"],
            "",
        ),
        (&["-k", "echo", "pre", "{}", "post", ":::", "1", "2"], ""),
        (&["-k", "--dry-run", "echo", ":::", "a b", "it's", "x"], ""),
        (&["-k", ":::", "echo hi", "echo there"], ""),
        (
            &["-k", "echo {.}/{/.}", ":::", ".bashrc", "a.b.", "/x.y/z"],
            "",
        ),
        (
            &["-k", "sh -c 'echo out; echo err >&2; exit 2'", ":::", "1"],
            "",
        ),
    ];
    let mut mismatches = Vec::new();
    for (args, stdin) in cases {
        let mut g = gnu_cmd(h.path());
        g.args(*args);
        let gnu_out = with_stdin(g, stdin);
        let mut o = omni_cmd(h.path());
        o.args(*args);
        let omni_out = with_stdin(o, stdin);
        let (gs, os) = (
            String::from_utf8_lossy(&gnu_out.stdout).into_owned(),
            String::from_utf8_lossy(&omni_out.stdout).into_owned(),
        );
        let (gc, oc) = (
            gnu_out.status.code().unwrap(),
            omni_out.status.code().unwrap(),
        );
        if gs != os || gc != oc {
            mismatches.push(format!(
                "{args:?}: gnu {gc} {gs:?} vs omni {oc} {os:?} (stderr {:?})",
                String::from_utf8_lossy(&omni_out.stderr)
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Runs a plan in-process and returns GNU's exit status as omni computes it.
fn status_of(words: &[&str], opts: Options) -> u8 {
    let words: Vec<String> = words.iter().map(|s| (*s).to_string()).collect();
    let plan = Plan::build(&words, &[], &mut std::io::empty()).unwrap();
    let governor = Governor::new(GovernorSettings {
        workers: 8,
        ..GovernorSettings::default()
    })
    .unwrap();
    let ex = Executor::new(2);
    let interrupt = tokio_util::sync::CancellationToken::new();
    ex.block_on(gnu::run(&plan, &opts, &governor, &interrupt, |_| {
        Ok::<(), gnu::GnuError>(())
    }))
    .unwrap()
    .unwrap()
    .status
}

fn gnu_status(home: &Path, args: &[&str]) -> i32 {
    gnu_cmd(home)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .code()
        .unwrap()
}

#[test]
fn exit_statuses_match_gnu() {
    if !have_gnu("parallel_gnu::exit_statuses_match_gnu") {
        return;
    }
    let h = home();
    let many: Vec<String> = (0..105).map(|i| i.to_string()).collect();
    let mut many_words = vec!["exit 1", ":::"];
    many_words.extend(many.iter().map(String::as_str));
    let cases: Vec<(Vec<&str>, Option<&str>)> = vec![
        (vec!["exit {}", ":::", "0", "1", "2", "3"], None),
        (vec!["exit {}", ":::", "0", "0"], None),
        (many_words.clone(), None),
        (
            vec!["exit {}", ":::", "0", "4", "2", "3"],
            Some("now,fail=1"),
        ),
        (
            vec!["exit {}", ":::", "0", "4", "7", "3", "5"],
            Some("soon,fail=2"),
        ),
        (
            vec!["exit {}", ":::", "4", "0", "7", "3", "5"],
            Some("now,done=3"),
        ),
        (
            vec!["exit {}", ":::", "0", "0", "3", "5", "0", "0"],
            Some("now,fail=50%"),
        ),
        (vec!["exit {}", ":::", "4", "0", "2"], Some("now,success=1")),
        (vec!["exit {}", ":::", "0", "0", "3"], Some("now,fail=2")),
        (vec!["kill -9 $$", ":::", "1"], Some("now,fail=1")),
    ];
    for (words, halt) in cases {
        let mut gnu_args = vec!["-j1"];
        if let Some(h) = halt {
            gnu_args.extend(["--halt", h]);
        }
        gnu_args.extend(words.iter().copied());
        let expected = gnu_status(h.path(), &gnu_args);
        let opts = Options {
            jobs: JobsSpec::Exact(1),
            halt: halt.map(|t| Halt::parse(t).unwrap()).unwrap_or_default(),
            ..Options::default()
        };
        let got = status_of(&words, opts);
        assert_eq!(i32::from(got), expected, "{halt:?} {:?}", &words[..3]);
        // And the omni process exits with it, as GNU's does.
        let st = omni_cmd(h.path())
            .args(&gnu_args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap();
        assert_eq!(st.code(), Some(expected), "process: {gnu_args:?}");
    }
}

#[test]
fn halt_now_stops_early_and_kills_running_jobs() {
    let h = home();
    let marker = h.path().join("late");
    let clock = Instant::now();
    let out = omni_cmd(h.path())
        .args([
            "-j2",
            "--halt",
            "now,fail=1",
            &format!(
                "if [ {{}} = 1 ]; then exit 5; fi; sleep 3; touch {}",
                marker.display()
            ),
            ":::",
            "1",
            "2",
            "3",
            "4",
        ])
        .output()
        .unwrap();
    // GNU exits with the status of the job that triggered the halt.
    assert_eq!(out.status.code(), Some(5));
    assert!(
        clock.elapsed() < Duration::from_millis(2500),
        "{:?}",
        clock.elapsed()
    );
    std::thread::sleep(Duration::from_millis(100));
    assert!(!marker.exists(), "a job ran on after --halt now");
    assert!(String::from_utf8_lossy(&out.stderr).contains("this job failed"));
}

fn alive(pid_file: &Path) -> bool {
    std::fs::read_to_string(pid_file).is_ok_and(|pid| util::alive(&pid))
}

#[test]
fn timeout_kills_grandchildren_and_is_logged_like_gnu() {
    let h = home();
    let pid_file = h.path().join("pid");
    let log = h.path().join("log");
    let out = omni_cmd(h.path())
        .args([
            "--timeout",
            "300ms",
            "--joblog",
            log.to_str().unwrap(),
            &format!(
                "sh -c 'trap \"\" TERM; echo $$ > {}; sleep 30' & wait; echo {{}}",
                pid_file.display()
            ),
            ":::",
            "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!alive(&pid_file), "the grandchild survived the timeout");
    let text = std::fs::read_to_string(&log).unwrap();
    let line: Vec<&str> = text.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!((line[6], line[7]), ("-1", "15"), "{text}");
}

fn side_effects(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `exit` as the job: writes `ran/<arg>.<n>` then fails for odd args on the
/// first run only (a `fixed` file makes later runs succeed).
fn job_cmd(ran: &Path) -> String {
    format!(
        "n=$(ls {r} | grep -c '^{{}}\\.'); touch {r}/{{}}.$n; [ -e {r}/../fixed ] || [ $(({{}} % 2)) = 0 ]",
        r = ran.display()
    )
}

#[test]
fn gnu_resumes_failed_jobs_from_omnis_joblog_and_back() {
    if !have_gnu("parallel_gnu::gnu_resumes_failed_jobs_from_omnis_joblog_and_back") {
        return;
    }
    // omni writes, GNU resumes.
    let h = home();
    let ran = h.path().join("ran");
    std::fs::create_dir(&ran).unwrap();
    let log = h.path().join("omni.log");
    let cmd = job_cmd(&ran);
    let st = omni_cmd(h.path())
        .args([
            "--joblog",
            log.to_str().unwrap(),
            &cmd,
            ":::",
            "1",
            "2",
            "4",
        ])
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(1));
    std::fs::write(h.path().join("fixed"), "").unwrap();
    let st = gnu_cmd(h.path())
        .args([
            "--resume-failed",
            "--joblog",
            log.to_str().unwrap(),
            &cmd,
            ":::",
            "1",
            "2",
            "4",
        ])
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(0));
    assert_eq!(side_effects(&ran), ["1.0", "1.1", "2.0", "4.0"]);

    // GNU writes, omni resumes.
    let h = home();
    let ran = h.path().join("ran");
    std::fs::create_dir(&ran).unwrap();
    let log = h.path().join("gnu.log");
    let cmd = job_cmd(&ran);
    let st = gnu_cmd(h.path())
        .args([
            "--joblog",
            log.to_str().unwrap(),
            &cmd,
            ":::",
            "1",
            "2",
            "3",
        ])
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(2));
    std::fs::write(h.path().join("fixed"), "").unwrap();
    let st = omni_cmd(h.path())
        .args([
            "--resume-failed",
            "--joblog",
            log.to_str().unwrap(),
            &cmd,
            ":::",
            "1",
            "2",
            "3",
        ])
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(0));
    assert_eq!(side_effects(&ran), ["1.0", "1.1", "2.0", "3.0", "3.1"]);
    // --resume skips everything the log lists, failed or not.
    let st = omni_cmd(h.path())
        .args([
            "--resume",
            "--joblog",
            log.to_str().unwrap(),
            &cmd,
            ":::",
            "1",
            "2",
            "3",
            "5",
        ])
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(0));
    assert_eq!(
        side_effects(&ran),
        ["1.0", "1.1", "2.0", "3.0", "3.1", "5.0"]
    );
    // omni's lines parse as GNU's: same header, 9 fields.
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(text.starts_with(
        "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n"
    ));
    assert!(text.lines().all(|l| l.split('\t').count() == 9), "{text}");
}

#[test]
fn bad_input_is_one_line_and_a_documented_code() {
    let h = home();
    let cases: &[(&[&str], i32)] = &[
        (&["echo", "::::", "/nonexistent/list"], 66),
        (&["--bogus", "echo", ":::", "a"], 2),
        (&[], 2),
        (&["-j", "x", "echo", ":::", "a"], 2),
        (&["--halt", "sometimes", "echo", ":::", "a"], 2),
        (&["--timeout", "soon", "echo", ":::", "a"], 2),
        (&["  ", ":::", "a"], 2),
        (&["", ":::", "a"], 2),
        (&["echo", "::::"], 2),
    ];
    for (args, code) in cases {
        let out = omni_cmd(h.path())
            .args(*args)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(*code), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error"), "{args:?}: {err}");
    }
    let log = h.path().join("bad.log");
    std::fs::write(&log, "Seq\tHost\nnot a line\n").unwrap();
    let out = omni_cmd(h.path())
        .args([
            "--resume",
            "--joblog",
            log.to_str().unwrap(),
            "true",
            ":::",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
}

#[test]
fn keep_order_holds_and_slots_stay_within_j() {
    let h = home();
    let out = omni_cmd(h.path())
        .args([
            "-k",
            "-j3",
            "sleep 0.0$((5 - {})); echo {} {%}",
            ":::",
            "1",
            "2",
            "3",
            "4",
            "5",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    for (i, l) in lines.iter().enumerate() {
        let (arg, slot) = l.split_once(' ').unwrap();
        assert_eq!(arg, (i + 1).to_string());
        let slot: usize = slot.parse().unwrap();
        assert!((1..=3).contains(&slot), "{l}");
    }
}

#[test]
fn retries_rerun_a_failing_job() {
    let h = home();
    let count = h.path().join("count");
    let out = omni_cmd(h.path())
        .args([
            "--retries",
            "3",
            &format!("echo x >> {}; exit 1", count.display()),
            ":::",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&count).unwrap().lines().count(), 3);
}
