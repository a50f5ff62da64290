-- Migration 26 (postgres): reports by month. The queue, the close, the freeze and the scores of a month all start from
-- the month's reports; without this index each of them read every report of every month.
CREATE INDEX "IX_reports_period" ON reports (period);
