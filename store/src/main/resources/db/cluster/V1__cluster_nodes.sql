-- The nodes of a cluster and when each was last heard of: a node silent for long is taken for dead, and the work it
-- left under way (an SMS being sent, a citizen being called) is taken up by the others.
CREATE TABLE cluster_nodes (
    name    text PRIMARY KEY,
    seen_at timestamptz NOT NULL
);
