
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'omni-chaos' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'omni-chaos'
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
        'omni-chaos' {
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
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
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
        'omni-chaos;inject' {
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
        'omni-chaos;run' {
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
        'omni-chaos;proxy' {
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
        'omni-chaos;list' {
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
        'omni-chaos;stop' {
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
        'omni-chaos;stop-all' {
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
        'omni-chaos;report' {
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
        'omni-chaos;disable' {
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
        'omni-chaos;enable' {
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
        'omni-chaos;watchdog' {
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
        'omni-chaos;help' {
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
        'omni-chaos;help;inject' {
            break
        }
        'omni-chaos;help;run' {
            break
        }
        'omni-chaos;help;proxy' {
            break
        }
        'omni-chaos;help;list' {
            break
        }
        'omni-chaos;help;stop' {
            break
        }
        'omni-chaos;help;stop-all' {
            break
        }
        'omni-chaos;help;report' {
            break
        }
        'omni-chaos;help;disable' {
            break
        }
        'omni-chaos;help;enable' {
            break
        }
        'omni-chaos;help;watchdog' {
            break
        }
        'omni-chaos;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
