"""Type-ahead for 1- and 2-character queries, served by an index instead of a scan of every client.

The trigram index (clients_fts) cannot answer a query shorter than 3 characters, so `LIKE '%ab%'` read
every client (818 ms at 1M clients). Here every distinct 1- and 2-character piece of a client's
search_text is a token of a contentless FTS5 table inside the encrypted DB: a short query is one doclist
lookup, newest clients first, with exactly the old substring semantics. The pieces are hex-encoded so
that spaces, '@', '.' and Persian letters all survive the ASCII tokenizer unchanged.

`maya_short_grams(text)` is an SQL function (registered on every connection by core.db) so that the
triggers keep the index in step with the clients table whatever writes it; a connection without it
fails loudly instead of leaving the index stale.
"""

from __future__ import annotations

from typing import Any

SHORT_QUERY_MAX = 2
FUNCTION_NAME = "maya_short_grams"

# The index and its triggers: core/migrations/0009_short_search.sql.


def gram_token(piece: str) -> str:
    return "g" + piece.encode("utf-8").hex()


def short_grams(text: str | None) -> str:
    """Space-separated tokens for every distinct 1- and 2-character substring of `text`."""
    if not text:
        return ""
    pieces = {text[i : i + n] for n in range(1, SHORT_QUERY_MAX + 1) for i in range(len(text) - n + 1)}
    return " ".join(sorted(gram_token(p) for p in pieces))


def register(conn: Any) -> None:
    conn.create_function(FUNCTION_NAME, 1, short_grams, deterministic=True)


def short_query_sql(columns: str, query: str, limit: int) -> tuple[str, tuple]:  # type: ignore[type-arg]
    """The newest `limit` clients whose search_text contains `query` (1 or 2 characters)."""
    return (
        f"SELECT {columns} FROM clients WHERE id IN (SELECT rowid FROM clients_short WHERE clients_short MATCH ?"
        " ORDER BY rowid DESC LIMIT ?) ORDER BY id DESC",
        (f'"{gram_token(query)}"', limit),
    )
