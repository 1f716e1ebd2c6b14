//! `omni attest` (alias `attestation-cli`): parse, call systems::attest,
//! hand the report to the output.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand};

use super::SystemEntry;
use crate::cli::Ctx;
use crate::runtime::config::{Key, Kind, Section};
use crate::runtime::crypto;
use crate::runtime::error::{Context as _, Exit, Failure};
use crate::runtime::output::{Outcome, Render, Style};
use crate::runtime::state;
use crate::runtime::time::format_rfc3339;
use crate::runtime::units::parse_duration;
use crate::systems::attest::cert::{self, CertRequest, Issued, IssuedCert};
use crate::systems::attest::quote::PcrPolicy;
use crate::systems::attest::statement::Validity;
use crate::systems::attest::tcti::{parse_nonce, parse_pcr_list};
use crate::systems::attest::{
    self, AttestRequest, Authority, Initialized, QuoteRequest, Verdict, VerifyRequest, delegation,
    revocation,
};

/// `[attest]`.
pub static SECTION: Section = Section {
    name: "attest",
    doc: "Attestations (omni attest).",
    keys: &[
        Key {
            name: "dir",
            kind: Kind::Str,
            default: None,
            doc: "The authority directory (keys); unset means $OMNI_DATA_DIR/attest.",
        },
        Key {
            name: "expires",
            kind: Kind::Duration {
                min: Duration::from_secs(1),
                max: Duration::from_secs(10 * 365 * 86_400),
            },
            default: None,
            doc: "Default validity of new attestations; unset means they do not expire.",
        },
    ],
};

/// The registry entry.
pub const ENTRY: SystemEntry = SystemEntry {
    id: "attest",
    alias: "attestation-cli",
    about: "Ed25519 attestations (in-toto Statement v1 in DSSE envelopes): create and verify",
    section: &SECTION,
    command,
    run,
    needs_runtime: false,
};

// NB: `defer` builds a subcommand's arguments only when that subcommand is
// parsed (or help, completions and man pages build the whole tree), which
// keeps clap's share of a one-shot `omni attest verify` small.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
enum AttestCommand {
    /// Create the authority's Ed25519 signing key (0600, never printed)
    Init(InitArgs),
    /// Sign an in-toto statement about files into a DSSE envelope
    Attest(AttestArgs),
    /// Verify an attestation: signature, subjects, expiry (exit 1 when invalid)
    Verify(VerifyArgs),
    /// Let another key attest within narrower bounds (a signed delegation)
    Delegate(DelegateArgs),
    /// Add a revocation to a signed, append-only list that verify honours
    Revoke(RevokeArgs),
    /// Serve challenges and verification over HTTPS (loopback by default)
    Serve(ServeArgs),
    /// Sign a file in minisign's format (FILE.minisig), with the authority key
    SignFile(SignFileArgs),
    /// Verify a minisign signature (from omni or minisign); exit 1 when invalid
    VerifyFile(VerifyFileArgs),
    /// Write the authority's self-signed X.509 CA certificate (PEM)
    ExportCa(ExportCaArgs),
    /// Issue a short-lived X.509 certificate for a valid attestation (exit 1 when invalid)
    ExportCert(ExportCertArgs),
    /// Take a TPM quote and write it in tpm2-tools' formats (for tpm2_checkquote)
    Quote(QuoteArgs),
    /// Check a quote in tpm2-tools' files (as tpm2_checkquote does); exit 1 when invalid
    VerifyQuote(VerifyQuoteArgs),
}

#[derive(Args, Debug)]
struct VerifyQuoteArgs {
    /// The attestation key's public key (PEM), `-u` of tpm2_checkquote
    #[arg(long, short = 'u', value_name = "PEM")]
    ak: PathBuf,
    /// The quoted TPMS_ATTEST (`tpm2_quote -m`)
    #[arg(long, short = 'm', value_name = "FILE")]
    msg: PathBuf,
    /// The signature (`tpm2_quote -s`, TSS or plain)
    #[arg(long, short = 's', value_name = "FILE")]
    sig: PathBuf,
    /// The PCR values (`tpm2_quote -o`)
    #[arg(long, short = 'f', value_name = "FILE")]
    pcrs: PathBuf,
    /// The nonce the quote must carry, hex (`-q` of tpm2_checkquote; here -q is --quiet)
    #[arg(long, value_name = "HEX", value_parser = nonce_arg)]
    nonce: Nonce,
    /// Allowed PCR values (Keylime style JSON)
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

fn parse_validity(s: &str) -> Result<Duration, String> {
    match parse_duration(s) {
        Ok(d) if d.is_zero() => Err("the validity must be longer than zero".into()),
        Ok(d) => Ok(d),
        Err(e) => Err(e.to_string()),
    }
}

#[derive(Args, Debug)]
struct ExportCaArgs {
    #[command(flatten)]
    dir: DirArg,
    /// Where to write the certificate ('-' for stdout)
    #[arg(long, short, value_name = "FILE", default_value = "-")]
    output: PathBuf,
    /// How long the CA certificate is valid
    #[arg(long, value_name = "DURATION", default_value = "3650d", value_parser = parse_validity)]
    validity: Duration,
}

#[derive(Args, Debug)]
struct ExportCertArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The attestation to certify (verified first with the authority's keys)
    #[arg(long, value_name = "FILE")]
    attestation: PathBuf,
    /// Certify this public key (PEM or hex) [default: the key that signed the attestation]
    #[arg(long, value_name = "PUB")]
    key: Option<PathBuf>,
    /// Where to write the certificate ('-' for stdout)
    #[arg(long, short, value_name = "FILE", default_value = "-")]
    output: PathBuf,
    /// How long the certificate is valid; never past the attestation's expiry
    #[arg(long, value_name = "DURATION", default_value = "24h", value_parser = parse_validity)]
    validity: Duration,
    /// Refuse to certify what this revocation list revokes (the attestation, its key, a delegation)
    #[arg(long, value_name = "LIST")]
    revocations: Option<PathBuf>,
}

/// `--pcrs 0,1,2,3` (a newtype: clap would read `Vec<u32>` as repeated values).
#[derive(Debug, Clone)]
struct Pcrs(Vec<u32>);

/// `--nonce HEX`.
#[derive(Debug, Clone)]
struct Nonce(Vec<u8>);

fn pcrs_arg(text: &str) -> Result<Pcrs, String> {
    parse_pcr_list(text).map(Pcrs)
}

fn nonce_arg(text: &str) -> Result<Nonce, String> {
    parse_nonce(text).map(Nonce)
}

#[derive(Args, Debug)]
struct TpmArg {
    /// The TPM: none, device:/dev/tpmrm0 or swtpm:host=H,port=P [default: the one init recorded]
    #[arg(long, value_name = "TCTI")]
    tpm: Option<String>,
}

#[derive(Args, Debug)]
struct QuoteArgs {
    #[command(flatten)]
    dir: DirArg,
    #[command(flatten)]
    tpm: TpmArg,
    /// sha256 PCRs to quote (e.g. 0,1,2,3)
    #[arg(long, value_name = "LIST", value_parser = pcrs_arg)]
    pcrs: Pcrs,
    /// The verifier's nonce, hex (1 to 64 bytes)
    #[arg(long, value_name = "HEX", value_parser = nonce_arg)]
    nonce: Nonce,
    /// Where to write quote.msg, quote.sig, quote.pcrs and ak.pem (created if missing)
    #[arg(long, value_name = "DIR")]
    out_dir: PathBuf,
}

#[derive(Args, Debug)]
struct DelegateArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The delegate's public key (PEM or hex)
    #[arg(long, value_name = "PUBKEY")]
    to: PathBuf,
    /// Predicate types the delegate may attest
    #[arg(long, value_name = "URI", num_args = 1.., required = true)]
    predicate_types: Vec<String>,
    /// Globs (`*`, `?`) over subject names the delegate may attest
    #[arg(long, value_name = "GLOB", num_args = 1.., required = true)]
    subjects: Vec<String>,
    /// How many further hops the delegate may delegate
    #[arg(long, value_name = "N", default_value_t = 0)]
    max_depth: u32,
    /// How long the delegation lasts (e.g. 30d)
    #[arg(long, value_name = "DURATION", value_parser = |s: &str| parse_duration(s).map_err(|e| e.to_string()))]
    expires: Duration,
    /// The chain this delegation extends (you must be its last delegate)
    #[arg(long, value_name = "CHAIN.json")]
    parent: Option<PathBuf>,
    /// Where to write the chain ending in the new delegation
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Args, Debug)]
#[command(group = clap::ArgGroup::new("what").required(true).args(["key_id", "attestation", "delegation"]))]
struct RevokeArgs {
    #[command(flatten)]
    dir: DirArg,
    /// Revoke a key (everything it signed or was delegated)
    #[arg(long, value_name = "ID")]
    key_id: Option<String>,
    /// Revoke one attestation: its SHA-256, or the attestation file
    #[arg(long, value_name = "DIGEST|FILE")]
    attestation: Option<String>,
    /// Revoke one delegation by id (its SHA-256, printed by delegate)
    #[arg(long, value_name = "ID")]
    delegation: Option<String>,
    /// Why (kept in the list)
    #[arg(long, value_name = "TEXT")]
    reason: String,
    /// The list to append to (created when missing)
    #[arg(long, value_name = "FILE")]
    list: PathBuf,
}

#[derive(Args, Debug)]
struct ServeArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The port (0 picks a free one and prints it)
    #[arg(long, default_value_t = 8443)]
    port: u16,
    /// The address to listen on; anything but loopback needs --public
    #[arg(long, default_value = "127.0.0.1")]
    listen: std::net::IpAddr,
    /// Allow a non-loopback --listen address
    #[arg(long)]
    public: bool,
    /// The server certificate chain (PEM)
    #[arg(long, value_name = "PEM")]
    tls_cert: PathBuf,
    /// The server private key (PEM)
    #[arg(long, value_name = "PEM")]
    tls_key: PathBuf,
    /// Honour and serve this revocation list
    #[arg(long, value_name = "LIST")]
    revocations: Option<PathBuf>,
    /// How long a challenge nonce stays valid
    #[arg(long, default_value = "60s", value_parser = |s: &str| parse_duration(s).map_err(|e| e.to_string()))]
    nonce_ttl: Duration,
    /// Run in the background under the supervisor (see omni ps)
    #[arg(long)]
    detach: bool,
}

#[derive(Args, Debug)]
struct SignFileArgs {
    /// The file to sign
    file: PathBuf,
    #[command(flatten)]
    dir: DirArg,
    /// Where to write the signature [default: FILE.minisig]
    #[arg(long, short = 'x', value_name = "SIG")]
    output: Option<PathBuf>,
    /// The signed comment [default: timestamp:<now>\tfile:<name>, as minisign]
    #[arg(long, short = 't', value_name = "TEXT")]
    trusted_comment: Option<String>,
    /// Sign the file itself (minisign -l) instead of its BLAKE2b-512 hash
    #[arg(long)]
    legacy: bool,
}

#[derive(Args, Debug)]
struct VerifyFileArgs {
    /// The signed file
    file: PathBuf,
    #[command(flatten)]
    dir: DirArg,
    /// The signature [default: FILE.minisig]
    #[arg(long, short = 'x', value_name = "SIG")]
    signature: Option<PathBuf>,
    /// A minisign public key file [default: the authority's key]
    #[arg(
        long,
        short = 'p',
        value_name = "PUB",
        conflicts_with = "public_key_b64"
    )]
    public_key: Option<PathBuf>,
    /// A minisign public key given inline (the base64 line, as minisign -P)
    #[arg(short = 'P', value_name = "BASE64")]
    public_key_b64: Option<String>,
}

#[derive(Args, Debug)]
struct DirArg {
    /// The authority directory [default: [attest] dir, else $OMNI_DATA_DIR/attest]
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct InitArgs {
    #[command(flatten)]
    dir: DirArg,
    /// Rotate an existing key; the old public key stays trusted for verification
    #[arg(long)]
    force: bool,
    /// Also enrol this TPM's attestation key: none, device:/dev/tpmrm0, swtpm:host=H,port=P
    #[arg(long, value_name = "TCTI")]
    tpm: Option<String>,
}

#[derive(Args, Debug)]
struct AttestArgs {
    #[command(flatten)]
    dir: DirArg,
    /// A file to attest (repeatable)
    #[arg(long = "subject", value_name = "FILE", required = true)]
    subjects: Vec<PathBuf>,
    /// The predicate's type URI [default: https://omni.dev/attest/artifact/v1]
    #[arg(
        long,
        value_name = "URI",
        requires = "predicate",
        conflicts_with = "pcrs"
    )]
    predicate_type: Option<String>,
    /// The predicate, a JSON file
    #[arg(long, value_name = "FILE.json", requires = "predicate_type")]
    predicate: Option<PathBuf>,
    /// Attest as a delegate: embed this chain (written by `delegate`)
    #[arg(long, value_name = "CHAIN.json")]
    delegation: Option<PathBuf>,
    /// How long the attestation stays valid (e.g. 30d) [default: [attest] expires]
    #[arg(long, value_name = "DURATION", value_parser = |s: &str| parse_duration(s).map_err(|e| e.to_string()))]
    expires: Option<Duration>,
    /// Embed a TPM quote over these sha256 PCRs (predicate https://omni.dev/attest/tpm-quote/v1)
    #[arg(long, value_name = "LIST", value_parser = pcrs_arg, requires = "nonce")]
    pcrs: Option<Pcrs>,
    /// A verifier's challenge, hex (1 to 64 bytes): kept in the statement's
    /// validity.nonce, and with --pcrs also quoted by the TPM
    #[arg(long, value_name = "HEX", value_parser = nonce_arg)]
    nonce: Option<Nonce>,
    #[command(flatten)]
    tpm: TpmArg,
    /// Where to write the envelope ('-' for stdout)
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Args, Debug)]
struct VerifyArgs {
    /// The attestation (DSSE envelope JSON)
    #[arg(required_unless_present = "batch")]
    attestation: Option<PathBuf>,
    /// Verify every *.json in DIR in parallel (governor --workers); exit 1 if any is invalid
    #[arg(long, value_name = "DIR", conflicts_with_all = ["attestation", "subjects"])]
    batch: Option<PathBuf>,
    #[command(flatten)]
    dir: DirArg,
    /// Trust this public key (PEM or hex) as a root instead of the authority's keys
    #[arg(long, visible_alias = "trust-root", value_name = "PUB")]
    key: Vec<PathBuf>,
    /// Honour this revocation list (it must be signed by a trusted key)
    #[arg(long, value_name = "LIST")]
    revocations: Option<PathBuf>,
    /// A file that must match one of the attested subjects (repeatable)
    #[arg(long = "subject", value_name = "FILE")]
    subjects: Vec<PathBuf>,
    /// The challenge the statement (and a TPM quote, which requires one) must carry, hex
    #[arg(long, value_name = "HEX", value_parser = nonce_arg)]
    nonce: Option<Nonce>,
    /// Allowed PCR values, {"<pcr>": ["<hex>", …]} (sha256 bank)
    #[arg(long, value_name = "PCR-POLICY.json")]
    policy: Option<PathBuf>,
}

fn command() -> Command {
    AttestCommand::augment_subcommands(Command::new("attest").subcommand_required(true))
}

fn run(m: &ArgMatches, ctx: &Ctx) -> Outcome {
    let cmd =
        AttestCommand::from_arg_matches(m).map_err(|e| Failure::new(Exit::Usage, e.to_string()))?;
    match cmd {
        AttestCommand::Init(args) => init(ctx, &args),
        AttestCommand::Attest(args) => attest_cmd(ctx, &args),
        AttestCommand::Verify(args) => verify(ctx, &args),
        AttestCommand::Delegate(args) => delegate(ctx, &args),
        AttestCommand::Revoke(args) => revoke(ctx, &args),
        AttestCommand::Serve(args) => serve(ctx, &args),
        AttestCommand::SignFile(args) => sign_file(ctx, &args),
        AttestCommand::VerifyFile(args) => verify_file(ctx, &args),
        AttestCommand::ExportCa(args) => export_ca(ctx, &args),
        AttestCommand::ExportCert(args) => export_cert(ctx, &args),
        AttestCommand::Quote(args) => quote(ctx, &args),
        AttestCommand::VerifyQuote(args) => verify_quote(ctx, &args),
    }
}

fn authority(ctx: &Ctx, dir: &DirArg) -> Result<Authority, Failure> {
    let dir = match (&dir.dir, ctx.config.str("attest", "dir")) {
        (Some(d), _) => d.clone(),
        (None, Some(d)) => PathBuf::from(d),
        (None, None) => ctx.dirs()?.data.join("attest"),
    };
    Ok(Authority::new(dir))
}

impl Render for Initialized {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(w, "key id      {}", style.bold(&self.key_id))?;
        writeln!(w, "public key  {}", self.public_key.display())?;
        if let Some(r) = &self.retired {
            writeln!(
                w,
                "retired     {} (still trusted for verification)",
                r.display()
            )?;
        }
        if self.kept {
            writeln!(w, "            (existing key kept; TPM enrolled)")?;
        }
        if let Some(tpm) = &self.tpm {
            writeln!(w, "tpm         {}", tpm.tcti)?;
            writeln!(w, "ak id       {}", style.bold(&tpm.ak_id))?;
            writeln!(w, "ak          {}", tpm.ak_pem.display())?;
            writeln!(w, "ak public   {} (TPM2B_PUBLIC)", tpm.ak_public.display())?;
        }
        Ok(())
    }
}

fn init(ctx: &Ctx, args: &InitArgs) -> Outcome {
    let auth = authority(ctx, &args.dir)?;
    let tpm = match &args.tpm {
        Some(text) => attest::parse_tpm_choice(text)?,
        None => None,
    };
    // The governor's RNG: with --seed the key is reproducible (for tests).
    let mut rng = ctx.governor.rng("attest/authority-key");
    let report = auth.init_with_tpm(&mut rng, args.force, tpm.as_ref())?;
    ctx.output.emit(&report)?;
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct AttestReport {
    output: PathBuf,
    key_id: String,
    subjects: Vec<attest::statement::Subject>,
    expires_at: Option<String>,
}

impl Render for AttestReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(
            w,
            "wrote {} (key {})",
            self.output.display(),
            style.dim(&self.key_id)
        )?;
        for s in &self.subjects {
            writeln!(
                w,
                "  {}  sha256:{}",
                s.name,
                s.digest.get("sha256").map_or("", String::as_str)
            )?;
        }
        if let Some(at) = &self.expires_at {
            writeln!(w, "  expires {at}")?;
        }
        Ok(())
    }
}

fn attest_cmd(ctx: &Ctx, args: &AttestArgs) -> Outcome {
    let auth = authority(ctx, &args.dir)?;
    let key = auth.signing_key()?;
    let predicate = match (
        &args.predicate_type,
        &args.predicate,
        &args.pcrs,
        &args.nonce,
    ) {
        (_, _, Some(pcrs), Some(nonce)) => {
            let tcti = auth.quote_tpm(args.tpm.tpm.as_deref())?;
            let evidence = auth.quote(&tcti, &pcrs.0, &nonce.0)?;
            Some(attest::quote_predicate(&key, evidence))
        }
        (Some(t), Some(p), _, _) => Some((t.clone(), attest::read_predicate(p)?)),
        _ => None,
    };
    let request = AttestRequest {
        subjects: args.subjects.clone(),
        predicate,
        expires: args
            .expires
            .or_else(|| ctx.config.duration("attest", "expires")),
        nonce: args.nonce.as_ref().map(|n| hex::encode(&n.0)),
        now: SystemTime::now(),
    };
    let (envelope, statement) = attest::attest(&key, &request)?;
    let chain = match &args.delegation {
        Some(path) => read_chain(path)?,
        None => delegation::ChainFile::default(),
    };
    let bytes = attest::with_chain(&envelope, &chain);
    if args.output.as_os_str() == "-" {
        ctx.output.raw(&bytes)?;
        return Ok(Exit::Success);
    }
    state::write_atomic(&args.output, &bytes, 0o644)?;
    ctx.output.emit(&AttestReport {
        output: args.output.clone(),
        key_id: crypto::KeyId::of(&key.verifying_key()).to_hex(),
        subjects: statement.subject.clone(),
        expires_at: statement.validity.and_then(|v| v.expires_at),
    })?;
    Ok(Exit::Success)
}

impl Render for Verdict {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        match &self.reason {
            None => writeln!(w, "{}: {}", style.good("valid"), self.attestation.display())?,
            Some(reason) => writeln!(
                w,
                "{}: {}: {reason}",
                style.bad("invalid"),
                self.attestation.display()
            )?,
        }
        for c in &self.checks {
            let mark = if c.ok {
                style.good("ok")
            } else {
                style.bad("FAILED")
            };
            writeln!(w, "  {:<13} {mark:<6} {}", c.check, c.detail)?;
        }
        Ok(())
    }
}

fn verify(ctx: &Ctx, args: &VerifyArgs) -> Outcome {
    let keys = if args.key.is_empty() {
        authority(ctx, &args.dir)?.trusted_keys()?
    } else {
        args.key
            .iter()
            .map(|p| crypto::read_public_key(p))
            .collect::<Result<Vec<_>, _>>()?
    };
    let revocations = args
        .revocations
        .as_deref()
        .map(|path| read_revocations(path, &keys).map(|(_, list)| list))
        .transpose()?;
    let policy = match &args.policy {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::io(format!("reading {}", path.display()), e))?;
            Some(PcrPolicy::parse_json(&text).with_context(|| path.display().to_string())?)
        }
        None => None,
    };
    let nonce_hex = args.nonce.as_ref().map(|n| hex::encode(&n.0));
    if let Some(dir) = &args.batch {
        return verify_batch(ctx, dir, keys, revocations, nonce_hex);
    }
    let path = args.attestation.clone().unwrap_or_default();
    let bytes =
        std::fs::read(&path).map_err(|e| Failure::io(format!("reading {}", path.display()), e))?;
    let verdict = attest::verify_with(
        &bytes,
        &VerifyRequest {
            path,
            keys,
            subjects: args.subjects.clone(),
            now: SystemTime::now(),
            revocations,
            nonce: nonce_hex,
        },
        &QuoteRequest {
            nonce: args.nonce.clone().map(|n| n.0),
            policy,
        },
    )?;
    ctx.output.emit(&verdict)?;
    Ok(if verdict.valid {
        Exit::Success
    } else {
        Exit::Negative
    })
}

/// `FILE.minisig`, minisign's default signature path.
fn minisig_path(file: &std::path::Path) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".minisig");
    PathBuf::from(name)
}

#[derive(serde::Serialize)]
struct SignFileReport {
    signature: PathBuf,
    public_key: PathBuf,
    key_id: String,
    trusted_comment: String,
}

impl Render for SignFileReport {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(
            w,
            "wrote {} (minisign key id {})",
            self.signature.display(),
            self.key_id
        )?;
        writeln!(
            w,
            "verify with: minisign -V -p {} -m FILE",
            self.public_key.display()
        )
    }
}

fn sign_file(ctx: &Ctx, args: &SignFileArgs) -> Outcome {
    use crate::systems::attest::minisign::{self, Algorithm, MinisignKeyId, MinisignPublicKey};
    let auth = authority(ctx, &args.dir)?;
    let key = auth.signing_key()?;
    let key_id = MinisignKeyId::for_omni_key(&key.verifying_key());
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let comment = args
        .trusted_comment
        .clone()
        .unwrap_or_else(|| minisign::default_trusted_comment(now, &args.file));
    let algorithm = if args.legacy {
        Algorithm::Legacy
    } else {
        Algorithm::Prehashed
    };
    let text = minisign::sign_file_with(
        &key,
        key_id,
        &args.file,
        algorithm,
        &comment,
        "signature from omni attest",
    )?;
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| minisig_path(&args.file));
    state::write_atomic(&output, text.as_bytes(), 0o644)?;
    // The authority's key in minisign's format, next to its PEM form.
    let public = MinisignPublicKey::for_omni_key(&key.verifying_key());
    let pub_path = auth.dir().join("minisign.pub");
    if !pub_path.exists() {
        minisign::write_public_key(&pub_path, &public, false)?;
    }
    ctx.output.emit(&SignFileReport {
        signature: output,
        public_key: pub_path,
        key_id: key_id.to_string(),
        trusted_comment: comment,
    })?;
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct VerifyFileReport {
    file: PathBuf,
    valid: bool,
    reason: Option<String>,
    trusted_comment: Option<String>,
    key_id: Option<String>,
}

impl Render for VerifyFileReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        match (&self.reason, &self.trusted_comment) {
            (None, comment) => {
                writeln!(w, "{}: {}", style.good("valid"), self.file.display())?;
                if let Some(c) = comment {
                    writeln!(w, "trusted comment: {c}")?;
                }
                Ok(())
            }
            (Some(reason), _) => writeln!(
                w,
                "{}: {}: {reason}",
                style.bad("invalid"),
                self.file.display()
            ),
        }
    }
}

fn verify_file(ctx: &Ctx, args: &VerifyFileArgs) -> Outcome {
    use crate::systems::attest::minisign::{self, MinisignPublicKey, Verdict};
    let public = match (&args.public_key, &args.public_key_b64) {
        (Some(path), _) => MinisignPublicKey::read(path)?,
        (None, Some(b64)) => MinisignPublicKey::from_base64(b64)?,
        (None, None) => {
            let auth = authority(ctx, &args.dir)?;
            let keys = auth.trusted_keys()?;
            MinisignPublicKey::for_omni_key(&keys[0])
        }
    };
    let sig_path = args
        .signature
        .clone()
        .unwrap_or_else(|| minisig_path(&args.file));
    let sig_text = std::fs::read_to_string(&sig_path)
        .map_err(|e| Failure::io(format!("reading {}", sig_path.display()), e))?;
    let verdict = minisign::verify_file(&public, &args.file, &sig_text)?;
    let report = match &verdict {
        Verdict::Valid {
            trusted_comment,
            key_id,
            ..
        } => VerifyFileReport {
            file: args.file.clone(),
            valid: true,
            reason: None,
            trusted_comment: Some(trusted_comment.clone()),
            key_id: Some(key_id.to_string()),
        },
        Verdict::Invalid { reason } => VerifyFileReport {
            file: args.file.clone(),
            valid: false,
            reason: Some(reason.to_string()),
            trusted_comment: None,
            key_id: None,
        },
    };
    ctx.output.emit(&report)?;
    Ok(if verdict.is_valid() {
        Exit::Success
    } else {
        Exit::Negative
    })
}

fn read_chain(path: &std::path::Path) -> Result<delegation::ChainFile, Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure::io(format!("reading {}", path.display()), e))?;
    serde_json::from_slice(&bytes).map_err(|e| {
        Failure::new(
            Exit::DataErr,
            format!("{}: not a delegation chain: {e}", path.display()),
        )
    })
}

#[derive(serde::Serialize)]
struct DelegateReport {
    output: PathBuf,
    id: String,
    delegate: String,
    hops: usize,
    expires_at: String,
}

impl Render for DelegateReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(
            w,
            "wrote {} (hop {} of the chain)",
            self.output.display(),
            self.hops
        )?;
        writeln!(w, "delegation id  {}", style.bold(&self.id))?;
        writeln!(w, "delegate key   {}", self.delegate)?;
        writeln!(w, "expires        {}", self.expires_at)
    }
}

fn delegate(ctx: &Ctx, args: &DelegateArgs) -> Outcome {
    let key = authority(ctx, &args.dir)?.signing_key()?;
    let to = crypto::read_public_key(&args.to)?;
    let mut chain = match &args.parent {
        Some(path) => read_chain(path)?,
        None => delegation::ChainFile::default(),
    };
    let parents = chain
        .delegations
        .iter()
        .map(delegation::Hop::decode)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Failure::new(Exit::DataErr, format!("parent chain: {e}")))?;
    if let Some(last) = parents.last()
        && last.grant.delegate.keyid != crypto::KeyId::of(&key.verifying_key()).to_hex()
    {
        return Err(Failure::new(
            Exit::Usage,
            format!(
                "this authority's key is not the delegate of the parent chain's last hop ({})",
                last.grant.delegate.keyid
            ),
        ));
    }
    let now = SystemTime::now();
    let validity = Validity {
        nonce: None,
        issued_at: format_rfc3339(now),
        expires_at: Some(format_rfc3339(now + args.expires)),
    };
    let grant = delegation::grant(
        &key.verifying_key(),
        &to,
        args.predicate_types.clone(),
        args.subjects.clone(),
        args.max_depth,
        validity,
        parents.last().map(|p| p.id.clone()),
    )
    .map_err(|e| Failure::new(Exit::Usage, e))?;
    let envelope = delegation::sign(&key, &grant);
    let raw = envelope.to_raw();
    let hop = delegation::Hop::decode(&raw).map_err(|e| Failure::new(Exit::Software, e))?;
    // Refuse to write a delegation that verification would reject.
    if let Some(parent) = parents.last() {
        delegation::check_narrowing(parent, &hop, parents.len() + 1)
            .map_err(|e| Failure::new(Exit::Usage, e))?;
    }
    chain.delegations.push(raw);
    let mut bytes = serde_json::to_vec_pretty(&chain).unwrap_or_default();
    bytes.push(b'\n');
    state::write_atomic(&args.output, &bytes, 0o644)?;
    ctx.output.emit(&DelegateReport {
        output: args.output.clone(),
        id: hop.id,
        delegate: grant.delegate.keyid,
        hops: chain.delegations.len(),
        expires_at: grant.validity.expires_at.unwrap_or_default(),
    })?;
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct RevokeReport {
    list: PathBuf,
    kind: revocation::Kind,
    id: String,
    added: bool,
    entries: usize,
}

impl Render for RevokeReport {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        let what = if self.added {
            "revoked"
        } else {
            "already revoked"
        };
        writeln!(
            w,
            "{what} {} {} ({} entries in {})",
            self.kind.as_str(),
            self.id,
            self.entries,
            self.list.display()
        )
    }
}

fn revoke(ctx: &Ctx, args: &RevokeArgs) -> Outcome {
    let key = authority(ctx, &args.dir)?.signing_key()?;
    let (kind, id) = match (&args.key_id, &args.attestation, &args.delegation) {
        (Some(k), _, _) => (revocation::Kind::Key, k.clone()),
        (_, Some(a), _) => {
            let is_digest = a.len() == 64 && a.bytes().all(|b| b.is_ascii_hexdigit());
            let id = if is_digest {
                a.clone()
            } else {
                crypto::sha256_file(std::path::Path::new(a))?.to_hex()
            };
            (revocation::Kind::Attestation, id)
        }
        (_, _, Some(d)) => (revocation::Kind::Delegation, d.clone()),
        _ => return Err(Failure::new(Exit::Usage, "name what to revoke")),
    };
    let mut list = match std::fs::read(&args.list) {
        Ok(bytes) => revocation::List::open(&bytes, &[key.verifying_key()]).map_err(|e| {
            Failure::new(
                Exit::DataErr,
                format!("revocation list {}: {e}", args.list.display()),
            )
        })?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            revocation::List::new(&key.verifying_key())
        }
        Err(e) => return Err(Failure::io(format!("reading {}", args.list.display()), e)),
    };
    let added = list.revoke(kind, &id, &args.reason, format_rfc3339(SystemTime::now()));
    state::write_atomic(&args.list, &list.sign(&key).to_json(), 0o644)?;
    ctx.output.emit(&RevokeReport {
        list: args.list.clone(),
        kind,
        id: id.to_ascii_lowercase(),
        added,
        entries: list.entries.len(),
    })?;
    Ok(Exit::Success)
}

/// An absolute form of a path given on the command line, for a detached child.
fn absolute(path: &std::path::Path) -> Result<PathBuf, Failure> {
    std::path::absolute(path).map_err(|e| Failure::io(format!("resolving {}", path.display()), e))
}

fn serve(ctx: &Ctx, args: &ServeArgs) -> Outcome {
    use crate::runtime::server::{Listening, Metrics, ServerBuilder};
    let auth = authority(ctx, &args.dir)?;
    if args.detach {
        let mut argv: Vec<std::ffi::OsString> = vec!["attest".into(), "serve".into()];
        let mut flag = |name: &str, value: std::ffi::OsString| {
            argv.push(name.into());
            argv.push(value);
        };
        flag("--dir", absolute(auth.dir())?.into_os_string());
        flag("--port", args.port.to_string().into());
        flag("--listen", args.listen.to_string().into());
        flag("--tls-cert", absolute(&args.tls_cert)?.into_os_string());
        flag("--tls-key", absolute(&args.tls_key)?.into_os_string());
        flag(
            "--nonce-ttl",
            crate::runtime::units::HumanDuration(args.nonce_ttl)
                .to_string()
                .into(),
        );
        if let Some(list) = &args.revocations {
            flag("--revocations", absolute(list)?.into_os_string());
        }
        if args.public {
            argv.push("--public".into());
        }
        let label = format!("attest serve on {}:{}", args.listen, args.port);
        let entry = ctx.detach("attest", &label, argv)?;
        ctx.output.emit(&entry)?;
        return Ok(Exit::Success);
    }
    let keys = auth.trusted_keys()?;
    let revocations = args
        .revocations
        .as_deref()
        .map(|path| read_revocations(path, &keys))
        .transpose()?;
    let metrics = Metrics::new();
    let config = attest::serve::ServiceConfig {
        keys,
        revocations,
        nonce_ttl: args.nonce_ttl,
        max_outstanding: 100_000,
    };
    let routes = attest::serve::router(config, ctx.governor.rng("attest/serve-nonces"), &metrics)
        .map_err(|e| Failure::new(Exit::Software, e))?;
    ctx.executor.block_on(async {
        let mut server = ServerBuilder::new("attest")
            .bind(std::net::SocketAddr::new(args.listen, args.port))
            .allow_public(args.public)
            .routes(routes)
            .metrics(metrics)
            .body_limit(1 << 20)
            .request_timeout(Duration::from_secs(10))
            .tls(&args.tls_cert, &args.tls_key)
            .start()
            .await?;
        server.readiness().set_ready(true);
        ctx.output.emit(&Listening {
            url: format!("https://{}", server.local_addr()),
        })?;
        // A supervisor's stop request ends the server gracefully too.
        server.wait_or_stop(|| ctx.stop_requested()).await?;
        Ok::<_, Failure>(Exit::Success)
    })?
}

/// What `export-ca` / `export-cert` wrote.
#[derive(serde::Serialize)]
struct CertReport {
    output: PathBuf,
    #[serde(flatten)]
    cert: IssuedCert,
}

impl Render for CertReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        let c = &self.cert;
        writeln!(
            w,
            "wrote {} ({})",
            self.output.display(),
            style.bold(&c.subject)
        )?;
        writeln!(w, "  issuer     {}", c.issuer)?;
        writeln!(w, "  serial     {}", c.serial)?;
        writeln!(w, "  valid      {} .. {}", c.not_before, c.not_after)?;
        writeln!(w, "  key id     {}", c.key_id)?;
        for uri in &c.uris {
            writeln!(w, "  uri        {uri}")?;
        }
        Ok(())
    }
}

/// Writes a certificate to `output` ('-': stdout, PEM only) and reports it.
fn write_cert(ctx: &Ctx, output: &std::path::Path, cert: IssuedCert) -> Outcome {
    if output.as_os_str() == "-" {
        ctx.output.raw(cert.pem.as_bytes())?;
        return Ok(Exit::Success);
    }
    state::write_atomic(output, cert.pem.as_bytes(), 0o644)?;
    ctx.output.emit(&CertReport {
        output: output.to_path_buf(),
        cert,
    })?;
    Ok(Exit::Success)
}

fn export_ca(ctx: &Ctx, args: &ExportCaArgs) -> Outcome {
    let key = authority(ctx, &args.dir)?.signing_key()?;
    let cert = cert::ca_certificate(&key, SystemTime::now(), args.validity)?;
    write_cert(ctx, &args.output, cert)
}

/// Reads and authenticates a revocation list (signed by one of `keys`);
/// returns its bytes too, for serving them as they are.
fn read_revocations(
    path: &Path,
    keys: &[crypto::VerifyingKey],
) -> Result<(Vec<u8>, revocation::List), Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure::io(format!("reading {}", path.display()), e))?;
    let list = revocation::List::open(&bytes, keys).map_err(|reason| {
        Failure::new(
            Exit::DataErr,
            format!("revocation list {}: {reason}", path.display()),
        )
    })?;
    Ok((bytes, list))
}

fn export_cert(ctx: &Ctx, args: &ExportCertArgs) -> Outcome {
    let auth = authority(ctx, &args.dir)?;
    let ca_key = auth.signing_key()?;
    let subject_key = args
        .key
        .as_deref()
        .map(crypto::read_public_key)
        .transpose()?;
    let bytes = std::fs::read(&args.attestation)
        .map_err(|e| Failure::io(format!("reading {}", args.attestation.display()), e))?;
    let trusted = auth.trusted_keys()?;
    let revocations = args
        .revocations
        .as_deref()
        .map(|path| read_revocations(path, &trusted).map(|(_, list)| list))
        .transpose()?;
    let request = CertRequest {
        path: args.attestation.clone(),
        trusted,
        revocations,
        subject_key,
        validity: args.validity,
        now: SystemTime::now(),
    };
    let mut rng = ctx.governor.rng("attest/cert-serial");
    match cert::device_certificate(&ca_key, &bytes, &request, &mut rng)? {
        Issued::Certificate(cert) => write_cert(ctx, &args.output, *cert),
        Issued::Refused(verdict) => {
            // Stdout may be where the certificate was meant to go.
            if args.output.as_os_str() == "-" {
                ctx.output.emit_err(&*verdict);
            } else {
                ctx.output.emit(&*verdict)?;
            }
            Ok(Exit::Negative)
        }
    }
}

#[derive(serde::Serialize)]
struct BatchReport {
    dir: PathBuf,
    total: usize,
    valid: usize,
    invalid: Vec<BatchFailure>,
    seconds: f64,
    per_second: f64,
}

#[derive(serde::Serialize)]
struct BatchFailure {
    attestation: PathBuf,
    reason: String,
}

impl Render for BatchReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        for f in &self.invalid {
            writeln!(
                w,
                "{}: {}: {}",
                style.bad("invalid"),
                f.attestation.display(),
                f.reason
            )?;
        }
        writeln!(
            w,
            "{} of {} valid in {:.3}s ({:.0}/s)",
            self.valid, self.total, self.seconds, self.per_second
        )
    }
}

#[derive(serde::Serialize)]
struct QuoteReport {
    tcti: String,
    files: Vec<PathBuf>,
    pcrs: String,
    nonce: String,
}

impl Render for QuoteReport {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(w, "quoted {} on {}", self.pcrs, self.tcti)?;
        for f in &self.files {
            writeln!(w, "wrote {}", f.display())?;
        }
        writeln!(
            w,
            "check with: tpm2_checkquote -u ak.pem -m quote.msg -s quote.sig -f quote.pcrs -g sha256 -q {}",
            self.nonce
        )
    }
}

/// Verifies every `*.json` of `dir` on the governor's workers (each holds a
/// permit). A malformed file counts as invalid, with the reason, instead of
/// ending the run.
fn verify_batch(
    ctx: &Ctx,
    dir: &std::path::Path,
    keys: Vec<crypto::VerifyingKey>,
    revocations: Option<revocation::List>,
    nonce: Option<String>,
) -> Outcome {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Failure::io(format!("reading {}", dir.display()), e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let started = std::time::Instant::now();
    let next = AtomicUsize::new(0);
    let workers = ctx.governor.settings().workers.min(files.len()).max(1);
    let now = SystemTime::now();
    let verify_one = |path: &PathBuf, buf: &mut Vec<u8>| -> Result<(), String> {
        buf.clear();
        std::fs::File::open(path)
            .and_then(|mut f| io::Read::read_to_end(&mut f, buf))
            .map_err(|e| format!("cannot read: {e}"))?;
        let request = VerifyRequest {
            path: path.clone(),
            keys: keys.clone(),
            subjects: Vec::new(),
            now,
            revocations: revocations.clone(),
            nonce: nonce.clone(),
        };
        match attest::verify(buf, &request) {
            Ok(v) if v.valid => Ok(()),
            Ok(v) => Err(v.reason.unwrap_or_default()),
            Err(e) => Err(e.to_string()),
        }
    };
    let mut invalid: Vec<BatchFailure> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let _permit = ctx.governor.acquire_blocking();
                    let (mut failures, mut buf) = (Vec::new(), Vec::new());
                    while let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        ctx.governor.checkpoint_blocking();
                        if let Err(reason) = verify_one(path, &mut buf) {
                            failures.push(BatchFailure {
                                attestation: path.clone(),
                                reason,
                            });
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    invalid.sort_by(|a, b| a.attestation.cmp(&b.attestation));
    let seconds = started.elapsed().as_secs_f64();
    let total = files.len();
    #[allow(clippy::cast_precision_loss)] // counts far below 2^52
    let per_second = if seconds > 0.0 {
        total as f64 / seconds
    } else {
        0.0
    };
    let report = BatchReport {
        dir: dir.to_path_buf(),
        total,
        valid: total - invalid.len(),
        invalid,
        seconds,
        per_second,
    };
    ctx.output.emit(&report)?;
    Ok(if report.invalid.is_empty() {
        Exit::Success
    } else {
        Exit::Negative
    })
}

fn quote(ctx: &Ctx, args: &QuoteArgs) -> Outcome {
    let auth = authority(ctx, &args.dir)?;
    let tcti = auth.quote_tpm(args.tpm.tpm.as_deref())?;
    let evidence = auth.quote(&tcti, &args.pcrs.0, &args.nonce.0)?;
    let files = evidence.tpm2_tools_files()?;
    state::ensure_dir(&args.out_dir, 0o755)?;
    let mut written = Vec::with_capacity(files.len());
    for (name, bytes) in &files {
        let path = args.out_dir.join(name);
        state::write_atomic(&path, bytes, 0o644)?;
        written.push(path);
    }
    let pcrs = args
        .pcrs
        .0
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(",");
    ctx.output.emit(&QuoteReport {
        tcti: tcti.to_string(),
        files: written,
        pcrs: format!("sha256:{pcrs}"),
        nonce: hex::encode(&args.nonce.0),
    })?;
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct QuoteVerdictReport {
    valid: bool,
    reason: Option<String>,
}

impl Render for QuoteVerdictReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        match &self.reason {
            None => writeln!(w, "{}: the quote verifies", style.good("valid")),
            Some(r) => writeln!(w, "{}: {r}", style.bad("invalid")),
        }
    }
}

fn verify_quote(ctx: &Ctx, args: &VerifyQuoteArgs) -> Outcome {
    use crate::systems::attest::quote::{QuoteEvidence, QuoteVerdict};
    let policy = match &args.policy {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| Failure::io(format!("reading {}", path.display()), e))?;
            Some(PcrPolicy::parse_json(&text).with_context(|| path.display().to_string())?)
        }
        None => None,
    };
    let evidence = QuoteEvidence::read_tpm2_tools(&args.msg, &args.sig, &args.pcrs, &args.ak)?;
    let verdict = evidence.verify(&args.nonce.0, policy.as_ref())?;
    let report = match verdict {
        QuoteVerdict::Valid => QuoteVerdictReport {
            valid: true,
            reason: None,
        },
        QuoteVerdict::Invalid(check) => QuoteVerdictReport {
            valid: false,
            reason: Some(check.to_string()),
        },
    };
    ctx.output.emit(&report)?;
    Ok(if report.valid {
        Exit::Success
    } else {
        Exit::Negative
    })
}
