// cash-dom's `$` is jQuery-compatible: a string starting with `<` is parsed as markup, inserters take HTML.
import $ from 'cash-dom';

function fill() {
  // ruleid: js.xss.dom
  $('#list').append(location.search.slice(1));
}
