# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_omni_parallel_global_optspecs
    string join \n config= format= color= q/quiet v/verbose workers= cpu-percent= memory-limit= io-ops= seed= sandbox= stats h/help V/version
end

function __fish_omni_parallel_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_omni_parallel_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_omni_parallel_using_subcommand
    set -l cmd (__fish_omni_parallel_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -s V -l version -d 'Print version'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "submit" -d 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "status" -d 'Show a job\'s state and each task\'s'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "results" -d 'A job\'s results (--format text, json or junit); exit 1 when a task failed'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "logs" -d 'Print a job\'s task logs'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "cancel" -d 'Stop a running job: its tasks\' process groups get SIGTERM, then SIGKILL'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "resume" -d 'Finish a job (lost, failed or cancelled) without re-running what completed'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "jobs" -d 'List jobs, newest first'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "explain" -d 'Why a task ran or was served from the cache'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "run" -d '`omni parallel run [OPTIONS] COMMAND ::: ARGS…`'
complete -c omni-parallel -n "__fish_omni_parallel_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l graph -d 'The task graph (YAML, or JSON when the name ends in .json)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l backend -d 'Where tasks run' -r -f -a "local\t''
slurm\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l halt -d 'On failure: `soon,fail=1` (default: let running tasks finish) or `now,fail=1` (stop them)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l detach -d 'Return at once with the job id; the job runs under the supervisor (see omni ps)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -l keep-going -d 'Run everything that does not depend on a failure'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand submit" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand status" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand results" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l task -d 'Only this task\'s output' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand logs" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand cancel" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l detach -d 'Return at once; the job continues under the supervisor'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -l halt-now -d 'Stop running tasks at the first failure (set by submit --halt now,fail=1)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand resume" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand jobs" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l task -d 'The task to explain' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand explain" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s j -l jobs -d 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l timeout -d 'Kill a job (its whole process group) after this long: seconds (GNU) or 250ms, 10s, 2m' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l halt -d 'Stop early: never | now|soon,fail|success|done=N|N%' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l joblog -d 'Log each finished job in GNU\'s TSV format; +FILE appends' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l retries -d 'Run a failing job up to N times in all' -r
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s a -l arg-file -d 'Read arguments from FILE (like :::: FILE)' -r -F
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s q -l quiet -d 'Print only results and errors'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s k -l keep-order -d 'Print job output in input order'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s u -l ungroup -d 'Do not group output: jobs write straight to stdout/stderr'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l tag -d 'Prefix each output line with the job\'s arguments and a TAB'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l dry-run -d 'Print the commands instead of running them'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l resume -d 'Skip jobs the joblog lists'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -l resume-failed -d 'Re-run jobs the joblog lists as failed, skip the ones that succeeded'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand run" -s h -l help -d 'Print help'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "submit" -d 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "status" -d 'Show a job\'s state and each task\'s'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "results" -d 'A job\'s results (--format text, json or junit); exit 1 when a task failed'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "logs" -d 'Print a job\'s task logs'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "cancel" -d 'Stop a running job: its tasks\' process groups get SIGTERM, then SIGKILL'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "resume" -d 'Finish a job (lost, failed or cancelled) without re-running what completed'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "jobs" -d 'List jobs, newest first'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "explain" -d 'Why a task ran or was served from the cache'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "run" -d 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)'
complete -c omni-parallel -n "__fish_omni_parallel_using_subcommand help; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
