"""DSSE interop with securesystemslib, the reference Python implementation.

  dsse_interop.py verify ENVELOPE PUBKEY.pem   exit 0 if valid, 1 if not
  dsse_interop.py sign PAYLOAD OUT_ENVELOPE OUT_PUBKEY.pem
      signs PAYLOAD (an in-toto statement) with a fresh Ed25519 key

Public keys are SPKI PEM, as omni writes them.
"""
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError
from securesystemslib.signer import CryptoSigner, SSlibKey


def load_key(pem_path):
    with open(pem_path, "rb") as f:
        public = serialization.load_pem_public_key(f.read())
    key = SSlibKey.from_crypto(public)
    return key


def verify(envelope_path, pem_path):
    with open(envelope_path, "rb") as f:
        envelope = Envelope.from_dict(__import__("json").load(f))
    key = load_key(pem_path)
    # Accept any key id: omni's key ids are its own (hex SHA-256 of the raw key).
    key = SSlibKey(envelope.signatures and next(iter(envelope.signatures)) or key.keyid,
                   key.keytype, key.scheme, key.keyval)
    try:
        envelope.verify([key], 1)
    except VerificationError as e:
        print(f"rejected: {e}")
        return 1
    print("accepted")
    return 0


def sign(payload_path, out_envelope, out_pub):
    private = Ed25519PrivateKey.generate()
    signer = CryptoSigner(private)
    with open(payload_path, "rb") as f:
        payload = f.read()
    envelope = Envelope(payload, "application/vnd.in-toto+json", {})
    envelope.sign(signer)
    with open(out_envelope, "w") as f:
        __import__("json").dump(envelope.to_dict(), f)
    with open(out_pub, "wb") as f:
        f.write(private.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo))
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "verify":
        sys.exit(verify(sys.argv[2], sys.argv[3]))
    sys.exit(sign(sys.argv[2], sys.argv[3], sys.argv[4]))
