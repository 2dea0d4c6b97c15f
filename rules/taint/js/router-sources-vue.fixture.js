// Vue Router sources (https://router.vuejs.org/api/): `this.$route` in options components and `useRoute()` in
// setup, flowing into DOM XSS, open-redirect and eval sinks. (`v-html` lives in templates, which are not scanned.)
import { useRoute } from 'vue-router';
import DOMPurify from 'dompurify';

const ALLOWED_SECTIONS = ['news', 'blog'];

export const Options = {
  mounted() {
    // ruleid: js.xss.dom
    this.$el.querySelector('.msg').innerHTML = this.$route.query.msg;
    // ruleid: js.xss.dom
    document.write(this.$route.hash);
  },
  methods: {
    back() {
      // ruleid: js.open-redirect.location
      window.location.href = this.$route.query.redirect;
    },
    // ok: js.xss.dom
    title() { this.$el.querySelector('h1').textContent = this.$route.params.id; },
    safe() {
      // ok: js.xss.dom
      this.$el.querySelector('.msg').innerHTML = DOMPurify.sanitize(this.$route.query.msg);
    },
  },
};

export function setup() {
  const route = useRoute();
  // ruleid: js.xss.dom
  document.getElementById('crumb').innerHTML = route.params.section + ' / ' + route.params.page;
  const { query } = useRoute();
  // ruleid: js.code-injection.eval
  setTimeout('render(' + query.n + ')', 10);
  // ruleid: js.xss.dom
  document.getElementById('path').insertAdjacentHTML('beforeend', route.fullPath);
  // ok: js.xss.dom
  document.getElementById('path').textContent = route.fullPath;
  const section = route.params.section;
  if (ALLOWED_SECTIONS.includes(section)) {
    // ok: js.xss.dom
    document.getElementById('crumb').innerHTML = '<b>' + section + '</b>';
  }
  // ok: js.open-redirect.location
  window.location.href = '/search?q=' + encodeURIComponent(route.query.q);
  return {};
}
