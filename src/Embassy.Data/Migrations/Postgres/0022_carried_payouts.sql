-- Migration 22 (postgres): an amount carried to a member's next payout (R5: below the rail's minimum, or held for an
-- unproven address change) records the payout that paid it; null while it is owed.
ALTER TABLE payouts ADD COLUMN settled_by_payout_id bigint;

CREATE INDEX "IX_payouts_settled_by_payout_id" ON payouts (settled_by_payout_id);
