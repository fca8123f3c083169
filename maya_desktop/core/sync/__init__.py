"""Anonymized metadata sync to the clinic's HQ (DESIGN P8, P9, §6): offline-first, verified HTTPS.

Only the contract in ``maya_desktop/schemas/sync_event.schema.json`` ever leaves the machine:
enums, random references, bounded integers and a calendar day — no names, mobiles, emails, free
text, photo data or exact timestamps. Every payload is validated when it is queued and again
right before it is sent.

Modules: ``contract`` (schema, ``make_event``, ``validate_event``), ``outbox`` (queue table inside
the encrypted DB), ``settings`` (endpoint/token/pin with validation), ``client`` (HTTPS push,
``push_once``, ``run_forever``), ``receiver`` (reference HQ server, standard library HTTP/TLS).

HTTP API (version 1)
--------------------
``POST {endpoint}/v1/events`` over HTTPS only (TLS >= 1.2, certificate verified, optional SPKI pin).

Request headers: ``Authorization: Bearer <clinic token>``, ``Content-Type: application/json``.
Request body: ``{"events": [event, ...]}`` with 1..500 events (``$defs/batch`` in the schema),
at most 1 MiB. Redirects are not followed.

Answers:

- ``200`` ``{"accepted": [event_id...], "duplicates": [event_id...],
  "rejected": [{"event_id": id, "reason": text}...]}`` — every event of the batch is in exactly
  one list. ``duplicates`` are events the server already had (idempotent by ``event_id``; the
  first stored payload wins); the client treats them as delivered. ``rejected`` events failed the
  server's checks; the client parks them as ``rejected`` with the reason and carries on.
- ``401`` bad or missing token (``WWW-Authenticate: Bearer``); the client retries later.
- ``400`` malformed batch (not JSON, not ``{"events": [..]}``, empty); ``413`` body or batch too
  large. For these (and 409/422) the client halves the batch until the single offending event is
  found and rejects only that one.
- ``5xx``, ``408``, ``429``, timeouts, connection and TLS errors: nothing is lost; the batch is
  retried with exponential back-off and jitter (15 s doubling, capped at 1 h). Delivery is
  at-least-once; an event whose answer was lost comes back as a duplicate.
"""
