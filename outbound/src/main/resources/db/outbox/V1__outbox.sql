-- Every notification to citizens, each kept whole in our own versioned record beside what it is looked up by; the
-- SMS centre's ids of the parts sent, receipts that came before their attempt was recorded, and the outbox's marks.
CREATE SEQUENCE outbox_ids;
CREATE TABLE outbox (
    id          bigint PRIMARY KEY,
    key         text NOT NULL UNIQUE,
    request     text,
    status      text NOT NULL,
    next_try_at timestamptz,              -- while PENDING: when it is due
    begun_by    text,                     -- while SENDING: the node that began the attempt
    record      bytea NOT NULL
);
CREATE INDEX outbox_due ON outbox (next_try_at, id) WHERE status = 'PENDING';
CREATE INDEX outbox_by_request ON outbox (request, id) WHERE request IS NOT NULL;
CREATE INDEX outbox_sending ON outbox (id) WHERE status = 'SENDING';
CREATE TABLE outbox_message_ids (
    message_id   text PRIMARY KEY,
    notification bigint NOT NULL REFERENCES outbox (id)
);
CREATE TABLE outbox_early_receipts (
    message_id text PRIMARY KEY,
    state      text NOT NULL
);
CREATE TABLE outbox_marks (
    name  text PRIMARY KEY,
    value bigint NOT NULL
);
