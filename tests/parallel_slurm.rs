//! `omni parallel submit --backend slurm` against a real one-node Slurm
//! cluster that the fixture starts in a temp dir (its own slurm.conf, state
//! and spool dirs, free loopback ports, a private munged), and stops on drop.
//!
//! Runs as root when `slurmctld`, `slurmd`, `munged` and `sbatch` are on
//! PATH (Debian: `apt-get install slurm-wlm munge`) and `OMNI_TEST_SLURM` is
//! not `0`; otherwise prints `SKIP`. Slurm turns slots over slowly (about two
//! jobs every 3 s), so the graphs stay small.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{is_root, omni, skip};

struct Cluster {
    dir: tempfile::TempDir,
    conf: PathBuf,
    daemons: Vec<Child>,
}

fn on_path(bin: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(bin).is_file()))
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Cluster {
    /// Starts the cluster, or says why it cannot (the caller prints SKIP).
    fn start() -> Result<Cluster, String> {
        if std::env::var("OMNI_TEST_SLURM").is_ok_and(|v| v == "0") {
            return Err("OMNI_TEST_SLURM=0".into());
        }
        if !is_root() {
            return Err("needs root (slurmd runs jobs as their user)".into());
        }
        for bin in ["slurmctld", "slurmd", "munged", "sbatch"] {
            if !on_path(bin) {
                return Err(format!(
                    "{bin} is not on PATH (apt-get install slurm-wlm munge)"
                ));
            }
        }
        if !Path::new("/etc/munge/munge.key").exists() {
            return Err("/etc/munge/munge.key is missing".into());
        }
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().to_path_buf();
        let d = d.as_path();
        for sub in ["state", "spool", "munge", "work"] {
            std::fs::create_dir_all(d.join(sub)).unwrap();
        }
        // Daemons and munge need to traverse the temp dir.
        use std::os::unix::fs::PermissionsExt;
        for p in [d.to_path_buf(), d.join("munge")] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        let sock = d.join("munge/sock");
        let (ctld, slurmd) = (free_port(), free_port());
        let conf = d.join("slurm.conf");
        std::fs::write(
            &conf,
            format!(
                "ClusterName=omnitest\nSlurmctldHost=localhost\nSlurmctldPort={ctld}\nSlurmdPort={slurmd}\n\
                 AuthType=auth/munge\nAuthInfo=socket={sock}\nProctrackType=proctrack/linuxproc\nTaskPlugin=task/none\n\
                 SelectType=select/cons_tres\nSelectTypeParameters=CR_Core\nStateSaveLocation={d}/state\n\
                 SlurmdSpoolDir={d}/spool\nSlurmctldPidFile={d}/slurmctld.pid\nSlurmdPidFile={d}/slurmd.pid\n\
                 SlurmctldLogFile={d}/slurmctld.log\nSlurmdLogFile={d}/slurmd.log\nSlurmUser=root\nReturnToService=2\n\
                 MinJobAge=3600\nJobAcctGatherType=jobacct_gather/none\nAccountingStorageType=accounting_storage/none\n\
                 NodeName=localhost CPUs=2 RealMemory=2000 State=UNKNOWN\n\
                 PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP\n",
                sock = sock.display(),
                d = d.display(),
            ),
        )
        .unwrap();
        let mut cluster = Cluster {
            dir,
            conf,
            daemons: Vec::new(),
        };
        let quiet = |c: &mut Command| {
            c.stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
        };
        let mut munged = Command::new("munged");
        munged
            .arg("-F")
            .arg("--force")
            .arg(format!("--socket={}", sock.display()));
        for (k, v) in [
            ("pid-file", "munge/pid"),
            ("log-file", "munge/log"),
            ("seed-file", "munge/seed"),
        ] {
            munged.arg(format!("--{k}={}", d.join(v).display()));
        }
        quiet(&mut munged);
        cluster
            .daemons
            .push(munged.spawn().map_err(|e| format!("munged: {e}"))?);
        cluster.wait("munged's socket", 10, || sock.exists());
        for (bin, args) in [("slurmctld", &["-D", "-i"][..]), ("slurmd", &["-D"][..])] {
            let mut c = Command::new(bin);
            c.args(args).env("SLURM_CONF", &cluster.conf);
            quiet(&mut c);
            cluster
                .daemons
                .push(c.spawn().map_err(|e| format!("{bin}: {e}"))?);
        }
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let out = cluster.slurm("sinfo", &["-h", "-o", "%T"]);
            if String::from_utf8_lossy(&out.stdout).contains("idle") {
                break;
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the node did not become idle in 30 s: {}",
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(cluster)
    }

    fn wait(&self, what: &str, secs: u64, mut cond: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        while !cond() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// A Slurm client command against this cluster.
    fn slurm(&self, bin: &str, args: &[&str]) -> Output {
        Command::new(bin)
            .args(args)
            .env("SLURM_CONF", &self.conf)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    fn write(&self, name: &str, body: &str) {
        std::fs::write(self.work().join(name), body).unwrap();
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.work().join(name)).unwrap_or_default()
    }

    /// `omni parallel ARGS` in the work dir, seeing this cluster.
    fn omni(&self, args: &[&str]) -> Output {
        omni(self.dir.path())
            .current_dir(self.work())
            .env("SLURM_CONF", &self.conf)
            .arg("parallel")
            .args(args)
            .output()
            .unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let out = self.omni(&all);
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out)))
    }

    /// Every job Slurm knows, as (id, name, state) from `scontrol show job -o`.
    fn jobs(&self) -> Vec<(String, String, String)> {
        let out = self.slurm("scontrol", &["show", "job", "-o"]);
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| {
                let field = |k: &str| {
                    l.split_whitespace()
                        .find_map(|w| w.strip_prefix(k))
                        .unwrap_or("")
                        .to_string()
                };
                (field("JobId="), field("JobName="), field("JobState="))
            })
            .collect()
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self.slurm("scancel", &["--user=root"]);
        // slurmd first, then the controller, then munged; bounded waits.
        for child in self.daemons.iter_mut().rev() {
            // SAFETY: kill has no memory preconditions; the pid is our child's.
            unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGTERM) };
            let deadline = Instant::now() + Duration::from_secs(5);
            while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(50));
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn text(out: &Output) -> String {
    format!(
        "status {:?}\nstdout: {}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn tasks(report: &serde_json::Value) -> std::collections::BTreeMap<String, serde_json::Value> {
    report["tasks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["name"].as_str().unwrap().to_string(), t.clone()))
        .collect()
}

const DIAMOND: &str = r#"
tasks:
  a:   {cmd: "echo a >> side; echo A > a.txt", outputs: [a.txt]}
  b:   {cmd: "echo b >> side; cat a.txt > b.txt", deps: [a], inputs: [a.txt], outputs: [b.txt]}
  c:   {cmd: "echo c >> side; cat a.txt > c.txt", deps: [a], inputs: [a.txt], outputs: [c.txt], env: {TAG: "x,y"}}
  fan: {foreach: [x, y, z], cmd: "echo fan{} >> side; echo out-{}; echo {} > fan-{}.txt", deps: [a], outputs: ["fan-{}.txt"]}
  d:   {cmd: "echo d >> side; cat b.txt c.txt fan-x.txt fan-y.txt fan-z.txt > d.txt", deps: [b, c, fan], inputs: [b.txt, c.txt]}
"#;

const FAILING: &str = r#"
tasks:
  ok:     {cmd: "echo ok > ok.txt"}
  bad:    {cmd: "exit 3"}
  after:  {cmd: "echo never >> never", deps: [bad, ok]}
  later:  {cmd: "echo never >> never", deps: [after]}
  onfail: {cmd: "echo handled > handled.txt", when: "bad.failed"}
  flaky:  {cmd: "n=$(cat n 2>/dev/null || echo 0); echo $((n+1)) > n; test $n -ge 1", retries: {max: 2, backoff: 100ms}, cache: false}
  then:   {cmd: "echo then > then.txt", deps: [flaky]}
"#;

const CANCEL: &str = r#"
tasks:
  long: {cmd: "sleep 120", cache: false}
  next: {cmd: "echo never >> never", deps: [long]}
"#;

#[test]
fn slurm_backend_runs_graphs_caches_and_cancels() {
    const TEST: &str = "parallel_slurm::slurm_backend_runs_graphs_caches_and_cancels";
    let started = Instant::now();
    let cluster = match Cluster::start() {
        Ok(c) => c,
        Err(reason) => return skip(TEST, &reason),
    };

    // 1. A diamond with a three-way array fan-out.
    cluster.write("g.yaml", DIAMOND);
    let out = cluster.omni(&["submit", "--graph", "g.yaml", "--backend", "slurm"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let mut side: Vec<String> = cluster.read("side").lines().map(String::from).collect();
    let order = side.clone();
    side.sort();
    assert_eq!(
        side,
        ["a", "b", "c", "d", "fanx", "fany", "fanz"],
        "each ran once"
    );
    let pos = |s: &str| order.iter().position(|l| l == s).unwrap();
    assert!(
        pos("a") < pos("b") && pos("a") < pos("fanx") && pos("d") == 6,
        "{order:?}"
    );
    assert_eq!(cluster.read("d.txt"), "A\nA\nx\ny\nz\n");
    let first = cluster.json(&["jobs"])[0]["job_id"]
        .as_str()
        .unwrap()
        .to_string();
    let report = cluster.json(&["status", "--job-id", &first]);
    let t = tasks(&report);
    assert_eq!(t["fan"]["instances"], 3);
    assert_eq!(t["fan"]["state"], "succeeded");
    assert!(t.values().all(|t| t["state"] == "succeeded"), "{report}");
    let fan_jobs: Vec<_> = cluster
        .jobs()
        .into_iter()
        .filter(|(_, name, _)| name == &format!("omni-{first}-fan"))
        .collect();
    assert_eq!(
        fan_jobs.len(),
        3,
        "one array job, three instances: {fan_jobs:?}"
    );
    assert!(fan_jobs.iter().all(|(_, _, s)| s == "COMPLETED"));
    let logs = cluster.omni(&["logs", "--job-id", &first, "--task", "fan"]);
    let logs = String::from_utf8_lossy(&logs.stdout).to_string();
    for n in 1..=3 {
        assert!(logs.contains(&format!("==> fan.{n}.out <==")), "{logs}");
    }
    assert!(logs.contains("out-x") && logs.contains("out-z"), "{logs}");

    // 2. The same graph again: all cached, nothing submitted.
    let before = cluster.jobs().len();
    let out = cluster.omni(&["submit", "--graph", "g.yaml", "--backend", "slurm"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let again = cluster.json(&["jobs"]);
    let second = again[0]["job_id"].as_str().unwrap().to_string();
    assert_ne!(second, first);
    let t = tasks(&cluster.json(&["status", "--job-id", &second]));
    assert!(t.values().all(|t| t["state"] == "cached"), "{t:?}");
    assert_eq!(cluster.read("side").lines().count(), 7, "nothing ran again");
    assert_eq!(cluster.jobs().len(), before, "nothing was submitted");
    assert!(
        !cluster.jobs().iter().any(|(_, n, _)| n.contains(&second)),
        "no job of {second} in slurm"
    );

    // 3. A failure: dependants skipped with the reason, independent tasks and
    // `when: bad.failed` run, a flaky task is resubmitted until it passes.
    cluster.write("f.yaml", FAILING);
    let out = cluster.omni(&[
        "submit",
        "--graph",
        "f.yaml",
        "--backend",
        "slurm",
        "--keep-going",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let job = cluster.json(&["jobs"])[0]["job_id"]
        .as_str()
        .unwrap()
        .to_string();
    let t = tasks(&cluster.json(&["status", "--job-id", &job]));
    assert_eq!(t["bad"]["state"], "failed");
    assert_eq!(t["bad"]["exit_code"], 3);
    assert_eq!(t["bad"]["reason"], "exited with status 3");
    assert_eq!(t["after"]["state"], "skipped");
    assert_eq!(t["after"]["reason"], "upstream 'bad' failed");
    assert_eq!(t["later"]["state"], "skipped");
    assert_eq!(t["later"]["reason"], "upstream 'after' was skipped");
    for ok in ["ok", "onfail", "flaky", "then"] {
        assert_eq!(t[ok]["state"], "succeeded", "{ok}: {:?}", t[ok]);
    }
    assert_eq!(t["flaky"]["attempts"], 2);
    assert_eq!(cluster.read("never"), "");
    assert_eq!(cluster.read("handled.txt"), "handled\n");
    assert_eq!(cluster.read("then.txt"), "then\n");
    let junit = cluster.omni(&["results", "--job-id", &job, "--format", "junit"]);
    assert_eq!(junit.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&junit.stdout)
            .contains("<failure message=\"exited with status 3\"/>")
    );

    // 4. Cancel reaches Slurm: a running job and a pending dependant.
    cluster.write("c.yaml", CANCEL);
    let out = cluster.omni(&[
        "submit",
        "--graph",
        "c.yaml",
        "--backend",
        "slurm",
        "--detach",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let job = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let name = |task: &str| format!("omni-{job}-{task}");
    cluster.wait("the long task to run in slurm", 30, || {
        let jobs = cluster.jobs();
        jobs.iter()
            .any(|(_, n, s)| n == &name("long") && s == "RUNNING")
            && jobs
                .iter()
                .any(|(_, n, s)| n == &name("next") && s == "PENDING")
    });
    // `status` shows the Slurm job and its state once omni has polled.
    cluster.wait("status to show the running slurm job", 10, || {
        let status = cluster.omni(&["status", "--job-id", &job]);
        String::from_utf8_lossy(&status.stdout).contains("(RUNNING)")
    });
    let out = cluster.omni(&["cancel", "--job-id", &job]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    cluster.wait("both jobs CANCELLED in scontrol", 15, || {
        let jobs = cluster.jobs();
        ["long", "next"].iter().all(|t| {
            jobs.iter()
                .any(|(_, n, s)| n == &name(t) && s == "CANCELLED")
        })
    });
    let report = cluster.json(&["status", "--job-id", &job]);
    assert_eq!(report["state"], "cancelled");
    assert!(
        tasks(&report).values().all(|t| t["state"] == "cancelled"),
        "{report}"
    );

    // 5. kill -9 of omni, then resume: the lost run's Slurm job is cancelled
    //    before the task is submitted again, never running beside it.
    let out = cluster.omni(&[
        "submit",
        "--graph",
        "c.yaml",
        "--backend",
        "slurm",
        "--detach",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let job = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let long = format!("omni-{job}-long");
    cluster.wait("the long task to run in slurm", 30, || {
        cluster
            .jobs()
            .iter()
            .any(|(_, n, s)| n == &long && s == "RUNNING")
    });
    let pid = cluster.json(&["status", "--job-id", &job])["pid"]
        .as_i64()
        .unwrap();
    // SAFETY: kill with a pid from the job store: the detached omni.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) }, 0);
    cluster.wait("the job to be lost", 10, || {
        cluster.json(&["status", "--job-id", &job])["state"] == "lost"
    });
    let old: Vec<String> = cluster
        .jobs()
        .into_iter()
        .filter(|(_, n, s)| n == &long && s == "RUNNING")
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(old.len(), 1, "the lost run's job still runs in slurm");
    let out = cluster.omni(&["resume", "--job-id", &job, "--detach"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    cluster.wait("a new long job to run in slurm", 30, || {
        cluster
            .jobs()
            .iter()
            .any(|(id, n, s)| n == &long && s == "RUNNING" && !old.contains(id))
    });
    let jobs = cluster.jobs();
    assert!(
        jobs.iter()
            .any(|(id, _, s)| id == &old[0] && s == "CANCELLED"),
        "the lost run's job was cancelled: {jobs:?}"
    );
    assert_eq!(
        jobs.iter()
            .filter(|(_, n, s)| n == &long && s == "RUNNING")
            .count(),
        1,
        "{jobs:?}"
    );
    let out = cluster.omni(&["cancel", "--job-id", &job]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    eprintln!("slurm test took {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn a_missing_slurm_is_one_line_and_exit_69() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("g.yaml"), "tasks:\n  a: {cmd: \"true\"}\n").unwrap();
    let out = omni(dir.path())
        .current_dir(dir.path())
        .env("PATH", dir.path().join("no-such-dir"))
        .args([
            "parallel",
            "submit",
            "--graph",
            "g.yaml",
            "--backend",
            "slurm",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(69), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("sbatch is not on PATH"), "{err}");
}
