-- R9/R10: a month's drawn community bounties are paid like a month: the treasury signs the file, an admin records the
-- transaction hash, the bounties become paid. Existing rows keep every value; the new columns start empty.
ALTER TABLE community_bounties ADD COLUMN tx_hash text;
ALTER TABLE community_bounties ADD COLUMN paid_by text;
ALTER TABLE community_bounties ADD COLUMN paid_at timestamp with time zone;
