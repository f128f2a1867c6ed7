-- The Data Protection keys (Storage/Keys/DatabaseXmlRepository): on PostgreSQL every instance reads the same keys from
-- here, so each decrypts the tokens any other stored. One row per key as Data Protection writes it (sealed with
-- Storage:KeyEncryptionKey or the certificate when one is set).
CREATE TABLE data_protection_keys (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml           TEXT NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now()
);
