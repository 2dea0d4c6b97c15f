// vigil-fixture-path: components/post-card.tsx
// A component outside the app router's page files: its props are its parent's values, not the URL.
import { db } from '@/lib/db';

export default async function PostCard({ params }: { params: { slug: string } }) {
  // ok: js.sqli.string-query
  const post = await db.$queryRawUnsafe(`SELECT * FROM posts WHERE slug = '${params.slug}'`);
  return <div>{JSON.stringify(post)}</div>;
}
