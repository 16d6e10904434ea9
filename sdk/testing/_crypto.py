"""RSA for managed secrets: engine key pairs and RSA-OAEP (SHA-256, MGF1-SHA-256)."""

from __future__ import annotations

import secrets
import string

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

__all__ = ["KeyPair", "decrypt", "encrypt_to_pem", "generate_keypair", "load_private", "password"]

_OAEP = padding.OAEP(
    mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
)


class KeyPair:
    """A private key (PKCS#8 PEM, unencrypted) and its public half (SubjectPublicKeyInfo PEM)."""

    __slots__ = ("private_pem", "public_pem")

    def __init__(self, private_pem: bytes, public_pem: bytes) -> None:
        self.private_pem = private_pem
        self.public_pem = public_pem

    def __repr__(self) -> str:
        return "KeyPair(<private key hidden>)"


def generate_keypair(bits: int = 2048) -> KeyPair:
    """A fresh RSA key pair. Slow (tens of ms to a second): call it off the event loop."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(private_pem, public_pem)


def load_private(pem: bytes) -> rsa.RSAPrivateKey:
    key = serialization.load_pem_private_key(pem, password=None)
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("not an RSA private key")
    return key


def decrypt(key: rsa.RSAPrivateKey, ciphertext: bytes) -> bytes | None:
    """The plaintext, or None when ``ciphertext`` was not made for this key."""
    try:
        return key.decrypt(ciphertext, _OAEP)
    except ValueError:
        return None


def encrypt_to_pem(public_pem: bytes, plaintext: bytes) -> bytes:
    """Encrypt to a PEM public key.

    Raises:
        ValueError: the key is not a PEM RSA public key, or the value is too long for it.
    """
    try:
        key = serialization.load_pem_public_key(public_pem)
    except (ValueError, UnsupportedAlgorithm):
        raise ValueError("public_key is not a PEM encoded RSA public key") from None
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError("public_key is not an RSA key")
    return key.encrypt(plaintext, _OAEP)


def password(length: int = 20, *, digits: int = 2, symbols: int = 2, exclude: str = "") -> str:
    """A random password with at least ``digits`` digits and ``symbols`` symbols."""
    length = max(length, digits + symbols, 8)
    letters = [c for c in string.ascii_letters if c not in exclude]
    numbers = [c for c in string.digits if c not in exclude]
    marks = [c for c in "!#%+-.:=@^_~" if c not in exclude]
    chars = [secrets.choice(numbers) for _ in range(digits if numbers else 0)]
    chars += [secrets.choice(marks) for _ in range(symbols if marks else 0)]
    pool = letters + numbers
    chars += [secrets.choice(pool) for _ in range(length - len(chars))]
    # Shuffle with a CSPRNG so the digits and symbols are not always first.
    for i in range(len(chars) - 1, 0, -1):
        j = secrets.randbelow(i + 1)
        chars[i], chars[j] = chars[j], chars[i]
    return "".join(chars)
