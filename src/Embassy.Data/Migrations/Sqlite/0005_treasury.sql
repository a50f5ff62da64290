-- Migration 5 (sqlite): the treasury (RULES.md R10). Spending proposals with milestones and a timeline, draws on them
-- (month payouts and bounties, with the admin's override reason when a draw went beyond the funding), PHA/USD prices
-- with source and date, community bounties and recorded channel counts. Amounts are decimal digits of smallest units.

CREATE TABLE "spending_proposals" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_spending_proposals" PRIMARY KEY AUTOINCREMENT,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "proponent" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "token_decimals" INTEGER NOT NULL,
    "requested_units" TEXT NOT NULL CHECK ("requested_units" <> '' AND "requested_units" NOT GLOB '*[^0-9]*'),
    "status" TEXT NOT NULL,
    "link" TEXT NULL,
    "recorded_at" TEXT NOT NULL
);

CREATE TABLE "proposal_milestones" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_proposal_milestones" PRIMARY KEY AUTOINCREMENT,
    "proposal_id" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "cost_units" TEXT NOT NULL CHECK ("cost_units" <> '' AND "cost_units" NOT GLOB '*[^0-9]*'),
    "target_metric" TEXT NULL,
    "target_value" INTEGER NULL,
    "status" TEXT NOT NULL,
    "report_text" TEXT NULL,
    "date" TEXT NULL,
    CONSTRAINT "FK_proposal_milestones_spending_proposals_proposal_id" FOREIGN KEY ("proposal_id") REFERENCES "spending_proposals" ("id") ON DELETE RESTRICT
);

CREATE TABLE "proposal_events" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_proposal_events" PRIMARY KEY AUTOINCREMENT,
    "proposal_id" INTEGER NOT NULL,
    "at" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "actor" TEXT NULL,
    CONSTRAINT "FK_proposal_events_spending_proposals_proposal_id" FOREIGN KEY ("proposal_id") REFERENCES "spending_proposals" ("id") ON DELETE RESTRICT
);

CREATE TABLE "treasury_draws" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_treasury_draws" PRIMARY KEY AUTOINCREMENT,
    "proposal_id" INTEGER NOT NULL,
    "draw_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "units" TEXT NOT NULL CHECK ("units" <> '' AND "units" NOT GLOB '*[^0-9]*'),
    "date" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "override_actor" TEXT NULL,
    "override_reason" TEXT NULL,
    "override_at" TEXT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL,
    -- R10: an overdraw is recorded only with the admin and a reason.
    CHECK (("override_actor" IS NULL AND "override_reason" IS NULL) OR ("override_actor" <> '' AND "override_reason" <> '')),
    CONSTRAINT "FK_treasury_draws_spending_proposals_proposal_id" FOREIGN KEY ("proposal_id") REFERENCES "spending_proposals" ("id") ON DELETE RESTRICT
);

CREATE TABLE "token_prices" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_token_prices" PRIMARY KEY AUTOINCREMENT,
    "period" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "usd_price" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL
);

CREATE TABLE "community_bounties" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_community_bounties" PRIMARY KEY AUTOINCREMENT,
    "title" TEXT NOT NULL,
    "recipient_name" TEXT NOT NULL,
    "recipient_handles" TEXT NOT NULL,
    "recipient_address" TEXT NOT NULL,
    "evidence" TEXT NOT NULL,
    "amount_units" TEXT NULL CHECK ("amount_units" IS NULL OR ("amount_units" <> '' AND "amount_units" NOT GLOB '*[^0-9]*')),
    "amount_usd" TEXT NULL,
    "token" TEXT NOT NULL,
    "token_decimals" INTEGER NOT NULL,
    "period" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "proposal_number" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "approver" TEXT NULL,
    "approved_at" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    -- R10: "in tokens, or fiat at the recorded price": exactly one of the two.
    CHECK (("amount_units" IS NULL) <> ("amount_usd" IS NULL))
);

CREATE TABLE "channel_counts" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_channel_counts" PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "members" INTEGER NOT NULL CHECK ("members" >= 0),
    "source" TEXT NOT NULL,
    "recorded_by" TEXT NOT NULL,
    "recorded_at" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_spending_proposals_number" ON "spending_proposals" ("number");

CREATE UNIQUE INDEX "IX_proposal_milestones_proposal_id_number" ON "proposal_milestones" ("proposal_id", "number");

CREATE INDEX "IX_proposal_events_proposal_id" ON "proposal_events" ("proposal_id");

CREATE UNIQUE INDEX "IX_treasury_draws_proposal_id_draw_key" ON "treasury_draws" ("proposal_id", "draw_key");

CREATE UNIQUE INDEX "IX_token_prices_period_token" ON "token_prices" ("period", "token");

CREATE INDEX "IX_community_bounties_period" ON "community_bounties" ("period");

CREATE UNIQUE INDEX "IX_channel_counts_channel_date" ON "channel_counts" ("channel", "date");

-- R10: draws and the timeline are a record of money; like the audit log, they are never edited or deleted.
CREATE TRIGGER "treasury_draws_append_only_update" BEFORE UPDATE ON "treasury_draws"
BEGIN SELECT RAISE(ABORT, 'treasury_draws is append-only'); END;

CREATE TRIGGER "treasury_draws_append_only_delete" BEFORE DELETE ON "treasury_draws"
BEGIN SELECT RAISE(ABORT, 'treasury_draws is append-only'); END;
