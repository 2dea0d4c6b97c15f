'use server';
// Next.js server actions (https://nextjs.org/docs/app/api-reference/directives/use-server): every export of a
// 'use server' module can be called by any client with arguments of its choosing, a form's FormData included.
import { exec } from 'child_process';
import { writeFile } from 'fs/promises';
import { db } from '@/lib/db';

export async function search(formData: FormData) {
  const q = formData.get('q');
  // ruleid: js.sqli.string-query
  return db.$queryRawUnsafe(`SELECT * FROM posts WHERE title LIKE '%${q}%'`);
}

export async function saveNote(name: string, text: string) {
  // ruleid: js.path-traversal.fs
  await writeFile('/srv/notes/' + name, text);
}

export async function resize(width: number) {
  // A number parameter is no text.
  // ok: js.cmdi.child-process
  exec('convert in.png -resize ' + width + ' out.png');
}

async function internal(cmd: string) {
  // Not exported: no client can call it.
  // ok: js.cmdi.child-process
  exec(cmd + ' --version');
}

export async function version() {
  return internal('node');
}
