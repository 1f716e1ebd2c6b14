
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'omni-parallel' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'omni-parallel'
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
        'omni-parallel' {
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
        'omni-parallel;submit' {
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
        'omni-parallel;status' {
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
        'omni-parallel;results' {
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
        'omni-parallel;logs' {
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
        'omni-parallel;cancel' {
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
        'omni-parallel;resume' {
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
        'omni-parallel;jobs' {
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
        'omni-parallel;explain' {
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
        'omni-parallel;run' {
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
        'omni-parallel;help' {
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
        'omni-parallel;help;submit' {
            break
        }
        'omni-parallel;help;status' {
            break
        }
        'omni-parallel;help;results' {
            break
        }
        'omni-parallel;help;logs' {
            break
        }
        'omni-parallel;help;cancel' {
            break
        }
        'omni-parallel;help;resume' {
            break
        }
        'omni-parallel;help;jobs' {
            break
        }
        'omni-parallel;help;explain' {
            break
        }
        'omni-parallel;help;run' {
            break
        }
        'omni-parallel;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
