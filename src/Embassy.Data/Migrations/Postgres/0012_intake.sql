-- Migration 12 (postgres): intake that survives the real GitHub (issue #11).
-- Webhook deliveries: a back-off time for passing failures (so one delivery never holds the queue) and notes.
ALTER TABLE webhook_deliveries ADD COLUMN not_before timestamp with time zone;

ALTER TABLE webhook_deliveries ADD COLUMN notes text;
