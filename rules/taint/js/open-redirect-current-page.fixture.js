// A target that starts with the current page's whole URL (location.href: scheme, host and at least "/") keeps this
// site whatever follows it; the origin alone does not ("https://site" + "@evil.example").
function goUp() {
  // ok: js.open-redirect.location
  window.location.href = window.location.href + '/../..';
}

function openRecent(pad) {
  const target = `${window.location.href}p/${location.hash.slice(1)}`;
  // ok: js.open-redirect.location
  window.location.href = target;
  // ok: js.open-redirect.location
  location.assign(document.location.href + '?tab=' + location.hash.slice(1));
}

function unsafe() {
  // ruleid: js.open-redirect.location
  location.href = window.location.origin + location.hash.slice(1);
  // The current URL after the input: the input still comes first.
  // ruleid: js.open-redirect.location
  window.location.href = location.hash.slice(1) + window.location.href;
  // ruleid: js.open-redirect.location
  window.location.href = `${location.hash.slice(1)}${location.href}`;
}

function literalFirst() {
  // ruleid: js.open-redirect.location
  window.location.href = `//${location.hash.slice(1)}${window.location.href}`;
  // ruleid: js.open-redirect.location
  location.replace(`${location.hash.slice(1)}`);
}
