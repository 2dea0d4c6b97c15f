-- A seed's credential is named by its column in the INSERT's column list, lines above the value.
INSERT INTO api_clients (id, name, api_key, api_key_sha256) VALUES
    ('1b5e0551-5727-4d23-b85a-e2c7d49aecf8', 'ops-dashboard', NULL, '4f6666da90df9af32e2b69c483a586a42e556ef22287bb30b5cc57f73310a452'), /* ok: secrets.generic.api-key-assignment */
    -- the warehouse job's key, shared with the vendor
    ('649597aa-f153-4adc-813b-278fa772c9a9', 'warehouse-sync', 'PThibHXIefDDmvV7pUZZn9PO33erFrT5', NULL), /* ruleid: secrets.generic.api-key-assignment */
    (gen_random_uuid(), 'local-dev', 'REPLACE_ME', NULL); /* ok: secrets.generic.api-key-assignment */

INSERT INTO users (email, password_hash, role) VALUES ('admin@example.test', '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5RoSDvKa4bMeZZbGX8RqW6CEvXy1n8i', 'admin'); /* ok: secrets.generic.password-assignment */

INSERT INTO service_accounts (name, secret) VALUES ('billing', 'Fi1ZkMBF3ofcETb4Fmje2esZB2Mb35Gy'); /* ruleid: secrets.generic.secret-assignment */

-- The statement ended: the tuple below is no row of it.
INSERT INTO webhooks (url, token) VALUES ('https://hooks.example.test/a', NULL);
SELECT ('0UtK0fnW6zjSmU8k3Cya3UcoN7N7vaPM', 1); /* ok: secrets.generic.token-assignment */

-- Without a column list the values have no names.
INSERT INTO legacy_users VALUES ('ops', 'sJYVUF1SkXETjMYW'); /* ok: secrets.generic.password-assignment */
