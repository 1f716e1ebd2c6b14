
use builtin;
use str;

set edit:completion:arg-completer[omni] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'omni'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'omni'= {
            cand --install 'Create every alias link (chaos-cli, omni-chaos, …) in DIR'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --list 'List the systems in this build and their aliases'
            cand --dry-run 'With --install: print what would change, change nothing'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand config 'Show, check or create the configuration file'
            cand ps 'List what omni runs in the background, across systems'
            cand stop 'Stop background work started with --detach'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;config'= {
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
            cand show 'Print the effective configuration and the layer each value came from'
            cand check 'Validate a configuration file (default: the one omni would load)'
            cand init 'Write a commented default configuration file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;config;show'= {
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
        &'omni;config;check'= {
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
        &'omni;config;init'= {
            cand --path 'Where to write it (''-'' for stdout) [default: $XDG_CONFIG_HOME/omni/config.toml]'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --force 'Replace an existing file'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;config;help'= {
            cand show 'Print the effective configuration and the layer each value came from'
            cand check 'Validate a configuration file (default: the one omni would load)'
            cand init 'Write a commented default configuration file'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;config;help;show'= {
        }
        &'omni;config;help;check'= {
        }
        &'omni;config;help;init'= {
        }
        &'omni;config;help;help'= {
        }
        &'omni;ps'= {
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
        &'omni;stop'= {
            cand --grace 'How long to wait before terminating [default: [governor] stop_grace]'
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --all 'Stop every entry'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni;completions'= {
            cand --alias 'Complete an alias (chaos-cli, omni-chaos) instead of omni'
            cand --out-dir 'Write every script (all shells, omni and each alias) into DIR'
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
        &'omni;man'= {
            cand --out-dir 'Write every page (omni, each system, each alias) into DIR'
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
        &'omni;help'= {
            cand config 'Show, check or create the configuration file'
            cand ps 'List what omni runs in the background, across systems'
            cand stop 'Stop background work started with --detach'
            cand completions 'Print a shell completion script'
            cand man 'Print a man page (roff)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni;help;config'= {
            cand show 'Print the effective configuration and the layer each value came from'
            cand check 'Validate a configuration file (default: the one omni would load)'
            cand init 'Write a commented default configuration file'
        }
        &'omni;help;config;show'= {
        }
        &'omni;help;config;check'= {
        }
        &'omni;help;config;init'= {
        }
        &'omni;help;ps'= {
        }
        &'omni;help;stop'= {
        }
        &'omni;help;completions'= {
        }
        &'omni;help;man'= {
        }
        &'omni;help;help'= {
        }
    ]
    $completions[$command]
}
