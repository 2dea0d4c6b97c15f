// vigil-fixture-path: app/blog/[slug]/page.tsx
// A Next.js App Router page (https://nextjs.org/docs/app/api-reference/file-conventions/page): a server component
// whose props are the URL's dynamic segments (`params`) and query (`searchParams`); it may query the database itself.
import { db } from '@/lib/db';
import { readFile } from 'fs/promises';

export default async function BlogPost({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ q?: string }> }) {
  const { slug } = await params;
  // ruleid: js.sqli.string-query
  const post = await db.$queryRawUnsafe(`SELECT * FROM posts WHERE slug = '${slug}'`);
  const { q } = await searchParams;
  // ruleid: js.path-traversal.fs
  const note = await readFile('/srv/notes/' + q, 'utf8');
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: `<h1>${q}</h1>` }} data-post={JSON.stringify(post)} data-note={note} />;
}

export async function generateMetadata(props: { params: Promise<{ slug: string }> }) {
  const { slug } = await props.params;
  // ruleid: js.sqli.string-query
  const rows = await db.$queryRawUnsafe('SELECT title FROM posts WHERE slug = ' + `'${slug}'`);
  return { title: String(rows) };
}

export async function generateStaticParams() {
  // ok: js.sqli.string-query
  return db.$queryRawUnsafe('SELECT slug FROM posts');
}
