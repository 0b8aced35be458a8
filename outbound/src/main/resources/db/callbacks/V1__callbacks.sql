-- The callbacks promised to citizens, each kept whole in our own versioned record beside what it is looked up by.
CREATE SEQUENCE callback_ids;
CREATE TABLE callbacks (
    id          bigint PRIMARY KEY,
    number      text NOT NULL,
    status      text NOT NULL,
    last_try_at timestamptz,
    calling_on  text,                     -- while CALLING: the node whose exchange places the call
    record      bytea NOT NULL
);
CREATE INDEX callbacks_open ON callbacks (number) WHERE status IN ('WAITING', 'CALLING');
CREATE INDEX callbacks_ended ON callbacks (last_try_at) WHERE status IN ('DONE', 'CLOSED');
