-- A table for the database's own tests.
CREATE TABLE sample (id integer PRIMARY KEY, words text NOT NULL);
