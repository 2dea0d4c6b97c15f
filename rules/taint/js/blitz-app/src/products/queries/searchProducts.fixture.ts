import { resolver } from "@blitzjs/rpc"
import db from "db"
import { z } from "zod"

const SearchProducts = z.object({ term: z.string().max(100) })

export default resolver.pipe(resolver.zod(SearchProducts), resolver.authorize(), async ({ term }) => {
  // ok: js.sqli.string-query
  await db.$queryRaw`SELECT id FROM "Product" WHERE name ILIKE ${"%" + term + "%"}`
  // ruleid: js.sqli.string-query
  return db.$queryRawUnsafe(`SELECT id, name FROM "Product" WHERE name ILIKE '%${term}%'`)
})
