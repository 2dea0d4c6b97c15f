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
