-- 1-2 character type-ahead index (core/short_search.py, issue 17). contentless_delete lets the triggers
-- delete by rowid, 'secure-delete' removes an erased client's tokens at once, as for clients_fts.

CREATE VIRTUAL TABLE IF NOT EXISTS clients_short USING fts5(
    grams, content='', contentless_delete=1, detail=none, tokenize='ascii'
);
INSERT INTO clients_short(clients_short, rank) VALUES ('secure-delete', 1);
INSERT INTO clients_short(rowid, grams) SELECT id, maya_short_grams(search_text) FROM clients;
CREATE TRIGGER IF NOT EXISTS clients_short_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_short(rowid, grams) VALUES (new.id, maya_short_grams(new.search_text));
END;
CREATE TRIGGER IF NOT EXISTS clients_short_delete AFTER DELETE ON clients BEGIN
    DELETE FROM clients_short WHERE rowid = old.id;
END;
CREATE TRIGGER IF NOT EXISTS clients_short_update AFTER UPDATE OF search_text ON clients BEGIN
    DELETE FROM clients_short WHERE rowid = old.id;
    INSERT INTO clients_short(rowid, grams) VALUES (new.id, maya_short_grams(new.search_text));
END;
