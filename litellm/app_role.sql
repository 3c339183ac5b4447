-- Run by the `migrate` container as the RDS master user (litellm/migrate.sh) when dbAuth is iam.
-- Creates litellm_app, the role the LiteLLM server signs in as with IAM tokens, lets it use IAM
-- (rds_iam: RDS user guide, "Creating a database account using IAM authentication"), and makes it the
-- owner of LiteLLM's schema objects, so migrations (run as litellm_app) and LiteLLM's own DDL at start
-- (views, indexes) work. Idempotent: safe at every task start. Same grants as LiteLLM's Terraform module
-- (terraform/litellm/aws/bootstrap.tf), plus the ownership hand-over for databases created before.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'litellm_app') THEN
    CREATE ROLE litellm_app LOGIN;
  END IF;
END
$$;
GRANT rds_iam TO litellm_app;
-- The master may then hand its objects over (ALTER ... OWNER TO needs membership in the new owner).
GRANT litellm_app TO CURRENT_USER;
DO $$
BEGIN
  EXECUTE format('GRANT CONNECT, TEMPORARY, CREATE ON DATABASE %I TO litellm_app', current_database());
END
$$;
GRANT ALL ON SCHEMA public TO litellm_app;
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm') AND c.relowner = current_user::regrole LOOP
    EXECUTE format('ALTER %s public.%I OWNER TO litellm_app',
                   CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.relname);
  END LOOP;
  -- Sequences not owned by a table column (those moved with their table above).
  FOR r IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = 'public' AND c.relkind = 'S' AND c.relowner = current_user::regrole LOOP
    EXECUTE format('ALTER SEQUENCE public.%I OWNER TO litellm_app', r.relname);
  END LOOP;
  FOR r IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' AND t.typtype = 'e' AND t.typowner = current_user::regrole LOOP
    EXECUTE format('ALTER TYPE public.%I OWNER TO litellm_app', r.typname);
  END LOOP;
END
$$;
