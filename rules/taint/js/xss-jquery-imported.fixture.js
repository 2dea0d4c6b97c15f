// `$` imported from jQuery or a jQuery-compatible library (cash-dom, zepto) parses markup as jQuery does.
import $ from 'jquery';

function showTab() {
  // ruleid: js.xss.dom
  $(location.hash.slice(1)).show();
}

function fill() {
  // ruleid: js.xss.dom
  $('#list').append(location.search.slice(1));
  // ok: js.xss.dom
  $('#list').text(location.search.slice(1));
}
