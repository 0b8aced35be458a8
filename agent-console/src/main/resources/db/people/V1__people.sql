-- The people supervisors added on screen (passwords as bcrypt hashes), and every change made to them, each kept whole
-- in our own versioned record.
CREATE TABLE people (
    key    text PRIMARY KEY,
    record bytea NOT NULL
);
CREATE TABLE people_changes (
    id     bigserial PRIMARY KEY,
    record bytea NOT NULL
);
