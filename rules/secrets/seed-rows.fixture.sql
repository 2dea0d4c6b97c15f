-- Integration settings seeded as JSON columns: a token in its documented format on a line naming the provider.
INSERT INTO integrations (id, provider, config) VALUES
-- ruleid: secrets.asana.pat
('c3a05302-eb8b-4856-a0d4-9c2b3daef291', 'asana', '{"pat": "2/4410937215568231/7719350245583102:f5c9a1e07b6d44c2a3e8b91d0f72c6a4"}'),
-- ok: secrets.asana.pat
('0b3f9b39-8a41-4b7e-b9a3-5c1d2e3f4a5b', 'asana', '{"workspace": "2/4410937215568231"}');
