// vigil-fixture-path: app/login/done/page.tsx
// A page that sends the visitor on to the `next` of its query: any site, unless it is checked to be a path here.
import { redirect } from 'next/navigation';

export default async function Done({ searchParams }: { searchParams: Promise<{ next?: string; tab?: string }> }) {
  const { next, tab } = await searchParams;
  if (tab) {
    // ok: js.open-redirect.redirect
    redirect('/account?tab=' + encodeURIComponent(tab));
  }
  // ruleid: js.open-redirect.redirect
  redirect(next ?? '/');
}
