// A Cloudflare Worker's default export checked against its type (`satisfies ExportedHandler<Env>`): the object is
// still the module's export, and fetch's first parameter the incoming Request.
interface Env { DB: D1Database }

export default {
  async fetch(request, env) {
    const form = await request.formData();
    const tag = String(form.get("tag") ?? "");
    // ruleid: js.sqli.string-query
    const rows = await env.DB.prepare(`SELECT id FROM posts WHERE tag = '${tag}'`).all();
    // ok: js.sqli.string-query
    const same = await env.DB.prepare("SELECT id FROM posts WHERE tag = ?").bind(tag).all();
    return Response.json({ rows, same });
  },
} satisfies ExportedHandler<Env>;
