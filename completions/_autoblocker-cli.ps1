
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'autoblocker-cli' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'autoblocker-cli'
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
        'autoblocker-cli' {
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
        'autoblocker-cli;init' {
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
        'autoblocker-cli;record' {
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
        'autoblocker-cli;query' {
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
        'autoblocker-cli;verify' {
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
        'autoblocker-cli;checkpoint' {
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
        'autoblocker-cli;prove' {
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
        'autoblocker-cli;export' {
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
        'autoblocker-cli;import' {
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
        'autoblocker-cli;blocklist' {
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
        'autoblocker-cli;enforce' {
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
        'autoblocker-cli;node' {
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
        'autoblocker-cli;status' {
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
        'autoblocker-cli;policy' {
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
        'autoblocker-cli;policy;check' {
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
        'autoblocker-cli;policy;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'autoblocker-cli;policy;help;check' {
            break
        }
        'autoblocker-cli;policy;help;help' {
            break
        }
        'autoblocker-cli;watch' {
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
        'autoblocker-cli;help' {
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
        'autoblocker-cli;help;init' {
            break
        }
        'autoblocker-cli;help;record' {
            break
        }
        'autoblocker-cli;help;query' {
            break
        }
        'autoblocker-cli;help;verify' {
            break
        }
        'autoblocker-cli;help;checkpoint' {
            break
        }
        'autoblocker-cli;help;prove' {
            break
        }
        'autoblocker-cli;help;export' {
            break
        }
        'autoblocker-cli;help;import' {
            break
        }
        'autoblocker-cli;help;blocklist' {
            break
        }
        'autoblocker-cli;help;enforce' {
            break
        }
        'autoblocker-cli;help;node' {
            break
        }
        'autoblocker-cli;help;status' {
            break
        }
        'autoblocker-cli;help;policy' {
            break
        }
        'autoblocker-cli;help;watch' {
            break
        }
        'autoblocker-cli;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
