-- The mayor's line shared by the nodes of a cluster: what one node keeps in memory.

-- The one row every change locks first: the line's single lock, as LockedState is on one node. It holds the line as
-- the last change left it (a few hundred callers at most, so whole), its version, and the events' next number, so
-- events are numbered in the order their changes commit.
CREATE TABLE mayor_line (
    one        boolean PRIMARY KEY DEFAULT true CHECK (one),
    version    bigint NOT NULL,
    next_event bigint NOT NULL,
    snapshot   bytea
);
INSERT INTO mayor_line (one, version, next_event, snapshot) VALUES (true, 0, 1, NULL);

-- Every change's events, for every node's screens and IVR; kept an hour.
CREATE TABLE mayor_line_events (
    number  bigint PRIMARY KEY,
    node    text NOT NULL,                 -- whose change made it
    event   bytea NOT NULL,
    made_at timestamptz NOT NULL DEFAULT now()
);
