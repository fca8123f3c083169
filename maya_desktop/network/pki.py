"""The clinic's own certificates (issue 14): no public CA, no internet.

The vault host makes a clinic CA and its own server certificate the first time it serves (`HostPki.ensure`).
A workstation makes its key pair and a signing request at pairing; the host signs it with the clinic CA.
Each side then pins the other: the workstation pins the host's certificate (SHA-256 fingerprint) and the
clinic CA, the host admits only certificates of paired, unrevoked workstations (network.registry).

Key files are owner-only (core.portable). The host's keys are on its disk in the clear, as any service's
TLS key is: it must answer TLS while sealed. They open no client data (that needs a staff password).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import ipaddress
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from maya_desktop.core.paths import FileIn
from maya_desktop.core.portable import create_private_file

CA_YEARS = 20
CERT_YEARS = 10


def fingerprint(cert_pem_or_der: bytes) -> str:
    """SHA-256 of the certificate's DER, as lowercase hex (what people compare and what is pinned)."""
    der = cert_pem_or_der
    if cert_pem_or_der.lstrip().startswith(b"-----BEGIN"):
        der = x509.load_pem_x509_certificate(cert_pem_or_der).public_bytes(serialization.Encoding.DER)
    return hashlib.sha256(der).hexdigest()


def spaced(fp: str) -> str:
    """A fingerprint as people read it aloud: groups of four."""
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temp = path.with_name(path.name + ".tmp")
    temp.unlink(missing_ok=True)
    fd = create_private_file(temp)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, path)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Maya clinic"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


@dataclass(frozen=True)
class HostPki:
    """The host's certificate files under <data dir>/network/."""

    folder: Path

    ca_key = FileIn("clinic-ca.key")
    ca_cert = FileIn("clinic-ca.pem")
    host_key = FileIn("host.key")
    host_cert = FileIn("host.pem")

    def exists(self) -> bool:
        return all(p.exists() for p in (self.ca_key, self.ca_cert, self.host_key, self.host_cert))

    def ensure(self, extra_names: tuple[str, ...] = ()) -> None:
        """Make the clinic CA and the host certificate once (later starts reuse them: workstations pin them)."""
        if self.exists():
            return
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca_name = _name(f"Maya clinic CA {os.urandom(4).hex()}")
        start = _now() - dt.timedelta(minutes=5)
        ca = (
            x509.CertificateBuilder()
            .subject_name(ca_name)
            .issuer_name(ca_name)
            .public_key(ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=365 * CA_YEARS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(ca_key, hashes.SHA256())
        )
        host_key = ec.generate_private_key(ec.SECP256R1())
        names: list[x509.GeneralName] = [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        for extra in (socket.gethostname(), *extra_names):
            try:
                names.append(x509.IPAddress(ipaddress.ip_address(extra)))
            except ValueError:
                if extra and all(c.isalnum() or c in "-." for c in extra):
                    names.append(x509.DNSName(extra))
        host = (
            x509.CertificateBuilder()
            .subject_name(_name("Maya vault host"))
            .issuer_name(ca_name)
            .public_key(host_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=365 * CERT_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .add_extension(x509.SubjectAlternativeName(list(dict.fromkeys(names))), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        write_private(self.ca_key, _key_pem(ca_key))
        write_private(self.host_key, _key_pem(host_key))
        write_private(self.ca_cert, ca.public_bytes(serialization.Encoding.PEM))
        write_private(self.host_cert, host.public_bytes(serialization.Encoding.PEM))

    def host_fingerprint(self) -> str:
        return fingerprint(self.host_cert.read_bytes())

    def sign_workstation(self, csr_pem: bytes, name: str) -> bytes:
        """A client certificate for a workstation's signing request (its own key never leaves it)."""
        csr = x509.load_pem_x509_csr(csr_pem)
        if not csr.is_signature_valid:
            raise ValueError("bad signing request")
        public = csr.public_key()
        if not isinstance(public, ec.EllipticCurvePublicKey):
            raise ValueError("unsupported key")
        ca_key = serialization.load_pem_private_key(self.ca_key.read_bytes(), None)
        if not isinstance(ca_key, ec.EllipticCurvePrivateKey):
            raise ValueError("bad CA key")
        ca = x509.load_pem_x509_certificate(self.ca_cert.read_bytes())
        start = _now() - dt.timedelta(minutes=5)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(f"Maya workstation {name}"))
            .issuer_name(ca.subject)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(start + dt.timedelta(days=365 * CERT_YEARS))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CLIENT_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256())
        )
        return cert.public_bytes(serialization.Encoding.PEM)


def new_workstation_key() -> tuple[bytes, bytes]:
    """(private key PEM, signing request PEM) of a new workstation."""
    key = ec.generate_private_key(ec.SECP256R1())
    csr = x509.CertificateSigningRequestBuilder().subject_name(_name("Maya workstation")).sign(key, hashes.SHA256())
    return _key_pem(key), csr.public_bytes(serialization.Encoding.PEM)


def issued_by(cert_pem: bytes, ca_pem: bytes) -> bool:
    cert = x509.load_pem_x509_certificate(cert_pem)
    ca = x509.load_pem_x509_certificate(ca_pem)
    try:
        cert.verify_directly_issued_by(ca)
    except (ValueError, TypeError, Exception):  # InvalidSignature is not a ValueError
        return False
    return True


# ---- the pairing proof: the one-time code never travels, both sides prove they know it ----------------
def pairing_proof(code: str, label: str, *parts: bytes) -> str:
    normal = "".join(ch for ch in code.upper() if ch.isalnum())
    mac = hmac.new(normal.encode(), label.encode(), hashlib.sha256)
    for part in parts:
        mac.update(len(part).to_bytes(8, "big"))
        mac.update(part)
    return mac.hexdigest()
