
use builtin;
use str;

set edit:completion:arg-completer[omni] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'omni'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'omni'= {
            cand --install 'Create every alias link (chaos-cli, omni-chaos, …) in DIR'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --list 'List the systems in this build and their aliases'
            cand --dry-run 'With --install: print what would change, change nothing'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand chaos 'Inject faults (CPU, memory, disk, processes) as leases that are always given back'
            cand parallel 'Run shell tasks in parallel: task graphs with caching and resume, GNU parallel''s interface'
            cand attest 'Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify'
            cand ledger 'A signed, Merkle-proven ledger of security events'
            cand config 'Show, check or create the configuration file'
            cand ps 'List what omni runs in the background, across systems'
            cand stop 'Stop background work started with --detach'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff): omni''s, a system''s or a command''s'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;chaos'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand inject 'Apply a fault for a duration, then give it back'
            cand run 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
            cand proxy 'Serve a TCP fault proxy with Toxiproxy''s HTTP API (its clients work unchanged)'
            cand list 'Faults being held (--all: also the finished ones)'
            cand stop 'Stop a fault early and give it back'
            cand stop-all 'Stop every fault (as root, also sweep leftover tagged rules)'
            cand report 'What each fault did (--format text, json, junit or markdown)'
            cand disable 'Turn the kill switch on: stop every fault and refuse new ones'
            cand enable 'Turn the kill switch off'
            cand watchdog 'Give a lease back when its controller dies or its TTL passes (started by inject)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;chaos;inject'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --fault 'The fault'
            cand --duration 'How long the fault is held (250ms, 10s, 5m)'
            cand --load 'cpu: percent of each loaded core the hog takes (1-100)'
            cand --cores 'cpu: how many cores to load (default: every core omni may use)'
            cand --size 'memory, disk: how much (512MiB, 2GiB)'
            cand --path 'disk: the directory whose file system is filled'
            cand --interface 'loss, partition: the network interface'
            cand --netns 'loss, partition: the network namespace the interface is in (ip netns)'
            cand --delay 'latency: how long each outgoing packet is held (50ms); reorder: how long the held share waits'
            cand --jitter 'latency: a uniform spread around the delay (10ms)'
            cand --percent 'loss, reorder, duplicate, corrupt: the percentage of packets dropped, held back, sent twice or corrupted'
            cand --target 'loss, partition: only traffic to (and, for a partition, from) this IPv4 CIDR'
            cand --pid 'process-*: the target''s pid'
            cand --name 'process-*: a regular expression matched against process names and command lines'
            cand --cgroup 'process-*: the processes of a cgroup (its directory, or a path under /sys/fs/cgroup)'
            cand --port 'process-*: processes listening on this TCP port; loss, partition: only traffic to this TCP/UDP port'
            cand --mode 'process-*: how many of the matching processes: one, all, fixed, fixed-percent'
            cand --value 'process-*: the count (fixed) or percentage (fixed-percent)'
            cand --protect 'process-*: also protect processes with this name (repeatable)'
            cand --signal 'process-kill: the signal (default KILL)'
            cand --interval 'process-kill: kill matching processes again every INTERVAL until the duration ends'
            cand --lease 'The lease a detached controller holds (set by inject --detach)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --dry-run 'Print the plan and change nothing'
            cand --detach 'Run the fault in the background under the supervisor and print its lease'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;run'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dry 'Record these activities without running them (Chaos Toolkit''s --dry)'
            cand --rollback-strategy 'When rollbacks run (default: always; Chaos Toolkit''s "default" means always here)'
            cand --hypothesis-strategy 'When the steady-state hypothesis is checked'
            cand --hypothesis-frequency 'Seconds between two checks during the method (during-method-only, continuously)'
            cand --journal-path 'Where the journal is written (Chaos Toolkit''s format)'
            cand --var 'A configuration value, overriding the experiment''s (NAME[:TYPE]=VALUE; TYPE str, int, float, bool, json)'
            cand --var-file 'Configuration and secrets from a JSON or YAML file ({"configuration": {...}, "secrets": {...}}), or environment variables from a .env file'
            cand --python 'The Python interpreter for python activities'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --dry-run 'Check the experiment and print what would run, with values substituted; run nothing'
            cand --fail-fast 'Stop the method as soon as a check during it fails'
            cand --no-verify-tls 'Do not verify TLS certificates in http activities'
            cand --ignore-controls 'Run an experiment that declares controls, without them'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;proxy'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --listen 'Where the API listens (Toxiproxy''s default port is 8474)'
            cand --populate 'Proxies to create at start: a JSON array, as POST /populate takes'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --allow-public 'Allow the API and proxies on non-loopback addresses'
            cand --detach 'Run in the background under the supervisor (omni ps, omni stop)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;list'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --all 'Also the faults that ended'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;stop'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;stop-all'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --every-scope 'Also sweep rules tagged by other state directories (every omni on this machine)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;report'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --markdown 'The same as --format markdown (a table for a pull request or a wiki)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;disable'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --global 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory''s'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;enable'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --global 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory''s'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;watchdog'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;chaos;help'= {
            cand inject 'Apply a fault for a duration, then give it back'
            cand run 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
            cand proxy 'Serve a TCP fault proxy with Toxiproxy''s HTTP API (its clients work unchanged)'
            cand list 'Faults being held (--all: also the finished ones)'
            cand stop 'Stop a fault early and give it back'
            cand stop-all 'Stop every fault (as root, also sweep leftover tagged rules)'
            cand report 'What each fault did (--format text, json, junit or markdown)'
            cand disable 'Turn the kill switch on: stop every fault and refuse new ones'
            cand enable 'Turn the kill switch off'
            cand watchdog 'Give a lease back when its controller dies or its TTL passes (started by inject)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;chaos;help;inject'= {
        }
        &'omni;chaos;help;run'= {
        }
        &'omni;chaos;help;proxy'= {
        }
        &'omni;chaos;help;list'= {
        }
        &'omni;chaos;help;stop'= {
        }
        &'omni;chaos;help;stop-all'= {
        }
        &'omni;chaos;help;report'= {
        }
        &'omni;chaos;help;disable'= {
        }
        &'omni;chaos;help;enable'= {
        }
        &'omni;chaos;help;watchdog'= {
        }
        &'omni;chaos;help;help'= {
        }
        &'omni;parallel'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand submit 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
            cand status 'Show a job''s state and each task''s'
            cand results 'A job''s results (--format text, json or junit); exit 1 when a task failed'
            cand logs 'Print a job''s task logs'
            cand cancel 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL'
            cand resume 'Finish a job (lost, failed or cancelled) without re-running what completed'
            cand jobs 'List jobs, newest first'
            cand explain 'Why a task ran or was served from the cache'
            cand run '`omni parallel run [OPTIONS] COMMAND ::: ARGS…`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;parallel;submit'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --graph 'The task graph (YAML, or JSON when the name ends in .json)'
            cand --backend 'Where tasks run'
            cand --halt 'On failure: `soon,fail=1` (default: let running tasks finish) or `now,fail=1` (stop them)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --detach 'Return at once with the job id; the job runs under the supervisor (see omni ps)'
            cand --keep-going 'Run everything that does not depend on a failure'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;status'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;results'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;logs'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand --task 'Only this task''s output'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;cancel'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;resume'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --detach 'Return at once; the job continues under the supervisor'
            cand --halt-now 'Stop running tasks at the first failure (set by submit --halt now,fail=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;jobs'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;explain'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand --task 'The task to explain'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;run'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -j 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)'
            cand --jobs 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)'
            cand --timeout 'Kill a job (its whole process group) after this long: seconds (GNU) or 250ms, 10s, 2m'
            cand --halt 'Stop early: never | now|soon,fail|success|done=N|N%'
            cand --joblog 'Log each finished job in GNU''s TSV format; +FILE appends'
            cand --retries 'Run a failing job up to N times in all'
            cand -a 'Read arguments from FILE (like :::: FILE)'
            cand --arg-file 'Read arguments from FILE (like :::: FILE)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -k 'Print job output in input order'
            cand --keep-order 'Print job output in input order'
            cand -u 'Do not group output: jobs write straight to stdout/stderr'
            cand --ungroup 'Do not group output: jobs write straight to stdout/stderr'
            cand --tag 'Prefix each output line with the job''s arguments and a TAB'
            cand --dry-run 'Print the commands instead of running them'
            cand --resume 'Skip jobs the joblog lists'
            cand --resume-failed 'Re-run jobs the joblog lists as failed, skip the ones that succeeded'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;parallel;help'= {
            cand submit 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
            cand status 'Show a job''s state and each task''s'
            cand results 'A job''s results (--format text, json or junit); exit 1 when a task failed'
            cand logs 'Print a job''s task logs'
            cand cancel 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL'
            cand resume 'Finish a job (lost, failed or cancelled) without re-running what completed'
            cand jobs 'List jobs, newest first'
            cand explain 'Why a task ran or was served from the cache'
            cand run 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;parallel;help;submit'= {
        }
        &'omni;parallel;help;status'= {
        }
        &'omni;parallel;help;results'= {
        }
        &'omni;parallel;help;logs'= {
        }
        &'omni;parallel;help;cancel'= {
        }
        &'omni;parallel;help;resume'= {
        }
        &'omni;parallel;help;jobs'= {
        }
        &'omni;parallel;help;explain'= {
        }
        &'omni;parallel;help;run'= {
        }
        &'omni;parallel;help;help'= {
        }
        &'omni;attest'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand init 'Create the authority''s Ed25519 signing key (0600, never printed)'
            cand attest 'Sign an in-toto statement about files into a DSSE envelope'
            cand verify 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
            cand delegate 'Let another key attest within narrower bounds (a signed delegation)'
            cand revoke 'Add a revocation to a signed, append-only list that verify honours'
            cand serve 'Serve challenges and verification over HTTPS (loopback by default)'
            cand sign-file 'Sign a file in minisign''s format (FILE.minisig), with the authority key'
            cand verify-file 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
            cand export-ca 'Write the authority''s self-signed X.509 CA certificate (PEM)'
            cand export-cert 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
            cand quote 'Take a TPM quote and write it in tpm2-tools'' formats (for tpm2_checkquote)'
            cand verify-quote 'Check a quote in tpm2-tools'' files (as tpm2_checkquote does); exit 1 when invalid'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;attest;init'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --tpm 'Also enrol this TPM''s attestation key: none, device:/dev/tpmrm0, swtpm:host=H,port=P'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --force 'Rotate an existing key; the old public key stays trusted for verification'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;attest'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --subject 'A file to attest (repeatable)'
            cand --predicate-type 'The predicate''s type URI [default: https://omni.dev/attest/artifact/v1]'
            cand --predicate 'The predicate, a JSON file'
            cand --delegation 'Attest as a delegate: embed this chain (written by `delegate`)'
            cand --expires 'How long the attestation stays valid (e.g. 30d) [default: [attest] expires]'
            cand --pcrs 'Embed a TPM quote over these sha256 PCRs (predicate https://omni.dev/attest/tpm-quote/v1)'
            cand --nonce 'A verifier''s challenge, hex (1 to 64 bytes): kept in the statement''s validity.nonce, and with --pcrs also quoted by the TPM'
            cand --tpm 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]'
            cand -o 'Where to write the envelope (''-'' for stdout)'
            cand --output 'Where to write the envelope (''-'' for stdout)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;verify'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --batch 'Verify every *.json in DIR in parallel (governor --workers); exit 1 if any is invalid'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --key 'Trust this public key (PEM or hex) as a root instead of the authority''s keys'
            cand --trust-root 'Trust this public key (PEM or hex) as a root instead of the authority''s keys'
            cand --revocations 'Honour this revocation list (it must be signed by a trusted key)'
            cand --subject 'A file that must match one of the attested subjects (repeatable)'
            cand --nonce 'The challenge the statement (and a TPM quote, which requires one) must carry, hex'
            cand --policy 'Allowed PCR values, {"<pcr>": ["<hex>", …]} (sha256 bank)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;delegate'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --to 'The delegate''s public key (PEM or hex)'
            cand --predicate-types 'Predicate types the delegate may attest'
            cand --subjects 'Globs (`*`, `?`) over subject names the delegate may attest'
            cand --max-depth 'How many further hops the delegate may delegate'
            cand --expires 'How long the delegation lasts (e.g. 30d)'
            cand --parent 'The chain this delegation extends (you must be its last delegate)'
            cand -o 'Where to write the chain ending in the new delegation'
            cand --output 'Where to write the chain ending in the new delegation'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;revoke'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --key-id 'Revoke a key (everything it signed or was delegated)'
            cand --attestation 'Revoke one attestation: its SHA-256, or the attestation file'
            cand --delegation 'Revoke one delegation by id (its SHA-256, printed by delegate)'
            cand --reason 'Why (kept in the list)'
            cand --list 'The list to append to (created when missing)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;serve'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --port 'The port (0 picks a free one and prints it)'
            cand --listen 'The address to listen on; anything but loopback needs --public'
            cand --tls-cert 'The server certificate chain (PEM)'
            cand --tls-key 'The server private key (PEM)'
            cand --revocations 'Honour and serve this revocation list'
            cand --nonce-ttl 'How long a challenge nonce stays valid'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --public 'Allow a non-loopback --listen address'
            cand --detach 'Run in the background under the supervisor (see omni ps)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;sign-file'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand -x 'Where to write the signature [default: FILE.minisig]'
            cand --output 'Where to write the signature [default: FILE.minisig]'
            cand -t 'The signed comment [default: timestamp:<now>\tfile:<name>, as minisign]'
            cand --trusted-comment 'The signed comment [default: timestamp:<now>\tfile:<name>, as minisign]'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --legacy 'Sign the file itself (minisign -l) instead of its BLAKE2b-512 hash'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;verify-file'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand -x 'The signature [default: FILE.minisig]'
            cand --signature 'The signature [default: FILE.minisig]'
            cand -p 'A minisign public key file [default: the authority''s key]'
            cand --public-key 'A minisign public key file [default: the authority''s key]'
            cand -P 'A minisign public key given inline (the base64 line, as minisign -P)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;export-ca'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand -o 'Where to write the certificate (''-'' for stdout)'
            cand --output 'Where to write the certificate (''-'' for stdout)'
            cand --validity 'How long the CA certificate is valid'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;export-cert'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --attestation 'The attestation to certify (verified first with the authority''s keys)'
            cand --key 'Certify this public key (PEM or hex) [default: the key that signed the attestation]'
            cand -o 'Where to write the certificate (''-'' for stdout)'
            cand --output 'Where to write the certificate (''-'' for stdout)'
            cand --validity 'How long the certificate is valid; never past the attestation''s expiry'
            cand --revocations 'Refuse to certify what this revocation list revokes (the attestation, its key, a delegation)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;quote'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --dir 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]'
            cand --tpm 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]'
            cand --pcrs 'sha256 PCRs to quote (e.g. 0,1,2,3)'
            cand --nonce 'The verifier''s nonce, hex (1 to 64 bytes)'
            cand --out-dir 'Where to write quote.msg, quote.sig, quote.pcrs and ak.pem (created if missing)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;verify-quote'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -u 'The attestation key''s public key (PEM), `-u` of tpm2_checkquote'
            cand --ak 'The attestation key''s public key (PEM), `-u` of tpm2_checkquote'
            cand -m 'The quoted TPMS_ATTEST (`tpm2_quote -m`)'
            cand --msg 'The quoted TPMS_ATTEST (`tpm2_quote -m`)'
            cand -s 'The signature (`tpm2_quote -s`, TSS or plain)'
            cand --sig 'The signature (`tpm2_quote -s`, TSS or plain)'
            cand -f 'The PCR values (`tpm2_quote -o`)'
            cand --pcrs 'The PCR values (`tpm2_quote -o`)'
            cand --nonce 'The nonce the quote must carry, hex (`-q` of tpm2_checkquote; here -q is --quiet)'
            cand --policy 'Allowed PCR values (Keylime style JSON)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;attest;help'= {
            cand init 'Create the authority''s Ed25519 signing key (0600, never printed)'
            cand attest 'Sign an in-toto statement about files into a DSSE envelope'
            cand verify 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
            cand delegate 'Let another key attest within narrower bounds (a signed delegation)'
            cand revoke 'Add a revocation to a signed, append-only list that verify honours'
            cand serve 'Serve challenges and verification over HTTPS (loopback by default)'
            cand sign-file 'Sign a file in minisign''s format (FILE.minisig), with the authority key'
            cand verify-file 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
            cand export-ca 'Write the authority''s self-signed X.509 CA certificate (PEM)'
            cand export-cert 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
            cand quote 'Take a TPM quote and write it in tpm2-tools'' formats (for tpm2_checkquote)'
            cand verify-quote 'Check a quote in tpm2-tools'' files (as tpm2_checkquote does); exit 1 when invalid'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;attest;help;init'= {
        }
        &'omni;attest;help;attest'= {
        }
        &'omni;attest;help;verify'= {
        }
        &'omni;attest;help;delegate'= {
        }
        &'omni;attest;help;revoke'= {
        }
        &'omni;attest;help;serve'= {
        }
        &'omni;attest;help;sign-file'= {
        }
        &'omni;attest;help;verify-file'= {
        }
        &'omni;attest;help;export-ca'= {
        }
        &'omni;attest;help;export-cert'= {
        }
        &'omni;attest;help;quote'= {
        }
        &'omni;attest;help;verify-quote'= {
        }
        &'omni;attest;help;help'= {
        }
        &'omni;ledger'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand init 'Create a ledger: its data directory and the node''s signing key'
            cand record 'Append signed events (one from the flags, or JSON lines with --batch)'
            cand query 'List events (--format table, json or jsonl)'
            cand verify 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
            cand checkpoint 'Print the latest signed checkpoint (C2SP signed note)'
            cand prove 'Print an inclusion or consistency proof (RFC 6962/9162)'
            cand export 'Write every entry, the signed checkpoint and each entry''s inclusion proof to one JSON file'
            cand import 'Check an export completely, then append what it adds to this ledger'
            cand blocklist 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
            cand enforce 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
            cand node 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
            cand status 'A cluster replica''s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
            cand policy 'The cross-domain trust policy (policy check validates and summarises it)'
            cand watch 'Follow a log with a fail2ban filter; record one brute_force event per ban'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;ledger;init'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --domain 'The organisation this node reports for'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;record'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --policy 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)'
            cand --type 'The event type (malicious_ip, brute_force, scanner, ...)'
            cand --source 'The offending address or network (IPv4/IPv6, CIDR)'
            cand --severity 'low, medium, high or critical'
            cand --ttl 'How long the event stays active (0: until removed)'
            cand --meta 'Details, a JSON object (''{"attempts":5}'')'
            cand --time 'When it was seen (RFC 3339 UTC; default now)'
            cand --batch 'Read events as JSON lines ({"type","source","severity","ttl","meta","time"}) from FILE, or - for stdin (a stream: each commit is acknowledged as it is made)'
            cand --node 'Submit to a running node (HOST:PORT) instead of the local ledger; the node signs it'
            cand --api-key 'The node''s API key (with --node)'
            cand --commit-every 'With --batch: commit (sync and checkpoint) every N events, or sooner when the input pauses'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;query'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --type 'Only this event type'
            cand --since 'Only events seen since ("24h ago", "30m", or RFC 3339)'
            cand --source 'Only sources inside this network'
            cand --min-severity 'Only this severity and above'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;verify'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;checkpoint'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;prove'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --inclusion 'The entry id (or its index) to prove included'
            cand --consistency 'OLD_SIZE [NEW_SIZE]: prove the tree of OLD_SIZE entries is a prefix of NEW_SIZE (default: now)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;export'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand -o 'The file to write (- for stdout)'
            cand --output 'The file to write (- for stdout)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;import'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --policy 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --trust 'Trust the export''s key for events from now on (events signed by another key are refused otherwise)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;blocklist'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --policy 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)'
            cand --min-severity 'Only events of this severity and above'
            cand --threshold 'Block a source only when at least N events name it'
            cand --since 'Only events seen since ("24h", "24h ago", or RFC 3339)'
            cand --allowlist 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)'
            cand --set 'The nftables table, ipset set prefix or iptables chain the forms name'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;enforce'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --policy 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)'
            cand --min-severity 'Only events of this severity and above'
            cand --threshold 'Block a source only when at least N events name it'
            cand --since 'Only events seen since ("24h", "24h ago", or RFC 3339)'
            cand --allowlist 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)'
            cand --set 'The nftables table, ipset set prefix or iptables chain the forms name'
            cand --backend 'nftables (one `nft -f` transaction) or ipset (`ipset restore` with an atomic swap, plus a DROP rule per family)'
            cand --interval 'Re-derive and re-apply every INTERVAL (so timeouts are re-asserted and new events enforced); without it, apply once'
            cand --netns 'Apply inside this network namespace (ip netns)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;node'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --port 'The port to listen on'
            cand --listen 'The address to listen on'
            cand --peers 'The other replicas'' nodes (HOST:PORT,...); their keys must be in <data-dir>/replicas/'
            cand --round-timeout 'With --peers: how long a replica waits for a missing unit before asking again'
            cand --unit-interval 'With --peers: the pause between two consensus units of one replica while events wait to be ordered'
            cand --idle-unit-interval 'With --peers: the pause between two units while nothing waits to be ordered (at least --unit-interval)'
            cand --session-rounds 'With --peers: consensus rounds per session'
            cand --commit-timeout 'With --peers: how long a submission waits for its commit'
            cand --api-key 'A key clients and bouncers send in X-Api-Key (repeatable; default: <data-dir>/api-key, created when missing)'
            cand --min-severity 'The decision stream''s blocklist: only events of this severity and above'
            cand --threshold 'The decision stream''s blocklist: events needed per source'
            cand --policy 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --allow-public 'Allow a non-loopback listen address'
            cand --detach 'Run in the background under the supervisor (omni ps, omni stop)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;status'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --node 'The replica''s node (HOST:PORT)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;policy'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand check 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;ledger;policy;check'= {
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --policy 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;policy;help'= {
            cand check 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;ledger;policy;help;check'= {
        }
        &'omni;ledger;policy;help;help'= {
        }
        &'omni;ledger;watch'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --data-dir 'The ledger''s directory (default: <data dir>/ledger)'
            cand --log 'The log file to follow'
            cand --filter 'A fail2ban filter: NAME (in --filter-dir), NAME[key=value,...] or a path to a .conf'
            cand --filter-dir 'Where filter NAMEs are looked up'
            cand --mode 'The filter''s mode option (sshd: normal, ddos, extra or aggressive)'
            cand --filter-opt 'Other filter options (repeatable), as a jail''s filter = NAME[key=value]'
            cand --maxretry 'Failures within --findtime that ban an address'
            cand --findtime 'The window failures are counted in'
            cand --bantime 'How long a ban lasts: the event''s ttl'
            cand --severity 'The recorded event''s severity'
            cand --ignoreip 'Networks never recorded (CIDR,...); the ledger''s allowlist is never recorded either'
            cand --node 'Submit bans to a running node (HOST:PORT) instead of the local ledger'
            cand --api-key 'The node''s API key (with --node)'
            cand --poll 'How often the file is checked for new lines'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --from-start 'Without a saved position, read the file from its start (default: only new lines)'
            cand --once 'Read what is there (from the saved position, else the start) and exit'
            cand --test 'Record nothing: print one JSON line per log line ({line, matched, host, ip, user}), like fail2ban-regex'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;ledger;help'= {
            cand init 'Create a ledger: its data directory and the node''s signing key'
            cand record 'Append signed events (one from the flags, or JSON lines with --batch)'
            cand query 'List events (--format table, json or jsonl)'
            cand verify 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
            cand checkpoint 'Print the latest signed checkpoint (C2SP signed note)'
            cand prove 'Print an inclusion or consistency proof (RFC 6962/9162)'
            cand export 'Write every entry, the signed checkpoint and each entry''s inclusion proof to one JSON file'
            cand import 'Check an export completely, then append what it adds to this ledger'
            cand blocklist 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
            cand enforce 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
            cand node 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
            cand status 'A cluster replica''s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
            cand policy 'The cross-domain trust policy (policy check validates and summarises it)'
            cand watch 'Follow a log with a fail2ban filter; record one brute_force event per ban'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;ledger;help;init'= {
        }
        &'omni;ledger;help;record'= {
        }
        &'omni;ledger;help;query'= {
        }
        &'omni;ledger;help;verify'= {
        }
        &'omni;ledger;help;checkpoint'= {
        }
        &'omni;ledger;help;prove'= {
        }
        &'omni;ledger;help;export'= {
        }
        &'omni;ledger;help;import'= {
        }
        &'omni;ledger;help;blocklist'= {
        }
        &'omni;ledger;help;enforce'= {
        }
        &'omni;ledger;help;node'= {
        }
        &'omni;ledger;help;status'= {
        }
        &'omni;ledger;help;policy'= {
        }
        &'omni;ledger;help;watch'= {
        }
        &'omni;ledger;help;help'= {
        }
        &'omni;config'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
            cand show 'Print the effective configuration and the layer each value came from'
            cand check 'Validate a configuration file (default: the one omni would load)'
            cand init 'Write a commented default configuration file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;config;show'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;config;check'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;config;init'= {
            cand --path 'Where to write it (''-'' for stdout) [default: $XDG_CONFIG_HOME/omni/config.toml]'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --force 'Replace an existing file'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;config;help'= {
            cand show 'Print the effective configuration and the layer each value came from'
            cand check 'Validate a configuration file (default: the one omni would load)'
            cand init 'Write a commented default configuration file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;config;help;show'= {
        }
        &'omni;config;help;check'= {
        }
        &'omni;config;help;init'= {
        }
        &'omni;config;help;help'= {
        }
        &'omni;ps'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;stop'= {
            cand --grace 'How long to wait before terminating [default: [governor] stop_grace]'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --all 'Stop every entry'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;completions'= {
            cand --alias 'Complete an alias (chaos-cli, omni-chaos) instead of omni'
            cand --out-dir 'Write every script (all shells, omni and each alias) into DIR'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;man'= {
            cand --out-dir 'Write every page (omni, each command, each alias) into DIR'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;help'= {
            cand chaos 'Inject faults (CPU, memory, disk, processes) as leases that are always given back'
            cand parallel 'Run shell tasks in parallel: task graphs with caching and resume, GNU parallel''s interface'
            cand attest 'Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify'
            cand ledger 'A signed, Merkle-proven ledger of security events'
            cand config 'Show, check or create the configuration file'
            cand ps 'List what omni runs in the background, across systems'
            cand stop 'Stop background work started with --detach'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff): omni''s, a system''s or a command''s'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;help;chaos'= {
            cand inject 'Apply a fault for a duration, then give it back'
            cand run 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
            cand proxy 'Serve a TCP fault proxy with Toxiproxy''s HTTP API (its clients work unchanged)'
            cand list 'Faults being held (--all: also the finished ones)'
            cand stop 'Stop a fault early and give it back'
            cand stop-all 'Stop every fault (as root, also sweep leftover tagged rules)'
            cand report 'What each fault did (--format text, json, junit or markdown)'
            cand disable 'Turn the kill switch on: stop every fault and refuse new ones'
            cand enable 'Turn the kill switch off'
            cand watchdog 'Give a lease back when its controller dies or its TTL passes (started by inject)'
        }
        &'omni;help;chaos;inject'= {
        }
        &'omni;help;chaos;run'= {
        }
        &'omni;help;chaos;proxy'= {
        }
        &'omni;help;chaos;list'= {
        }
        &'omni;help;chaos;stop'= {
        }
        &'omni;help;chaos;stop-all'= {
        }
        &'omni;help;chaos;report'= {
        }
        &'omni;help;chaos;disable'= {
        }
        &'omni;help;chaos;enable'= {
        }
        &'omni;help;chaos;watchdog'= {
        }
        &'omni;help;parallel'= {
            cand submit 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
            cand status 'Show a job''s state and each task''s'
            cand results 'A job''s results (--format text, json or junit); exit 1 when a task failed'
            cand logs 'Print a job''s task logs'
            cand cancel 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL'
            cand resume 'Finish a job (lost, failed or cancelled) without re-running what completed'
            cand jobs 'List jobs, newest first'
            cand explain 'Why a task ran or was served from the cache'
            cand run 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)'
        }
        &'omni;help;parallel;submit'= {
        }
        &'omni;help;parallel;status'= {
        }
        &'omni;help;parallel;results'= {
        }
        &'omni;help;parallel;logs'= {
        }
        &'omni;help;parallel;cancel'= {
        }
        &'omni;help;parallel;resume'= {
        }
        &'omni;help;parallel;jobs'= {
        }
        &'omni;help;parallel;explain'= {
        }
        &'omni;help;parallel;run'= {
        }
        &'omni;help;attest'= {
            cand init 'Create the authority''s Ed25519 signing key (0600, never printed)'
            cand attest 'Sign an in-toto statement about files into a DSSE envelope'
            cand verify 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
            cand delegate 'Let another key attest within narrower bounds (a signed delegation)'
            cand revoke 'Add a revocation to a signed, append-only list that verify honours'
            cand serve 'Serve challenges and verification over HTTPS (loopback by default)'
            cand sign-file 'Sign a file in minisign''s format (FILE.minisig), with the authority key'
            cand verify-file 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
            cand export-ca 'Write the authority''s self-signed X.509 CA certificate (PEM)'
            cand export-cert 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
            cand quote 'Take a TPM quote and write it in tpm2-tools'' formats (for tpm2_checkquote)'
            cand verify-quote 'Check a quote in tpm2-tools'' files (as tpm2_checkquote does); exit 1 when invalid'
        }
        &'omni;help;attest;init'= {
        }
        &'omni;help;attest;attest'= {
        }
        &'omni;help;attest;verify'= {
        }
        &'omni;help;attest;delegate'= {
        }
        &'omni;help;attest;revoke'= {
        }
        &'omni;help;attest;serve'= {
        }
        &'omni;help;attest;sign-file'= {
        }
        &'omni;help;attest;verify-file'= {
        }
        &'omni;help;attest;export-ca'= {
        }
        &'omni;help;attest;export-cert'= {
        }
        &'omni;help;attest;quote'= {
        }
        &'omni;help;attest;verify-quote'= {
        }
        &'omni;help;ledger'= {
            cand init 'Create a ledger: its data directory and the node''s signing key'
            cand record 'Append signed events (one from the flags, or JSON lines with --batch)'
            cand query 'List events (--format table, json or jsonl)'
            cand verify 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
            cand checkpoint 'Print the latest signed checkpoint (C2SP signed note)'
            cand prove 'Print an inclusion or consistency proof (RFC 6962/9162)'
            cand export 'Write every entry, the signed checkpoint and each entry''s inclusion proof to one JSON file'
            cand import 'Check an export completely, then append what it adds to this ledger'
            cand blocklist 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
            cand enforce 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
            cand node 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
            cand status 'A cluster replica''s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
            cand policy 'The cross-domain trust policy (policy check validates and summarises it)'
            cand watch 'Follow a log with a fail2ban filter; record one brute_force event per ban'
        }
        &'omni;help;ledger;init'= {
        }
        &'omni;help;ledger;record'= {
        }
        &'omni;help;ledger;query'= {
        }
        &'omni;help;ledger;verify'= {
        }
        &'omni;help;ledger;checkpoint'= {
        }
        &'omni;help;ledger;prove'= {
        }
        &'omni;help;ledger;export'= {
        }
        &'omni;help;ledger;import'= {
        }
        &'omni;help;ledger;blocklist'= {
        }
        &'omni;help;ledger;enforce'= {
        }
        &'omni;help;ledger;node'= {
        }
        &'omni;help;ledger;status'= {
        }
        &'omni;help;ledger;policy'= {
        }
        &'omni;help;ledger;watch'= {
        }
        &'omni;help;config'= {
            cand show 'Print the effective configuration and the layer each value came from'
            cand check 'Validate a configuration file (default: the one omni would load)'
            cand init 'Write a commented default configuration file'
        }
        &'omni;help;config;show'= {
        }
        &'omni;help;config;check'= {
        }
        &'omni;help;config;init'= {
        }
        &'omni;help;ps'= {
        }
        &'omni;help;stop'= {
        }
        &'omni;help;completions'= {
        }
        &'omni;help;man'= {
        }
        &'omni;help;help'= {
        }
    ]
    $completions[$command]
}
