-- GET /api/v1/tickets?status=… for an integrator (the tickets it filed, in one status), newest first: with only
-- (received_by, created_at) every entry of the caller's range had its row read to check the status, 10,001 of them
-- for the capped count (about 100 ms among a million archived tickets); with the status in the index both the page
-- and the count are a range of this index.
CREATE INDEX ix_ticket_received_status_created ON ticket (received_by, status, created_at);
