import { createClient } from '@supabase/supabase-js';

// ruleid: secrets.jwt.token
const SUPABASE_SERVICE_ROLE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6ImdhbXExZWtyd2owaGd2N2ZpaHNnIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTcwMDAwMDAwMCwiZXhwIjoyMDE1NTc2MDAwfQ.F-emOzK8FPucQFM2Sl_dz9bxWHra-hjbb6AyTaH66AB';
// A token that grants nothing (name and issue time only), e.g. from a tutorial.
// ok: secrets.jwt.token
const DEMO_JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJuYW1lIjoiQWRhIExvdmVsYWNlIiwiaWF0IjoxNTE2MjM5MDIyfQ.F2Ph0oktb_l7fnvoUlwOoS814su71yuWvRAHZorW8-Q';
// An unsigned token cannot authenticate anything.
// ok: secrets.jwt.token
const UNSIGNED = 'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJyb2xlIjoiYWRtaW4ifQ.tpqaOPUrAURB11Nwt4wS5QPsZJA94p';

// Supabase's anon key, made to ship to browsers (row-level security guards the data): public by design.
// ok: secrets.jwt.token
const SUPABASE_ANON_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InF3a3ptYnRycG54dmhkbGVmY29hIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MTgwMDAwMDAsImV4cCI6MjAzMzU3NjAwMH0.S6PIHK_ZZuHnBtgvconKSqTDI26rvz_ITylmz92NDZI';

export const admin = createClient('https://acme.supabase.co', SUPABASE_SERVICE_ROLE_KEY);
export const samples = [DEMO_JWT, UNSIGNED];
export const browser = createClient('https://acme.supabase.co', SUPABASE_ANON_KEY);
