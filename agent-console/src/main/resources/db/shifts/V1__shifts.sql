-- Agents' presence marks (each kept whole in our own versioned record), each agent's latest, and their wrap-ups.
CREATE TABLE presence_marks (
    id       bigserial PRIMARY KEY,
    username text NOT NULL,
    at       timestamptz NOT NULL,
    record   bytea NOT NULL
);
CREATE INDEX presence_marks_by_agent ON presence_marks (username, at, id);
CREATE TABLE presence_latest (
    key    text PRIMARY KEY,
    record bytea NOT NULL
);
CREATE TABLE agent_wrap_ups (
    agent   text NOT NULL,
    call_id text NOT NULL,
    record  bytea NOT NULL,
    PRIMARY KEY (agent, call_id)
);
