// Client-side router sources (React Router, Next.js client hooks) flowing into DOM XSS, open-redirect and eval
// sinks. Written from https://reactrouter.com/hooks and https://nextjs.org/docs/app/api-reference/functions.
import React, { useEffect, useRef } from 'react';
import DOMPurify from 'dompurify';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useSearchParams as useNextSearchParams, useParams as useNextParams } from 'next/navigation';
import { useRouter } from 'next/router';

const ALLOWED_TABS = ['home', 'settings'];

export function Profile() {
  const { name } = useParams();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // ruleid: js.xss.dom
    ref.current!.innerHTML = '<h1>' + name + '</h1>';
  }, [name]);
  return <div ref={ref} />;
}

export function Search() {
  const [searchParams] = useSearchParams();
  const q = searchParams.get('q');
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <p dangerouslySetInnerHTML={{ __html: 'Results for ' + q }} />;
}

export function Legacy() {
  const location = useLocation();
  // ruleid: js.xss.dom
  document.write('<base href="' + location.hash.slice(1) + '">');
  return null;
}

export function AfterLogin() {
  const [params] = useSearchParams();
  useEffect(() => {
    // ruleid: js.open-redirect.location
    window.location.href = params.get('returnTo')!;
  }, [params]);
  return null;
}

export function Calculator() {
  const params = useParams();
  // ruleid: js.code-injection.eval
  const value = eval(params.expr!);
  return <span>{value}</span>;
}

export function NextBanner() {
  const searchParams = useNextSearchParams();
  const msg = searchParams.get('msg') ?? '';
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: msg }} />;
}

export function NextSlug() {
  const { slug } = useNextParams();
  useEffect(() => {
    // ruleid: js.xss.dom
    document.getElementById('title')!.innerHTML = String(slug);
  }, [slug]);
  return null;
}

export function NextPagesRedirect() {
  const router = useRouter();
  useEffect(() => {
    const { next } = router.query;
    // ruleid: js.open-redirect.location
    window.location.assign(next as string);
  }, [router]);
  return null;
}

// React Router v5 class component: route props.
export class LegacyArticle extends React.Component<{ match: { params: { slug: string } }; location: { hash: string } }> {
  componentDidMount() {
    // ruleid: js.xss.dom
    document.getElementById('slug')!.innerHTML = this.props.match.params.slug;
    // ok: js.xss.dom
    document.getElementById('hash')!.textContent = this.props.location.hash;
  }
  render() {
    return null;
  }
}

// ---- negatives ----
export function SafeSearch() {
  const [searchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  // ok: js.xss.react-dangerously-set-inner-html
  const a = <p dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(q) }} />;
  // React escapes text children and attributes.
  // ok: js.xss.react-dangerously-set-inner-html
  const b = <p title={q}>{q}</p>;
  return <>{a}{b}</>;
}

export function SafeProfile() {
  const { name } = useParams();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // ok: js.xss.dom
    ref.current!.textContent = name ?? '';
    // ok: js.xss.dom
    ref.current!.innerHTML = '<h1>' + DOMPurify.sanitize(name ?? '') + '</h1>';
  }, [name]);
  return <div ref={ref} />;
}

export function SafeRedirect() {
  const [params] = useSearchParams();
  const to = params.get('returnTo') ?? '/';
  useEffect(() => {
    if (to.startsWith('/') && !to.startsWith('//') && !to.startsWith('/\\')) {
      // ok: js.open-redirect.location
      window.location.href = to;
    }
  }, [to]);
  return null;
}

export function Tabs() {
  const { tab } = useParams();
  useEffect(() => {
    if (tab && ALLOWED_TABS.includes(tab)) {
      // ok: js.xss.dom
      document.getElementById('tab')!.innerHTML = '<b>' + tab + '</b>';
    }
    const page = parseInt(new URLSearchParams(window.location.search).get('page') ?? '1', 10);
    // ok: js.xss.dom
    document.getElementById('page')!.innerHTML = '<i>' + page + '</i>';
  }, [tab]);
  return null;
}
