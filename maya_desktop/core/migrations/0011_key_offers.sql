-- Consent without reception holding the key (issue 12, core/orders/keys.py, sealing.py): the doctor's wrap of a
-- sealed order's mask, itself wrapped to each receptionist, released at consent; and the quote's basis (which
-- measurements are out of range) kept under the record key once the data key is sealed after analysis.

CREATE TABLE IF NOT EXISTS order_key_offers (
    order_id    INTEGER NOT NULL REFERENCES order_keys(order_id) ON DELETE CASCADE,
    doctor_id   INTEGER NOT NULL REFERENCES staff(id),
    holder_id   INTEGER NOT NULL REFERENCES staff(id),
    wrapped     BLOB NOT NULL,
    PRIMARY KEY (order_id, doctor_id, holder_id)
);
ALTER TABLE order_keys ADD COLUMN quote_basis BLOB;
