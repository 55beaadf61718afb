-- Each server instance remembers the sessions it found live for a short while (server/auth/session-cache.ts)
-- instead of reading them on every request. Whatever ends a session or changes what it may do (revocation,
-- a user disabled, a role changed, a row deleted), by any path including an administrator's SQL, tells every
-- instance at commit, which forgets it. Payloads carry ids only.
CREATE FUNCTION notify_session_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('housecall_sessions', json_build_object('sessionId', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  ELSE
    PERFORM pg_notify('housecall_sessions', json_build_object('userId', CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_revoked_notice AFTER UPDATE OF revoked_at ON sessions
  FOR EACH ROW WHEN (NEW.revoked_at IS DISTINCT FROM OLD.revoked_at) EXECUTE FUNCTION notify_session_change();
CREATE TRIGGER sessions_deleted_notice AFTER DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_session_change();
CREATE TRIGGER users_access_notice AFTER UPDATE OF disabled, role ON users
  FOR EACH ROW WHEN (NEW.disabled IS DISTINCT FROM OLD.disabled OR NEW.role IS DISTINCT FROM OLD.role) EXECUTE FUNCTION notify_session_change();
CREATE TRIGGER users_deleted_notice AFTER DELETE ON users
  FOR EACH ROW EXECUTE FUNCTION notify_session_change();
