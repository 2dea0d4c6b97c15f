-- Logins created by migrations and seed scripts (our own fakes).
-- ruleid: secrets.db.sql-user-password
CREATE USER widgets_app WITH PASSWORD 'LAy2Oha!IwHfd1zUS*lj';
-- ruleid: secrets.db.sql-user-password
ALTER ROLE reporting WITH LOGIN PASSWORD 'Tq8#vZ2m!Rk5pW9x';
-- ruleid: secrets.db.sql-user-password
CREATE USER 'shop'@'%' IDENTIFIED BY 'n7Gd$Lq2Vx9Pz4Kc';
-- ruleid: secrets.db.sql-user-password
ALTER USER 'shop'@'%' IDENTIFIED WITH mysql_native_password BY 'Hc4!Ws8qZm2Tx6Rb';
-- ruleid: secrets.db.sql-user-password
CREATE LOGIN app_login WITH PASSWORD = N'Yb3@Kp7wQz1Lm5Vd', CHECK_POLICY = ON;

-- ---- near misses ----
-- A variable or parameter, not a literal.
-- ok: secrets.db.sql-user-password
CREATE USER widgets_ro WITH PASSWORD :'ro_password';
-- ok: secrets.db.sql-user-password
ALTER USER app PASSWORD NULL;
-- A placeholder to replace before running.
-- ok: secrets.db.sql-user-password
CREATE USER widgets_app WITH PASSWORD 'changeme';
-- A column named password is no login.
-- ok: secrets.db.sql-user-password
UPDATE users SET password = 'x' WHERE id = 1;
-- ruleid: secrets.db.sql-user-password
GRANT ALL PRIVILEGES ON shop.* TO 'etl'@'10.0.0.%' IDENTIFIED BY 'Rf6@Mv1xQk8Tz3Lp';
-- Prose in a comment: "the module identified by 'fullname'" is no login.
-- ok: secrets.db.sql-user-password
SELECT 'Return the module identified by ''fullname'' here' AS note;
-- PostgreSQL also takes the password already hashed: no plaintext in the script.
-- ok: secrets.db.sql-user-password
CREATE ROLE reporting LOGIN PASSWORD 'md5c3f2a81e0b9d4e7f6a5b4c3d2e1f0a9b';
