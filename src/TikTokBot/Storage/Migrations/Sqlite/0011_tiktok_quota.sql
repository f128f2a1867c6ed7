-- The TikTok quota's ledger is kept in the process on SQLite, which serves one instance; PostgreSQL keeps it in a
-- table every instance shares. This script keeps the two providers' version numbers in step.
SELECT 1;
