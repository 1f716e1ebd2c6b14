//! TPM 2.0 quote *generation* through tss-esapi (libtss2), behind the cargo
//! feature `tpm`. Verification never comes here: it is pure Rust in
//! [`super::quote`], so the static build verifies what this module produces.
//!
//! # The attestation key (AK)
//!
//! The AK is a **primary key of the owner hierarchy created from a fixed
//! template**: ECC NIST P-256, ECDSA with SHA-256, nameAlg SHA-256, attributes
//! `fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth | restricted |
//! sign` (objectAttributes `0x00050072`, as `tpm2_createak`), no auth value,
//! and `unique.x = SHA-256("omni attest AK v1")`. TPM2_CreatePrimary derives a
//! primary key from the hierarchy's seed and the template, so the same TPM
//! always gives the same AK until its owner hierarchy is cleared: nothing is
//! persisted in the TPM (no NV handle to allocate, collide with or leak), and
//! `init` records the AK's public key (`ak.pem`, `ak.pub.tpm`) so a changed
//! TPM is detected. The cost is one CreatePrimary per quote (ECC: a few ms on
//! swtpm, tens to hundreds of ms on hardware). Because the key is restricted,
//! the TPM refuses to sign anything starting with TPM_GENERATED_VALUE that it
//! did not produce itself, which is what makes its quotes evidence.
//!
//! # Transient objects
//!
//! Without a resource manager (swtpm, `/dev/tpm0`) transient objects outlive
//! the connection and the TPM runs out of slots (TPM_RC 0x902) after a few
//! commands. Every primary created here is flushed before returning, on the
//! error paths too; authorization uses the password session, which has no
//! handle to flush.
//!
//! # Freshness of PCR values
//!
//! The quote is taken first, then the PCRs are read; if a PCR was extended in
//! between, the values no longer hash to the quote's `pcrDigest` and the
//! quote is retaken (up to [`ATTEMPTS`] times). Every quote returned has
//! passed [`super::quote::verify`] with the caller's nonce.

use std::collections::BTreeMap;
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

use sha2::Digest as _;
use tss_esapi::attributes::ObjectAttributesBuilder;
use tss_esapi::handles::{KeyHandle, ObjectHandle};
use tss_esapi::interface_types::algorithm::{HashingAlgorithm, PublicAlgorithm};
use tss_esapi::interface_types::ecc::EccCurve;
use tss_esapi::interface_types::resource_handles::Hierarchy;
use tss_esapi::interface_types::session_handles::AuthSession;
use tss_esapi::structures::{
    Data, EccParameter, EccPoint, EccScheme, HashScheme, KeyDerivationFunctionScheme,
    PcrSelectionListBuilder, PcrSlot, Public, PublicBuilder, PublicEccParametersBuilder,
    SignatureScheme, SymmetricDefinitionObject,
};
use tss_esapi::traits::Marshall;
use tss_esapi::{Context, TctiNameConf};

use super::quote::{AkPublic, HashAlg, PcrValues, QuoteCheck, QuoteEvidence, QuoteVerdict};
use super::tcti::{MAX_NONCE, Tcti};
use crate::runtime::error::{Classify, Exit};

/// How many times a quote is retaken when a PCR changes while it is read.
pub const ATTEMPTS: usize = 3;
/// How long to wait for a simulator's TCP port before calling it unreachable.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// Entropy in the AK template: names the key as omni's, fixed forever.
const AK_UNIQUE_LABEL: &[u8] = b"omni attest AK v1";

/// Why a TPM operation gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum TpmError {
    /// Nothing answers at the TCTI's address or device.
    #[error("TPM {tcti} is unreachable: {reason}")]
    Unreachable {
        /// The TCTI, canonical form.
        tcti: String,
        /// What failed.
        reason: String,
    },
    /// The device exists but this user may not open it.
    #[error("TPM {tcti}: permission denied (add the user to group tss, or run as root)")]
    Permission {
        /// The TCTI.
        tcti: String,
    },
    /// A TPM command failed.
    #[error("TPM {tcti}: {what}: {reason}")]
    Command {
        /// The TCTI.
        tcti: String,
        /// The operation (`CreatePrimary`, `Quote`…).
        what: &'static str,
        /// The TSS or TPM error.
        reason: String,
    },
    /// The caller's input cannot be quoted.
    #[error("{0}")]
    Input(String),
    /// The TPM's quote does not verify with its own AK and the values it
    /// reported: a TPM or omni bug, never a valid answer.
    #[error("TPM {tcti}: the quote fails omni's own verification ({check})")]
    SelfCheck {
        /// The TCTI.
        tcti: String,
        /// The check that failed.
        check: String,
    },
}

impl Classify for TpmError {
    fn exit(&self) -> Exit {
        match self {
            TpmError::Unreachable { .. } | TpmError::Command { .. } => Exit::Unavailable,
            TpmError::Permission { .. } => Exit::NoPerm,
            TpmError::Input(_) => Exit::Usage,
            TpmError::SelfCheck { .. } => Exit::Software,
        }
    }
}

/// The AK's public parts, as `init` writes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AkInfo {
    /// SubjectPublicKeyInfo PEM (`ak.pem`).
    pub pem: String,
    /// `TPM2B_PUBLIC` (`ak.pub.tpm`), which carries the restricted attribute.
    pub tpm2b_public: Vec<u8>,
}

/// An open connection to a TPM.
pub struct Tpm {
    context: Context,
    tcti: String,
}

impl std::fmt::Debug for Tpm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tpm").field("tcti", &self.tcti).finish()
    }
}

/// Checks that something answers at the TCTI before libtss2 is asked to (it
/// would log its own errors to stderr and return a bare code).
fn probe(tcti: &Tcti) -> Result<(), TpmError> {
    let name = tcti.to_string();
    let unreachable = |reason: String| TpmError::Unreachable {
        tcti: name.clone(),
        reason,
    };
    match tcti {
        Tcti::Device { path } => {
            match std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(path)
            {
                Ok(_) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                    Err(TpmError::Permission { tcti: name.clone() })
                }
                Err(e) => Err(unreachable(format!("cannot open {}: {e}", path.display()))),
            }
        }
        Tcti::Swtpm { host, port } | Tcti::Mssim { host, port } => {
            let addrs: Vec<_> = (host.as_str(), *port)
                .to_socket_addrs()
                .map_err(|e| unreachable(format!("cannot resolve {host}: {e}")))?
                .collect();
            let mut last = format!("{host} resolves to no address");
            for addr in addrs {
                match TcpStream::connect_timeout(&addr, CONNECT_TIMEOUT) {
                    Ok(_) => return Ok(()),
                    Err(e) => last = format!("cannot connect to {addr}: {e}"),
                }
            }
            Err(unreachable(last))
        }
    }
}

/// The AK template described in the module documentation.
pub fn ak_template() -> Result<Public, tss_esapi::Error> {
    let attributes = ObjectAttributesBuilder::new()
        .with_fixed_tpm(true)
        .with_fixed_parent(true)
        .with_sensitive_data_origin(true)
        .with_user_with_auth(true)
        .with_restricted(true)
        .with_sign_encrypt(true)
        .build()?;
    let parameters = PublicEccParametersBuilder::new()
        .with_symmetric(SymmetricDefinitionObject::Null)
        .with_ecc_scheme(EccScheme::EcDsa(HashScheme::new(HashingAlgorithm::Sha256)))
        .with_curve(EccCurve::NistP256)
        .with_key_derivation_function_scheme(KeyDerivationFunctionScheme::Null)
        .with_is_signing_key(true)
        .with_is_decryption_key(false)
        .with_restricted(true)
        .build()?;
    let unique = EccPoint::new(
        EccParameter::try_from(sha2::Sha256::digest(AK_UNIQUE_LABEL).to_vec())?,
        EccParameter::default(),
    );
    PublicBuilder::new()
        .with_public_algorithm(PublicAlgorithm::Ecc)
        .with_name_hashing_algorithm(HashingAlgorithm::Sha256)
        .with_object_attributes(attributes)
        .with_ecc_parameters(parameters)
        .with_ecc_unique_identifier(unique)
        .build()
}

/// `TPM2B_PUBLIC` bytes of a public area: its TPMT_PUBLIC with a u16 size.
fn tpm2b_public(public: &Public) -> Result<Vec<u8>, tss_esapi::Error> {
    let tpmt = public.marshall()?;
    let size = u16::try_from(tpmt.len())
        .map_err(|_| tss_esapi::Error::WrapperError(tss_esapi::WrapperErrorKind::WrongParamSize))?;
    let mut out = Vec::with_capacity(2 + tpmt.len());
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(&tpmt);
    Ok(out)
}

impl Tpm {
    /// Connects to the TPM named by `tcti` (69 when nothing answers there).
    pub fn open(tcti: &Tcti) -> Result<Tpm, TpmError> {
        probe(tcti)?;
        let name = tcti.to_string();
        let conf: TctiNameConf = name.parse().map_err(|e| TpmError::Command {
            tcti: name.clone(),
            what: "parsing the TCTI for libtss2",
            reason: format!("{e}"),
        })?;
        let context = Context::new(conf).map_err(|e| TpmError::Unreachable {
            tcti: name.clone(),
            reason: format!("libtss2 could not initialise the TCTI: {e}"),
        })?;
        Ok(Tpm {
            context,
            tcti: name,
        })
    }

    /// The TCTI, canonical form.
    pub fn tcti(&self) -> &str {
        &self.tcti
    }

    fn failed(&self, what: &'static str) -> impl FnOnce(tss_esapi::Error) -> TpmError + '_ {
        move |e| TpmError::Command {
            tcti: self.tcti.clone(),
            what,
            reason: e.to_string(),
        }
    }

    /// Creates the AK (a transient primary: the caller must flush it).
    fn create_ak(&mut self) -> Result<(KeyHandle, AkInfo), TpmError> {
        let template = ak_template().map_err(self.failed("building the AK template"))?;
        let created = self
            .context
            .execute_with_session(Some(AuthSession::Password), |ctx| {
                ctx.create_primary(Hierarchy::Owner, template, None, None, None, None)
            })
            .map_err(self.failed("CreatePrimary (owner hierarchy)"))?;
        let handle = created.key_handle;
        let info = tpm2b_public(&created.out_public)
            .map_err(self.failed("marshalling the AK's TPM2B_PUBLIC"))
            .and_then(|tpm2b| {
                let ak = AkPublic::from_tpm2b_public(&tpm2b).map_err(|e| TpmError::Command {
                    tcti: self.tcti.clone(),
                    what: "reading the AK's public area",
                    reason: e.to_string(),
                })?;
                Ok(AkInfo {
                    pem: ak.to_pem(),
                    tpm2b_public: tpm2b,
                })
            });
        match info {
            Ok(info) => Ok((handle, info)),
            Err(e) => {
                self.flush(handle);
                Err(e)
            }
        }
    }

    /// Flushes a transient object; a failure here cannot be acted upon (the
    /// TPM reclaims it at the next reset), so it is not reported.
    fn flush(&mut self, handle: KeyHandle) {
        let _ = self.context.flush_context(ObjectHandle::from(handle));
    }

    /// The AK's public key (creating the primary and flushing it again).
    pub fn attestation_key(&mut self) -> Result<AkInfo, TpmError> {
        let (handle, info) = self.create_ak()?;
        self.flush(handle);
        Ok(info)
    }

    /// Quotes sha256 PCRs `pcrs` with `nonce` as qualifying data, reads the
    /// PCR values, and returns evidence that passed omni's verifier.
    pub fn quote(&mut self, pcrs: &[u32], nonce: &[u8]) -> Result<QuoteEvidence, TpmError> {
        if pcrs.is_empty() {
            return Err(TpmError::Input("no PCR to quote".into()));
        }
        if nonce.is_empty() || nonce.len() > MAX_NONCE {
            return Err(TpmError::Input(format!(
                "nonce is {} bytes; a TPM takes 1 to {MAX_NONCE}",
                nonce.len()
            )));
        }
        let (handle, ak) = self.create_ak()?;
        let result = self.quote_with(handle, &ak, pcrs, nonce);
        self.flush(handle);
        result
    }

    fn quote_with(
        &mut self,
        handle: KeyHandle,
        ak: &AkInfo,
        pcrs: &[u32],
        nonce: &[u8],
    ) -> Result<QuoteEvidence, TpmError> {
        let slots = pcrs
            .iter()
            .map(|i| {
                1u32.checked_shl(*i)
                    .and_then(|bit| PcrSlot::try_from(bit).ok())
                    .ok_or_else(|| TpmError::Input(format!("PCR {i} is out of range")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let selection = PcrSelectionListBuilder::new()
            .with_selection(HashingAlgorithm::Sha256, &slots)
            .build()
            .map_err(self.failed("building the PCR selection"))?;
        let mut last = String::new();
        for _ in 0..ATTEMPTS {
            let data = Data::try_from(nonce.to_vec()).map_err(self.failed("nonce"))?;
            let (attest, signature) = self
                .context
                .execute_with_session(Some(AuthSession::Password), |ctx| {
                    ctx.quote(handle, data, SignatureScheme::Null, selection.clone())
                })
                .map_err(self.failed("Quote"))?;
            let attest = attest
                .marshall()
                .map_err(self.failed("marshalling TPMS_ATTEST"))?;
            let signature = signature
                .marshall()
                .map_err(self.failed("marshalling TPMT_SIGNATURE"))?;
            let values = self.read_pcrs(&selection, &slots, pcrs)?;
            let evidence = QuoteEvidence {
                attest,
                signature,
                pcrs: values,
                ak_pem: ak.pem.clone(),
                ak_public: Some(ak.tpm2b_public.clone()),
            };
            match evidence.verify(nonce, None) {
                Ok(QuoteVerdict::Valid) => return Ok(evidence),
                // A PCR was extended between the quote and the read: retake.
                Ok(QuoteVerdict::Invalid(check @ QuoteCheck::PcrDigest { .. })) => {
                    last = check.to_string();
                }
                Ok(QuoteVerdict::Invalid(check)) => {
                    return Err(TpmError::SelfCheck {
                        tcti: self.tcti.clone(),
                        check: check.to_string(),
                    });
                }
                Err(e) => {
                    return Err(TpmError::SelfCheck {
                        tcti: self.tcti.clone(),
                        check: e.to_string(),
                    });
                }
            }
        }
        Err(TpmError::SelfCheck {
            tcti: self.tcti.clone(),
            check: format!("PCRs kept changing during {ATTEMPTS} attempts: {last}"),
        })
    }

    fn read_pcrs(
        &mut self,
        selection: &tss_esapi::structures::PcrSelectionList,
        slots: &[PcrSlot],
        pcrs: &[u32],
    ) -> Result<PcrValues, TpmError> {
        let data = tss_esapi::abstraction::pcr::read_all(&mut self.context, selection.clone())
            .map_err(self.failed("PCR_Read"))?;
        let bank = data
            .pcr_bank(HashingAlgorithm::Sha256)
            .ok_or_else(|| TpmError::Command {
                tcti: self.tcti.clone(),
                what: "PCR_Read",
                reason: "the TPM has no sha256 PCR bank".into(),
            })?;
        let mut values = BTreeMap::new();
        for (slot, pcr) in slots.iter().zip(pcrs) {
            let digest = bank.get_digest(*slot).ok_or_else(|| TpmError::Command {
                tcti: self.tcti.clone(),
                what: "PCR_Read",
                reason: format!("sha256 PCR {pcr} was not returned"),
            })?;
            values.insert(*pcr, digest.value().to_vec());
        }
        PcrValues::from_bank(HashAlg::Sha256, values).map_err(|e| TpmError::Command {
            tcti: self.tcti.clone(),
            what: "PCR_Read",
            reason: e.to_string(),
        })
    }
}

/// Opens the TPM and returns its AK (for `init --tpm`).
pub fn attestation_key(tcti: &Tcti) -> Result<AkInfo, TpmError> {
    Tpm::open(tcti)?.attestation_key()
}

/// Opens the TPM and quotes (for `attest --pcrs` and `quote`).
pub fn quote(tcti: &Tcti, pcrs: &[u32], nonce: &[u8]) -> Result<QuoteEvidence, TpmError> {
    Tpm::open(tcti)?.quote(pcrs, nonce)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::systems::attest::quote::AK_REQUIRED_ATTRIBUTES;

    #[test]
    fn template_is_a_restricted_p256_signing_key() {
        let public = ak_template().unwrap();
        let bytes = tpm2b_public(&public).unwrap();
        // The template has no key yet (unique.y is empty), so it is not a
        // point; the attributes are what matter and sit at a fixed offset:
        // size(2) type(2) nameAlg(2) objectAttributes(4).
        let attributes = u32::from_be_bytes(bytes[6..10].try_into().unwrap());
        assert_eq!(attributes, 0x0005_0072);
        assert_eq!(attributes & AK_REQUIRED_ATTRIBUTES, AK_REQUIRED_ATTRIBUTES);
        assert_eq!(&bytes[2..4], &[0x00, 0x23], "ECC");
        assert_eq!(
            usize::from(u16::from_be_bytes([bytes[0], bytes[1]])),
            bytes.len() - 2
        );
    }

    #[test]
    fn unreachable_simulator_is_69_and_names_the_tcti() {
        // A port that was just free: nothing listens there.
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let tcti: Tcti = format!("swtpm:host=127.0.0.1,port={port}").parse().unwrap();
        let err = Tpm::open(&tcti).unwrap_err();
        assert_eq!(err.exit(), Exit::Unavailable);
        assert!(err.to_string().contains(&tcti.to_string()), "{err}");
        let dev: Tcti = "device:/nonexistent/tpm".parse().unwrap();
        let err = Tpm::open(&dev).unwrap_err();
        assert_eq!(err.exit(), Exit::Unavailable);
        assert!(err.to_string().contains("device:/nonexistent/tpm"), "{err}");
    }
}
