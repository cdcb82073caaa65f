-- A row enters the log only behind a head already moved over it: the writer moves the head first, in
-- the same transaction, then inserts. A plain INSERT past the recorded head (anyone but the writer) is
-- refused, so a stray row can neither stall the readers nor slip into the log unnoticed.
CREATE TRIGGER events_refuse_insert BEFORE INSERT ON events
WHEN NEW.position > (SELECT position FROM ledger_head WHERE id = 1)
BEGIN
    SELECT RAISE(ABORT, 'the event log is append-only: INSERT past the recorded head refused (only the ledger''s writer appends)');
END;
