// A server action declared inside a server component: the directive starts the function's body.
import { db } from '@/lib/db';

export default function NewPost() {
  async function create(formData: FormData) {
    'use server';
    // ruleid: js.sqli.string-query
    await db.$executeRawUnsafe(`INSERT INTO posts (title) VALUES ('${formData.get('title')}')`);
  }
  function preview(title: string) {
    // No directive: a plain function of the component.
    // ok: js.sqli.string-query
    return db.$queryRawUnsafe(`SELECT * FROM drafts WHERE title = '${title}'`);
  }
  return <form action={create}><input name="title" onChange={(e) => preview(e.target.value)} /></form>;
}
