-- How far migrate-store has moved each feature's records from a data folder into PostgreSQL: committed with the
-- records themselves, so a run cut short goes on where it stopped.
CREATE TABLE store_migration (
    what     text PRIMARY KEY,
    embedded bigint NOT NULL,             -- how many records the data folder had when the move began
    done     bigint NOT NULL,
    finished boolean NOT NULL DEFAULT false
);
