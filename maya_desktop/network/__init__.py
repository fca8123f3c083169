"""The clinic network (issue 14): a vault host serving paired workstations over mutual TLS.

- `pki`       the clinic's own CA, the host's certificate, workstation certificates, the pairing proof
- `registry`  paired workstations and one-time pairing codes (host side)
- `host`      the Starlette app and `serve` (uvicorn, mutual TLS)
- `client`    a workstation's side: pairing, sign-in, operations by name, pushed changes, reconnection
"""
