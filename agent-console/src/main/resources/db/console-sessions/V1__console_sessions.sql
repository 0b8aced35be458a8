-- Logged-in sessions, by the SHA-256 of their id (never the id), each kept whole in our own versioned record.
CREATE TABLE console_sessions (
    key    text PRIMARY KEY,
    record bytea NOT NULL
);
