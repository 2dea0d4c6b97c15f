// Fresh (https://fresh.deno.dev): a route module's `handler` methods take the Request; `$std/` is the import map's
// prefix for Deno's standard library, `deno.land/x/sqlite` the common SQLite driver.
import { Handlers } from "$fresh/server.ts";
import { join, resolve, SEPARATOR } from "$std/path/mod.ts";
import { DB } from "https://deno.land/x/sqlite@v3.9.1/mod.ts";

const db = new DB("data/pages.db");
const PAGES = resolve("./content/pages");

function titled(term: string) {
  // ruleid: js.sqli.string-query
  return db.queryEntries(`SELECT id, title FROM pages WHERE title LIKE '%${term}%'`);
}

export const handler: Handlers = {
  async GET(req) {
    const url = new URL(req.url);
    const term = url.searchParams.get("q") ?? "";
    const rows = titled(term);
    // ok: js.sqli.string-query
    const one = db.queryEntries("SELECT body FROM pages WHERE id = ?", [Number(url.searchParams.get("id"))]);
    const name = url.searchParams.get("page") ?? "index.md";
    // ruleid: js.path-traversal.fs
    const text = await Deno.readTextFile(join(PAGES, name));
    const full = resolve(PAGES, name);
    if (!full.startsWith(PAGES + SEPARATOR)) return new Response("forbidden", { status: 403 });
    // ok: js.path-traversal.fs
    const checked = await Deno.readTextFile(full);
    return Response.json({ rows, one, text, checked });
  },
};

export const actions: Handlers = {
  async POST(req) {
    const form = await req.formData();
    const host = String(form.get("host") ?? "");
    // ruleid: js.cmdi.child-process
    await new Deno.Command("sh", { args: ["-c", `dig +short ${host}`] }).output();
    // ok: js.cmdi.child-process
    await new Deno.Command("dig", { args: ["+short", host] }).output();
    return new Response("ok");
  },
};
