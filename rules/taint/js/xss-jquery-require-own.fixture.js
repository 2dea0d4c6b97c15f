// `$` required from the project's own module is not jQuery; `jQuery`, the page's global, still is.
const $ = require('./query');

function select() {
  // ok: js.xss.dom
  return $(location.hash.slice(1));
}

function insert(el) {
  // ok: js.xss.dom
  $(el).after(document.referrer);
  // ruleid: js.xss.dom
  jQuery(el).after(document.referrer);
}

module.exports = { select, insert };
