# Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
# not tuned on. `todoruleid` marks the flows key-flow misses.
from cryptography.fernet import Fernet


def box():
    # ruleid: secrets.crypto.cipher-key
    material = b'8ytt9DCoAmMI0i9LmuC6Y0m5LCBOwhizTFv57tTAW7U='
    return Fernet(material)


def seal(text):
    return box().encrypt(text.encode())
