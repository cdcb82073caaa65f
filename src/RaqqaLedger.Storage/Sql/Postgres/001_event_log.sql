-- The append-only event log. Positions are assigned by the writer holding the head row lock.
CREATE TABLE events (
    position       bigint      PRIMARY KEY CHECK (position >= 1),
    stream_id      text        NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
    stream_version bigint      NOT NULL CHECK (stream_version >= 0),
    event_id       uuid        NOT NULL,
    type           text        NOT NULL,
    data           json        NOT NULL, -- json, not jsonb: keeps the exact text the hash chain covers
    metadata       json        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    hash           bytea       NOT NULL CHECK (length(hash) = 32),
    UNIQUE (stream_id, stream_version)
);

CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % refused', TG_OP USING ERRCODE = 'raise_exception';
END
$$;

-- The log refuses to be rewritten; only a deliberate DROP TRIGGER can change history, and verify catches that.
CREATE TRIGGER events_refuse_change BEFORE UPDATE OR DELETE ON events
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER events_refuse_truncate BEFORE TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

-- The head: last position and hash. Every writer locks this row (SELECT ... FOR UPDATE) before
-- appending, which serializes writers across processes.
CREATE TABLE ledger_head (
    id       int    PRIMARY KEY CHECK (id = 1),
    position bigint NOT NULL,
    hash     bytea  NOT NULL CHECK (length(hash) = 32)
);

INSERT INTO ledger_head (id, position, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');
