-- 0013: the frozen month in tables, stored once. Migration 0008's JSON snapshot on month_closes becomes rows: the
-- month's figures on month_closes, each department, each member and their allocations, the proposed rank changes and
-- the amounts carried out. The old allocations table (written at lock, read by nothing, and missing members outside
-- the registry and points without a share) is replaced by the one the frozen month is read from. Every closed month
-- keeps its values to the unit (the upgrade tests compare them with what the previous version showed).

ALTER TABLE "month_closes" ADD COLUMN "policy_title" TEXT NOT NULL DEFAULT '';
ALTER TABLE "month_closes" ADD COLUMN "decimals" INTEGER NOT NULL DEFAULT 12;
ALTER TABLE "month_closes" ADD COLUMN "display_decimals" INTEGER NOT NULL DEFAULT 4;
ALTER TABLE "month_closes" ADD COLUMN "carried_units" TEXT NOT NULL DEFAULT '0' CHECK ("carried_units" <> '' AND "carried_units" NOT GLOB '*[^0-9]*');
ALTER TABLE "month_closes" ADD COLUMN "active_members" INTEGER NOT NULL DEFAULT 0;

UPDATE "month_closes" SET
    "policy_name" = json_extract("snapshot", '$.policyId'),
    "policy_title" = json_extract("snapshot", '$.policyName'),
    "policy_version" = json_extract("snapshot", '$.policyVersion'),
    "policy_hash" = json_extract("snapshot", '$.policyHash'),
    "token" = json_extract("snapshot", '$.token'),
    "decimals" = json_extract("snapshot", '$.decimals'),
    "display_decimals" = COALESCE(json_extract("snapshot", '$.displayDecimals'), 4),
    "pool_units" = json_extract("snapshot", '$.poolUnits'),
    "unspent_units" = json_extract("snapshot", '$.unspentUnits'),
    "carried_units" = json_extract("snapshot", '$.carriedUnits'),
    "active_members" = json_extract("snapshot", '$.activeMembers')
WHERE json_valid("snapshot") AND json_extract("snapshot", '$.period') IS NOT NULL;

CREATE TABLE "month_departments" (
    "month_close_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "pool_units" TEXT NOT NULL CHECK ("pool_units" <> '' AND "pool_units" NOT GLOB '*[^0-9]*'),
    "points_hundredths" INTEGER NOT NULL,
    "unspent_units" TEXT NOT NULL CHECK ("unspent_units" <> '' AND "unspent_units" NOT GLOB '*[^0-9]*'),
    CONSTRAINT "PK_month_departments" PRIMARY KEY ("month_close_id", "position"),
    CONSTRAINT "FK_month_departments_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE CASCADE
);

CREATE TABLE "month_members" (
    "month_close_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "member_id" INTEGER NOT NULL,
    "login" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "percent_numerator" INTEGER NOT NULL,
    "percent_denominator" INTEGER NOT NULL,
    "chosen" TEXT NOT NULL,
    "pool_share_units" TEXT NOT NULL CHECK ("pool_share_units" <> '' AND "pool_share_units" NOT GLOB '*[^0-9]*'),
    "bonus_units" TEXT NOT NULL CHECK ("bonus_units" <> '' AND "bonus_units" NOT GLOB '*[^0-9]*'),
    "capped_units" TEXT NOT NULL CHECK ("capped_units" <> '' AND "capped_units" NOT GLOB '*[^0-9]*'),
    "total_units" TEXT NOT NULL CHECK ("total_units" <> '' AND "total_units" NOT GLOB '*[^0-9]*'),
    CONSTRAINT "PK_month_members" PRIMARY KEY ("month_close_id", "position"),
    CONSTRAINT "FK_month_members_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE CASCADE
);
CREATE INDEX "IX_month_members_member_id" ON "month_members" ("member_id");

CREATE TEMPORARY TABLE "allocations_before_0013" AS SELECT * FROM "allocations";
DROP TABLE "allocations";
CREATE TABLE "allocations" (
    "month_close_id" INTEGER NOT NULL,
    "member_position" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "points_hundredths" INTEGER NULL,
    "units" TEXT NULL CHECK ("units" IS NULL OR ("units" <> '' AND "units" NOT GLOB '*[^0-9]*')),
    CONSTRAINT "PK_allocations" PRIMARY KEY ("month_close_id", "member_position", "code"),
    CONSTRAINT "FK_allocations_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE CASCADE,
    CONSTRAINT "FK_allocations_month_members_month_close_id_member_position" FOREIGN KEY ("month_close_id", "member_position") REFERENCES "month_members" ("month_close_id", "position") ON DELETE CASCADE
);

CREATE TABLE "month_proposals" (
    "month_close_id" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "member" TEXT NOT NULL,
    "from_rank" TEXT NOT NULL,
    "to_rank" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "effective_from" TEXT NOT NULL,
    CONSTRAINT "PK_month_proposals" PRIMARY KEY ("month_close_id", "position"),
    CONSTRAINT "FK_month_proposals_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE CASCADE
);

CREATE TABLE "month_carried_out" (
    "month_close_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "units" TEXT NOT NULL CHECK ("units" <> '' AND "units" NOT GLOB '*[^0-9]*'),
    CONSTRAINT "PK_month_carried_out" PRIMARY KEY ("month_close_id", "code"),
    CONSTRAINT "FK_month_carried_out_month_closes_month_close_id" FOREIGN KEY ("month_close_id") REFERENCES "month_closes" ("id") ON DELETE CASCADE
);

INSERT INTO "month_departments" ("month_close_id", "position", "code", "name", "pool_units", "points_hundredths", "unspent_units")
SELECT c."id", d.key, json_extract(d.value, '$.code'), json_extract(d.value, '$.name'), json_extract(d.value, '$.poolUnits'),
       json_extract(d.value, '$.pointsHundredths'), json_extract(d.value, '$.unspentUnits')
FROM "month_closes" c, json_each(CASE WHEN json_valid(c."snapshot") THEN c."snapshot" ELSE '{}' END, '$.departments') d
WHERE json_valid(c."snapshot");

INSERT INTO "month_members" ("month_close_id", "position", "member_id", "login", "name", "rank", "status", "percent_numerator",
    "percent_denominator", "chosen", "pool_share_units", "bonus_units", "capped_units", "total_units")
SELECT c."id", m.key, json_extract(m.value, '$.memberId'), json_extract(m.value, '$.login'), json_extract(m.value, '$.name'),
       json_extract(m.value, '$.rank'), json_extract(m.value, '$.status'), json_extract(m.value, '$.percentNumerator'),
       json_extract(m.value, '$.percentDenominator'),
       COALESCE((SELECT group_concat(ch.value, ',') FROM (SELECT value FROM json_each(m.value, '$.chosen') ORDER BY key) ch), ''),
       json_extract(m.value, '$.poolShareUnits'), json_extract(m.value, '$.bonusUnits'),
       COALESCE(json_extract(m.value, '$.cappedUnits'), '0'), json_extract(m.value, '$.totalUnits')
FROM "month_closes" c, json_each(CASE WHEN json_valid(c."snapshot") THEN c."snapshot" ELSE '{}' END, '$.members') m
WHERE json_valid(c."snapshot");

INSERT INTO "allocations" ("month_close_id", "member_position", "code", "points_hundredths", "units")
SELECT k.close_id, k.position, k.code,
       (SELECT p.value FROM json_each(k.member, '$.pointsHundredths') p WHERE p.key = k.code),
       (SELECT s.value FROM json_each(k.member, '$.sharesUnits') s WHERE s.key = k.code)
FROM (
    SELECT c."id" AS close_id, m.key AS position, m.value AS member, p.key AS code
    FROM "month_closes" c, json_each(CASE WHEN json_valid(c."snapshot") THEN c."snapshot" ELSE '{}' END, '$.members') m, json_each(m.value, '$.pointsHundredths') p
    WHERE json_valid(c."snapshot")
    UNION
    SELECT c."id", m.key, m.value, s.key
    FROM "month_closes" c, json_each(CASE WHEN json_valid(c."snapshot") THEN c."snapshot" ELSE '{}' END, '$.members') m, json_each(m.value, '$.sharesUnits') s
    WHERE json_valid(c."snapshot")
) k;

INSERT INTO "month_proposals" ("month_close_id", "position", "member", "from_rank", "to_rank", "reason", "effective_from")
SELECT c."id", p.key, json_extract(p.value, '$.member'), json_extract(p.value, '$.from'), json_extract(p.value, '$.to'),
       json_extract(p.value, '$.reason'), json_extract(p.value, '$.effectiveFrom')
FROM "month_closes" c, json_each(CASE WHEN json_valid(c."snapshot") THEN c."snapshot" ELSE '{}' END, '$.proposals') p
WHERE json_valid(c."snapshot");

INSERT INTO "month_carried_out" ("month_close_id", "code", "units")
SELECT c."id", o.key, o.value
FROM "month_closes" c, json_each(CASE WHEN json_valid(c."snapshot") THEN c."snapshot" ELSE '{}' END, '$.carriedOut') o
WHERE json_valid(c."snapshot");

-- A month locked before migration 0004 has no frozen result, only its allocation rows (pages could not show it). Its
-- members are made from those rows: the registry's name, GitHub login and rank on the month's first day, each paid the sum of their shares, status
-- Accepted at 0 % (unknown, so no promotion streak counts it). SQLite adds 64-bit integers only: a member whose shares
-- could overflow gets no total, and the upgrade stops there without a change rather than store a wrong one.
INSERT INTO "month_members" ("month_close_id", "position", "member_id", "login", "name", "rank", "status", "percent_numerator",
    "percent_denominator", "chosen", "pool_share_units", "bonus_units", "capped_units", "total_units")
SELECT g.month_close_id, ROW_NUMBER() OVER (PARTITION BY g.month_close_id ORDER BY g.member_id) - 1, g.member_id,
       COALESCE((SELECT h."normalized_value" FROM "member_handles" h WHERE h."member_id" = g.member_id AND h."kind" = 'github' ORDER BY h."id" LIMIT 1), 'member-' || g.member_id),
       COALESCE((SELECT m."display_name" FROM "members" m WHERE m."id" = g.member_id), 'member-' || g.member_id),
       COALESCE((SELECT r."rank" FROM "member_rank_events" r WHERE r."member_id" = g.member_id
                 AND r."effective_from" <= (SELECT c."period" FROM "month_closes" c WHERE c."id" = g.month_close_id) || '-01' ORDER BY r."effective_from" DESC, r."id" DESC LIMIT 1), 'candidate'),
       'Accepted', 0, 1, '', g.total, '0', '0', g.total
FROM (
    SELECT a."month_close_id" AS month_close_id, a."member_id" AS member_id,
           CASE WHEN COUNT(*) = 1 THEN MAX(a."units") WHEN MAX(length(a."units")) <= 18 THEN CAST(SUM(CAST(a."units" AS INTEGER)) AS TEXT) END AS total
    FROM "allocations_before_0013" a
    WHERE a."month_close_id" NOT IN (SELECT "month_close_id" FROM "month_members")
    GROUP BY a."month_close_id", a."member_id"
) g;

INSERT INTO "allocations" ("month_close_id", "member_position", "code", "points_hundredths", "units")
SELECT a."month_close_id", mm."position", a."department", a."points_hundredths", a."units"
FROM "allocations_before_0013" a
JOIN "month_members" mm ON mm."month_close_id" = a."month_close_id" AND mm."member_id" = a."member_id"
WHERE NOT EXISTS (SELECT 1 FROM "allocations" x WHERE x."month_close_id" = a."month_close_id");

DROP TABLE "allocations_before_0013";

ALTER TABLE "month_closes" DROP COLUMN "snapshot";
