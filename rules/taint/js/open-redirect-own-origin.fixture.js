// A URL checked against the page's own origin before the browser goes there (or a fallback chosen otherwise).
const params = new URLSearchParams(window.location.search);

function continueSafely() {
  const target = new URL(params.get('return') || '/', window.location.origin);
  // ok: js.open-redirect.location
  window.location.assign(target.origin === window.location.origin ? target.href : '/');
}

function continueChecked() {
  const target = new URL(params.get('next') || '/', location.origin);
  if (target.origin !== location.origin) return;
  // ok: js.open-redirect.location
  location.href = target.href;
}

function continueIfSameHost() {
  const target = new URL(params.get('to') || '/', location.href);
  if (target.host === location.host) {
    // ok: js.open-redirect.location
    location.href = target.href;
  }
}

function continueUnchecked() {
  const target = new URL(params.get('return') || '/', window.location.origin);
  // ruleid: js.open-redirect.location
  window.location.assign(target.href);
}

function continueWrongCheck() {
  const target = new URL(params.get('return') || '/', window.location.origin);
  // The protocol says nothing of the host.
  // ruleid: js.open-redirect.location
  window.location.assign(target.protocol === location.protocol ? target.href : '/');
}
