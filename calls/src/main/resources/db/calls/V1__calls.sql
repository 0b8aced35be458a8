-- Ended calls on PostgreSQL, append-only, each kept whole in our own versioned record beside its start.
CREATE TABLE calls (
    id         bigserial PRIMARY KEY,
    started_at timestamptz NOT NULL,
    started_ns integer NOT NULL,          -- the nanoseconds a timestamptz (microseconds) cannot hold
    record     bytea NOT NULL
);
CREATE INDEX calls_by_start ON calls (started_at, started_ns, id);
