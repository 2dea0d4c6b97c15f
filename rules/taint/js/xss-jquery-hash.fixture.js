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

// A string or template starting with written text other than `<` is a selector (jQuery >= 1.9).
function selectTab() {
  const targetHash = window.location.hash || '';
  // ok: js.xss.dom
  $(`.nav-pills button[data-bs-target="${targetHash}"]`).trigger('click');
  // ok: js.xss.dom
  const scrollTo = $(`${window.location.hash}`);
  // ok: js.xss.dom
  $('#' + location.hash.slice(1)).show();
  const sel = '.item-' + location.hash.slice(1);
  // ok: js.xss.dom
  $(sel).show();
  // ruleid: js.xss.dom
  $('<div>' + location.hash.slice(1) + '</div>').appendTo('body');
  // ruleid: js.xss.dom
  $(` <b>${location.hash.slice(1)}</b>`).appendTo('body');
  // ruleid: js.xss.dom
  $(`${location.hash.slice(1)}`).appendTo('body');
  return scrollTo;
}

selectTab();

// The hash with a written selector after it (isso's embed.js): "#..." or, if empty, the written text: no `<`.
function markTarget() {
  // ok: js.xss.dom
  $(window.location.hash + ' > .isso-text-wrapper').addClass('isso-target');
}

function markTargetDouble() {
  // ok: js.xss.dom
  $(location.hash + " .comment").show();
}

function markupAfterHash() {
  // An empty hash leaves the written text, which here is markup.
  // ruleid: js.xss.dom
  $(location.hash + '<img src=x onerror=alert(1)>').show();
}

function inputAfterHash() {
  // ruleid: js.xss.dom
  $(location.hash + location.search.slice(1)).show();
}
