-- A migration seeding the application's settings table.
INSERT INTO settings (key, value) VALUES
-- ruleid: secrets.generic.sql-setting
  ('smtp.password', 'Vx7#kQ2m!Lp9zRt4'),
  ('smtp.host', 'smtp.mail.example'),
-- ok: secrets.generic.sql-setting
  ('smtp.password_hint', 'ask ops'),
-- ok: secrets.generic.sql-setting
  ('billing.api_key', '${BILLING_API_KEY}');

-- ruleid: secrets.generic.sql-setting
UPDATE settings SET value = 'Qw8!nZ4x@Rt2Lk7p' WHERE key = 'ldap.bind_password';
-- ok: secrets.generic.sql-setting
UPDATE settings SET value = 'smtp.mail.example' WHERE key = 'smtp.host';
-- A function's arguments are no settings row (the password rule reads this call).
-- ok: secrets.generic.sql-setting
-- ruleid: secrets.generic.password-assignment
SELECT set_config('app.password', 'Zr5!mK8q@Wn3Tx6v', false);
