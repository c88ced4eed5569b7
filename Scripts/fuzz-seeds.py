#!/usr/bin/env python3
"""Writes the seed corpus of one fuzz target (see Scripts/fuzz.sh) from Fixtures/ into a folder.

Usage: fuzz-seeds.py TARGET FOLDER. Each seed is one file; nothing is written outside FOLDER.
"""
import base64
import glob
import hashlib
import json
import os
import sys
from urllib.parse import parse_qsl, urlsplit

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
FIXTURES = os.path.join(ROOT, "Fixtures")


def files(*patterns):
    found = []
    for pattern in patterns:
        found += sorted(glob.glob(os.path.join(FIXTURES, pattern), recursive=True))
    return found


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def requests(vendor="*"):
    """Every signed request file of the vendor, parsed."""
    out = []
    for path in files(f"{vendor}/requests/**/*.json"):
        if os.path.basename(path) == "config.json":
            continue
        try:
            out.append(json.loads(read(path)))
        except ValueError:
            pass
    return out


def headers(request, name):
    return [value for key, value in request.get("headers", []) if key.lower() == name.lower()]


def target(request):
    parts = urlsplit(request.get("url", "/"))
    return (parts.path or "/") + ("?" + parts.query if parts.query else "")


def tokens():
    out = []
    for request in requests():
        for value in headers(request, "Authorization"):
            token = value.split(None, 1)[-1]
            out.append(token[len("token="):] if token.startswith("token=") else token)
        for key, value in parse_qsl(urlsplit(request.get("url", "")).query):
            if key in ("jwt", "signed_request"):
                out.append(value)
        try:
            body = json.loads(request.get("body", ""))
            if isinstance(body, dict) and isinstance(body.get("jwt"), str):
                out.append(body["jwt"])
        except ValueError:
            pass
    return [token.encode() for token in out]


def der_keys():
    out = []
    for path in files("**/*.pem"):
        lines = read(path).decode().strip().splitlines()
        out.append(base64.b64decode("".join(line for line in lines if not line.startswith("-----"))))
    return out


def jwks():
    out = []
    for path in files("**/jwks.json"):
        data = read(path)
        out.append(data)
        for key in json.loads(data).get("keys", []):
            out.append(json.dumps(key).encode())
    return out


VENDOR_FOLDERS = {"HipChat": "hipchat", "Confluence": "confluence", "RService": "rservice", "ApiTree": "apitree"}


def seeds(name):
    if name == "FuzzJSON":
        return [read(path) for path in files("**/*.json")]
    if name.startswith("FuzzDecode"):
        folder = VENDOR_FOLDERS[name[len("FuzzDecode"):]]
        bodies = [read(path) for path in files(f"{folder}/events/*.json", f"{folder}/edge/*.json",
                                                 f"{folder}/malformed/*.json", f"{folder}/management/*.json")]
        return bodies + [request["body"].encode() for request in requests(folder) if "body" in request]
    if name == "FuzzJWT":
        return tokens()
    if name in ("FuzzRequestTarget", "FuzzQueryStringHash"):
        return [target(request).encode() for request in requests()]
    if name == "FuzzKeyPEM":
        return [read(path) for path in files("**/*.pem")]
    if name == "FuzzKeyDER":
        return der_keys()
    if name == "FuzzKeyJWK":
        return jwks()
    if name == "FuzzHeaderConfluenceHMAC":
        return [v.encode() for r in requests("confluence") for v in headers(r, "X-Hub-Signature")]
    if name == "FuzzHeaderConnect":
        return [v.encode() for r in requests("confluence") for v in headers(r, "Authorization")]
    if name == "FuzzHeaderHipChat":
        return [v.encode() for r in requests("hipchat") for v in headers(r, "Authorization")]
    if name == "FuzzHeaderApiTree":
        return [v.encode() for r in requests("apitree") for v in headers(r, "X-ApiTree-Signature")]
    if name == "FuzzBodyRService":
        return [request["body"].encode() for request in requests("rservice") if "body" in request]
    sys.exit(f"fuzz-seeds.py: no seeds for {name}")


def main():
    name, folder = sys.argv[1], sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    count = 0
    for seed in seeds(name):
        with open(os.path.join(folder, hashlib.sha1(seed).hexdigest()), "wb") as handle:
            handle.write(seed)
        count += 1
    print(f"{name}: {count} seeds from Fixtures/")


if __name__ == "__main__":
    main()
