#!/usr/bin/python3
# Makes foreign-hashes.json: password hashes as other systems write them, by implementations independent of
# AlexaLinkHub's code (Debian's python3-bcrypt, python3-passlib, python3-argon2, and Python's hashlib for the two
# ASP.NET Core Identity layouts). The tests read the committed file; CI does not run this script.
#
#   apt-get install -y python3-passlib python3-bcrypt python3-argon2
#   /usr/bin/python3 tests/TestSupport/Fixtures/make-foreign-hashes.py > tests/TestSupport/Fixtures/foreign-hashes.json
#
# Costs are kept low where the format allows it (the tests verify every hash several times); the "weak" entries are
# deliberately below what anyone should use today: they must still verify, and be replaced by our hash.
import base64, hashlib, json, os, struct

import argon2
import bcrypt
from passlib import hash as passlib

fixtures = []

def add(name, fmt, password, value):
    fixtures.append({"name": name, "format": fmt, "email": f"{name}@import.test", "password": password, "hash": value})

def b64(raw):
    return base64.b64encode(raw).decode().rstrip("=")

add("bcrypt-2a-weak", "bcrypt", "correct horse 2a", bcrypt.hashpw(b"correct horse 2a", bcrypt.gensalt(rounds=4, prefix=b"2a")).decode())
add("bcrypt-2b", "bcrypt", "correct horse 2b", bcrypt.hashpw(b"correct horse 2b", bcrypt.gensalt(rounds=10, prefix=b"2b")).decode())
add("bcrypt-2y", "bcrypt", "correct horse 2y", passlib.bcrypt.using(ident="2y", rounds=6).hash("correct horse 2y"))
add("bcrypt-unicode", "bcrypt", "Grüße, Jürgen ☃ 密码", bcrypt.hashpw("Grüße, Jürgen ☃ 密码".encode(), bcrypt.gensalt(rounds=5)).decode())

add("argon2id", "argon2", "correct horse argon2id",
    argon2.PasswordHasher(time_cost=2, memory_cost=8192, parallelism=2, type=argon2.Type.ID).hash("correct horse argon2id"))
add("argon2i", "argon2", "correct horse argon2i",
    argon2.PasswordHasher(time_cost=3, memory_cost=4096, parallelism=1, type=argon2.Type.I).hash("correct horse argon2i"))

add("pbkdf2-sha256-passlib", "pbkdf2", "correct horse pbkdf2 256", passlib.pbkdf2_sha256.using(rounds=29000).hash("correct horse pbkdf2 256"))
add("pbkdf2-sha256-weak", "pbkdf2", "correct horse pbkdf2 weak", passlib.pbkdf2_sha256.using(rounds=1000).hash("correct horse pbkdf2 weak"))
add("pbkdf2-sha512-passlib", "pbkdf2", "correct horse pbkdf2 512", passlib.pbkdf2_sha512.using(rounds=25000).hash("correct horse pbkdf2 512"))

# The PHC-string form of PBKDF2 (as e.g. @phc/pbkdf2 writes it): i= and l= parameters, standard base64 without padding.
salt = os.urandom(16)
raw = hashlib.pbkdf2_hmac("sha256", "correct horse pbkdf2 phc".encode(), salt, 10000, 32)
add("pbkdf2-sha256-phc", "pbkdf2", "correct horse pbkdf2 phc", f"$pbkdf2-sha256$i=10000,l=32${b64(salt)}${b64(raw)}")

add("django-pbkdf2-sha256", "django-pbkdf2", "correct horse django", passlib.django_pbkdf2_sha256.using(rounds=36000).hash("correct horse django"))

# ASP.NET Core Identity, written from its documented layout with hashlib's PBKDF2:
#   v2: 0x00 | salt(16) | PBKDF2-HMAC-SHA1(1000 iterations, 32 bytes)
#   v3: 0x01 | prf (uint32 BE: 0 SHA1, 1 SHA256, 2 SHA512) | iterations (uint32 BE) | salt length (uint32 BE) | salt | subkey
salt = os.urandom(16)
raw = hashlib.pbkdf2_hmac("sha1", "correct horse identity v2".encode(), salt, 1000, 32)
add("aspnet-identity-v2", "aspnet-identity", "correct horse identity v2", base64.b64encode(b"\x00" + salt + raw).decode())
salt = os.urandom(16)
raw = hashlib.pbkdf2_hmac("sha256", "correct horse identity v3".encode(), salt, 10000, 32)
add("aspnet-identity-v3-sha256", "aspnet-identity", "correct horse identity v3",
    base64.b64encode(b"\x01" + struct.pack(">III", 1, 10000, 16) + salt + raw).decode())
salt = os.urandom(16)
raw = hashlib.pbkdf2_hmac("sha512", "correct horse identity v3 512".encode(), salt, 100000, 32)
add("aspnet-identity-v3-sha512", "aspnet-identity", "correct horse identity v3 512",
    base64.b64encode(b"\x01" + struct.pack(">III", 2, 100000, 16) + salt + raw).decode())

add("scrypt", "scrypt", "correct horse scrypt", passlib.scrypt.using(rounds=12, block_size=8, parallelism=1).hash("correct horse scrypt"))

print(json.dumps({
    "generatedBy": "tests/TestSupport/Fixtures/make-foreign-hashes.py (python3-bcrypt %s, python3-passlib, python3-argon2 %s)" % (bcrypt.__version__, argon2.__version__),
    "hashes": fixtures,
}, indent=2, ensure_ascii=False))
