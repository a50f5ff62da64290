-- Migration 14 (sqlite): from payout file to verified payment (issue #13).
-- What the chain said about each recorded payout transaction (R9): verified, not verified, or overridden with a reason.
CREATE TABLE "payment_checks" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_payment_checks" PRIMARY KEY AUTOINCREMENT,
    "subject" TEXT NOT NULL,
    "batch" INTEGER NOT NULL,
    "tx_hash" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "detail" TEXT NULL,
    "override_reason" TEXT NULL,
    "checked_by" TEXT NOT NULL,
    "checked_at" TEXT NOT NULL
);

CREATE INDEX "IX_payment_checks_subject_batch" ON "payment_checks" ("subject", "batch");
