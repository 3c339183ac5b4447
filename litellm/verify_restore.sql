-- Checks a restored LiteLLM database before it serves (docs/runbooks.md, "Restore the database from a snapshot").
-- One statement, so the RDS Data API runs it as it is. Tables and columns: LiteLLM's schema.prisma
-- (LiteLLM_VerificationToken, LiteLLM_UserTable, LiteLLM_TeamTable, LiteLLM_SpendLogs."startTime") and Prisma's
-- _prisma_migrations (finished_at is null while a migration has not finished).
SELECT (SELECT count(*) FROM "LiteLLM_VerificationToken") AS keys,
       (SELECT count(*) FROM "LiteLLM_UserTable") AS users,
       (SELECT count(*) FROM "LiteLLM_TeamTable") AS teams,
       (SELECT count(*) FROM "LiteLLM_SpendLogs") AS spend_rows,
       (SELECT max("startTime") FROM "LiteLLM_SpendLogs") AS newest_spend,
       (SELECT count(*) FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL) AS unfinished_migrations,
       current_setting('server_version_num')::int / 10000 AS server_major
