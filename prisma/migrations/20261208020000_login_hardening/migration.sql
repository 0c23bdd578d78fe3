-- Login hardening (issue 17): usernames compared without letter case, and tokens that a
-- password change or reset ends.

-- Usernames are stored lower-case (the API lower-cases every username it receives, on write and
-- on lookup), so the unique index users_username_key is unique on the normalised form. Accounts
-- whose names differ only in letter case keep the oldest the plain name; later ones get "-2",
-- "-3"… (a NOTICE names them), so no account is lost. The renames run first so that no
-- intermediate state breaks the unique index.
DO $$
DECLARE
  renamed RECORD;
BEGIN
  FOR renamed IN
    WITH ranked AS (
      SELECT id, username, lower(username) AS base,
             row_number() OVER (PARTITION BY lower(username) ORDER BY created_at, id) AS position
      FROM users
    )
    UPDATE users SET username = ranked.base || '-' || ranked.position
    FROM ranked
    WHERE users.id = ranked.id AND ranked.position > 1
    RETURNING ranked.username AS old_name, users.username AS new_name
  LOOP
    RAISE NOTICE '用户名只差大小写：% 改名为 %', renamed.old_name, renamed.new_name;
  END LOOP;
END $$;

UPDATE users SET username = lower(username) WHERE username <> lower(username);

ALTER TABLE "users" ADD CONSTRAINT "users_username_lower_case" CHECK ("username" = lower("username"));

-- Raised by each password change or reset; a token carries the version it was issued at and is
-- refused once they differ, so changing a password ends the user's other sessions.
ALTER TABLE "users" ADD COLUMN "token_version" INTEGER NOT NULL DEFAULT 0;
