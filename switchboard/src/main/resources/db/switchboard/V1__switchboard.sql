-- The live switchboard shared by the nodes of a cluster: what one node keeps in memory. Instants are nanoseconds
-- since the epoch, as the Java clock gives them, so a view read back is the view that was made.

-- The one row every change locks first: the switchboard's single lock, as LockedState is on one node. It hands out
-- the queue's places and the events' numbers, so events are numbered in the order their changes commit.
CREATE TABLE switchboard_line (
    one           boolean PRIMARY KEY DEFAULT true CHECK (one),
    next_sequence bigint NOT NULL,
    next_event    bigint NOT NULL
);
INSERT INTO switchboard_line (one, next_sequence, next_event) VALUES (true, 1, 1);

-- Calls waiting or taken by an agent; a call that has left the switchboard is deleted.
CREATE TABLE switchboard_calls (
    call_id          text PRIMARY KEY,
    node             text NOT NULL,        -- whose IVR holds the caller
    sequence         bigint NOT NULL UNIQUE,
    info             bytea NOT NULL,
    enqueued_nanos   bigint NOT NULL,
    state            text NOT NULL CHECK (state IN ('WAITING', 'ASSIGNED')),
    agent_username   text,                 -- the accepting agent as they were when they accepted
    agent_name       text,
    agent_dial       text,
    left_queue_nanos bigint
);
CREATE INDEX switchboard_calls_waiting ON switchboard_calls (sequence) WHERE state = 'WAITING';

-- Signed-in agents.
CREATE TABLE switchboard_agents (
    username     text PRIMARY KEY,
    node         text NOT NULL,            -- whose console they signed in through
    display_name text NOT NULL,
    dial_string  text NOT NULL,
    presence     text NOT NULL,
    away_reason  text,
    current_call text
);

-- Every change's events, for every node's screens; kept an hour.
CREATE TABLE switchboard_events (
    number  bigint PRIMARY KEY,
    node    text NOT NULL,                 -- whose change made it
    event   bytea NOT NULL,
    made_at timestamptz NOT NULL DEFAULT now()
);
