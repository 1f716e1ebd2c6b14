
use builtin;
use str;

set edit:completion:arg-completer[omni-parallel] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'omni-parallel'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'omni-parallel'= {
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
            cand submit 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
            cand status 'Show a job''s state and each task''s'
            cand results 'A job''s results (--format text, json or junit); exit 1 when a task failed'
            cand logs 'Print a job''s task logs'
            cand cancel 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL'
            cand resume 'Finish a job (lost, failed or cancelled) without re-running what completed'
            cand jobs 'List jobs, newest first'
            cand explain 'Why a task ran or was served from the cache'
            cand run '`omni parallel run [OPTIONS] COMMAND ::: ARGS…`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni-parallel;submit'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --graph 'The task graph (YAML, or JSON when the name ends in .json)'
            cand --backend 'Where tasks run'
            cand --halt 'On failure: `soon,fail=1` (default: let running tasks finish) or `now,fail=1` (stop them)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --detach 'Return at once with the job id; the job runs under the supervisor (see omni ps)'
            cand --keep-going 'Run everything that does not depend on a failure'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;status'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;results'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;logs'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand --task 'Only this task''s output'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;cancel'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;resume'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand --detach 'Return at once; the job continues under the supervisor'
            cand --halt-now 'Stop running tasks at the first failure (set by submit --halt now,fail=1)'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;jobs'= {
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
        &'omni-parallel;explain'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand --job-id 'The job (from submit or omni parallel jobs)'
            cand --task 'The task to explain'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;run'= {
            cand --config 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]'
            cand --format 'Output format for reports and errors'
            cand --color 'When to use colour'
            cand --workers 'Concurrency permits for parallel work [default: number of CPUs]'
            cand --cpu-percent 'Cap CPU use at this percent of the whole machine'
            cand --memory-limit 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit'
            cand --io-ops 'Limit I/O operations per second drawn by systems'
            cand --seed 'Deterministic mode: one seeded RNG source for every system'
            cand --sandbox 'Confine file writes to DIR with Landlock (repeatable)'
            cand -j 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)'
            cand --jobs 'Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)'
            cand --timeout 'Kill a job (its whole process group) after this long: seconds (GNU) or 250ms, 10s, 2m'
            cand --halt 'Stop early: never | now|soon,fail|success|done=N|N%'
            cand --joblog 'Log each finished job in GNU''s TSV format; +FILE appends'
            cand --retries 'Run a failing job up to N times in all'
            cand -a 'Read arguments from FILE (like :::: FILE)'
            cand --arg-file 'Read arguments from FILE (like :::: FILE)'
            cand -q 'Print only results and errors'
            cand --quiet 'Print only results and errors'
            cand -v 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --verbose 'Log more to stderr (-v info, -vv debug, -vvv trace)'
            cand --stats 'Print governor statistics to stderr at exit'
            cand -k 'Print job output in input order'
            cand --keep-order 'Print job output in input order'
            cand -u 'Do not group output: jobs write straight to stdout/stderr'
            cand --ungroup 'Do not group output: jobs write straight to stdout/stderr'
            cand --tag 'Prefix each output line with the job''s arguments and a TAB'
            cand --dry-run 'Print the commands instead of running them'
            cand --resume 'Skip jobs the joblog lists'
            cand --resume-failed 'Re-run jobs the joblog lists as failed, skip the ones that succeeded'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'omni-parallel;help'= {
            cand submit 'Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor'
            cand status 'Show a job''s state and each task''s'
            cand results 'A job''s results (--format text, json or junit); exit 1 when a task failed'
            cand logs 'Print a job''s task logs'
            cand cancel 'Stop a running job: its tasks'' process groups get SIGTERM, then SIGKILL'
            cand resume 'Finish a job (lost, failed or cancelled) without re-running what completed'
            cand jobs 'List jobs, newest first'
            cand explain 'Why a task ran or was served from the cache'
            cand run 'Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'omni-parallel;help;submit'= {
        }
        &'omni-parallel;help;status'= {
        }
        &'omni-parallel;help;results'= {
        }
        &'omni-parallel;help;logs'= {
        }
        &'omni-parallel;help;cancel'= {
        }
        &'omni-parallel;help;resume'= {
        }
        &'omni-parallel;help;jobs'= {
        }
        &'omni-parallel;help;explain'= {
        }
        &'omni-parallel;help;run'= {
        }
        &'omni-parallel;help;help'= {
        }
    ]
    $completions[$command]
}
