const next = new URLSearchParams(location.search).get('next');

function afterLogin() {
  // ruleid: js.open-redirect.location
  location.href = (new URLSearchParams(location.search).get('next')).startsWith("/") && !(new URLSearchParams(location.search).get('next')).startsWith("//") && !(new URLSearchParams(location.search).get('next')).startsWith("/\\") ? (new URLSearchParams(location.search).get('next')) : "/";
  // ruleid: js.open-redirect.location
  window.location.assign(location.hash.slice(1).startsWith("/") && !location.hash.slice(1).startsWith("//") && !location.hash.slice(1).startsWith("/\\") ? location.hash.slice(1) : "/");
}

function safe() {
  // ok: js.open-redirect.location
  location.href = '/dashboard';
  const target = location.hash.slice(1);
  if (['/home', '/settings'].includes(target)) {
    // ok: js.open-redirect.location
    location.assign(target);
  }
}
