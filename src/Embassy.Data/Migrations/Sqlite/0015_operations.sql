-- Migration 15 (sqlite): running several instances (issue #15).
-- The Data Protection key ring as ASP.NET Core's EF store writes it. SQLite installs keep theirs in the data folder
-- (one machine); the table exists on both providers so the one model matches both schemas.
CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NULL,
    "xml" TEXT NULL
);

-- Cache generations: a change bumps its cache's number, and every instance's cached copies of an older number are stale.
CREATE TABLE "cache_generations" (
    "name" TEXT NOT NULL CONSTRAINT "PK_cache_generations" PRIMARY KEY,
    "generation" INTEGER NOT NULL
);

INSERT INTO "cache_generations" ("name", "generation") VALUES ('public', 0);
