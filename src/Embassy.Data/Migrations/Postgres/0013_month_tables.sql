-- 0013: the frozen month in tables, stored once. Migration 0008's JSON snapshot on month_closes becomes rows: the
-- month's figures on month_closes, each department, each member and their allocations, the proposed rank changes and
-- the amounts carried out. The old allocations table (written at lock, read by nothing, and missing members outside
-- the registry and points without a share) is replaced by the one the frozen month is read from. Every closed month
-- keeps its values to the unit (the upgrade tests compare them with what the previous version showed).

ALTER TABLE month_closes ADD COLUMN policy_title text NOT NULL DEFAULT '';
ALTER TABLE month_closes ADD COLUMN decimals integer NOT NULL DEFAULT 12;
ALTER TABLE month_closes ADD COLUMN display_decimals integer NOT NULL DEFAULT 4;
ALTER TABLE month_closes ADD COLUMN carried_units text NOT NULL DEFAULT '0' CHECK (carried_units ~ '^[0-9]+$');
ALTER TABLE month_closes ADD COLUMN active_members integer NOT NULL DEFAULT 0;

CREATE TEMPORARY TABLE frozen_months ON COMMIT DROP AS
SELECT id, snapshot::jsonb AS s FROM month_closes WHERE CASE WHEN snapshot LIKE '{%' THEN snapshot::jsonb ? 'period' ELSE false END;

UPDATE month_closes c SET
    policy_name = f.s->>'policyId',
    policy_title = f.s->>'policyName',
    policy_version = f.s->>'policyVersion',
    policy_hash = f.s->>'policyHash',
    token = f.s->>'token',
    decimals = (f.s->>'decimals')::integer,
    display_decimals = COALESCE((f.s->>'displayDecimals')::integer, 4),
    pool_units = f.s->>'poolUnits',
    unspent_units = f.s->>'unspentUnits',
    carried_units = f.s->>'carriedUnits',
    active_members = (f.s->>'activeMembers')::integer
FROM frozen_months f WHERE f.id = c.id;

CREATE TABLE month_departments (
    month_close_id bigint NOT NULL,
    position integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    pool_units text NOT NULL CHECK (pool_units ~ '^[0-9]+$'),
    points_hundredths bigint NOT NULL,
    unspent_units text NOT NULL CHECK (unspent_units ~ '^[0-9]+$'),
    CONSTRAINT "PK_month_departments" PRIMARY KEY (month_close_id, position),
    CONSTRAINT "FK_month_departments_month_closes_month_close_id" FOREIGN KEY (month_close_id) REFERENCES month_closes (id) ON DELETE CASCADE
);

CREATE TABLE month_members (
    month_close_id bigint NOT NULL,
    position integer NOT NULL,
    member_id bigint NOT NULL,
    login text NOT NULL,
    name text NOT NULL,
    rank text NOT NULL,
    status text NOT NULL,
    percent_numerator bigint NOT NULL,
    percent_denominator bigint NOT NULL,
    chosen text NOT NULL,
    pool_share_units text NOT NULL CHECK (pool_share_units ~ '^[0-9]+$'),
    bonus_units text NOT NULL CHECK (bonus_units ~ '^[0-9]+$'),
    capped_units text NOT NULL CHECK (capped_units ~ '^[0-9]+$'),
    total_units text NOT NULL CHECK (total_units ~ '^[0-9]+$'),
    CONSTRAINT "PK_month_members" PRIMARY KEY (month_close_id, position),
    CONSTRAINT "FK_month_members_month_closes_month_close_id" FOREIGN KEY (month_close_id) REFERENCES month_closes (id) ON DELETE CASCADE
);
CREATE INDEX "IX_month_members_member_id" ON month_members (member_id);

CREATE TEMPORARY TABLE allocations_before_0013 ON COMMIT DROP AS SELECT * FROM allocations;
DROP TABLE allocations;
CREATE TABLE allocations (
    month_close_id bigint NOT NULL,
    member_position integer NOT NULL,
    code text NOT NULL,
    points_hundredths bigint,
    units text CHECK (units IS NULL OR units ~ '^[0-9]+$'),
    CONSTRAINT "PK_allocations" PRIMARY KEY (month_close_id, member_position, code),
    CONSTRAINT "FK_allocations_month_closes_month_close_id" FOREIGN KEY (month_close_id) REFERENCES month_closes (id) ON DELETE CASCADE,
    CONSTRAINT "FK_allocations_month_members_month_close_id_member_position" FOREIGN KEY (month_close_id, member_position) REFERENCES month_members (month_close_id, position) ON DELETE CASCADE
);

CREATE TABLE month_proposals (
    month_close_id bigint NOT NULL,
    position integer NOT NULL,
    member text NOT NULL,
    from_rank text NOT NULL,
    to_rank text NOT NULL,
    reason text NOT NULL,
    effective_from text NOT NULL,
    CONSTRAINT "PK_month_proposals" PRIMARY KEY (month_close_id, position),
    CONSTRAINT "FK_month_proposals_month_closes_month_close_id" FOREIGN KEY (month_close_id) REFERENCES month_closes (id) ON DELETE CASCADE
);

CREATE TABLE month_carried_out (
    month_close_id bigint NOT NULL,
    code text NOT NULL,
    units text NOT NULL CHECK (units ~ '^[0-9]+$'),
    CONSTRAINT "PK_month_carried_out" PRIMARY KEY (month_close_id, code),
    CONSTRAINT "FK_month_carried_out_month_closes_month_close_id" FOREIGN KEY (month_close_id) REFERENCES month_closes (id) ON DELETE CASCADE
);

INSERT INTO month_departments (month_close_id, position, code, name, pool_units, points_hundredths, unspent_units)
SELECT f.id, d.ord - 1, d.value->>'code', d.value->>'name', d.value->>'poolUnits', (d.value->>'pointsHundredths')::bigint, d.value->>'unspentUnits'
FROM frozen_months f CROSS JOIN LATERAL jsonb_array_elements(f.s->'departments') WITH ORDINALITY d(value, ord);

INSERT INTO month_members (month_close_id, position, member_id, login, name, rank, status, percent_numerator, percent_denominator,
    chosen, pool_share_units, bonus_units, capped_units, total_units)
SELECT f.id, m.ord - 1, (m.value->>'memberId')::bigint, m.value->>'login', m.value->>'name', m.value->>'rank', m.value->>'status',
       (m.value->>'percentNumerator')::bigint, (m.value->>'percentDenominator')::bigint,
       COALESCE((SELECT string_agg(ch.value, ',' ORDER BY ch.ord) FROM jsonb_array_elements_text(m.value->'chosen') WITH ORDINALITY ch(value, ord)), ''),
       m.value->>'poolShareUnits', m.value->>'bonusUnits', COALESCE(m.value->>'cappedUnits', '0'), m.value->>'totalUnits'
FROM frozen_months f CROSS JOIN LATERAL jsonb_array_elements(f.s->'members') WITH ORDINALITY m(value, ord);

INSERT INTO allocations (month_close_id, member_position, code, points_hundredths, units)
SELECT k.id, k.position, k.code, (k.member->'pointsHundredths'->>k.code)::bigint, k.member->'sharesUnits'->>k.code
FROM (
    SELECT f.id, m.ord - 1 AS position, m.value AS member, keys.code
    FROM frozen_months f
    CROSS JOIN LATERAL jsonb_array_elements(f.s->'members') WITH ORDINALITY m(value, ord)
    CROSS JOIN LATERAL (
        SELECT jsonb_object_keys(CASE WHEN jsonb_typeof(m.value->'pointsHundredths') = 'object' THEN m.value->'pointsHundredths' ELSE '{}'::jsonb END)
        UNION
        SELECT jsonb_object_keys(CASE WHEN jsonb_typeof(m.value->'sharesUnits') = 'object' THEN m.value->'sharesUnits' ELSE '{}'::jsonb END)
    ) keys(code)
) k;

INSERT INTO month_proposals (month_close_id, position, member, from_rank, to_rank, reason, effective_from)
SELECT f.id, p.ord - 1, p.value->>'member', p.value->>'from', p.value->>'to', p.value->>'reason', p.value->>'effectiveFrom'
FROM frozen_months f CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(f.s->'proposals') = 'array' THEN f.s->'proposals' ELSE '[]'::jsonb END) WITH ORDINALITY p(value, ord);

INSERT INTO month_carried_out (month_close_id, code, units)
SELECT f.id, o.key, o.value
FROM frozen_months f CROSS JOIN LATERAL jsonb_each_text(CASE WHEN jsonb_typeof(f.s->'carriedOut') = 'object' THEN f.s->'carriedOut' ELSE '{}'::jsonb END) o;

-- A month locked before migration 0004 has no frozen result, only its allocation rows (pages could not show it). Its
-- members are made from those rows: the registry's name, GitHub login and rank on the month's first day, each paid the sum of their shares, status
-- Accepted at 0 % (unknown, so no promotion streak counts it).
INSERT INTO month_members (month_close_id, position, member_id, login, name, rank, status, percent_numerator, percent_denominator,
    chosen, pool_share_units, bonus_units, capped_units, total_units)
SELECT g.month_close_id, (ROW_NUMBER() OVER (PARTITION BY g.month_close_id ORDER BY g.member_id) - 1)::integer, g.member_id,
       COALESCE((SELECT h.normalized_value FROM member_handles h WHERE h.member_id = g.member_id AND h.kind = 'github' ORDER BY h.id LIMIT 1), 'member-' || g.member_id),
       COALESCE((SELECT m.display_name FROM members m WHERE m.id = g.member_id), 'member-' || g.member_id),
       COALESCE((SELECT r.rank FROM member_rank_events r WHERE r.member_id = g.member_id
                 AND r.effective_from <= ((SELECT c.period FROM month_closes c WHERE c.id = g.month_close_id) || '-01')::date ORDER BY r.effective_from DESC, r.id DESC LIMIT 1), 'candidate'),
       'Accepted', 0, 1, '', g.total, '0', '0', g.total
FROM (
    SELECT a.month_close_id, a.member_id, SUM(a.units::numeric)::text AS total
    FROM allocations_before_0013 a
    WHERE a.month_close_id NOT IN (SELECT month_close_id FROM month_members)
    GROUP BY a.month_close_id, a.member_id
) g;

INSERT INTO allocations (month_close_id, member_position, code, points_hundredths, units)
SELECT a.month_close_id, mm.position, a.department, a.points_hundredths, a.units
FROM allocations_before_0013 a
JOIN month_members mm ON mm.month_close_id = a.month_close_id AND mm.member_id = a.member_id
WHERE NOT EXISTS (SELECT 1 FROM allocations x WHERE x.month_close_id = a.month_close_id);

ALTER TABLE month_closes DROP COLUMN snapshot;
