// A Fetch API handler's own URL (`new URL(req.url)`): its origin is this site, whatever its query holds. A URL
// parsed from the query is the visitor's choice.
export default {
  async fetch(req: Request) {
    const url = new URL(req.url);
    const q = url.searchParams;
    const dest = new URL(q.get('next') ?? '/', url.origin);
    if (q.has('home')) {
      // ok: js.open-redirect.redirect
      return Response.redirect(`${url.origin}/home`, 302);
    }
    if (q.has('checked')) {
      if (dest.origin !== url.origin) return Response.redirect(new URL('/', req.url).origin, 302);
      // ok: js.open-redirect.redirect
      return Response.redirect(`${url.origin}${dest.pathname}${dest.search}`, 302);
    }
    if (q.has('appended')) {
      // "https://site" + "@evil.example" names another host.
      // ruleid: js.open-redirect.redirect
      return Response.redirect(`${url.origin}${q.get('next')}`, 302);
    }
    const other = new URL(q.get('to') ?? '/');
    // ruleid: js.open-redirect.redirect
    return Response.redirect(`${other.origin}/home`, 302);
  },
};
