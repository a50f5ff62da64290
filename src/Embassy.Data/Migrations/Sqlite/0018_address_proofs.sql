-- Migration 18 (sqlite): payout addresses members prove, and payouts held for an unproven change (issue #13).
-- Who recorded each address, and when (and with which signature) the member proved it by signing a challenge.
ALTER TABLE "payout_addresses" ADD COLUMN "recorded_by" TEXT NULL;

ALTER TABLE "payout_addresses" ADD COLUMN "proven_at" TEXT NULL;

ALTER TABLE "payout_addresses" ADD COLUMN "proof" TEXT NULL;

-- Why a payout was left out of the signing file (its amount is carried, as below the rail's minimum).
ALTER TABLE "payouts" ADD COLUMN "held_reason" TEXT NULL;

-- The challenges a member signs (EIP-191 personal_sign): one nonce each, used once, expiring.
CREATE TABLE "address_challenges" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_address_challenges" PRIMARY KEY AUTOINCREMENT,
    "member_id" INTEGER NOT NULL,
    "rail" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "nonce" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "requested_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "used_at" TEXT NULL,
    CONSTRAINT "FK_address_challenges_members_member_id" FOREIGN KEY ("member_id") REFERENCES "members" ("id") ON DELETE RESTRICT
);

CREATE INDEX "IX_address_challenges_member_id" ON "address_challenges" ("member_id");

CREATE UNIQUE INDEX "IX_address_challenges_nonce" ON "address_challenges" ("nonce");
