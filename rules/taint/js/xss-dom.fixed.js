// Browser code.
const params = new URLSearchParams(location.search);

function showGreeting() {
  const el = document.getElementById('greeting');
  // ruleid: js.xss.dom
  el.textContent = 'Hello ' + location.hash.slice(1);
  // ruleid: js.xss.dom
  document.write(String(decodeURIComponent(location.search)).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";"));
}

window.addEventListener('message', (event) => {
  // ruleid: js.xss.dom
  document.getElementById('out').insertAdjacentHTML('beforeend', String(event.data).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";"));
});

function safe() {
  const el = document.getElementById('greeting');
  // textContent does not parse HTML.
  // ok: js.xss.dom
  el.textContent = 'Hello ' + location.hash.slice(1);
  // ok: js.xss.dom
  el.innerHTML = DOMPurify.sanitize(location.hash);
  // ok: js.xss.dom
  el.innerHTML = '<b>static</b>';
}
