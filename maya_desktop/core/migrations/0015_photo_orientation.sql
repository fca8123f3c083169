-- Issue 17: an upright-able phone JPEG is stored as its own coded picture, metadata stripped, not turned
-- and re-encoded; the EXIF orientation it had (1-8, 1: upright) is kept here, inside the encrypted
-- database, and applied wherever the photo is decoded (core.photos.open_photo, the viewer's decoders).
ALTER TABLE photos ADD COLUMN orientation INTEGER NOT NULL DEFAULT 1 CHECK (orientation BETWEEN 1 AND 8);
