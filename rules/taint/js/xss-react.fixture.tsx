import React from 'react';
import DOMPurify from 'dompurify';

export function Preview() {
  const html = window.location.hash.slice(1);
  // ruleid: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

export function SafePreview() {
  const html = window.location.hash.slice(1);
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
}

export function Text() {
  // React escapes text children.
  // ok: js.xss.react-dangerously-set-inner-html
  return <div>{window.location.hash}</div>;
}

export function Constant() {
  // ok: js.xss.react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: '<b>hi</b>' }} />;
}
