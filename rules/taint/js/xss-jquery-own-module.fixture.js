// A `$` imported from the project's own module is that module's helper (here a querySelector wrapper), not jQuery:
// jQuery's markup-parsing `$(html)` and inserters do not apply to it. The DOM's own sinks still do.
import $ from './dom';

function showTab() {
  const id = location.hash.slice(1);
  // ok: js.xss.dom
  $(id).classList.add('open');
}

function fillList(list) {
  // ok: js.xss.dom
  $('#list').append(location.search.slice(1));
  // ruleid: js.xss.dom
  $('#list').innerHTML = location.search.slice(1);
  list.push(1);
}
