# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_attestation_cli_global_optspecs
    string join \n config= format= color= q/quiet v/verbose workers= cpu-percent= memory-limit= io-ops= seed= sandbox= stats h/help V/version
end

function __fish_attestation_cli_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_attestation_cli_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_attestation_cli_using_subcommand
    set -l cmd (__fish_attestation_cli_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -s V -l version -d 'Print version'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "init" -d 'Create the authority\'s Ed25519 signing key (0600, never printed)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "attest" -d 'Sign an in-toto statement about files into a DSSE envelope'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "verify" -d 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "delegate" -d 'Let another key attest within narrower bounds (a signed delegation)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "revoke" -d 'Add a revocation to a signed, append-only list that verify honours'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "serve" -d 'Serve challenges and verification over HTTPS (loopback by default)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "sign-file" -d 'Sign a file in minisign\'s format (FILE.minisig), with the authority key'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "verify-file" -d 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "export-ca" -d 'Write the authority\'s self-signed X.509 CA certificate (PEM)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "export-cert" -d 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "quote" -d 'Take a TPM quote and write it in tpm2-tools\' formats (for tpm2_checkquote)'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "verify-quote" -d 'Check a quote in tpm2-tools\' files (as tpm2_checkquote does); exit 1 when invalid'
complete -c attestation-cli -n "__fish_attestation_cli_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l tpm -d 'Also enrol this TPM\'s attestation key: none, device:/dev/tpmrm0, swtpm:host=H,port=P' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -l force -d 'Rotate an existing key; the old public key stays trusted for verification'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand init" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l subject -d 'A file to attest (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l predicate-type -d 'The predicate\'s type URI [default: https://omni.dev/attest/artifact/v1]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l predicate -d 'The predicate, a JSON file' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l delegation -d 'Attest as a delegate: embed this chain (written by `delegate`)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l expires -d 'How long the attestation stays valid (e.g. 30d) [default: [attest] expires]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l pcrs -d 'Embed a TPM quote over these sha256 PCRs (predicate https://omni.dev/attest/tpm-quote/v1)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l nonce -d 'A verifier\'s challenge, hex (1 to 64 bytes): kept in the statement\'s validity.nonce, and with --pcrs also quoted by the TPM' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l tpm -d 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -s o -l output -d 'Where to write the envelope (\'-\' for stdout)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand attest" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l batch -d 'Verify every *.json in DIR in parallel (governor --workers); exit 1 if any is invalid' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l key -l trust-root -d 'Trust this public key (PEM or hex) as a root instead of the authority\'s keys' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l revocations -d 'Honour this revocation list (it must be signed by a trusted key)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l subject -d 'A file that must match one of the attested subjects (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l nonce -d 'The challenge the statement (and a TPM quote, which requires one) must carry, hex' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l policy -d 'Allowed PCR values, {"<pcr>": ["<hex>", …]} (sha256 bank)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l to -d 'The delegate\'s public key (PEM or hex)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l predicate-types -d 'Predicate types the delegate may attest' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l subjects -d 'Globs (`*`, `?`) over subject names the delegate may attest' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l max-depth -d 'How many further hops the delegate may delegate' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l expires -d 'How long the delegation lasts (e.g. 30d)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l parent -d 'The chain this delegation extends (you must be its last delegate)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -s o -l output -d 'Where to write the chain ending in the new delegation' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand delegate" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l key-id -d 'Revoke a key (everything it signed or was delegated)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l attestation -d 'Revoke one attestation: its SHA-256, or the attestation file' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l delegation -d 'Revoke one delegation by id (its SHA-256, printed by delegate)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l reason -d 'Why (kept in the list)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l list -d 'The list to append to (created when missing)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand revoke" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l port -d 'The port (0 picks a free one and prints it)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l listen -d 'The address to listen on; anything but loopback needs --public' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l tls-cert -d 'The server certificate chain (PEM)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l tls-key -d 'The server private key (PEM)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l revocations -d 'Honour and serve this revocation list' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l nonce-ttl -d 'How long a challenge nonce stays valid' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l public -d 'Allow a non-loopback --listen address'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -l detach -d 'Run in the background under the supervisor (see omni ps)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand serve" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -s x -l output -d 'Where to write the signature [default: FILE.minisig]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -s t -l trusted-comment -d 'The signed comment [default: timestamp:<now>\\tfile:<name>, as minisign]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -l legacy -d 'Sign the file itself (minisign -l) instead of its BLAKE2b-512 hash'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand sign-file" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -s x -l signature -d 'The signature [default: FILE.minisig]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -s p -l public-key -d 'A minisign public key file [default: the authority\'s key]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -s P -d 'A minisign public key given inline (the base64 line, as minisign -P)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-file" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -s o -l output -d 'Where to write the certificate (\'-\' for stdout)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l validity -d 'How long the CA certificate is valid' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-ca" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l attestation -d 'The attestation to certify (verified first with the authority\'s keys)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l key -d 'Certify this public key (PEM or hex) [default: the key that signed the attestation]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -s o -l output -d 'Where to write the certificate (\'-\' for stdout)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l validity -d 'How long the certificate is valid; never past the attestation\'s expiry' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l revocations -d 'Refuse to certify what this revocation list revokes (the attestation, its key, a delegation)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand export-cert" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l dir -d 'The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l tpm -d 'The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l pcrs -d 'sha256 PCRs to quote (e.g. 0,1,2,3)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l nonce -d 'The verifier\'s nonce, hex (1 to 64 bytes)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l out-dir -d 'Where to write quote.msg, quote.sig, quote.pcrs and ak.pem (created if missing)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand quote" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l config -d 'Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l format -d 'Output format for reports and errors' -r -f -a "text\t''
table\t''
json\t''
jsonl\t''
junit\t''
markdown\t''
plain\t''
nftables\t''
ipset\t''
iptables\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l color -d 'When to use colour' -r -f -a "auto\t''
always\t''
never\t''"
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l workers -d 'Concurrency permits for parallel work [default: number of CPUs]' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l cpu-percent -d 'Cap CPU use at this percent of the whole machine' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l memory-limit -d 'Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l io-ops -d 'Limit I/O operations per second drawn by systems' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l seed -d 'Deterministic mode: one seeded RNG source for every system' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l sandbox -d 'Confine file writes to DIR with Landlock (repeatable)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s u -l ak -d 'The attestation key\'s public key (PEM), `-u` of tpm2_checkquote' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s m -l msg -d 'The quoted TPMS_ATTEST (`tpm2_quote -m`)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s s -l sig -d 'The signature (`tpm2_quote -s`, TSS or plain)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s f -l pcrs -d 'The PCR values (`tpm2_quote -o`)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l nonce -d 'The nonce the quote must carry, hex (`-q` of tpm2_checkquote; here -q is --quiet)' -r
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l policy -d 'Allowed PCR values (Keylime style JSON)' -r -F
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s q -l quiet -d 'Print only results and errors'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s v -l verbose -d 'Log more to stderr (-v info, -vv debug, -vvv trace)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -l stats -d 'Print governor statistics to stderr at exit'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand verify-quote" -s h -l help -d 'Print help'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "init" -d 'Create the authority\'s Ed25519 signing key (0600, never printed)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "attest" -d 'Sign an in-toto statement about files into a DSSE envelope'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "verify" -d 'Verify an attestation: signature, subjects, expiry (exit 1 when invalid)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "delegate" -d 'Let another key attest within narrower bounds (a signed delegation)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "revoke" -d 'Add a revocation to a signed, append-only list that verify honours'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "serve" -d 'Serve challenges and verification over HTTPS (loopback by default)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "sign-file" -d 'Sign a file in minisign\'s format (FILE.minisig), with the authority key'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "verify-file" -d 'Verify a minisign signature (from omni or minisign); exit 1 when invalid'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "export-ca" -d 'Write the authority\'s self-signed X.509 CA certificate (PEM)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "export-cert" -d 'Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "quote" -d 'Take a TPM quote and write it in tpm2-tools\' formats (for tpm2_checkquote)'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "verify-quote" -d 'Check a quote in tpm2-tools\' files (as tpm2_checkquote does); exit 1 when invalid'
complete -c attestation-cli -n "__fish_attestation_cli_using_subcommand help; and not __fish_seen_subcommand_from init attest verify delegate revoke serve sign-file verify-file export-ca export-cert quote verify-quote help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
