-- A row enters the log only behind a head already moved over it: the writer moves the head first, in
-- the same transaction, then inserts. A plain INSERT past the recorded head (anyone but the writer) is
-- refused, so a stray row can neither stall the readers nor slip into the log unnoticed. Checked once
-- per statement over the rows it inserted (a row trigger cost the batched COPY half its speed); the
-- function keeps the schema it was made in, whatever the caller's search_path.
CREATE FUNCTION refuse_insert_past_head() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF (SELECT max(position) FROM inserted) > (SELECT position FROM ledger_head WHERE id = 1) THEN
        RAISE EXCEPTION 'the event log is append-only: INSERT past the recorded head refused (only the ledger''s writer appends)'
            USING ERRCODE = 'raise_exception';
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER events_refuse_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_insert_past_head();
