import type { CollectionConfig } from 'payload'
import { exec } from 'node:child_process'

export const Reports: CollectionConfig = {
  slug: 'reports',
  fields: [{ name: 'title', type: 'text' }],
  endpoints: [
    {
      path: '/archive',
      method: 'post',
      handler: async (req) => {
        const { table } = (await req.json?.()) ?? {}
        // ruleid: js.cmdi.child-process
        exec(`pg_dump --data-only -t ${table} > /var/backups/archive.sql`)
        // ok: js.cmdi.child-process
        exec('pg_dump --data-only -t reports > /var/backups/reports.sql')
        return Response.json({ ok: true })
      },
    },
    {
      path: '/:id/export',
      method: 'get',
      handler: async (req) => {
        // ruleid: js.cmdi.child-process
        exec('export-report ' + req.routeParams?.id)
        return Response.json({ ok: true })
      },
    },
  ],
}
