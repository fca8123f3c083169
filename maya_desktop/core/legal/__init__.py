"""Legal requests (P12): "no sharing with anyone; courts with an order are the exception".

A manager records a court's request (court, case/letter number, letter date, the client, the scope of
data asked for); a manager approves it — a *different* active manager whenever the clinic has two or
more (four eyes), otherwise the same one, marked self-approved; then a manager exports exactly the
approved scope to a folder they choose, and finally closes the request (or refuses it before export).
Every step is one transaction with its `legal.*` audit entry. Nothing here produces sync events or
log lines: court requests are personal data and never leave the machine except in the export itself.

- `schema`    the table (migration 4) and the scope kinds
- `requests`  record / approve / refuse / close / list (role, state and four-eyes checks)
- `export`    the scoped export (decrypted files, manifest, cover sheet, SHA-256 of every file)

This package imports nothing at package level so `core.migrations` can import `schema` freely.
"""
