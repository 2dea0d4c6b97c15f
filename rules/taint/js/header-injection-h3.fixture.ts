// h3 / Nuxt server routes set headers through the event.
import { defineEventHandler, getQuery, setHeader, setResponseHeader } from 'h3';

export default defineEventHandler(async (event) => {
  const { name } = getQuery(event);
  // ruleid: js.header-injection.content-disposition
  setHeader(event, 'Content-Disposition', `attachment; filename="${name}"`);
  // ruleid: js.header-injection.content-disposition
  setResponseHeader(event, 'Content-Disposition', 'attachment; filename=' + name);
  // ok: js.header-injection.content-disposition
  setHeader(event, 'Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(String(name))}`);
  // ok: js.header-injection.content-disposition
  setHeader(event, 'Cache-Control', String(name));
  return 'ok';
});
