// DOM XSS sources and sinks, from MDN (Location, Document.referrer, Window.name, Window: message event,
// Element.innerHTML security considerations) and the jQuery API (.html(), jQuery(html), .append()).
import $ from 'jquery';
import DOMPurify from 'dompurify';

const out = document.getElementById('out');

function fromUrl() {
  // ruleid: js.xss.dom
  out.innerHTML = '<h1>' + decodeURIComponent(location.search.slice(1)) + '</h1>';
  // ruleid: js.xss.dom
  out.outerHTML = `<div>${window.location.hash.substring(1)}</div>`;
  // ruleid: js.xss.dom
  document.writeln('<a href="' + document.URL + '">again</a>');
  // ruleid: js.xss.dom
  out.insertAdjacentHTML('afterbegin', document.referrer);
  // ruleid: js.xss.dom
  out.innerHTML += window.name;
  const q = new URLSearchParams(location.search).get('q');
  // ruleid: js.xss.dom
  out.innerHTML = 'Results for ' + q;
  const url = new URL(location.href);
  // ruleid: js.xss.dom
  document.write(url.searchParams.get('ref'));
}

function jquery() {
  const name = location.hash.slice(1);
  // ruleid: js.xss.dom
  $('#greeting').html('Hi ' + name);
  // ruleid: js.xss.dom
  $('<div class="note">' + name + '</div>').appendTo('body');
  // ruleid: js.xss.dom
  $('#list').append('<li>' + name + '</li>');
  // ruleid: js.xss.dom
  $('#list').prepend(`<li>${name}</li>`);
  // ruleid: js.xss.dom
  $('#item').after('<span>' + name + '</span>');
  // ruleid: js.xss.dom
  $('#item').replaceWith('<p>' + name + '</p>');
  // text() sets text, not markup.
  // ok: js.xss.dom
  $('#greeting').text('Hi ' + name);
  // ok: js.xss.dom
  $('#greeting').html(DOMPurify.sanitize(name));
  // ok: js.xss.dom
  $('#list').append($('<li>').text(name));
}

window.addEventListener('message', (e) => {
  // ruleid: js.xss.dom
  out.innerHTML = e.data.html;
  // ok: js.xss.dom
  out.textContent = e.data.text;
});

async function notMessages() {
  const resp = await fetch('/api/profile');
  const body = await resp.json();
  // A fetched body's .data is not a postMessage payload.
  // ok: js.xss.dom
  out.innerHTML = body.data;
  const dataset = { data: 'x' };
  // ok: js.xss.dom
  out.innerHTML = dataset.data;
}

function quiet() {
  const v = location.hash.slice(1);
  // ok: js.xss.dom
  out.textContent = v;
  // ok: js.xss.dom
  out.innerText = 'Hello ' + v;
  // ok: js.xss.dom
  out.innerHTML = DOMPurify.sanitize(v);
  // ok: js.xss.dom
  out.innerHTML = '<a href="/search?q=' + encodeURIComponent(v) + '">search</a>';
  // ok: js.xss.dom
  out.setAttribute('data-q', v);
  // ok: js.xss.dom
  document.title = v;
  // ok: js.xss.dom
  out.innerHTML = '<b>' + Number(v) + '</b>';
  // ok: js.xss.dom
  out.innerHTML = `<p>${escapeHtml(v)}</p>`;
}
