// Pasted and dropped content as DOM XSS input (issue 15, held out 3). What a paste or drop event carries is the
// markup or text another page or application put on the clipboard or in the drag (MDN: ClipboardEvent.clipboardData,
// DataTransfer.getData, Clipboard.readText): an editor that writes it into the page as HTML runs that page's script.
import DOMPurify from 'dompurify';

const editor = document.getElementById('editor');

editor.addEventListener('paste', (event) => {
  event.preventDefault();
  const html = event.clipboardData.getData('text/html');
  // ruleid: js.xss.dom
  editor.innerHTML = html;
});

function Editor(root) {
  this.root = root;
}

Editor.prototype.looksLikeHtml = function (text) {
  const tmp = document.createElement('div');
  // ruleid: js.xss.dom
  tmp.innerHTML = text;
  return tmp.children.length > 0;
};

Editor.prototype.onPaste = function (event) {
  const text = event.clipboardData.getData('text/plain');
  if (this.looksLikeHtml(text)) {
    // ok: js.xss.dom
    this.root.innerHTML = DOMPurify.sanitize(text);
  }
};

document.addEventListener('drop', (e) => {
  e.preventDefault();
  const dropped = e.dataTransfer.getData('text/html');
  // ruleid: js.xss.dom
  editor.insertAdjacentHTML('beforeend', dropped);
  // ok: js.xss.dom
  editor.textContent = e.dataTransfer.getData('text/plain');
});

async function pasteButton() {
  const text = await navigator.clipboard.readText();
  // ruleid: js.xss.dom
  document.getElementById('preview').innerHTML = '<p>' + text + '</p>';
  // ok: js.xss.dom
  document.getElementById('preview').innerHTML = '<p>' + DOMPurify.sanitize(text) + '</p>';
}

export { Editor, pasteButton };
