// jQuery's `$(string)` treats a string as markup only when it starts with `<` (jQuery >= 1.9; since 1.6.3 never
// after a `#`). `location.hash` is empty or starts with `#`, so `$(location.hash)` is a selector lookup; once the
// `#` is cut off (`slice(1)`, `substring(1)`, `replace('#', '')`) the rest can be markup.
/* global $ */

function openSection() {
  // ok: js.xss.dom
  $(location.hash).addClass('open');
}

function openFromWindow() {
  const hash = window.location.hash;
  if (hash) {
    // ok: js.xss.dom
    $(hash).show();
  }
}

function openCut() {
  const name = location.hash.slice(1);
  // ruleid: js.xss.dom
  $(name).show();
}

function openCutInPlace() {
  // ruleid: js.xss.dom
  $(window.location.hash.substring(1)).show();
}

function openReassigned() {
  let hash = window.location.hash;
  hash = hash.replace('#', '');
  // ruleid: js.xss.dom
  $(hash).show();
}

openSection();
openFromWindow();
openCut();
openCutInPlace();
openReassigned();
