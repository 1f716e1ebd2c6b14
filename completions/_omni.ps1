
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'omni' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'omni'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'omni' {
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Create every alias link (chaos-cli, omni-chaos, …) in DIR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the systems in this build and their aliases')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --install: print what would change, change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('chaos', 'chaos', [CompletionResultType]::ParameterValue, 'Inject faults (CPU, memory, disk, processes) as leases that are always given back')
            [CompletionResult]::new('parallel', 'parallel', [CompletionResultType]::ParameterValue, 'Run shell tasks in parallel: task graphs with caching and resume, GNU parallel''s interface')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify')
            [CompletionResult]::new('ledger', 'ledger', [CompletionResultType]::ParameterValue, 'A signed, Merkle-proven ledger of security events')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, check or create the configuration file')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'List what omni runs in the background, across systems')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop background work started with --detach')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): omni''s, a system''s or a command''s')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;chaos' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Apply a fault for a duration, then give it back')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Serve a TCP fault proxy with Toxiproxy''s HTTP API (its clients work unchanged)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Faults being held (--all: also the finished ones)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a fault early and give it back')
            [CompletionResult]::new('stop-all', 'stop-all', [CompletionResultType]::ParameterValue, 'Stop every fault (as root, also sweep leftover tagged rules)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'What each fault did (--format text, json, junit or markdown)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn the kill switch on: stop every fault and refuse new ones')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn the kill switch off')
            [CompletionResult]::new('watchdog', 'watchdog', [CompletionResultType]::ParameterValue, 'Give a lease back when its controller dies or its TTL passes (started by inject)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;chaos;inject' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--fault', '--fault', [CompletionResultType]::ParameterName, 'The fault')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long the fault is held (250ms, 10s, 5m)')
            [CompletionResult]::new('--load', '--load', [CompletionResultType]::ParameterName, 'cpu: percent of each loaded core the hog takes (1-100)')
            [CompletionResult]::new('--cores', '--cores', [CompletionResultType]::ParameterName, 'cpu: how many cores to load (default: every core omni may use)')
            [CompletionResult]::new('--size', '--size', [CompletionResultType]::ParameterName, 'memory, disk: how much (512MiB, 2GiB)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'disk: the directory whose file system is filled')
            [CompletionResult]::new('--interface', '--interface', [CompletionResultType]::ParameterName, 'loss, partition: the network interface')
            [CompletionResult]::new('--netns', '--netns', [CompletionResultType]::ParameterName, 'loss, partition: the network namespace the interface is in (ip netns)')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'latency: how long each outgoing packet is held (50ms); reorder: how long the held share waits')
            [CompletionResult]::new('--jitter', '--jitter', [CompletionResultType]::ParameterName, 'latency: a uniform spread around the delay (10ms)')
            [CompletionResult]::new('--percent', '--percent', [CompletionResultType]::ParameterName, 'loss, reorder, duplicate, corrupt: the percentage of packets dropped, held back, sent twice or corrupted')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'loss, partition: only traffic to (and, for a partition, from) this IPv4 CIDR')
            [CompletionResult]::new('--pid', '--pid', [CompletionResultType]::ParameterName, 'process-*: the target''s pid')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'process-*: a regular expression matched against process names and command lines')
            [CompletionResult]::new('--cgroup', '--cgroup', [CompletionResultType]::ParameterName, 'process-*: the processes of a cgroup (its directory, or a path under /sys/fs/cgroup)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'process-*: processes listening on this TCP port; loss, partition: only traffic to this TCP/UDP port')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'process-*: how many of the matching processes: one, all, fixed, fixed-percent')
            [CompletionResult]::new('--value', '--value', [CompletionResultType]::ParameterName, 'process-*: the count (fixed) or percentage (fixed-percent)')
            [CompletionResult]::new('--protect', '--protect', [CompletionResultType]::ParameterName, 'process-*: also protect processes with this name (repeatable)')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'process-kill: the signal (default KILL)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'process-kill: kill matching processes again every INTERVAL until the duration ends')
            [CompletionResult]::new('--lease', '--lease', [CompletionResultType]::ParameterName, 'The lease a detached controller holds (set by inject --detach)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run the fault in the background under the supervisor and print its lease')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;run' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dry', '--dry', [CompletionResultType]::ParameterName, 'Record these activities without running them (Chaos Toolkit''s --dry)')
            [CompletionResult]::new('--rollback-strategy', '--rollback-strategy', [CompletionResultType]::ParameterName, 'When rollbacks run (default: always; Chaos Toolkit''s "default" means always here)')
            [CompletionResult]::new('--hypothesis-strategy', '--hypothesis-strategy', [CompletionResultType]::ParameterName, 'When the steady-state hypothesis is checked')
            [CompletionResult]::new('--hypothesis-frequency', '--hypothesis-frequency', [CompletionResultType]::ParameterName, 'Seconds between two checks during the method (during-method-only, continuously)')
            [CompletionResult]::new('--journal-path', '--journal-path', [CompletionResultType]::ParameterName, 'Where the journal is written (Chaos Toolkit''s format)')
            [CompletionResult]::new('--var', '--var', [CompletionResultType]::ParameterName, 'A configuration value, overriding the experiment''s (NAME[:TYPE]=VALUE; TYPE str, int, float, bool, json)')
            [CompletionResult]::new('--var-file', '--var-file', [CompletionResultType]::ParameterName, 'Configuration and secrets from a JSON or YAML file ({"configuration": {...}, "secrets": {...}}), or environment variables from a .env file')
            [CompletionResult]::new('--python', '--python', [CompletionResultType]::ParameterName, 'The Python interpreter for python activities')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the experiment and print what would run, with values substituted; run nothing')
            [CompletionResult]::new('--fail-fast', '--fail-fast', [CompletionResultType]::ParameterName, 'Stop the method as soon as a check during it fails')
            [CompletionResult]::new('--no-verify-tls', '--no-verify-tls', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates in http activities')
            [CompletionResult]::new('--ignore-controls', '--ignore-controls', [CompletionResultType]::ParameterName, 'Run an experiment that declares controls, without them')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;proxy' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Where the API listens (Toxiproxy''s default port is 8474)')
            [CompletionResult]::new('--populate', '--populate', [CompletionResultType]::ParameterName, 'Proxies to create at start: a JSON array, as POST /populate takes')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--allow-public', '--allow-public', [CompletionResultType]::ParameterName, 'Allow the API and proxies on non-loopback addresses')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run in the background under the supervisor (omni ps, omni stop)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;list' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Also the faults that ended')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;stop' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;stop-all' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--every-scope', '--every-scope', [CompletionResultType]::ParameterName, 'Also sweep rules tagged by other state directories (every omni on this machine)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;report' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--markdown', '--markdown', [CompletionResultType]::ParameterName, 'The same as --format markdown (a table for a pull request or a wiki)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;disable' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory''s')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;enable' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--global', '--global', [CompletionResultType]::ParameterName, 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory''s')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;watchdog' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;chaos;help' {
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Apply a fault for a duration, then give it back')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Serve a TCP fault proxy with Toxiproxy''s HTTP API (its clients work unchanged)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Faults being held (--all: also the finished ones)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a fault early and give it back')
            [CompletionResult]::new('stop-all', 'stop-all', [CompletionResultType]::ParameterValue, 'Stop every fault (as root, also sweep leftover tagged rules)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'What each fault did (--format text, json, junit or markdown)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn the kill switch on: stop every fault and refuse new ones')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn the kill switch off')
            [CompletionResult]::new('watchdog', 'watchdog', [CompletionResultType]::ParameterValue, 'Give a lease back when its controller dies or its TTL passes (started by inject)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;chaos;help;inject' {
            break
        }
        'omni;chaos;help;run' {
            break
        }
        'omni;chaos;help;proxy' {
            break
        }
        'omni;chaos;help;list' {
            break
        }
        'omni;chaos;help;stop' {
            break
        }
        'omni;chaos;help;stop-all' {
            break
        }
        'omni;chaos;help;report' {
            break
        }
        'omni;chaos;help;disable' {
            break
        }
        'omni;chaos;help;enable' {
            break
        }
        'omni;chaos;help;watchdog' {
            break
        }
        'omni;chaos;help;help' {
            break
        }
        'omni;parallel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a job''s state and each task''s')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'A job''s results (--format text, json or junit); exit 1 when a task failed')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a job''s task logs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Finish a job (lost, failed or cancelled) without re-running what completed')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List jobs, newest first')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Why a task ran or was served from the cache')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, '`omni parallel run [OPTIONS] COMMAND ::: ARGS…`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;parallel;submit' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--graph', '--graph', [CompletionResultType]::ParameterName, 'The task graph (YAML, or JSON when the name ends in .json)')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'Where tasks run')
            [CompletionResult]::new('--halt', '--halt', [CompletionResultType]::ParameterName, 'On failure: `soon,fail=1` (default: let running tasks finish) or `now,fail=1` (stop them)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Return at once with the job id; the job runs under the supervisor (see omni ps)')
            [CompletionResult]::new('--keep-going', '--keep-going', [CompletionResultType]::ParameterName, 'Run everything that does not depend on a failure')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job (from submit or omni parallel jobs)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;results' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job (from submit or omni parallel jobs)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;logs' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job (from submit or omni parallel jobs)')
            [CompletionResult]::new('--task', '--task', [CompletionResultType]::ParameterName, 'Only this task''s output')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;cancel' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job (from submit or omni parallel jobs)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;resume' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job (from submit or omni parallel jobs)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Return at once; the job continues under the supervisor')
            [CompletionResult]::new('--halt-now', '--halt-now', [CompletionResultType]::ParameterName, 'Stop running tasks at the first failure (set by submit --halt now,fail=1)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;jobs' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;explain' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--job-id', '--job-id', [CompletionResultType]::ParameterName, 'The job (from submit or omni parallel jobs)')
            [CompletionResult]::new('--task', '--task', [CompletionResultType]::ParameterName, 'The task to explain')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;run' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-j', '-j', [CompletionResultType]::ParameterName, 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)')
            [CompletionResult]::new('--jobs', '--jobs', [CompletionResultType]::ParameterName, 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Kill a job (its whole process group) after this long: seconds (GNU) or 250ms, 10s, 2m')
            [CompletionResult]::new('--halt', '--halt', [CompletionResultType]::ParameterName, 'Stop early: never | now|soon,fail|success|done=N|N%')
            [CompletionResult]::new('--joblog', '--joblog', [CompletionResultType]::ParameterName, 'Log each finished job in GNU''s TSV format; +FILE appends')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Run a failing job up to N times in all')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Read arguments from FILE (like :::: FILE)')
            [CompletionResult]::new('--arg-file', '--arg-file', [CompletionResultType]::ParameterName, 'Read arguments from FILE (like :::: FILE)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Print job output in input order')
            [CompletionResult]::new('--keep-order', '--keep-order', [CompletionResultType]::ParameterName, 'Print job output in input order')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'Do not group output: jobs write straight to stdout/stderr')
            [CompletionResult]::new('--ungroup', '--ungroup', [CompletionResultType]::ParameterName, 'Do not group output: jobs write straight to stdout/stderr')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Prefix each output line with the job''s arguments and a TAB')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the commands instead of running them')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'Skip jobs the joblog lists')
            [CompletionResult]::new('--resume-failed', '--resume-failed', [CompletionResultType]::ParameterName, 'Re-run jobs the joblog lists as failed, skip the ones that succeeded')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;parallel;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a job''s state and each task''s')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'A job''s results (--format text, json or junit); exit 1 when a task failed')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a job''s task logs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Finish a job (lost, failed or cancelled) without re-running what completed')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List jobs, newest first')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Why a task ran or was served from the cache')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;parallel;help;submit' {
            break
        }
        'omni;parallel;help;status' {
            break
        }
        'omni;parallel;help;results' {
            break
        }
        'omni;parallel;help;logs' {
            break
        }
        'omni;parallel;help;cancel' {
            break
        }
        'omni;parallel;help;resume' {
            break
        }
        'omni;parallel;help;jobs' {
            break
        }
        'omni;parallel;help;explain' {
            break
        }
        'omni;parallel;help;run' {
            break
        }
        'omni;parallel;help;help' {
            break
        }
        'omni;attest' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the authority''s Ed25519 signing key (0600, never printed)')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Sign an in-toto statement about files into a DSSE envelope')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Let another key attest within narrower bounds (a signed delegation)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Add a revocation to a signed, append-only list that verify honours')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve challenges and verification over HTTPS (loopback by default)')
            [CompletionResult]::new('sign-file', 'sign-file', [CompletionResultType]::ParameterValue, 'Sign a file in minisign''s format (FILE.minisig), with the authority key')
            [CompletionResult]::new('verify-file', 'verify-file', [CompletionResultType]::ParameterValue, 'Verify a minisign signature (from omni or minisign); exit 1 when invalid')
            [CompletionResult]::new('export-ca', 'export-ca', [CompletionResultType]::ParameterValue, 'Write the authority''s self-signed X.509 CA certificate (PEM)')
            [CompletionResult]::new('export-cert', 'export-cert', [CompletionResultType]::ParameterValue, 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)')
            [CompletionResult]::new('quote', 'quote', [CompletionResultType]::ParameterValue, 'Take a TPM quote and write it in tpm2-tools'' formats (for tpm2_checkquote)')
            [CompletionResult]::new('verify-quote', 'verify-quote', [CompletionResultType]::ParameterValue, 'Check a quote in tpm2-tools'' files (as tpm2_checkquote does); exit 1 when invalid')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;attest;init' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--tpm', '--tpm', [CompletionResultType]::ParameterName, 'Also enrol this TPM''s attestation key: none, device:/dev/tpmrm0, swtpm:host=H,port=P')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Rotate an existing key; the old public key stays trusted for verification')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;attest' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'A file to attest (repeatable)')
            [CompletionResult]::new('--predicate-type', '--predicate-type', [CompletionResultType]::ParameterName, 'The predicate''s type URI [default: https://omni.dev/attest/artifact/v1]')
            [CompletionResult]::new('--predicate', '--predicate', [CompletionResultType]::ParameterName, 'The predicate, a JSON file')
            [CompletionResult]::new('--delegation', '--delegation', [CompletionResultType]::ParameterName, 'Attest as a delegate: embed this chain (written by `delegate`)')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'How long the attestation stays valid (e.g. 30d) [default: [attest] expires]')
            [CompletionResult]::new('--pcrs', '--pcrs', [CompletionResultType]::ParameterName, 'Embed a TPM quote over these sha256 PCRs (predicate https://omni.dev/attest/tpm-quote/v1)')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'A verifier''s challenge, hex (1 to 64 bytes): kept in the statement''s validity.nonce, and with --pcrs also quoted by the TPM')
            [CompletionResult]::new('--tpm', '--tpm', [CompletionResultType]::ParameterName, 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the envelope (''-'' for stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the envelope (''-'' for stdout)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;verify' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Verify every *.json in DIR in parallel (governor --workers); exit 1 if any is invalid')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Trust this public key (PEM or hex) as a root instead of the authority''s keys')
            [CompletionResult]::new('--trust-root', '--trust-root', [CompletionResultType]::ParameterName, 'Trust this public key (PEM or hex) as a root instead of the authority''s keys')
            [CompletionResult]::new('--revocations', '--revocations', [CompletionResultType]::ParameterName, 'Honour this revocation list (it must be signed by a trusted key)')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'A file that must match one of the attested subjects (repeatable)')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'The challenge the statement (and a TPM quote, which requires one) must carry, hex')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Allowed PCR values, {"<pcr>": ["<hex>", …]} (sha256 bank)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;delegate' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The delegate''s public key (PEM or hex)')
            [CompletionResult]::new('--predicate-types', '--predicate-types', [CompletionResultType]::ParameterName, 'Predicate types the delegate may attest')
            [CompletionResult]::new('--subjects', '--subjects', [CompletionResultType]::ParameterName, 'Globs (`*`, `?`) over subject names the delegate may attest')
            [CompletionResult]::new('--max-depth', '--max-depth', [CompletionResultType]::ParameterName, 'How many further hops the delegate may delegate')
            [CompletionResult]::new('--expires', '--expires', [CompletionResultType]::ParameterName, 'How long the delegation lasts (e.g. 30d)')
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'The chain this delegation extends (you must be its last delegate)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the chain ending in the new delegation')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the chain ending in the new delegation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;revoke' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--key-id', '--key-id', [CompletionResultType]::ParameterName, 'Revoke a key (everything it signed or was delegated)')
            [CompletionResult]::new('--attestation', '--attestation', [CompletionResultType]::ParameterName, 'Revoke one attestation: its SHA-256, or the attestation file')
            [CompletionResult]::new('--delegation', '--delegation', [CompletionResultType]::ParameterName, 'Revoke one delegation by id (its SHA-256, printed by delegate)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (kept in the list)')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'The list to append to (created when missing)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;serve' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port (0 picks a free one and prints it)')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'The address to listen on; anything but loopback needs --public')
            [CompletionResult]::new('--tls-cert', '--tls-cert', [CompletionResultType]::ParameterName, 'The server certificate chain (PEM)')
            [CompletionResult]::new('--tls-key', '--tls-key', [CompletionResultType]::ParameterName, 'The server private key (PEM)')
            [CompletionResult]::new('--revocations', '--revocations', [CompletionResultType]::ParameterName, 'Honour and serve this revocation list')
            [CompletionResult]::new('--nonce-ttl', '--nonce-ttl', [CompletionResultType]::ParameterName, 'How long a challenge nonce stays valid')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Allow a non-loopback --listen address')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run in the background under the supervisor (see omni ps)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;sign-file' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'Where to write the signature [default: FILE.minisig]')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the signature [default: FILE.minisig]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'The signed comment [default: timestamp:<now>\tfile:<name>, as minisign]')
            [CompletionResult]::new('--trusted-comment', '--trusted-comment', [CompletionResultType]::ParameterName, 'The signed comment [default: timestamp:<now>\tfile:<name>, as minisign]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--legacy', '--legacy', [CompletionResultType]::ParameterName, 'Sign the file itself (minisign -l) instead of its BLAKE2b-512 hash')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;verify-file' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('-x', '-x', [CompletionResultType]::ParameterName, 'The signature [default: FILE.minisig]')
            [CompletionResult]::new('--signature', '--signature', [CompletionResultType]::ParameterName, 'The signature [default: FILE.minisig]')
            [CompletionResult]::new('-p', '-p', [CompletionResultType]::ParameterName, 'A minisign public key file [default: the authority''s key]')
            [CompletionResult]::new('--public-key', '--public-key', [CompletionResultType]::ParameterName, 'A minisign public key file [default: the authority''s key]')
            [CompletionResult]::new('-P', '-P ', [CompletionResultType]::ParameterName, 'A minisign public key given inline (the base64 line, as minisign -P)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;export-ca' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the certificate (''-'' for stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the certificate (''-'' for stdout)')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'How long the CA certificate is valid')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;export-cert' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--attestation', '--attestation', [CompletionResultType]::ParameterName, 'The attestation to certify (verified first with the authority''s keys)')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'Certify this public key (PEM or hex) [default: the key that signed the attestation]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the certificate (''-'' for stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the certificate (''-'' for stdout)')
            [CompletionResult]::new('--validity', '--validity', [CompletionResultType]::ParameterName, 'How long the certificate is valid; never past the attestation''s expiry')
            [CompletionResult]::new('--revocations', '--revocations', [CompletionResultType]::ParameterName, 'Refuse to certify what this revocation list revokes (the attestation, its key, a delegation)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;quote' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]')
            [CompletionResult]::new('--tpm', '--tpm', [CompletionResultType]::ParameterName, 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]')
            [CompletionResult]::new('--pcrs', '--pcrs', [CompletionResultType]::ParameterName, 'sha256 PCRs to quote (e.g. 0,1,2,3)')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'The verifier''s nonce, hex (1 to 64 bytes)')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Where to write quote.msg, quote.sig, quote.pcrs and ak.pem (created if missing)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;verify-quote' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-u', '-u', [CompletionResultType]::ParameterName, 'The attestation key''s public key (PEM), `-u` of tpm2_checkquote')
            [CompletionResult]::new('--ak', '--ak', [CompletionResultType]::ParameterName, 'The attestation key''s public key (PEM), `-u` of tpm2_checkquote')
            [CompletionResult]::new('-m', '-m', [CompletionResultType]::ParameterName, 'The quoted TPMS_ATTEST (`tpm2_quote -m`)')
            [CompletionResult]::new('--msg', '--msg', [CompletionResultType]::ParameterName, 'The quoted TPMS_ATTEST (`tpm2_quote -m`)')
            [CompletionResult]::new('-s', '-s', [CompletionResultType]::ParameterName, 'The signature (`tpm2_quote -s`, TSS or plain)')
            [CompletionResult]::new('--sig', '--sig', [CompletionResultType]::ParameterName, 'The signature (`tpm2_quote -s`, TSS or plain)')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'The PCR values (`tpm2_quote -o`)')
            [CompletionResult]::new('--pcrs', '--pcrs', [CompletionResultType]::ParameterName, 'The PCR values (`tpm2_quote -o`)')
            [CompletionResult]::new('--nonce', '--nonce', [CompletionResultType]::ParameterName, 'The nonce the quote must carry, hex (`-q` of tpm2_checkquote; here -q is --quiet)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'Allowed PCR values (Keylime style JSON)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;attest;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the authority''s Ed25519 signing key (0600, never printed)')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Sign an in-toto statement about files into a DSSE envelope')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Let another key attest within narrower bounds (a signed delegation)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Add a revocation to a signed, append-only list that verify honours')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve challenges and verification over HTTPS (loopback by default)')
            [CompletionResult]::new('sign-file', 'sign-file', [CompletionResultType]::ParameterValue, 'Sign a file in minisign''s format (FILE.minisig), with the authority key')
            [CompletionResult]::new('verify-file', 'verify-file', [CompletionResultType]::ParameterValue, 'Verify a minisign signature (from omni or minisign); exit 1 when invalid')
            [CompletionResult]::new('export-ca', 'export-ca', [CompletionResultType]::ParameterValue, 'Write the authority''s self-signed X.509 CA certificate (PEM)')
            [CompletionResult]::new('export-cert', 'export-cert', [CompletionResultType]::ParameterValue, 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)')
            [CompletionResult]::new('quote', 'quote', [CompletionResultType]::ParameterValue, 'Take a TPM quote and write it in tpm2-tools'' formats (for tpm2_checkquote)')
            [CompletionResult]::new('verify-quote', 'verify-quote', [CompletionResultType]::ParameterValue, 'Check a quote in tpm2-tools'' files (as tpm2_checkquote does); exit 1 when invalid')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;attest;help;init' {
            break
        }
        'omni;attest;help;attest' {
            break
        }
        'omni;attest;help;verify' {
            break
        }
        'omni;attest;help;delegate' {
            break
        }
        'omni;attest;help;revoke' {
            break
        }
        'omni;attest;help;serve' {
            break
        }
        'omni;attest;help;sign-file' {
            break
        }
        'omni;attest;help;verify-file' {
            break
        }
        'omni;attest;help;export-ca' {
            break
        }
        'omni;attest;help;export-cert' {
            break
        }
        'omni;attest;help;quote' {
            break
        }
        'omni;attest;help;verify-quote' {
            break
        }
        'omni;attest;help;help' {
            break
        }
        'omni;ledger' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a ledger: its data directory and the node''s signing key')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Append signed events (one from the flags, or JSON lines with --batch)')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'List events (--format table, json or jsonl)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print the latest signed checkpoint (C2SP signed note)')
            [CompletionResult]::new('prove', 'prove', [CompletionResultType]::ParameterValue, 'Print an inclusion or consistency proof (RFC 6962/9162)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every entry, the signed checkpoint and each entry''s inclusion proof to one JSON file')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Check an export completely, then append what it adds to this ledger')
            [CompletionResult]::new('blocklist', 'blocklist', [CompletionResultType]::ParameterValue, 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)')
            [CompletionResult]::new('enforce', 'enforce', [CompletionResultType]::ParameterValue, 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A cluster replica''s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The cross-domain trust policy (policy check validates and summarises it)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a log with a fail2ban filter; record one brute_force event per ban')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;ledger;init' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The organisation this node reports for')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;record' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'The event type (malicious_ip, brute_force, scanner, ...)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'The offending address or network (IPv4/IPv6, CIDR)')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'low, medium, high or critical')
            [CompletionResult]::new('--ttl', '--ttl', [CompletionResultType]::ParameterName, 'How long the event stays active (0: until removed)')
            [CompletionResult]::new('--meta', '--meta', [CompletionResultType]::ParameterName, 'Details, a JSON object (''{"attempts":5}'')')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'When it was seen (RFC 3339 UTC; default now)')
            [CompletionResult]::new('--batch', '--batch', [CompletionResultType]::ParameterName, 'Read events as JSON lines ({"type","source","severity","ttl","meta","time"}) from FILE, or - for stdin (a stream: each commit is acknowledged as it is made)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Submit to a running node (HOST:PORT) instead of the local ledger; the node signs it')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The node''s API key (with --node)')
            [CompletionResult]::new('--commit-every', '--commit-every', [CompletionResultType]::ParameterName, 'With --batch: commit (sync and checkpoint) every N events, or sooner when the input pauses')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;query' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only this event type')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events seen since ("24h ago", "30m", or RFC 3339)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Only sources inside this network')
            [CompletionResult]::new('--min-severity', '--min-severity', [CompletionResultType]::ParameterName, 'Only this severity and above')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;verify' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;checkpoint' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;prove' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--inclusion', '--inclusion', [CompletionResultType]::ParameterName, 'The entry id (or its index) to prove included')
            [CompletionResult]::new('--consistency', '--consistency', [CompletionResultType]::ParameterName, 'OLD_SIZE [NEW_SIZE]: prove the tree of OLD_SIZE entries is a prefix of NEW_SIZE (default: now)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;export' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'The file to write (- for stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'The file to write (- for stdout)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;import' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--trust', '--trust', [CompletionResultType]::ParameterName, 'Trust the export''s key for events from now on (events signed by another key are refused otherwise)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;blocklist' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)')
            [CompletionResult]::new('--min-severity', '--min-severity', [CompletionResultType]::ParameterName, 'Only events of this severity and above')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Block a source only when at least N events name it')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events seen since ("24h", "24h ago", or RFC 3339)')
            [CompletionResult]::new('--allowlist', '--allowlist', [CompletionResultType]::ParameterName, 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'The nftables table, ipset set prefix or iptables chain the forms name')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;enforce' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)')
            [CompletionResult]::new('--min-severity', '--min-severity', [CompletionResultType]::ParameterName, 'Only events of this severity and above')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'Block a source only when at least N events name it')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only events seen since ("24h", "24h ago", or RFC 3339)')
            [CompletionResult]::new('--allowlist', '--allowlist', [CompletionResultType]::ParameterName, 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'The nftables table, ipset set prefix or iptables chain the forms name')
            [CompletionResult]::new('--backend', '--backend', [CompletionResultType]::ParameterName, 'nftables (one `nft -f` transaction) or ipset (`ipset restore` with an atomic swap, plus a DROP rule per family)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Re-derive and re-apply every INTERVAL (so timeouts are re-asserted and new events enforced); without it, apply once')
            [CompletionResult]::new('--netns', '--netns', [CompletionResultType]::ParameterName, 'Apply inside this network namespace (ip netns)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;node' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'The port to listen on')
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'The address to listen on')
            [CompletionResult]::new('--peers', '--peers', [CompletionResultType]::ParameterName, 'The other replicas'' nodes (HOST:PORT,...); their keys must be in <data-dir>/replicas/')
            [CompletionResult]::new('--round-timeout', '--round-timeout', [CompletionResultType]::ParameterName, 'With --peers: how long a replica waits for a missing unit before asking again')
            [CompletionResult]::new('--unit-interval', '--unit-interval', [CompletionResultType]::ParameterName, 'With --peers: the pause between two consensus units of one replica while events wait to be ordered')
            [CompletionResult]::new('--idle-unit-interval', '--idle-unit-interval', [CompletionResultType]::ParameterName, 'With --peers: the pause between two units while nothing waits to be ordered (at least --unit-interval)')
            [CompletionResult]::new('--session-rounds', '--session-rounds', [CompletionResultType]::ParameterName, 'With --peers: consensus rounds per session')
            [CompletionResult]::new('--commit-timeout', '--commit-timeout', [CompletionResultType]::ParameterName, 'With --peers: how long a submission waits for its commit')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'A key clients and bouncers send in X-Api-Key (repeatable; default: <data-dir>/api-key, created when missing)')
            [CompletionResult]::new('--min-severity', '--min-severity', [CompletionResultType]::ParameterName, 'The decision stream''s blocklist: only events of this severity and above')
            [CompletionResult]::new('--threshold', '--threshold', [CompletionResultType]::ParameterName, 'The decision stream''s blocklist: events needed per source')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--allow-public', '--allow-public', [CompletionResultType]::ParameterName, 'Allow a non-loopback listen address')
            [CompletionResult]::new('--detach', '--detach', [CompletionResultType]::ParameterName, 'Run in the background under the supervisor (omni ps, omni stop)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;status' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'The replica''s node (HOST:PORT)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;policy' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;ledger;policy;check' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--policy', '--policy', [CompletionResultType]::ParameterName, 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;policy;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;ledger;policy;help;check' {
            break
        }
        'omni;ledger;policy;help;help' {
            break
        }
        'omni;ledger;watch' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The ledger''s directory (default: <data dir>/ledger)')
            [CompletionResult]::new('--log', '--log', [CompletionResultType]::ParameterName, 'The log file to follow')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A fail2ban filter: NAME (in --filter-dir), NAME[key=value,...] or a path to a .conf')
            [CompletionResult]::new('--filter-dir', '--filter-dir', [CompletionResultType]::ParameterName, 'Where filter NAMEs are looked up')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, 'The filter''s mode option (sshd: normal, ddos, extra or aggressive)')
            [CompletionResult]::new('--filter-opt', '--filter-opt', [CompletionResultType]::ParameterName, 'Other filter options (repeatable), as a jail''s filter = NAME[key=value]')
            [CompletionResult]::new('--maxretry', '--maxretry', [CompletionResultType]::ParameterName, 'Failures within --findtime that ban an address')
            [CompletionResult]::new('--findtime', '--findtime', [CompletionResultType]::ParameterName, 'The window failures are counted in')
            [CompletionResult]::new('--bantime', '--bantime', [CompletionResultType]::ParameterName, 'How long a ban lasts: the event''s ttl')
            [CompletionResult]::new('--severity', '--severity', [CompletionResultType]::ParameterName, 'The recorded event''s severity')
            [CompletionResult]::new('--ignoreip', '--ignoreip', [CompletionResultType]::ParameterName, 'Networks never recorded (CIDR,...); the ledger''s allowlist is never recorded either')
            [CompletionResult]::new('--node', '--node', [CompletionResultType]::ParameterName, 'Submit bans to a running node (HOST:PORT) instead of the local ledger')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The node''s API key (with --node)')
            [CompletionResult]::new('--poll', '--poll', [CompletionResultType]::ParameterName, 'How often the file is checked for new lines')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('--from-start', '--from-start', [CompletionResultType]::ParameterName, 'Without a saved position, read the file from its start (default: only new lines)')
            [CompletionResult]::new('--once', '--once', [CompletionResultType]::ParameterName, 'Read what is there (from the saved position, else the start) and exit')
            [CompletionResult]::new('--test', '--test', [CompletionResultType]::ParameterName, 'Record nothing: print one JSON line per log line ({line, matched, host, ip, user}), like fail2ban-regex')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;ledger;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a ledger: its data directory and the node''s signing key')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Append signed events (one from the flags, or JSON lines with --batch)')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'List events (--format table, json or jsonl)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print the latest signed checkpoint (C2SP signed note)')
            [CompletionResult]::new('prove', 'prove', [CompletionResultType]::ParameterValue, 'Print an inclusion or consistency proof (RFC 6962/9162)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every entry, the signed checkpoint and each entry''s inclusion proof to one JSON file')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Check an export completely, then append what it adds to this ledger')
            [CompletionResult]::new('blocklist', 'blocklist', [CompletionResultType]::ParameterValue, 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)')
            [CompletionResult]::new('enforce', 'enforce', [CompletionResultType]::ParameterValue, 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A cluster replica''s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The cross-domain trust policy (policy check validates and summarises it)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a log with a fail2ban filter; record one brute_force event per ban')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;ledger;help;init' {
            break
        }
        'omni;ledger;help;record' {
            break
        }
        'omni;ledger;help;query' {
            break
        }
        'omni;ledger;help;verify' {
            break
        }
        'omni;ledger;help;checkpoint' {
            break
        }
        'omni;ledger;help;prove' {
            break
        }
        'omni;ledger;help;export' {
            break
        }
        'omni;ledger;help;import' {
            break
        }
        'omni;ledger;help;blocklist' {
            break
        }
        'omni;ledger;help;enforce' {
            break
        }
        'omni;ledger;help;node' {
            break
        }
        'omni;ledger;help;status' {
            break
        }
        'omni;ledger;help;policy' {
            break
        }
        'omni;ledger;help;watch' {
            break
        }
        'omni;ledger;help;help' {
            break
        }
        'omni;config' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration and the layer each value came from')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a configuration file (default: the one omni would load)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default configuration file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;config;show' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;config;check' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;config;init' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Where to write it (''-'' for stdout) [default: $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration and the layer each value came from')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a configuration file (default: the one omni would load)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default configuration file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;config;help;show' {
            break
        }
        'omni;config;help;check' {
            break
        }
        'omni;config;help;init' {
            break
        }
        'omni;config;help;help' {
            break
        }
        'omni;ps' {
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;stop' {
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'How long to wait before terminating [default: [governor] stop_grace]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Stop every entry')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;completions' {
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'Complete an alias (chaos-cli, omni-chaos) instead of omni')
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every script (all shells, omni and each alias) into DIR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;man' {
            [CompletionResult]::new('--out-dir', '--out-dir', [CompletionResultType]::ParameterName, 'Write every page (omni, each command, each alias) into DIR')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for reports and errors')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour')
            [CompletionResult]::new('--workers', '--workers', [CompletionResultType]::ParameterName, 'Concurrency permits for parallel work [default: number of CPUs]')
            [CompletionResult]::new('--cpu-percent', '--cpu-percent', [CompletionResultType]::ParameterName, 'Cap CPU use at this percent of the whole machine')
            [CompletionResult]::new('--memory-limit', '--memory-limit', [CompletionResultType]::ParameterName, 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit')
            [CompletionResult]::new('--io-ops', '--io-ops', [CompletionResultType]::ParameterName, 'Limit I/O operations per second drawn by systems')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Deterministic mode: one seeded RNG source for every system')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Confine file writes to DIR with Landlock (repeatable)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only results and errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Log more to stderr (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--stats', '--stats', [CompletionResultType]::ParameterName, 'Print governor statistics to stderr at exit')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'omni;help' {
            [CompletionResult]::new('chaos', 'chaos', [CompletionResultType]::ParameterValue, 'Inject faults (CPU, memory, disk, processes) as leases that are always given back')
            [CompletionResult]::new('parallel', 'parallel', [CompletionResultType]::ParameterValue, 'Run shell tasks in parallel: task graphs with caching and resume, GNU parallel''s interface')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify')
            [CompletionResult]::new('ledger', 'ledger', [CompletionResultType]::ParameterValue, 'A signed, Merkle-proven ledger of security events')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show, check or create the configuration file')
            [CompletionResult]::new('ps', 'ps', [CompletionResultType]::ParameterValue, 'List what omni runs in the background, across systems')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop background work started with --detach')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print a man page (roff): omni''s, a system''s or a command''s')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'omni;help;chaos' {
            [CompletionResult]::new('inject', 'inject', [CompletionResultType]::ParameterValue, 'Apply a fault for a duration, then give it back')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)')
            [CompletionResult]::new('proxy', 'proxy', [CompletionResultType]::ParameterValue, 'Serve a TCP fault proxy with Toxiproxy''s HTTP API (its clients work unchanged)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Faults being held (--all: also the finished ones)')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a fault early and give it back')
            [CompletionResult]::new('stop-all', 'stop-all', [CompletionResultType]::ParameterValue, 'Stop every fault (as root, also sweep leftover tagged rules)')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'What each fault did (--format text, json, junit or markdown)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Turn the kill switch on: stop every fault and refuse new ones')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Turn the kill switch off')
            [CompletionResult]::new('watchdog', 'watchdog', [CompletionResultType]::ParameterValue, 'Give a lease back when its controller dies or its TTL passes (started by inject)')
            break
        }
        'omni;help;chaos;inject' {
            break
        }
        'omni;help;chaos;run' {
            break
        }
        'omni;help;chaos;proxy' {
            break
        }
        'omni;help;chaos;list' {
            break
        }
        'omni;help;chaos;stop' {
            break
        }
        'omni;help;chaos;stop-all' {
            break
        }
        'omni;help;chaos;report' {
            break
        }
        'omni;help;chaos;disable' {
            break
        }
        'omni;help;chaos;enable' {
            break
        }
        'omni;help;chaos;watchdog' {
            break
        }
        'omni;help;parallel' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show a job''s state and each task''s')
            [CompletionResult]::new('results', 'results', [CompletionResultType]::ParameterValue, 'A job''s results (--format text, json or junit); exit 1 when a task failed')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Print a job''s task logs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Finish a job (lost, failed or cancelled) without re-running what completed')
            [CompletionResult]::new('jobs', 'jobs', [CompletionResultType]::ParameterValue, 'List jobs, newest first')
            [CompletionResult]::new('explain', 'explain', [CompletionResultType]::ParameterValue, 'Why a task ran or was served from the cache')
            [CompletionResult]::new('run', 'run', [CompletionResultType]::ParameterValue, 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)')
            break
        }
        'omni;help;parallel;submit' {
            break
        }
        'omni;help;parallel;status' {
            break
        }
        'omni;help;parallel;results' {
            break
        }
        'omni;help;parallel;logs' {
            break
        }
        'omni;help;parallel;cancel' {
            break
        }
        'omni;help;parallel;resume' {
            break
        }
        'omni;help;parallel;jobs' {
            break
        }
        'omni;help;parallel;explain' {
            break
        }
        'omni;help;parallel;run' {
            break
        }
        'omni;help;attest' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create the authority''s Ed25519 signing key (0600, never printed)')
            [CompletionResult]::new('attest', 'attest', [CompletionResultType]::ParameterValue, 'Sign an in-toto statement about files into a DSSE envelope')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Let another key attest within narrower bounds (a signed delegation)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Add a revocation to a signed, append-only list that verify honours')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Serve challenges and verification over HTTPS (loopback by default)')
            [CompletionResult]::new('sign-file', 'sign-file', [CompletionResultType]::ParameterValue, 'Sign a file in minisign''s format (FILE.minisig), with the authority key')
            [CompletionResult]::new('verify-file', 'verify-file', [CompletionResultType]::ParameterValue, 'Verify a minisign signature (from omni or minisign); exit 1 when invalid')
            [CompletionResult]::new('export-ca', 'export-ca', [CompletionResultType]::ParameterValue, 'Write the authority''s self-signed X.509 CA certificate (PEM)')
            [CompletionResult]::new('export-cert', 'export-cert', [CompletionResultType]::ParameterValue, 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)')
            [CompletionResult]::new('quote', 'quote', [CompletionResultType]::ParameterValue, 'Take a TPM quote and write it in tpm2-tools'' formats (for tpm2_checkquote)')
            [CompletionResult]::new('verify-quote', 'verify-quote', [CompletionResultType]::ParameterValue, 'Check a quote in tpm2-tools'' files (as tpm2_checkquote does); exit 1 when invalid')
            break
        }
        'omni;help;attest;init' {
            break
        }
        'omni;help;attest;attest' {
            break
        }
        'omni;help;attest;verify' {
            break
        }
        'omni;help;attest;delegate' {
            break
        }
        'omni;help;attest;revoke' {
            break
        }
        'omni;help;attest;serve' {
            break
        }
        'omni;help;attest;sign-file' {
            break
        }
        'omni;help;attest;verify-file' {
            break
        }
        'omni;help;attest;export-ca' {
            break
        }
        'omni;help;attest;export-cert' {
            break
        }
        'omni;help;attest;quote' {
            break
        }
        'omni;help;attest;verify-quote' {
            break
        }
        'omni;help;ledger' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a ledger: its data directory and the node''s signing key')
            [CompletionResult]::new('record', 'record', [CompletionResultType]::ParameterValue, 'Append signed events (one from the flags, or JSON lines with --batch)')
            [CompletionResult]::new('query', 'query', [CompletionResultType]::ParameterValue, 'List events (--format table, json or jsonl)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry')
            [CompletionResult]::new('checkpoint', 'checkpoint', [CompletionResultType]::ParameterValue, 'Print the latest signed checkpoint (C2SP signed note)')
            [CompletionResult]::new('prove', 'prove', [CompletionResultType]::ParameterValue, 'Print an inclusion or consistency proof (RFC 6962/9162)')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write every entry, the signed checkpoint and each entry''s inclusion proof to one JSON file')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Check an export completely, then append what it adds to this ledger')
            [CompletionResult]::new('blocklist', 'blocklist', [CompletionResultType]::ParameterValue, 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)')
            [CompletionResult]::new('enforce', 'enforce', [CompletionResultType]::ParameterValue, 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval')
            [CompletionResult]::new('node', 'node', [CompletionResultType]::ParameterValue, 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A cluster replica''s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'The cross-domain trust policy (policy check validates and summarises it)')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a log with a fail2ban filter; record one brute_force event per ban')
            break
        }
        'omni;help;ledger;init' {
            break
        }
        'omni;help;ledger;record' {
            break
        }
        'omni;help;ledger;query' {
            break
        }
        'omni;help;ledger;verify' {
            break
        }
        'omni;help;ledger;checkpoint' {
            break
        }
        'omni;help;ledger;prove' {
            break
        }
        'omni;help;ledger;export' {
            break
        }
        'omni;help;ledger;import' {
            break
        }
        'omni;help;ledger;blocklist' {
            break
        }
        'omni;help;ledger;enforce' {
            break
        }
        'omni;help;ledger;node' {
            break
        }
        'omni;help;ledger;status' {
            break
        }
        'omni;help;ledger;policy' {
            break
        }
        'omni;help;ledger;watch' {
            break
        }
        'omni;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the effective configuration and the layer each value came from')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a configuration file (default: the one omni would load)')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented default configuration file')
            break
        }
        'omni;help;config;show' {
            break
        }
        'omni;help;config;check' {
            break
        }
        'omni;help;config;init' {
            break
        }
        'omni;help;ps' {
            break
        }
        'omni;help;stop' {
            break
        }
        'omni;help;completions' {
            break
        }
        'omni;help;man' {
            break
        }
        'omni;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
