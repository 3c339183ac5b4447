-- The database bootstrap, run once per deploy by the one-off `bootstrap` task as the RDS master user
-- (litellm/bootstrap.sh, the only container that ever gets the master secret). It leaves litellm_app, the role
-- LiteLLM signs in as, able to sign in and to own LiteLLM's schema, so migrations (run as litellm_app) and LiteLLM's
-- own DDL at start work. Same grants as LiteLLM's Terraform module (terraform/litellm/aws/bootstrap.tf). How it signs
-- in comes from the session settings bootstrap.sh puts first: litellm.app_auth 'iam' (membership in rds_iam: RDS
-- user guide, "Creating a database account using IAM authentication") or 'password' (litellm.app_password, a SCRAM
-- verifier; then not in rds_iam, whose members RDS refuses password sign-in).
--
-- Safe to run again and concurrently, on PostgreSQL 14 to 17 and after a major-version upgrade:
-- * one transaction, serialised by an advisory lock: concurrent GRANTs on one role otherwise fail with
--   "tuple concurrently updated", and two CREATE ROLEs race;
-- * every change is made only when it is missing, so a second run changes nothing;
-- * the master needs ADMIN OPTION on litellm_app only to take over objects it still owns (a database whose
--   migrations once ran as the master). From PostgreSQL 16, granting membership needs ADMIN OPTION, which the
--   master lacks on a role created by someone else or before 16; then, and only then, the run stops with the fix.
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('llmgateway/litellm_app'));
DO $$
DECLARE
  -- From 16, ALTER ... OWNER TO needs the SET option on the new owner; before, membership.
  takeover text := CASE WHEN current_setting('server_version_num')::int >= 160000 THEN 'SET' ELSE 'MEMBER' END;
  auth text := coalesce(nullif(current_setting('litellm.app_auth', true), ''), 'iam');
  r record;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'litellm_app') THEN
    CREATE ROLE litellm_app LOGIN;
  ELSIF NOT (SELECT rolcanlogin FROM pg_roles WHERE rolname = 'litellm_app') THEN
    ALTER ROLE litellm_app LOGIN;
  END IF;
  IF auth = 'password' THEN
    IF pg_has_role('litellm_app', 'rds_iam', 'MEMBER') THEN
      REVOKE rds_iam FROM litellm_app;
    END IF;
    -- Set at every run (pg_authid, where it could be compared, is the superuser's): the verifier's salt is new each time.
    EXECUTE format('ALTER ROLE litellm_app PASSWORD %L', current_setting('litellm.app_password'));
  ELSIF NOT pg_has_role('litellm_app', 'rds_iam', 'MEMBER') THEN
    GRANT rds_iam TO litellm_app;
  END IF;
  -- Checked one by one: with a list, has_*_privilege is true when any one is held (PUBLIC has CONNECT and USAGE).
  IF NOT (has_database_privilege('litellm_app', current_database(), 'CONNECT')
          AND has_database_privilege('litellm_app', current_database(), 'TEMPORARY')
          AND has_database_privilege('litellm_app', current_database(), 'CREATE')) THEN
    EXECUTE format('GRANT CONNECT, TEMPORARY, CREATE ON DATABASE %I TO litellm_app', current_database());
  END IF;
  IF NOT (has_schema_privilege('litellm_app', 'public', 'USAGE') AND has_schema_privilege('litellm_app', 'public', 'CREATE')) THEN
    GRANT USAGE, CREATE ON SCHEMA public TO litellm_app;
  END IF;

  -- LiteLLM's tables, views, sequences not owned by a column, and enum types that the master still owns.
  CREATE TEMPORARY TABLE litellm_takeover ON COMMIT DROP AS
    SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind,
           c.relname AS object
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relowner = current_user::regrole
       AND (c.relkind IN ('r', 'p', 'v', 'm')
            OR c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
    UNION ALL
    SELECT 'TYPE', t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE n.nspname = 'public' AND t.typtype = 'e' AND t.typowner = current_user::regrole;
  IF NOT EXISTS (SELECT 1 FROM litellm_takeover) THEN
    RETURN;
  END IF;
  IF NOT pg_has_role(current_user, 'litellm_app', takeover) THEN
    BEGIN
      GRANT litellm_app TO CURRENT_USER;
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE EXCEPTION 'the master user % owns % LiteLLM object(s) that litellm_app must own, and may not grant itself litellm_app',
                      current_user, (SELECT count(*) FROM litellm_takeover)
        USING HINT = format('From PostgreSQL 16 that takes ADMIN OPTION on litellm_app, which the master lacks when another user or '
                            'PostgreSQL before 16 created the role. As a role with ADMIN OPTION on litellm_app run: GRANT litellm_app TO %I;',
                            current_user);
    END;
  END IF;
  FOR r IN SELECT kind, object FROM litellm_takeover ORDER BY kind DESC, object LOOP
    EXECUTE format('ALTER %s public.%I OWNER TO litellm_app', r.kind, r.object);
  END LOOP;
END
$$;
COMMIT;
