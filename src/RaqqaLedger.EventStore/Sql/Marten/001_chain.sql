-- The ledger's additions to Marten's event store, in the same schema. Marten's mt_events holds the
-- events; the chain gives each of them its place in the ledger's log (a gapless position in commit
-- order, which Marten's seq_id is not) and its hash over the text as mt_events stores it.
CREATE TABLE ledger_chain (
    position bigint PRIMARY KEY CHECK (position >= 1),
    seq_id   bigint NOT NULL UNIQUE,
    hash     bytea  NOT NULL CHECK (length(hash) = 32)
);

-- The head: last position and hash. Every writer locks this row (SELECT ... FOR UPDATE) before
-- appending, which serializes writers across processes.
CREATE TABLE ledger_head (
    id       int    PRIMARY KEY CHECK (id = 1),
    position bigint NOT NULL,
    hash     bytea  NOT NULL CHECK (length(hash) = 32)
);

INSERT INTO ledger_head (id, position, hash) VALUES (1, 0, '\x0000000000000000000000000000000000000000000000000000000000000000');

CREATE FUNCTION refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the event log is append-only: % refused', TG_OP USING ERRCODE = 'raise_exception';
END
$$;

-- The chain refuses to be rewritten; only a deliberate DROP TRIGGER can change history, and verify catches that.
CREATE TRIGGER ledger_chain_refuse_change BEFORE UPDATE OR DELETE ON ledger_chain
    FOR EACH ROW EXECUTE FUNCTION refuse_log_change();
CREATE TRIGGER ledger_chain_refuse_truncate BEFORE TRUNCATE ON ledger_chain
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();

-- A position enters the chain only behind a head already moved over it: the writer moves the head first,
-- in the same transaction. Checked once per statement over the rows it inserted; the function keeps the
-- schema it was made in, whatever the caller's search_path.
CREATE FUNCTION refuse_insert_past_head() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF (SELECT max(position) FROM inserted) > (SELECT position FROM ledger_head WHERE id = 1) THEN
        RAISE EXCEPTION 'the event log is append-only: INSERT past the recorded head refused (only the ledger''s writer appends)'
            USING ERRCODE = 'raise_exception';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER ledger_chain_refuse_insert AFTER INSERT ON ledger_chain
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_insert_past_head();

-- Marten's events themselves: never deleted, and changed only by archiving (is_archived, which the chain
-- does not cover), so Marten's ArchiveStream still works while a rewrite of an event is refused.
CREATE FUNCTION refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(OLD) - 'is_archived') = (to_jsonb(NEW) - 'is_archived') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the event log is append-only: % of mt_events refused', TG_OP USING ERRCODE = 'raise_exception';
END
$$;

CREATE TRIGGER mt_events_refuse_change BEFORE UPDATE OR DELETE ON mt_events
    FOR EACH ROW EXECUTE FUNCTION refuse_event_change();
CREATE TRIGGER mt_events_refuse_truncate BEFORE TRUNCATE ON mt_events
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_log_change();
