import { createClient } from '@supabase/supabase-js';

// ruleid: secrets.jwt.token
const SUPABASE_SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6Imh6eWVsbGRvY3NkbHlzZW5mdGI4Iiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.l7Fyveh-HPSrB_6yl3bEBe7MQLEcLRv0DuO17X0XO4L';
// A token that grants nothing (name and issue time only), e.g. from a tutorial.
// ok: secrets.jwt.token
const DEMO_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiQWRhIExvdmVsYWNlIiwiaWF0IjoxNTE2MjM5MDIyfQ.9tvMLXu7Z9S8Xaqe51m-yB1zc938u-BbskkVaILatTL';
// An unsigned token cannot authenticate anything.
// ok: secrets.jwt.token
const UNSIGNED = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJyb2xlIjoiYWRtaW4ifQ.hJCqR6gULqTM5cjO1mHHqhApmFzjcT';

export const admin = createClient('https://acme.supabase.co', SUPABASE_SERVICE_ROLE_KEY);
export const samples = [DEMO_JWT, UNSIGNED];
