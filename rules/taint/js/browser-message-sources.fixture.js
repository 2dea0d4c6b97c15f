// A message event's .data is what another window or worker posted; other objects' .data fields are not.

window.addEventListener('message', function (msg) {
  // ruleid: js.xss.dom
  document.getElementById('note').innerHTML = msg.data.note;
});

self.addEventListener('message', (ev) => {
  // ruleid: js.open-redirect.location
  window.location = ev.data;
});

function loadTeam() {
  CTFd.fetch('/api/v1/teams', { method: 'POST' })
    .then(function (response) { return response.json(); })
    .then(function (response) {
      // The app's own API answered: a callback parameter named like a response is not a message event.
      // ok: js.open-redirect.location
      window.location = '/admin/teams/' + response.data.id;
      // ok: js.xss.dom
      $('#team').html(response.data.name);
    });
}

function render(result) {
  // ok: js.xss.dom
  document.getElementById('out').innerHTML = result.data;
}

// The page's own service worker posts to `navigator.serviceWorker`: a same-origin script it registered.
navigator.serviceWorker.addEventListener('message', (event) => {
  const { url } = event.data;
  // ok: js.open-redirect.location
  window.location.href = url;
});

window.navigator.serviceWorker.addEventListener('message', (event) => {
  // ok: js.open-redirect.location
  window.location.href = event.data.url;
});

// A dedicated worker's port or another window still sends what it likes.
window.addEventListener('message', (event) => {
  // ruleid: js.open-redirect.location
  window.location.href = event.data.url;
});
