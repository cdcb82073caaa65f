-- The append-only event log. Positions are assigned by the single writer under the write lock.
CREATE TABLE events (
    position       INTEGER PRIMARY KEY CHECK (position >= 1),
    stream_id      TEXT    NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
    stream_version INTEGER NOT NULL CHECK (stream_version >= 0),
    event_id       TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    data           TEXT    NOT NULL CHECK (json_valid(data)),
    metadata       TEXT    NOT NULL CHECK (json_valid(metadata)),
    recorded_at    TEXT    NOT NULL,
    hash           BLOB    NOT NULL CHECK (length(hash) = 32),
    UNIQUE (stream_id, stream_version)
);

-- The log refuses to be rewritten; only a deliberate DROP TRIGGER can change history, and verify catches that.
CREATE TRIGGER events_refuse_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only: UPDATE refused');
END;

CREATE TRIGGER events_refuse_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only: DELETE refused');
END;

-- The head: last position and hash, one row, moved by every commit.
CREATE TABLE ledger_head (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    position INTEGER NOT NULL,
    hash     BLOB    NOT NULL CHECK (length(hash) = 32)
);

INSERT INTO ledger_head (id, position, hash) VALUES (1, 0, zeroblob(32));
