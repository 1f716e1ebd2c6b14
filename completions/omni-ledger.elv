
use builtin;
use str;

set edit:completion:arg-completer[omni-ledger] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'omni-ledger'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'omni-ledger'= {
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
            cand policy 'The cross-domain trust policy (policy check validates and summarises it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni-ledger;init'= {
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
        &'omni-ledger;record'= {
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
        &'omni-ledger;query'= {
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
        &'omni-ledger;verify'= {
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
        &'omni-ledger;checkpoint'= {
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
        &'omni-ledger;prove'= {
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
        &'omni-ledger;export'= {
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
        &'omni-ledger;import'= {
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
        &'omni-ledger;blocklist'= {
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
        &'omni-ledger;enforce'= {
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
        &'omni-ledger;node'= {
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
            cand --peers 'The other replicas (HOST:PORT,...): replication is not built yet'
            cand --api-key 'A key clients and bouncers send in X-Api-Key (repeatable)'
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
        &'omni-ledger;policy'= {
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
        &'omni-ledger;policy;check'= {
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
        &'omni-ledger;policy;help'= {
            cand check 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni-ledger;policy;help;check'= {
        }
        &'omni-ledger;policy;help;help'= {
        }
        &'omni-ledger;help'= {
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
            cand policy 'The cross-domain trust policy (policy check validates and summarises it)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni-ledger;help;init'= {
        }
        &'omni-ledger;help;record'= {
        }
        &'omni-ledger;help;query'= {
        }
        &'omni-ledger;help;verify'= {
        }
        &'omni-ledger;help;checkpoint'= {
        }
        &'omni-ledger;help;prove'= {
        }
        &'omni-ledger;help;export'= {
        }
        &'omni-ledger;help;import'= {
        }
        &'omni-ledger;help;blocklist'= {
        }
        &'omni-ledger;help;enforce'= {
        }
        &'omni-ledger;help;node'= {
        }
        &'omni-ledger;help;policy'= {
        }
        &'omni-ledger;help;help'= {
        }
    ]
    $completions[$command]
}
