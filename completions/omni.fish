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
json\t''"
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
complete -c omni -n "__fish_omni_needs_command" -f -a "config" -d 'Show, check or create the configuration file'
complete -c omni -n "__fish_omni_needs_command" -f -a "ps" -d 'List what omni runs in the background, across systems'
complete -c omni -n "__fish_omni_needs_command" -f -a "stop" -d 'Stop background work started with --detach'
complete -c omni -n "__fish_omni_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c omni -n "__fish_omni_needs_command" -f -a "man" -d 'Print a man page (roff)'
complete -c omni -n "__fish_omni_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand config; and not __fish_seen_subcommand_from show check init help" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
json\t''"
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
json\t''"
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
json\t''"
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
json\t''"
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
json\t''"
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
json\t''"
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
json\t''"
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
complete -c omni -n "__fish_omni_using_subcommand man" -l out-dir -d 'Write every page (omni, each system, each alias) into DIR' -r -F
complete -c omni -n "__fish_omni_using_subcommand man" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c omni -n "__fish_omni_using_subcommand man" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
json\t''"
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
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from config ps stop completions man help" -f -a "config" -d 'Show, check or create the configuration file'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from config ps stop completions man help" -f -a "ps" -d 'List what omni runs in the background, across systems'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from config ps stop completions man help" -f -a "stop" -d 'Stop background work started with --detach'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from config ps stop completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from config ps stop completions man help" -f -a "man" -d 'Print a man page (roff)'
complete -c omni -n "__fish_omni_using_subcommand help; and not __fish_seen_subcommand_from config ps stop completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print the effective configuration and the layer each value came from'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Validate a configuration file (default: the one omni would load)'
complete -c omni -n "__fish_omni_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented default configuration file'
