# pyca/cryptography AEAD ciphers and the hazmat Cipher given a literal key.
import os

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305

# ruleid: secrets.crypto.cipher-key
_aes = AESGCM(bytes.fromhex("5e0c9a7d2b4f8e13a6c0d9b27f41e8c35d2a9f06b7e1c48d3a5f92e0b6c7d14e"))
# ruleid: secrets.crypto.cipher-key
_chacha = ChaCha20Poly1305(b"Kq7vLm2xRt9Pz4Wn8Yb6Hc3Jd5Fg1Ts0")
# ruleid: secrets.crypto.cipher-key
_cbc = Cipher(algorithms.AES(b"Vn4qXz8Lm2Rt7Kp9Wc3Yb6Hd5Fj1Gs0a"), modes.CBC(os.urandom(16)))
# ok: secrets.crypto.cipher-key
_generated = AESGCM(AESGCM.generate_key(bit_length=256))
# ok: secrets.crypto.cipher-key
_from_env = AESGCM(bytes.fromhex(os.environ["REPORTS_AES_KEY"]))
