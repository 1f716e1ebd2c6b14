# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_autoblocker_cli_global_optspecs
    string join \n config= format= color= q/quiet v/verbose workers= cpu-percent= memory-limit= io-ops= seed= sandbox= stats h/help V/version
end

function __fish_autoblocker_cli_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_autoblocker_cli_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_autoblocker_cli_using_subcommand
    set -l cmd (__fish_autoblocker_cli_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -s V -l version -d 'Print version'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "init" -d 'Create a ledger: its data directory and the node\'s signing key'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "record" -d 'Append signed events (one from the flags, or JSON lines with --batch)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "query" -d 'List events (--format table, json or jsonl)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "verify" -d 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "checkpoint" -d 'Print the latest signed checkpoint (C2SP signed note)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "prove" -d 'Print an inclusion or consistency proof (RFC 6962/9162)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "export" -d 'Write every entry, the signed checkpoint and each entry\'s inclusion proof to one JSON file'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "import" -d 'Check an export completely, then append what it adds to this ledger'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "blocklist" -d 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "enforce" -d 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "node" -d 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "status" -d 'A cluster replica\'s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "policy" -d 'The cross-domain trust policy (policy check validates and summarises it)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "watch" -d 'Follow a log with a fail2ban filter; record one brute_force event per ban'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l domain -d 'The organisation this node reports for' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand init" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l type -d 'The event type (malicious_ip, brute_force, scanner, ...)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l source -d 'The offending address or network (IPv4/IPv6, CIDR)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l severity -d 'low, medium, high or critical' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l ttl -d 'How long the event stays active (0: until removed)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l meta -d 'Details, a JSON object (\'{"attempts":5}\')' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l time -d 'When it was seen (RFC 3339 UTC; default now)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l batch -d 'Read events as JSON lines ({"type","source","severity","ttl","meta","time"}) from FILE, or - for stdin (a stream: each commit is acknowledged as it is made)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l node -d 'Submit to a running node (HOST:PORT) instead of the local ledger; the node signs it' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l api-key -d 'The node\'s API key (with --node)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l commit-every -d 'With --batch: commit (sync and checkpoint) every N events, or sooner when the input pauses' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand record" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l type -d 'Only this event type' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l since -d 'Only events seen since ("24h ago", "30m", or RFC 3339)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l source -d 'Only sources inside this network' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l min-severity -d 'Only this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand query" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand verify" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand checkpoint" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l inclusion -d 'The entry id (or its index) to prove included' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l consistency -d 'OLD_SIZE [NEW_SIZE]: prove the tree of OLD_SIZE entries is a prefix of NEW_SIZE (default: now)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand prove" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -s o -l output -d 'The file to write (- for stdout)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand export" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -l trust -d 'Trust the export\'s key for events from now on (events signed by another key are refused otherwise)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand import" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l min-severity -d 'Only events of this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l threshold -d 'Block a source only when at least N events name it' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l since -d 'Only events seen since ("24h", "24h ago", or RFC 3339)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l allowlist -d 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l set -d 'The nftables table, ipset set prefix or iptables chain the forms name' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand blocklist" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l min-severity -d 'Only events of this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l threshold -d 'Block a source only when at least N events name it' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l since -d 'Only events seen since ("24h", "24h ago", or RFC 3339)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l allowlist -d 'Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l set -d 'The nftables table, ipset set prefix or iptables chain the forms name' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l backend -d 'nftables (one `nft -f` transaction) or ipset (`ipset restore` with an atomic swap, plus a DROP rule per family)' -r -f -a "nftables\t''
ipset\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l interval -d 'Re-derive and re-apply every INTERVAL (so timeouts are re-asserted and new events enforced); without it, apply once' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l netns -d 'Apply inside this network namespace (ip netns)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand enforce" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l port -d 'The port to listen on' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l listen -d 'The address to listen on' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l peers -d 'The other replicas\' nodes (HOST:PORT,...); their keys must be in <data-dir>/replicas/' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l round-timeout -d 'With --peers: how long a replica waits for a missing unit before asking again' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l unit-interval -d 'With --peers: the pause between two consensus units of one replica while events wait to be ordered' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l idle-unit-interval -d 'With --peers: the pause between two units while nothing waits to be ordered (at least --unit-interval)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l session-rounds -d 'With --peers: consensus rounds per session' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l commit-timeout -d 'With --peers: how long a submission waits for its commit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l api-key -d 'A key clients and bouncers send in X-Api-Key (repeatable; default: <data-dir>/api-key, created when missing)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l min-severity -d 'The decision stream\'s blocklist: only events of this severity and above' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l threshold -d 'The decision stream\'s blocklist: events needed per source' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l allow-public -d 'Allow a non-loopback listen address'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -l detach -d 'Run in the background under the supervisor (omni ps, omni stop)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand node" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l node -d 'The replica\'s node (HOST:PORT)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand status" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -f -a "check" -d 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and not __fish_seen_subcommand_from check help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l policy -d 'The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "check" -d 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l data-dir -d 'The ledger\'s directory (default: <data dir>/ledger)' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l log -d 'The log file to follow' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l filter -d 'A fail2ban filter: NAME (in --filter-dir), NAME[key=value,...] or a path to a .conf' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l filter-dir -d 'Where filter NAMEs are looked up' -r -F
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l mode -d 'The filter\'s mode option (sshd: normal, ddos, extra or aggressive)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l filter-opt -d 'Other filter options (repeatable), as a jail\'s filter = NAME[key=value]' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l maxretry -d 'Failures within --findtime that ban an address' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l findtime -d 'The window failures are counted in' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l bantime -d 'How long a ban lasts: the event\'s ttl' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l severity -d 'The recorded event\'s severity' -r -f -a "low\t''
medium\t''
high\t''
critical\t''"
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l ignoreip -d 'Networks never recorded (CIDR,...); the ledger\'s allowlist is never recorded either' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l node -d 'Submit bans to a running node (HOST:PORT) instead of the local ledger' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l api-key -d 'The node\'s API key (with --node)' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l poll -d 'How often the file is checked for new lines' -r
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -s q -l quiet -d 'Print only results and errors'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l stats -d 'Print governor statistics to stderr at exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l from-start -d 'Without a saved position, read the file from its start (default: only new lines)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l once -d 'Read what is there (from the saved position, else the start) and exit'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -l test -d 'Record nothing: print one JSON line per log line ({line, matched, host, ip, user}), like fail2ban-regex'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand watch" -s h -l help -d 'Print help'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "init" -d 'Create a ledger: its data directory and the node\'s signing key'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "record" -d 'Append signed events (one from the flags, or JSON lines with --batch)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "query" -d 'List events (--format table, json or jsonl)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "verify" -d 'Recompute every signature and the Merkle tree; exit 1 naming the first bad entry'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "checkpoint" -d 'Print the latest signed checkpoint (C2SP signed note)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "prove" -d 'Print an inclusion or consistency proof (RFC 6962/9162)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "export" -d 'Write every entry, the signed checkpoint and each entry\'s inclusion proof to one JSON file'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "import" -d 'Check an export completely, then append what it adds to this ledger'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "blocklist" -d 'The active blocklist (--format text, json, plain, nftables, ipset or iptables)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "enforce" -d 'Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "node" -d 'Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "status" -d 'A cluster replica\'s state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "policy" -d 'The cross-domain trust policy (policy check validates and summarises it)'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "watch" -d 'Follow a log with a fail2ban filter; record one brute_force event per ban'
complete -c autoblocker-cli -n "__fish_autoblocker_cli_using_subcommand help; and not __fish_seen_subcommand_from init record query verify checkpoint prove export import blocklist enforce node status policy watch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
