CREATE VIRTUAL TABLE IF NOT EXISTS clients_fts USING fts5(
    search_text, content='clients', content_rowid='id', tokenize='trigram'
);
INSERT INTO clients_fts(clients_fts, rank) VALUES ('secure-delete', 1);
INSERT INTO clients_fts(clients_fts) VALUES ('rebuild');
CREATE TRIGGER IF NOT EXISTS clients_fts_insert AFTER INSERT ON clients BEGIN
    INSERT INTO clients_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
CREATE TRIGGER IF NOT EXISTS clients_fts_delete AFTER DELETE ON clients BEGIN
    INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
CREATE TRIGGER IF NOT EXISTS clients_fts_update AFTER UPDATE OF search_text ON clients BEGIN
    INSERT INTO clients_fts(clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
    INSERT INTO clients_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
