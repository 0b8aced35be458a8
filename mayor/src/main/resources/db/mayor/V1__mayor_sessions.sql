-- Mayor on the line on PostgreSQL: the programmes, their callers and the directives, each kept whole in our own
-- versioned record beside the columns they are looked up by.
CREATE TABLE mayor_sessions (
    id        text PRIMARY KEY,
    opened_at timestamptz NOT NULL,
    record    bytea NOT NULL
);

CREATE TABLE mayor_callers (
    session_id    text NOT NULL,
    call_id       text NOT NULL,
    joined_at     timestamptz NOT NULL,
    joined_ns     integer NOT NULL,
    caller_number text,
    record        bytea NOT NULL,
    PRIMARY KEY (session_id, call_id)
);
CREATE INDEX mayor_callers_by_call ON mayor_callers (call_id);
CREATE INDEX mayor_callers_by_number ON mayor_callers (caller_number, joined_at) WHERE caller_number IS NOT NULL;

CREATE TABLE mayor_directives (
    id         bigserial PRIMARY KEY,
    session_id text NOT NULL,
    record     bytea NOT NULL
);
CREATE INDEX mayor_directives_by_session ON mayor_directives (session_id, id);
