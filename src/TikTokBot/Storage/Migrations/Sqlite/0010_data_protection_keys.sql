-- The same table as on PostgreSQL, so both schemas stay alike. SQLite deployments keep their Data Protection keys in
-- keys/ beside the database file (Storage/Keys/PrivateFileXmlRepository); one instance has nothing to share them with.
CREATE TABLE data_protection_keys (
    id            INTEGER PRIMARY KEY,
    friendly_name TEXT NOT NULL,
    xml           TEXT NOT NULL,
    created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;
