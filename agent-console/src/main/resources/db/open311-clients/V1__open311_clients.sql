-- The systems that file through Open311: each client's record (never its key, only the key's SHA-256), by number and
-- by the hash its key is found by.
CREATE SEQUENCE open311_client_ids;
CREATE TABLE open311_clients (
    id       bigint PRIMARY KEY,
    key_hash text NOT NULL UNIQUE,
    record   bytea NOT NULL
);
