-- The W3C traceparent of the request that wrote an outbox row (null when none was traced: the simulator, rows
-- written before this column), so the relay's Kafka send continues the request's trace. A parked row keeps it.
ALTER TABLE outbox ADD COLUMN traceparent TEXT;
ALTER TABLE outbox_parked ADD COLUMN traceparent TEXT;
