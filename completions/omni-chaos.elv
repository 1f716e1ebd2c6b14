
use builtin;
use str;

set edit:completion:arg-completer[omni-chaos] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'omni-chaos'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'omni-chaos'= {
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
            cand -V 'Print version'
            cand --version 'Print version'
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
        &'omni-chaos;inject'= {
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
        &'omni-chaos;run'= {
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
        &'omni-chaos;proxy'= {
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
        &'omni-chaos;list'= {
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
        &'omni-chaos;stop'= {
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
        &'omni-chaos;stop-all'= {
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
        &'omni-chaos;report'= {
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
        &'omni-chaos;disable'= {
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
        &'omni-chaos;enable'= {
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
        &'omni-chaos;watchdog'= {
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
        &'omni-chaos;help'= {
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
        &'omni-chaos;help;inject'= {
        }
        &'omni-chaos;help;run'= {
        }
        &'omni-chaos;help;proxy'= {
        }
        &'omni-chaos;help;list'= {
        }
        &'omni-chaos;help;stop'= {
        }
        &'omni-chaos;help;stop-all'= {
        }
        &'omni-chaos;help;report'= {
        }
        &'omni-chaos;help;disable'= {
        }
        &'omni-chaos;help;enable'= {
        }
        &'omni-chaos;help;watchdog'= {
        }
        &'omni-chaos;help;help'= {
        }
    ]
    $completions[$command]
}
