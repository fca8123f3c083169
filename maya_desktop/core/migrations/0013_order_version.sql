-- Each order's version (issue 14: two workstations editing the same order). Every change of the order row,
-- or of what belongs to it and shows on its screen (photos and their views, documents, payments, consents),
-- moves it on by one. A change asked for against an older version is refused with `orders.conflict`
-- (core/operations/orders.py), so nothing is overwritten silently.

ALTER TABLE orders ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- A change of the order itself (the WHEN keeps the trigger's own UPDATE from counting twice).
CREATE TRIGGER IF NOT EXISTS orders_version_on_update AFTER UPDATE ON orders
WHEN NEW.version = OLD.version
BEGIN
    UPDATE orders SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE TRIGGER IF NOT EXISTS orders_version_on_photo_insert AFTER INSERT ON photos
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = NEW.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_photo_delete AFTER DELETE ON photos
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = OLD.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_photo_view AFTER UPDATE OF view, view_confirmed ON photos
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = NEW.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_document_insert AFTER INSERT ON documents
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = NEW.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_document_delete AFTER DELETE ON documents
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = OLD.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_payment AFTER INSERT ON payments
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = NEW.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_consent_insert AFTER INSERT ON consents
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = NEW.order_id;
END;
CREATE TRIGGER IF NOT EXISTS orders_version_on_consent_update AFTER UPDATE ON consents
BEGIN
    UPDATE orders SET version = version + 1 WHERE id = NEW.order_id;
END;
