-- Outbox rows are now written with plain JDBC, which takes its id from the column default. Hibernate's
-- pooled ids ran up to 49 past the sequence's last value, so the sequence first moves past all of them.
ALTER SEQUENCE outbox_id INCREMENT BY 1;
SELECT setval('outbox_id', (SELECT last_value + 50 FROM outbox_id));
ALTER TABLE outbox ALTER COLUMN id SET DEFAULT nextval('outbox_id');
