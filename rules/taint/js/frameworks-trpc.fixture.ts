// tRPC procedures (https://trpc.io/docs/server/procedures): `input` is what the client sent, parsed by the
// procedure's schema; a `z.string()` is any string. `ctx` is what the server's context function made.
import { z } from 'zod';
import { exec } from 'child_process';
import { readFile } from 'fs/promises';
import { protectedProcedure, publicProcedure, router } from '../trpc';
import { prisma } from '../db';

export const appRouter = router({
  ping: publicProcedure.input(z.object({ host: z.string() })).mutation(({ input }) => {
    // ruleid: js.cmdi.child-process
    exec('ping -c 1 ' + input.host);
    return true;
  }),
  byName: publicProcedure.input(z.string()).query(async (opts) => {
    // ruleid: js.sqli.string-query
    return prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE name = '${opts.input}'`);
  }),
  doc: protectedProcedure
    .input(z.object({ path: z.string() }))
    .output(z.string())
    .query(async ({ input, ctx }) => {
      // ruleid: js.path-traversal.fs
      return readFile(`/srv/docs/${ctx.session.user.id}/${input.path}`, 'utf8');
    }),
  me: protectedProcedure.input(z.object({})).query(({ ctx }) => {
    // ok: js.sqli.string-query
    return prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE id = '${ctx.session.user.id}'`);
  }),
  page: publicProcedure.input(z.object({ n: z.number() })).query(({ input }) => {
    // ok: js.sqli.string-query
    return prisma.$queryRawUnsafe('SELECT * FROM "Post" LIMIT 10 OFFSET ' + Number(input.n) * 10);
  }),
});
