-- The mayor's public meetings and their registrations, each kept whole in our own versioned record.
CREATE SEQUENCE meeting_ids;
CREATE SEQUENCE registration_ids;
CREATE TABLE meetings (
    id     bigint PRIMARY KEY,
    at     timestamp NOT NULL,            -- the meeting's time as the city reads it, for the order of meetings
    record bytea NOT NULL
);
CREATE TABLE meeting_registrations (
    id         bigint PRIMARY KEY,
    meeting_id bigint NOT NULL REFERENCES meetings (id),
    record     bytea NOT NULL
);
CREATE INDEX meeting_registrations_by_meeting ON meeting_registrations (meeting_id, id);
