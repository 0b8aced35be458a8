-- The moderators' files on callers, by number, each kept whole in our own versioned record.
CREATE TABLE caller_files (
    key    text PRIMARY KEY,
    record bytea NOT NULL
);
