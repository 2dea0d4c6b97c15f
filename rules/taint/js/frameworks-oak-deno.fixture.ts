// Oak on Deno (https://jsr.io/@oak/oak): a router's handler gets the context; the request's URL carries the query,
// the response takes the body and redirects; files and subprocesses go through the `Deno` global, and
// deno-postgres runs text queries (its tagged template binds values).
import { Router } from "@oak/oak";
import { join, resolve, SEPARATOR } from "@std/path";
import { Client } from "postgres";

const client = new Client("postgres://notes@localhost/notes");
const ROOT = resolve("/srv/notes");
export const router = new Router();

router.get("/notes/by-tag", async (ctx) => {
  const tag = ctx.request.url.searchParams.get("tag") ?? "";
  // ruleid: js.sqli.string-query
  const rows = await client.queryObject(`SELECT id, title FROM notes WHERE tag = '${tag}'`);
  // ok: js.sqli.string-query
  const same = await client.queryObject("SELECT id, title FROM notes WHERE tag = $1", [tag]);
  // ok: js.sqli.string-query
  const bound = await client.queryObject`SELECT id, title FROM notes WHERE tag = ${tag}`;
  ctx.response.body = { rows: rows.rows, same: same.rows, bound: bound.rows };
});

router.get("/raw/:name", async (ctx) => {
  // ruleid: js.path-traversal.fs
  ctx.response.body = await Deno.readTextFile(join(ROOT, ctx.params.name));
});

router.get("/md/:name", async (ctx) => {
  const target = resolve(ROOT, ctx.params.name);
  if (!target.startsWith(ROOT + SEPARATOR)) ctx.throw(400, "invalid name");
  // ok: js.path-traversal.fs
  ctx.response.body = await Deno.readTextFile(target);
});

router.get("/view", (ctx) => {
  const hl = ctx.request.url.searchParams.get("hl") ?? "";
  ctx.response.type = "html";
  // ruleid: js.xss.server-response
  ctx.response.body = `<p class="hl">Matches for: ${hl}</p>`;
});

router.get("/done", (ctx) => {
  const next = ctx.request.url.searchParams.get("next") ?? "/";
  // ruleid: js.open-redirect.redirect
  ctx.response.redirect(next);
});

router.get("/back", (ctx) => {
  const next = ctx.request.url.searchParams.get("next") ?? "/";
  // ok: js.open-redirect.redirect
  ctx.response.redirect(next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
});

router.post("/export", async (ctx) => {
  const { input } = await ctx.request.body.json();
  // ruleid: js.cmdi.child-process
  await new Deno.Command("sh", { args: ["-c", `pandoc ${input} -o /tmp/out.pdf`] }).output();
  // ok: js.cmdi.child-process
  await new Deno.Command("pandoc", { args: ["--", input, "-o", "/tmp/out.pdf"] }).output();
  // ok: js.cmdi.child-process
  await new Deno.Command("sh", { args: ["-c", "pandoc --version"] }).output();
});
