# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_omni_global_optspecs
    string join \n list install= dry-run config= format= color= q/quiet v/verbose workers= cpu-percent= memory-limit= io-ops= seed= sandbox= stats h/help V/version
end

function __fish_omni_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_omni_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_omni_using_subcommand
    set -l cmd (__fish_omni_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c omni -n "__fish_omni_needs_command" -l install -d 'Create every alias link (chaos-cli, omni-chaos, …) in DIR' -r -F
complete -c omni -n "__fish_omni_needs_command" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_needs_command" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_needs_command" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_needs_command" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_needs_command" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_needs_command" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_needs_command" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_needs_command" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_needs_command" -l list -d 'List the systems in this build and their aliases'
complete -c omni -n "__fish_omni_needs_command" -l dry-run -d 'With --install: print what would change, change nothing'
complete -c omni -n "__fish_omni_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_needs_command" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_needs_command" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c omni -n "__fish_omni_needs_command" -s V -l version -d 'Print version'
complete -c omni -n "__fish_omni_needs_command" -f -a "chaos" -d 'Inject faults (CPU, memory, disk, processes) as leases that are always given back'
complete -c omni -n "__fish_omni_needs_command" -f -a "parallel" -d 'Run shell tasks in parallel: task graphs with caching and resume, GNU parallel\'s interface'
complete -c omni -n "__fish_omni_needs_command" -f -a "attest" -d 'Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify'
complete -c omni -n "__fish_omni_needs_command" -f -a "ledger" -d 'A signed, Merkle-proven ledger of security events'
complete -c omni -n "__fish_omni_needs_command" -f -a "config" -d 'Show, check or create the configuration file'
complete -c omni -n "__fish_omni_needs_command" -f -a "ps" -d 'List what omni runs in the background, across systems'
complete -c omni -n "__fish_omni_needs_command" -f -a "stop" -d 'Stop background work started with --detach'
complete -c omni -n "__fish_omni_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c omni -n "__fish_omni_needs_command" -f -a "man" -d 'Print a man page (roff): omni\'s, a system\'s or a command\'s'
complete -c omni -n "__fish_omni_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "inject" -d 'Apply a fault for a duration, then give it back'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "run" -d 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "proxy" -d 'Serve a TCP fault proxy with Toxiproxy\'s HTTP API (its clients work unchanged)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "list" -d 'Faults being held (--all: also the finished ones)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "stop" -d 'Stop a fault early and give it back'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "stop-all" -d 'Stop every fault (as root, also sweep leftover tagged rules)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "report" -d 'What each fault did (--format text, json, junit or markdown)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "disable" -d 'Turn the kill switch on: stop every fault and refuse new ones'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "enable" -d 'Turn the kill switch off'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "watchdog" -d 'Give a lease back when its controller dies or its TTL passes (started by inject)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and not __fish_seen_subcommand_from inject run proxy list stop stop-all report disable enable watchdog help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l fault -d 'The fault' -r -f -a "cpu\t''
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
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l duration -d 'How long the fault is held (250ms, 10s, 5m)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l load -d 'cpu: percent of each loaded core the hog takes (1-100)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l cores -d 'cpu: how many cores to load (default: every core omni may use)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l size -d 'memory, disk: how much (512MiB, 2GiB)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l path -d 'disk: the directory whose file system is filled' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l interface -d 'loss, partition: the network interface' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l netns -d 'loss, partition: the network namespace the interface is in (ip netns)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l delay -d 'latency: how long each outgoing packet is held (50ms); reorder: how long the held share waits' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l jitter -d 'latency: a uniform spread around the delay (10ms)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l percent -d 'loss, reorder, duplicate, corrupt: the percentage of packets dropped, held back, sent twice or corrupted' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l target -d 'loss, partition: only traffic to (and, for a partition, from) this IPv4 CIDR' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l pid -d 'process-*: the target\'s pid' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l name -d 'process-*: a regular expression matched against process names and command lines' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l cgroup -d 'process-*: the processes of a cgroup (its directory, or a path under /sys/fs/cgroup)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l port -d 'process-*: processes listening on this TCP port; loss, partition: only traffic to this TCP/UDP port' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l mode -d 'process-*: how many of the matching processes: one, all, fixed, fixed-percent' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l value -d 'process-*: the count (fixed) or percentage (fixed-percent)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l protect -d 'process-*: also protect processes with this name (repeatable)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l signal -d 'process-kill: the signal (default KILL)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l interval -d 'process-kill: kill matching processes again every INTERVAL until the duration ends' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l lease -d 'The lease a detached controller holds (set by inject --detach)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l dry-run -d 'Print the plan and change nothing'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -l detach -d 'Run the fault in the background under the supervisor and print its lease'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from inject" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l dry -d 'Record these activities without running them (Chaos Toolkit\'s --dry)' -r -f -a "probes\t''
actions\t''
activities\t''
pause\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l rollback-strategy -d 'When rollbacks run (default: always; Chaos Toolkit\'s "default" means always here)' -r -f -a "always\t''
never\t''
deviated\t''
default\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l hypothesis-strategy -d 'When the steady-state hypothesis is checked' -r -f -a "default\t''
before-method-only\t''
after-method-only\t''
during-method-only\t''
continuously\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l hypothesis-frequency -d 'Seconds between two checks during the method (during-method-only, continuously)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l journal-path -d 'Where the journal is written (Chaos Toolkit\'s format)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l var -d 'A configuration value, overriding the experiment\'s (NAME[:TYPE]=VALUE; TYPE str, int, float, bool, json)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l var-file -d 'Configuration and secrets from a JSON or YAML file ({"configuration": {...}, "secrets": {...}}), or environment variables from a .env file' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l python -d 'The Python interpreter for python activities' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l dry-run -d 'Check the experiment and print what would run, with values substituted; run nothing'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l fail-fast -d 'Stop the method as soon as a check during it fails'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l no-verify-tls -d 'Do not verify TLS certificates in http activities'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -l ignore-controls -d 'Run an experiment that declares controls, without them'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l listen -d 'Where the API listens (Toxiproxy\'s default port is 8474)' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l populate -d 'Proxies to create at start: a JSON array, as POST /populate takes' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l allow-public -d 'Allow the API and proxies on non-loopback addresses'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -l detach -d 'Run in the background under the supervisor (omni ps, omni stop)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from proxy" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -l all -d 'Also the faults that ended'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -l every-scope -d 'Also sweep rules tagged by other state directories (every omni on this machine)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from stop-all" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -l markdown -d 'The same as --format markdown (a table for a pull request or a wiki)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from report" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -l global -d 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory\'s'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -l global -d 'The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory\'s'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from watchdog" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "inject" -d 'Apply a fault for a duration, then give it back'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "proxy" -d 'Serve a TCP fault proxy with Toxiproxy\'s HTTP API (its clients work unchanged)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "list" -d 'Faults being held (--all: also the finished ones)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "stop" -d 'Stop a fault early and give it back'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "stop-all" -d 'Stop every fault (as root, also sweep leftover tagged rules)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "report" -d 'What each fault did (--format text, json, junit or markdown)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Turn the kill switch on: stop every fault and refuse new ones'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Turn the kill switch off'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "watchdog" -d 'Give a lease back when its controller dies or its TTL passes (started by inject)'
complete -c omni -n "__fish_omni_using_subcommand chaos; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "submit" -d 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "status" -d 'Show a job\'s state and each task\'s'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "results" -d 'A job\'s results (--format text, json or junit); exit 1 when a task failed'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "logs" -d 'Print a job\'s task logs'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "cancel" -d 'Stop a running job: its tasks\' process groups get SIGTERM, then SIGKILL'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "resume" -d 'Finish a job (lost, failed or cancelled) without re-running what completed'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "jobs" -d 'List jobs, newest first'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "explain" -d 'Why a task ran or was served from the cache'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "run" -d '`omni parallel run [OPTIONS] COMMAND ::: ARGS…`'
complete -c omni -n "__fish_omni_using_subcommand parallel; and not __fish_seen_subcommand_from submit status results logs cancel resume jobs explain run help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l graph -d 'The task graph (YAML, or JSON when the name ends in .json)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l backend -d 'Where tasks run' -r -f -a "local\t''
slurm\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l halt -d 'On failure: `soon,fail=1` (default: let running tasks finish) or `now,fail=1` (stop them)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l detach -d 'Return at once with the job id; the job runs under the supervisor (see omni ps)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -l keep-going -d 'Run everything that does not depend on a failure'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from results" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l task -d 'Only this task\'s output' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from logs" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l detach -d 'Return at once; the job continues under the supervisor'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -l halt-now -d 'Stop running tasks at the first failure (set by submit --halt now,fail=1)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from jobs" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l job-id -d 'The job (from submit or omni parallel jobs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l task -d 'The task to explain' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from explain" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s j -l jobs -d 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l timeout -d 'Kill a job (its whole process group) after this long: seconds (GNU) or 250ms, 10s, 2m' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l halt -d 'Stop early: never | now|soon,fail|success|done=N|N%' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l joblog -d 'Log each finished job in GNU\'s TSV format; +FILE appends' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l retries -d 'Run a failing job up to N times in all' -r
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s a -l arg-file -d 'Read arguments from FILE (like :::: FILE)' -r -F
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s k -l keep-order -d 'Print job output in input order'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s u -l ungroup -d 'Do not group output: jobs write straight to stdout/stderr'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l tag -d 'Prefix each output line with the job\'s arguments and a TAB'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l dry-run -d 'Print the commands instead of running them'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l resume -d 'Skip jobs the joblog lists'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -l resume-failed -d 'Re-run jobs the joblog lists as failed, skip the ones that succeeded'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "status" -d 'Show a job\'s state and each task\'s'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "results" -d 'A job\'s results (--format text, json or junit); exit 1 when a task failed'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "logs" -d 'Print a job\'s task logs'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Stop a running job: its tasks\' process groups get SIGTERM, then SIGKILL'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "resume" -d 'Finish a job (lost, failed or cancelled) without re-running what completed'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "jobs" -d 'List jobs, newest first'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "explain" -d 'Why a task ran or was served from the cache'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "run" -d 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)'
complete -c omni -n "__fish_omni_using_subcommand parallel; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "init" -d 'Create the authority\'s Ed25519 signing key (0600, never printed)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "attest" -d 'Sign an in-toto statement about files into a DSSE envelope'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "verify" -d 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "delegate" -d 'Let another key attest within narrower bounds (a signed delegation)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "revoke" -d 'Add a revocation to a signed, append-only list that verify honours'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "serve" -d 'Serve challenges and verification over HTTPS (loopback by default)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "sign-file" -d 'Sign a file in minisign\'s format (FILE.minisig), with the authority key'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "verify-file" -d 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "export-ca" -d 'Write the authority\'s self-signed X.509 CA certificate (PEM)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "export-cert" -d 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "quote" -d 'Take a TPM quote and write it in tpm2-tools\' formats (for tpm2_checkquote)'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "verify-quote" -d 'Check a quote in tpm2-tools\' files (as tpm2_checkquote does); exit 1 when invalid'
complete -c omni -n "__fish_omni_using_subcommand attest; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l tpm -d 'Also enrol this TPM\'s attestation key: none, device:/dev/tpmrm0, swtpm:host=H,port=P' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -l force -d 'Rotate an existing key; the old public key stays trusted for verification'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l subject -d 'A file to attest (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l predicate-type -d 'The predicate\'s type URI [default: https://omni.dev/attest/artifact/v1]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l predicate -d 'The predicate, a JSON file' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l delegation -d 'Attest as a delegate: embed this chain (written by `delegate`)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l expires -d 'How long the attestation stays valid (e.g. 30d) [default: [attest] expires]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l pcrs -d 'Embed a TPM quote over these sha256 PCRs (predicate https://omni.dev/attest/tpm-quote/v1)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l nonce -d 'A verifier\'s challenge, hex (1 to 64 bytes): kept in the statement\'s validity.nonce, and with --pcrs also quoted by the TPM' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l tpm -d 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -s o -l output -d 'Where to write the envelope (\'-\' for stdout)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from attest" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l batch -d 'Verify every *.json in DIR in parallel (governor --workers); exit 1 if any is invalid' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l key -l trust-root -d 'Trust this public key (PEM or hex) as a root instead of the authority\'s keys' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l revocations -d 'Honour this revocation list (it must be signed by a trusted key)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l subject -d 'A file that must match one of the attested subjects (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l nonce -d 'The challenge the statement (and a TPM quote, which requires one) must carry, hex' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l policy -d 'Allowed PCR values, {"<pcr>": ["<hex>", …]} (sha256 bank)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l to -d 'The delegate\'s public key (PEM or hex)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l predicate-types -d 'Predicate types the delegate may attest' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l subjects -d 'Globs (`*`, `?`) over subject names the delegate may attest' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l max-depth -d 'How many further hops the delegate may delegate' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l expires -d 'How long the delegation lasts (e.g. 30d)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l parent -d 'The chain this delegation extends (you must be its last delegate)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -s o -l output -d 'Where to write the chain ending in the new delegation' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from delegate" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l key-id -d 'Revoke a key (everything it signed or was delegated)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l attestation -d 'Revoke one attestation: its SHA-256, or the attestation file' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l delegation -d 'Revoke one delegation by id (its SHA-256, printed by delegate)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l reason -d 'Why (kept in the list)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l list -d 'The list to append to (created when missing)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l port -d 'The port (0 picks a free one and prints it)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l listen -d 'The address to listen on; anything but loopback needs --public' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l tls-cert -d 'The server certificate chain (PEM)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l tls-key -d 'The server private key (PEM)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l revocations -d 'Honour and serve this revocation list' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l nonce-ttl -d 'How long a challenge nonce stays valid' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l public -d 'Allow a non-loopback --listen address'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -l detach -d 'Run in the background under the supervisor (see omni ps)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from serve" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -s x -l output -d 'Where to write the signature [default: FILE.minisig]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -s t -l trusted-comment -d 'The signed comment [default: timestamp:<now>\\tfile:<name>, as minisign]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -l legacy -d 'Sign the file itself (minisign -l) instead of its BLAKE2b-512 hash'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from sign-file" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -s x -l signature -d 'The signature [default: FILE.minisig]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -s p -l public-key -d 'A minisign public key file [default: the authority\'s key]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -s P -d 'A minisign public key given inline (the base64 line, as minisign -P)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-file" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -s o -l output -d 'Where to write the certificate (\'-\' for stdout)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l validity -d 'How long the CA certificate is valid' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-ca" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l attestation -d 'The attestation to certify (verified first with the authority\'s keys)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l key -d 'Certify this public key (PEM or hex) [default: the key that signed the attestation]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -s o -l output -d 'Where to write the certificate (\'-\' for stdout)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l validity -d 'How long the certificate is valid; never past the attestation\'s expiry' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l revocations -d 'Refuse to certify what this revocation list revokes (the attestation, its key, a delegation)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from export-cert" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l tpm -d 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l pcrs -d 'sha256 PCRs to quote (e.g. 0,1,2,3)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l nonce -d 'The verifier\'s nonce, hex (1 to 64 bytes)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l out-dir -d 'Where to write quote.msg, quote.sig, quote.pcrs and ak.pem (created if missing)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from quote" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s u -l ak -d 'The attestation key\'s public key (PEM), `-u` of tpm2_checkquote' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s m -l msg -d 'The quoted TPMS_ATTEST (`tpm2_quote -m`)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s s -l sig -d 'The signature (`tpm2_quote -s`, TSS or plain)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s f -l pcrs -d 'The PCR values (`tpm2_quote -o`)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l nonce -d 'The nonce the quote must carry, hex (`-q` of tpm2_checkquote; here -q is --quiet)' -r
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l policy -d 'Allowed PCR values (Keylime style JSON)' -r -F
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from verify-quote" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create the authority\'s Ed25519 signing key (0600, never printed)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "attest" -d 'Sign an in-toto statement about files into a DSSE envelope'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "delegate" -d 'Let another key attest within narrower bounds (a signed delegation)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Add a revocation to a signed, append-only list that verify honours'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "serve" -d 'Serve challenges and verification over HTTPS (loopback by default)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "sign-file" -d 'Sign a file in minisign\'s format (FILE.minisig), with the authority key'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "verify-file" -d 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "export-ca" -d 'Write the authority\'s self-signed X.509 CA certificate (PEM)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "export-cert" -d 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "quote" -d 'Take a TPM quote and write it in tpm2-tools\' formats (for tpm2_checkquote)'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "verify-quote" -d 'Check a quote in tpm2-tools\' files (as tpm2_checkquote does); exit 1 when invalid'
complete -c omni -n "__fish_omni_using_subcommand attest; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "init" -d 'Create a ledger: its data directory and the node\'s signing key'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "record" -d 'Append signed events (one from the flags, or JSON lines with --batch)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "query" -d 'List events (--format table, json or jsonl)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "verify" -d 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "checkpoint" -d 'Print the latest signed checkpoint (C2SP signed note)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "prove" -d 'Print an inclusion or consistency proof (RFC 6962/9162)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "export" -d 'Write every entry, the signed checkpoint and each entry\'s inclusion proof to one JSON file'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "import" -d 'Check an export completely, then append what it adds to this ledger'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "blocklist" -d 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "enforce" -d 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "node" -d 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "status" -d 'A cluster replica\'s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "policy" -d 'The cross-domain trust policy (policy check validates and summarises it)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "watch" -d 'Follow a log with a fail2ban filter; record one brute_force event per ban'
complete -c omni -n "__fish_omni_using_subcommand ledger; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l domain -d 'The organisation this node reports for' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l type -d 'The event type (malicious_ip, brute_force, scanner, ...)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l source -d 'The offending address or network (IPv4/IPv6, CIDR)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l severity -d 'low, medium, high or critical' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l ttl -d 'How long the event stays active (0: until removed)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l meta -d 'Details, a JSON object (\'{"attempts":5}\')' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l time -d 'When it was seen (RFC 3339 UTC; default now)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l batch -d 'Read events as JSON lines ({"type","source","severity","ttl","meta","time"}) from FILE, or - for stdin (a stream: each commit is acknowledged as it is made)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l node -d 'Submit to a running node (HOST:PORT) instead of the local ledger; the node signs it' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l api-key -d 'The node\'s API key (with --node)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l commit-every -d 'With --batch: commit (sync and checkpoint) every N events, or sooner when the input pauses' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from record" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l type -d 'Only this event type' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l since -d 'Only events seen since ("24h ago", "30m", or RFC 3339)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l source -d 'Only sources inside this network' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l min-severity -d 'Only this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from query" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from checkpoint" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l inclusion -d 'The entry id (or its index) to prove included' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l consistency -d 'OLD_SIZE [NEW_SIZE]: prove the tree of OLD_SIZE entries is a prefix of NEW_SIZE (default: now)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from prove" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -s o -l output -d 'The file to write (- for stdout)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -l trust -d 'Trust the export\'s key for events from now on (events signed by another key are refused otherwise)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l min-severity -d 'Only events of this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l threshold -d 'Block a source only when at least N events name it' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l since -d 'Only events seen since ("24h", "24h ago", or RFC 3339)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l allowlist -d 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l set -d 'The nftables table, ipset set prefix or iptables chain the forms name' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from blocklist" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l min-severity -d 'Only events of this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l threshold -d 'Block a source only when at least N events name it' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l since -d 'Only events seen since ("24h", "24h ago", or RFC 3339)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l allowlist -d 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l set -d 'The nftables table, ipset set prefix or iptables chain the forms name' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l backend -d 'nftables (one `nft -f` transaction) or ipset (`ipset restore` with an atomic swap, plus a DROP rule per family)' -r -f -a "nftables\t''
ipset\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l interval -d 'Re-derive and re-apply every INTERVAL (so timeouts are re-asserted and new events enforced); without it, apply once' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l netns -d 'Apply inside this network namespace (ip netns)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from enforce" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l port -d 'The port to listen on' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l listen -d 'The address to listen on' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l peers -d 'The other replicas\' nodes (HOST:PORT,...); their keys must be in <data-dir>/replicas/' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l round-timeout -d 'With --peers: how long a replica waits for a missing unit before asking again' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l unit-interval -d 'With --peers: the pause between two consensus units of one replica while events wait to be ordered' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l idle-unit-interval -d 'With --peers: the pause between two units while nothing waits to be ordered (at least --unit-interval)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l session-rounds -d 'With --peers: consensus rounds per session' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l commit-timeout -d 'With --peers: how long a submission waits for its commit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l api-key -d 'A key clients and bouncers send in X-Api-Key (repeatable; default: <data-dir>/api-key, created when missing)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l min-severity -d 'The decision stream\'s blocklist: only events of this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l threshold -d 'The decision stream\'s blocklist: events needed per source' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l allow-public -d 'Allow a non-loopback listen address'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -l detach -d 'Run in the background under the supervisor (omni ps, omni stop)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from node" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l node -d 'The replica\'s node (HOST:PORT)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -f -a "check" -d 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from policy" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l log -d 'The log file to follow' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l filter -d 'A fail2ban filter: NAME (in --filter-dir), NAME[key=value,...] or a path to a .conf' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l filter-dir -d 'Where filter NAMEs are looked up' -r -F
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l mode -d 'The filter\'s mode option (sshd: normal, ddos, extra or aggressive)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l filter-opt -d 'Other filter options (repeatable), as a jail\'s filter = NAME[key=value]' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l maxretry -d 'Failures within --findtime that ban an address' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l findtime -d 'The window failures are counted in' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l bantime -d 'How long a ban lasts: the event\'s ttl' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l severity -d 'The recorded event\'s severity' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l ignoreip -d 'Networks never recorded (CIDR,...); the ledger\'s allowlist is never recorded either' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l node -d 'Submit bans to a running node (HOST:PORT) instead of the local ledger' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l api-key -d 'The node\'s API key (with --node)' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l poll -d 'How often the file is checked for new lines' -r
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l from-start -d 'Without a saved position, read the file from its start (default: only new lines)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l once -d 'Read what is there (from the saved position, else the start) and exit'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -l test -d 'Record nothing: print one JSON line per log line ({line, matched, host, ip, user}), like fail2ban-regex'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from watch" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create a ledger: its data directory and the node\'s signing key'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "record" -d 'Append signed events (one from the flags, or JSON lines with --batch)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "query" -d 'List events (--format table, json or jsonl)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "checkpoint" -d 'Print the latest signed checkpoint (C2SP signed note)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "prove" -d 'Print an inclusion or consistency proof (RFC 6962/9162)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write every entry, the signed checkpoint and each entry\'s inclusion proof to one JSON file'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "import" -d 'Check an export completely, then append what it adds to this ledger'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "blocklist" -d 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "enforce" -d 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "node" -d 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "status" -d 'A cluster replica\'s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "policy" -d 'The cross-domain trust policy (policy check validates and summarises it)'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "watch" -d 'Follow a log with a fail2ban filter; record one brute_force event per ban'
complete -c omni -n "__fish_omni_using_subcommand ledger; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -f -a "show" -d 'Print the effective configuration and the layer each value came from'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -f -a "check" -d 'Validate a configuration file (default: the one omni would load)'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -f -a "init" -d 'Write a commented default configuration file'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l path -d 'Where to write it (\'-\' for stdout) [default: $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace an existing file'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the effective configuration and the layer each value came from'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate a configuration file (default: the one omni would load)'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented default configuration file'
complete -c omni -n "__fish_omni_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand ps" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand ps" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand ps" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand ps" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand ps" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand ps" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand ps" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand ps" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand ps" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand ps" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand ps" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand ps" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand ps" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand stop" -l grace -d 'How long to wait before terminating [default: [governor] stop_grace]' -r
complete -c omni -n "__fish_omni_using_subcommand stop" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand stop" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand stop" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand stop" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand stop" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand stop" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand stop" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand stop" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand stop" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand stop" -l all -d 'Stop every entry'
complete -c omni -n "__fish_omni_using_subcommand stop" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand stop" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand stop" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand stop" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand completions" -l alias -d 'Complete an alias (chaos-cli, omni-chaos) instead of omni' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -l out-dir -d 'Write every script (all shells, omni and each alias) into DIR' -r -F
complete -c omni -n "__fish_omni_using_subcommand completions" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand completions" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand completions" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand completions" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand completions" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand completions" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand completions" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand completions" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand completions" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand man" -l out-dir -d 'Write every page (omni, each command, each alias) into DIR' -r -F
complete -c omni -n "__fish_omni_using_subcommand man" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand man" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c omni -n "__fish_omni_using_subcommand man" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c omni -n "__fish_omni_using_subcommand man" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c omni -n "__fish_omni_using_subcommand man" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c omni -n "__fish_omni_using_subcommand man" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c omni -n "__fish_omni_using_subcommand man" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c omni -n "__fish_omni_using_subcommand man" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c omni -n "__fish_omni_using_subcommand man" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c omni -n "__fish_omni_using_subcommand man" -s q -l quiet -d 'Print only results and errors'
complete -c omni -n "__fish_omni_using_subcommand man" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c omni -n "__fish_omni_using_subcommand man" -l stats -d 'Print governor statistics to stderr at exit'
complete -c omni -n "__fish_omni_using_subcommand man" -s h -l help -d 'Print help'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "chaos" -d 'Inject faults (CPU, memory, disk, processes) as leases that are always given back'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "parallel" -d 'Run shell tasks in parallel: task graphs with caching and resume, GNU parallel\'s interface'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "attest" -d 'Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "ledger" -d 'A signed, Merkle-proven ledger of security events'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "config" -d 'Show, check or create the configuration file'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "ps" -d 'List what omni runs in the background, across systems'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "stop" -d 'Stop background work started with --detach'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "man" -d 'Print a man page (roff): omni\'s, a system\'s or a command\'s'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from chaos parallel attest ledger config ps stop completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "inject" -d 'Apply a fault for a duration, then give it back'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "run" -d 'Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "proxy" -d 'Serve a TCP fault proxy with Toxiproxy\'s HTTP API (its clients work unchanged)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "list" -d 'Faults being held (--all: also the finished ones)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "stop" -d 'Stop a fault early and give it back'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "stop-all" -d 'Stop every fault (as root, also sweep leftover tagged rules)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "report" -d 'What each fault did (--format text, json, junit or markdown)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "disable" -d 'Turn the kill switch on: stop every fault and refuse new ones'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "enable" -d 'Turn the kill switch off'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from chaos" -f -a "watchdog" -d 'Give a lease back when its controller dies or its TTL passes (started by inject)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "submit" -d 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "status" -d 'Show a job\'s state and each task\'s'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "results" -d 'A job\'s results (--format text, json or junit); exit 1 when a task failed'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "logs" -d 'Print a job\'s task logs'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "cancel" -d 'Stop a running job: its tasks\' process groups get SIGTERM, then SIGKILL'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "resume" -d 'Finish a job (lost, failed or cancelled) without re-running what completed'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "jobs" -d 'List jobs, newest first'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "explain" -d 'Why a task ran or was served from the cache'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from parallel" -f -a "run" -d 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "init" -d 'Create the authority\'s Ed25519 signing key (0600, never printed)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "attest" -d 'Sign an in-toto statement about files into a DSSE envelope'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "verify" -d 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "delegate" -d 'Let another key attest within narrower bounds (a signed delegation)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "revoke" -d 'Add a revocation to a signed, append-only list that verify honours'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "serve" -d 'Serve challenges and verification over HTTPS (loopback by default)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "sign-file" -d 'Sign a file in minisign\'s format (FILE.minisig), with the authority key'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "verify-file" -d 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "export-ca" -d 'Write the authority\'s self-signed X.509 CA certificate (PEM)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "export-cert" -d 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "quote" -d 'Take a TPM quote and write it in tpm2-tools\' formats (for tpm2_checkquote)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from attest" -f -a "verify-quote" -d 'Check a quote in tpm2-tools\' files (as tpm2_checkquote does); exit 1 when invalid'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "init" -d 'Create a ledger: its data directory and the node\'s signing key'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "record" -d 'Append signed events (one from the flags, or JSON lines with --batch)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "query" -d 'List events (--format table, json or jsonl)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "verify" -d 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "checkpoint" -d 'Print the latest signed checkpoint (C2SP signed note)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "prove" -d 'Print an inclusion or consistency proof (RFC 6962/9162)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "export" -d 'Write every entry, the signed checkpoint and each entry\'s inclusion proof to one JSON file'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "import" -d 'Check an export completely, then append what it adds to this ledger'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "blocklist" -d 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "enforce" -d 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "node" -d 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "status" -d 'A cluster replica\'s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "policy" -d 'The cross-domain trust policy (policy check validates and summarises it)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from ledger" -f -a "watch" -d 'Follow a log with a fail2ban filter; record one brute_force event per ban'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration and the layer each value came from'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate a configuration file (default: the one omni would load)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented default configuration file'
