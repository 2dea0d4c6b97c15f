// Client-side navigation from MDN's Location and Window.open pages: a URL from the address bar, the referrer or
// a message can send the visitor anywhere, and a javascript: URL runs script in the page.
function navigate() {
  const params = new URLSearchParams(window.location.search);
  // ruleid: js.open-redirect.location
  window.location.href = params.get('returnTo');
  // ruleid: js.open-redirect.location
  location.replace(decodeURIComponent(location.hash.substring(1)));
  // ruleid: js.open-redirect.location
  window.location = document.referrer;
  // ruleid: js.open-redirect.location
  window.open(new URL(location.href).searchParams.get('popup'));
  // ruleid: js.open-redirect.location
  document.location.href = window.name;
  // ruleid: js.open-redirect.location
  document.location = location.hash.slice(1);
  // ruleid: js.open-redirect.location
  location = new URLSearchParams(location.search).get('u');
  // ruleid: js.open-redirect.location
  window.location.replace(params.get('next'));
}

window.addEventListener('message', (event) => {
  // ruleid: js.open-redirect.location
  location.assign(event.data.url);
});

function quiet() {
  const next = new URLSearchParams(location.search).get('next');
  // ok: js.open-redirect.location
  location.href = '/login?next=' + encodeURIComponent(next);
  if (next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) {
    // ok: js.open-redirect.location
    location.assign(next);
  }
  // ok: js.open-redirect.location
  location.href = 'https://example.com/search?q=' + next;
  // ok: js.open-redirect.location
  window.open('/help');
  // ok: js.open-redirect.location
  document.location.href = '/home';
  // ok: js.open-redirect.location
  location.replace(location.pathname);
}
