// A message listener registered by its name, as code that removes it later must do
// (https://developer.mozilla.org/en-US/docs/Web/API/EventTarget/removeEventListener): the named function's event
// parameter is the message, wherever the function is defined in the scope of the registration.

function onWidgetMessage(event) {
  // ruleid: js.xss.dom
  document.getElementById('widget').innerHTML = event.data.body;
}
window.addEventListener('message', onWidgetMessage);

const onNavigate = (e) => {
  // ruleid: js.open-redirect.location
  window.location.assign(e.data.next);
};
window.addEventListener('message', onNavigate, false);

function mountFrame(frame) {
  const receive = (msg) => {
    // ruleid: js.xss.dom
    frame.insertAdjacentHTML('beforeend', msg.data);
  };
  window.addEventListener('message', receive);
  return () => window.removeEventListener('message', receive);
}

function mountPanel(panel) {
  // The same name in another function, never registered there: its parameter is no message.
  const receive = (msg) => {
    // ok: js.xss.dom
    panel.innerHTML = msg.data;
  };
  panel.addEventListener('click', receive);
}

// Registered for another event, or with the page's own service worker.
function onClick(event) {
  // ok: js.xss.dom
  document.getElementById('out').innerHTML = event.data;
}
document.addEventListener('click', onClick);

function onWorkerMessage(event) {
  // ok: js.open-redirect.location
  window.location.href = event.data.url;
}
navigator.serviceWorker.addEventListener('message', onWorkerMessage);

function onSafeMessage(event) {
  // ok: js.xss.dom
  document.getElementById('w').textContent = event.data;
}
window.addEventListener('message', onSafeMessage);
