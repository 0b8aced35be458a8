-- The citizens' requests on PostgreSQL. Each request is kept whole in our own versioned record (the same bytes the
-- embedded store keeps), with the columns its listings look it up by beside it.
CREATE TABLE requests (
    code       text PRIMARY KEY,
    sequence   bigint NOT NULL UNIQUE,    -- registration order
    revision   bigint NOT NULL UNIQUE,    -- the store's change counter at its last change
    district   integer NOT NULL,
    category   text NOT NULL,
    status     text NOT NULL,
    unit       text,                      -- the unit an open referred request waits on; null when it waits on none
    numbers    text[] NOT NULL,           -- every number it knows (its caller's, its supporters'), for a caller's
    record     bytea NOT NULL
);
CREATE INDEX requests_by_district ON requests (district, sequence);
CREATE INDEX requests_waiting ON requests (unit, sequence) WHERE unit IS NOT NULL;
CREATE INDEX requests_by_number ON requests USING gin (numbers);

-- The store's two counters, in one row. A writer takes the next revision by updating it, and holds the row locked
-- until it commits: commits are in revision order, so a reader that has seen revision n has seen everything before.
CREATE TABLE request_counters (
    one      boolean PRIMARY KEY DEFAULT true CHECK (one),
    sequence bigint NOT NULL,
    revision bigint NOT NULL
);
INSERT INTO request_counters (sequence, revision) VALUES (0, 0);
