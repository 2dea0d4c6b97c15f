// A query string parsed by a library keeps the URL's values: qs, querystringify, query-string and node's
// querystring return an object of the query's parameters (their READMEs; https://nodejs.org/api/querystring.html).
// Issue 15, held out 3: a login page sending the browser to `?next=` after parsing it with querystringify.
import React from 'react';
import qs from 'querystringify';
import queryString from 'query-string';
import * as Qs from 'qs';
import querystring from 'querystring';

export class Login extends React.Component {
  afterLogin() {
    const nextUrl = qs.parse(this.props.location.search).next || '/';
    // ruleid: js.open-redirect.location
    window.location = nextUrl;
  }

  afterLoginChecked() {
    const nextUrl = qs.parse(this.props.location.search).next;
    if (/^\/[A-Za-z0-9/-]*$/.test(nextUrl)) {
      // ok: js.open-redirect.location
      window.location = nextUrl;
    }
  }

  render() {
    return null;
  }
}

export function banner() {
  const { msg } = queryString.parse(window.location.search);
  // ruleid: js.xss.dom
  document.getElementById('banner').innerHTML = msg;
  const params = Qs.parse(location.search, { ignoreQueryPrefix: true });
  // ruleid: js.xss.dom
  document.getElementById('title').innerHTML = '<h1>' + params.title + '</h1>';
  const old = querystring.parse(location.search.slice(1));
  // ruleid: js.code-injection.eval
  eval(old.expr);
  // ok: js.xss.dom
  document.getElementById('count').innerHTML = String(Object.keys(queryString.parse('a=1&b=2')).length);
}
