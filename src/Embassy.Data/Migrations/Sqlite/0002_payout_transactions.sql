-- Migration 2 (sqlite): payout transactions get their own table (a month may be paid in several transactions).

CREATE TABLE "payout_transactions" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payout_transactions" PRIMARY KEY AUTOINCREMENT,
    "month_close_id" INTEGER NOT NULL,
    "tx_hash" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "FK_payout_transactions_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_payout_transactions_month_close_id_tx_hash" ON "payout_transactions" ("month_close_id", "tx_hash");

-- R9: a paid month records its transaction hash(es). Version 1 kept one hash per payout row; move every
-- distinct hash to its month, then drop the column.
INSERT INTO "payout_transactions" ("month_close_id", "tx_hash", "recorded_by", "recorded_at")
SELECT "month_close_id", "tx_hash", 'migration 2', strftime('%Y-%m-%d %H:%M:%S+00:00', 'now')
FROM "payouts"
WHERE "tx_hash" IS NOT NULL AND "tx_hash" <> ''
GROUP BY "month_close_id", "tx_hash"
ORDER BY "month_close_id", MIN("id");

ALTER TABLE "payouts" DROP COLUMN "tx_hash";
