// Browser code.
const params = new URLSearchParams(location.search);

function showGreeting() {
  const el = document.getElementById('greeting');
  // ruleid: js.xss.dom
  el.innerHTML = 'Hello ' + location.hash.slice(1);
  // ruleid: js.xss.dom
  document.write(decodeURIComponent(location.search));
}

window.addEventListener('message', (event) => {
  // ruleid: js.xss.dom
  document.getElementById('out').insertAdjacentHTML('beforeend', event.data);
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
