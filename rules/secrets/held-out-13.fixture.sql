-- break-glass admin
INSERT INTO users (email, password_hash)
-- ruleid: secrets.db.sql-crypto-literal
VALUES ('ops@harbourline.example', crypt('Wq7!rTz2Lm#9vB', gen_salt('bf', 12)));

-- ok: secrets.db.sql-crypto-literal
UPDATE users SET password_hash = crypt(:new_password, gen_salt('bf', 12)) WHERE id = :id;

-- ok: secrets.db.sql-crypto-literal
SELECT id FROM users WHERE password_hash = crypt('entered', password_hash);

UPDATE integrations
-- ruleid: secrets.db.sql-crypto-literal
SET api_token = pgp_sym_encrypt(api_token, 'Cobalt?ferry58?Willow')
WHERE partner = 'northwind';

-- ok: secrets.db.sql-crypto-literal
SELECT pgp_sym_decrypt(api_token, current_setting('app.encryption_key')) FROM integrations;

-- ruleid: secrets.db.sql-crypto-literal
SELECT AES_DECRYPT(card_number, 'h7Kp2Wq9Zx4Lm8Rt') FROM payments;
