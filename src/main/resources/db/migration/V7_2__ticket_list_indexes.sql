-- GET /api/v1/tickets for an integrator (the tickets it filed) and for a handler, newest first: an index range per
-- caller instead of a scan over every ticket.
CREATE INDEX ix_ticket_received_created ON ticket (received_by, created_at);
CREATE INDEX ix_ticket_handler_created ON ticket (handler, created_at);
