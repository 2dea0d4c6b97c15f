import { Ctx } from "blitz"
import { exec } from "node:child_process"

export default async function importFeed(input: { feedUrl: string; label: string }, ctx: Ctx) {
  ctx.session.$authorize()
  // ruleid: js.ssrf.http-client
  const feed = await fetch(input.feedUrl)
  // ok: js.ssrf.http-client
  await fetch("https://suppliers.example.com/api/v2/profile")
  // ruleid: js.cmdi.child-process
  exec("logger imported " + input.label)
  return feed.status
}
