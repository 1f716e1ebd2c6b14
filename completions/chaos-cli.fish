# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_chaos_cli_global_optspecs
    string join \n config= format= color= q/quiet v/verbose workers= cpu-percent= memory-limit= io-ops= seed= sandbox= stats h/help V/version
end

function __fish_chaos_cli_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_chaos_cli_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_chaos_cli_using_subcommand
    set -l cmd (__fish_chaos_cli_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -s V -l version -d 'Print version'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "inject" -d 'Apply a fault for a duration, then give it back'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "run" -d 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "proxy" -d 'Serve a TCP fault proxy with Toxiproxy\'s HTTP API (its clients work unchanged)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "list" -d 'Faults being held (--all: also the finished ones)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "stop" -d 'Stop a fault early and give it back'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "stop-all" -d 'Stop every fault (as root, also sweep leftover tagged rules)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "report" -d 'What each fault did (--format text, json, junit or markdown)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "disable" -d 'Turn the kill switch on: stop every fault and refuse new ones'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "enable" -d 'Turn the kill switch off'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "watchdog" -d 'Give a lease back when its controller dies or its TTL passes (started by inject)'
complete -c chaos-cli -n "__fish_chaos_cli_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l fault -d 'The fault' -r -f -a "cpu\t''
memory\t''
disk\t''
process-kill\t''
process-pause\t''
loss\t''
partition\t''
latency\t''
reorder\t''
duplicate\t''
corrupt\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l duration -d 'How long the fault is held (250ms, 10s, 5m)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l load -d 'cpu: percent of each loaded core the hog takes (1-100)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l cores -d 'cpu: how many cores to load (default: every core omni may use)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l size -d 'memory, disk: how much (512MiB, 2GiB)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l path -d 'disk: the directory whose file system is filled' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l interface -d 'loss, partition: the network interface' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l netns -d 'loss, partition: the network namespace the interface is in (ip netns)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l delay -d 'latency: how long each outgoing packet is held (50ms); reorder: how long the held share waits' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l jitter -d 'latency: a uniform spread around the delay (10ms)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l percent -d 'loss, reorder, duplicate, corrupt: the percentage of packets dropped, held back, sent twice or corrupted' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l target -d 'loss, partition: only traffic to (and, for a partition, from) this IPv4 CIDR' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l pid -d 'process-*: the target\'s pid' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l name -d 'process-*: a regular expression matched against process names and command lines' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l cgroup -d 'process-*: the processes of a cgroup (its directory, or a path under /sys/fs/cgroup)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l port -d 'process-*: processes listening on this TCP port; loss, partition: only traffic to this TCP/UDP port' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l mode -d 'process-*: how many of the matching processes: one, all, fixed, fixed-percent' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l value -d 'process-*: the count (fixed) or percentage (fixed-percent)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l protect -d 'process-*: also protect processes with this name (repeatable)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l signal -d 'process-kill: the signal (default KILL)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l interval -d 'process-kill: kill matching processes again every INTERVAL until the duration ends' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l lease -d 'The lease a detached controller holds (set by inject --detach)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l dry-run -d 'Print the plan and change nothing'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -l detach -d 'Run the fault in the background under the supervisor and print its lease'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand inject" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l dry -d 'Record these activities without running them (Chaos Toolkit\'s --dry)' -r -f -a "probes\t''
actions\t''
activities\t''
pause\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l rollback-strategy -d 'When rollbacks run (default: always; Chaos Toolkit\'s "default" means always here)' -r -f -a "always\t''
never\t''
deviated\t''
default\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l hypothesis-strategy -d 'When the steady-state hypothesis is checked' -r -f -a "default\t''
before-method-only\t''
after-method-only\t''
during-method-only\t''
continuously\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l hypothesis-frequency -d 'Seconds between two checks during the method (during-method-only, continuously)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l journal-path -d 'Where the journal is written (Chaos Toolkit\'s format)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l var -d 'A configuration value, overriding the experiment\'s (NAME[:TYPE]=VALUE; TYPE str, int, float, bool, json)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l var-file -d 'Configuration and secrets from a JSON or YAML file ({"configuration": {...}, "secrets": {...}}), or environment variables from a .env file' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l python -d 'The Python interpreter for python activities' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l dry-run -d 'Check the experiment and print what would run, with values substituted; run nothing'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l fail-fast -d 'Stop the method as soon as a check during it fails'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l no-verify-tls -d 'Do not verify TLS certificates in http activities'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -l ignore-controls -d 'Run an experiment that declares controls, without them'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand run" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l listen -d 'Where the API listens (Toxiproxy\'s default port is 8474)' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l populate -d 'Proxies to create at start: a JSON array, as POST /populate takes' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l allow-public -d 'Allow the API and proxies on non-loopback addresses'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -l detach -d 'Run in the background under the supervisor (omni ps, omni stop)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand proxy" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -l all -d 'Also the faults that ended'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand list" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -l every-scope -d 'Also sweep rules tagged by other state directories (every omni on this machine)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand stop-all" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -l markdown -d 'The same as --format markdown (a table for a pull request or a wiki)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand report" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -l global -d 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory\'s'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand disable" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -l global -d 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory\'s'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand enable" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -s q -l quiet -d 'Print only results and errors'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -l stats -d 'Print governor statistics to stderr at exit'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand watchdog" -s h -l help -d 'Print help'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "inject" -d 'Apply a fault for a duration, then give it back'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "run" -d 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "proxy" -d 'Serve a TCP fault proxy with Toxiproxy\'s HTTP API (its clients work unchanged)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "list" -d 'Faults being held (--all: also the finished ones)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "stop" -d 'Stop a fault early and give it back'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "stop-all" -d 'Stop every fault (as root, also sweep leftover tagged rules)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "report" -d 'What each fault did (--format text, json, junit or markdown)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "disable" -d 'Turn the kill switch on: stop every fault and refuse new ones'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "enable" -d 'Turn the kill switch off'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "watchdog" -d 'Give a lease back when its controller dies or its TTL passes (started by inject)'
complete -c chaos-cli -n "__fish_chaos_cli_using_subcommand help; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
