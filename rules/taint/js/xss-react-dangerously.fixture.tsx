// React's dangerouslySetInnerHTML in the forms React's docs show (an inline `{ __html }`, a markup object made
// first, a createMarkup() helper, React.createElement props), fed from the URL, router hooks, postMessage and
// the clipboard. See https://react.dev/reference/react-dom/components/common#dangerously-setting-the-inner-html.
import React, { useEffect, useState } from 'react';
import DOMPurify from 'dompurify';
import sanitizeHtml from 'sanitize-html';
import he from 'he';
import { marked } from 'marked';
import showdown from 'showdown';
import { useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useSearchParams as useNextSearchParams } from 'next/navigation';
import { useRouter } from 'next/router';

export function Flash() {
  const params = new URLSearchParams(window.location.search);
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div className="flash" dangerouslySetInnerHTML={{ __html: params.get('msg') ?? '' }} />;
}

export function Title() {
  const { slug } = useParams();
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <h1 dangerouslySetInnerHTML={{ __html: `<span>${slug}</span>` }} />;
}

export function HashNote() {
  // The markup object made before the element.
  // ruleid: js.xss.react-dangerously-set-inner-html
  const markup = { __html: decodeURIComponent(location.hash.substring(1)) };
  return <div dangerouslySetInnerHTML={markup} />;
}

// React's docs' own helper shape.
function createMarkup(html: string) {
  // ruleid: js.xss.react-dangerously-set-inner-html
  return { __html: html };
}
export function Comment() {
  const { search } = useLocation();
  return <div dangerouslySetInnerHTML={createMarkup(new URLSearchParams(search).get('c') ?? '')} />;
}

export function Created() {
  const [searchParams] = useSearchParams();
  // ruleid: js.xss.react-dangerously-set-inner-html
  return React.createElement('p', { dangerouslySetInnerHTML: { __html: 'Welcome ' + searchParams.get('name') } });
}

export function Referrer() {
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <small dangerouslySetInnerHTML={{ __html: 'From ' + document.referrer }} />;
}

export function Markdown() {
  const searchParams = useNextSearchParams();
  // Markdown turned into HTML keeps raw HTML in it (marked does not sanitise).
  const html = marked.parse(searchParams.get('md') ?? '');
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: html }} />;
}

export function Readme() {
  const converter = new showdown.Converter();
  const html = converter.makeHtml(decodeURIComponent(location.hash.slice(1)));
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <section dangerouslySetInnerHTML={{ __html: html }} />;
}

export function NextPagesBanner() {
  const router = useRouter();
  const { banner } = router.query;
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: String(banner) }} />;
}

export function WindowName() {
  const list = ['<li>', window.name, '</li>'].join('');
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <ul dangerouslySetInnerHTML={{ __html: list }} />;
}

export function Embedded() {
  useEffect(() => {
    window.addEventListener('message', (event: MessageEvent) => {
      // ruleid: js.xss.react-dangerously-set-inner-html
      const preview = <div dangerouslySetInnerHTML={{ __html: event.data.html }} />;
      console.log(preview);
    });
  }, []);
  return null;
}

export function PasteBox() {
  const onPaste = (e: React.ClipboardEvent) => {
    const pasted = e.clipboardData.getData('text/html');
    // ruleid: js.xss.react-dangerously-set-inner-html
    return <div dangerouslySetInnerHTML={{ __html: pasted }} />;
  };
  return <textarea onPaste={onPaste} />;
}

// Through component state: the setter's value is what the element renders.
export function MessageView() {
  const [html, setHtml] = useState('');
  useEffect(() => {
    const onMessage = (event: MessageEvent) => setHtml(event.data);
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);
  // The listener is registered by its name, so that the effect's cleanup can remove it.
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function InlineMessageView() {
  const [html, setHtml] = useState('');
  useEffect(() => {
    window.addEventListener('message', (event: MessageEvent) => setHtml(event.data.html));
  }, []);
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

// A setter called in an effect, through a helper defined in the component, or two callbacks down.
export function QueryView() {
  const [html, setHtml] = useState<string | null>();
  useEffect(() => {
    setHtml(new URLSearchParams(window.location.search).get('q'));
  }, []);
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html ?? '' }} />;
}

export function HashView() {
  const [html, setHtml] = React.useState('');
  const load = () => setHtml(decodeURIComponent(window.location.hash.slice(1)));
  useEffect(() => {
    load();
    window.onhashchange = () => load();
  }, []);
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function RouteView() {
  const { slug } = useParams();
  const [html, setHtml] = useState('');
  // The effect reads the component's own variable.
  useEffect(() => {
    setHtml(`<h1>${slug}</h1>`);
  }, [slug]);
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <section dangerouslySetInnerHTML={{ __html: html }} />;
}

export function InlineHandlerView() {
  const [html, setHtml] = useState('');
  // The render reads the state before the handler that sets it is written: not followed (one pass, in order).
  // todoruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} onClick={() => setHtml(location.hash)} />;
}

// State whose initial value is read from the URL renders it.
export function Preview() {
  const [html, setHtml] = useState(new URLSearchParams(window.location.search).get('preview'));
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div onClick={() => setHtml('')} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function NamespacePreview() {
  const [hash] = React.useState(window.location.hash.slice(1));
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: hash }} />;
}

// ---- negatives ----
export function ConstantState() {
  const [html] = useState('<b>Welcome</b>');
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function SanitizedSetter() {
  const [html, setHtml] = useState('');
  useEffect(() => {
    setHtml(DOMPurify.sanitize(window.location.hash.slice(1)));
  }, []);
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function TypedText() {
  const [html, setHtml] = useState('');
  // What the user types in their own page is theirs (self-XSS), not another site's input.
  // ok: js.xss.react-dangerously-set-inner-html
  return <div><textarea onChange={(e) => setHtml(e.target.value)} /><div dangerouslySetInnerHTML={{ __html: html }} /></div>;
}

export function OtherState() {
  const [html] = useState('<b>Hi</b>');
  const [query, setQuery] = useState('');
  useEffect(() => {
    setQuery(window.location.search);
  }, []);
  // Only the state the setter belongs to holds the value.
  // ok: js.xss.react-dangerously-set-inner-html
  return <div title={query} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function CountSetter() {
  const [count, setCount] = useState(0);
  useEffect(() => {
    setCount(Number(new URLSearchParams(window.location.search).get('n')));
  }, []);
  // ok: js.xss.react-dangerously-set-inner-html
  return <b dangerouslySetInnerHTML={{ __html: `&times; ${count}` }} />;
}

export function SanitizedState() {
  const [html] = useState(window.location.hash.slice(1));
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

export function SafeFlash() {
  const params = new URLSearchParams(window.location.search);
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(params.get('msg') ?? '') }} />;
}

export function SafeTitle() {
  const { slug } = useParams();
  // ok: js.xss.react-dangerously-set-inner-html
  const a = <h1 dangerouslySetInnerHTML={{ __html: sanitizeHtml(slug ?? '') }} />;
  // ok: js.xss.react-dangerously-set-inner-html
  const b = <h2 dangerouslySetInnerHTML={{ __html: '<span>' + he.encode(slug ?? '') + '</span>' }} />;
  // React escapes text children and attribute values.
  // ok: js.xss.react-dangerously-set-inner-html
  const c = <h3 title={slug}>{slug}</h3>;
  return <>{a}{b}{c}</>;
}

const LICENSE_HTML = '<p>MIT License</p>';
export function License() {
  // ok: js.xss.react-dangerously-set-inner-html
  return <footer dangerouslySetInnerHTML={{ __html: LICENSE_HTML }} />;
}

export function SafeMarkdown() {
  const searchParams = useNextSearchParams();
  // ok: js.xss.react-dangerously-set-inner-html
  return <article dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(searchParams.get('md') ?? '') as string) }} />;
}

export function Count() {
  const [searchParams] = useSearchParams();
  // ok: js.xss.react-dangerously-set-inner-html
  return <b dangerouslySetInnerHTML={{ __html: '&times; ' + Number(searchParams.get('n')) }} />;
}

const THEMES = ['light', 'dark'];
export function Theme() {
  const [searchParams] = useSearchParams();
  const theme = searchParams.get('theme') ?? 'light';
  if (!THEMES.includes(theme)) return null;
  // ok: js.xss.react-dangerously-set-inner-html
  return <style dangerouslySetInnerHTML={{ __html: `.app { color-scheme: ${theme}; }` }} />;
}

export function ShareLink() {
  // ok: js.xss.react-dangerously-set-inner-html
  return <p dangerouslySetInnerHTML={{ __html: '<a href="/share?u=' + encodeURIComponent(location.href) + '">Share</a>' }} />;
}

export function Length() {
  // ok: js.xss.react-dangerously-set-inner-html
  return <i dangerouslySetInnerHTML={{ __html: `${location.search.length} bytes` }} />;
}

export function PasteSafe() {
  const onPaste = (e: React.ClipboardEvent) => {
    // ok: js.xss.react-dangerously-set-inner-html
    return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(e.clipboardData.getData('text/html')) }} />;
  };
  return <textarea onPaste={onPaste} />;
}

export function StaticMarkup({ html }: { html: string }) {
  // A prop is the parent's value, not input this component reads.
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

function markupOf(text: string) {
  // ok: js.xss.react-dangerously-set-inner-html
  return { __html: he.escape(text) };
}
export function Escaped() {
  return <div dangerouslySetInnerHTML={markupOf(location.hash)} />;
}
