/**
 * Typed fields of Django forms and DRF serializers: `form.cleaned_data["year"]` of a form whose `year` is an
 * `IntegerField` is a number once validation passed. Incremental: retyping the field in the form class (another
 * statement than the view reading it) brings the view's finding back, and random edits equal a fresh scan.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Engine } from '../../server/src/engine/engine';
import { assertRandomEditsEqualFreshScan } from './random-edits';
import { taintTestEngine, TAINT_ONLY } from './taint-test-engine';

const settings = TAINT_ONLY;
let engine: Engine;
before(async () => ({ engine } = await taintTestEngine()));
after(() => engine.dispose());

const PATH = '/forms/views.py';
const TYPED = '    year = forms.IntegerField()\n';
const TEXT = '    year = forms.CharField()\n';

/** A form with a typed `year`, and `n` views reading it (every third: the `title` CharField). */
function file(n: number): string {
  const out = ['from django import forms', 'from django.db import connection', 'from django.http import HttpResponse', 'from django.views.generic import FormView', '', '', 'class Filter(forms.Form):', TYPED.trimEnd(), '    title = forms.CharField()', '', ''];
  for (let i = 0; i < n; i++) {
    const field = i % 3 === 2 ? 'title' : 'year';
    if (i % 2 === 0) out.push(`def view${i}(request):`, '    form = Filter(request.GET)', '    form.is_valid()', '    with connection.cursor() as cur:', `        cur.execute(f"SELECT * FROM b WHERE k = '{form.cleaned_data['${field}']}'")`, '    return HttpResponse("ok")', '', '');
    else out.push(`class View${i}(FormView):`, '    form_class = Filter', '', '    def form_valid(self, form):', '        data = form.cleaned_data', '        with connection.cursor() as cur:', `            cur.execute("SELECT * FROM b WHERE k = '%s'" % data.get("${field}"))`, '        return HttpResponse("ok")', '', '');
  }
  return out.join('\n');
}

describe('typed form fields: a validated IntegerField or ChoiceField holds no text', () => {
  it('reported for the CharField reads only (a bound form, a FormView form_valid); with year a CharField, for every view', () => {
    const text = file(6);
    const lines = text.split('\n');
    const at = (r: { findings: { range: { start: { line: number } } }[] }): string[] => r.findings.map((f) => lines[f.range.start.line]!.trim());
    assert.deepEqual(at(engine.scanText(PATH, 'python', text, settings)), [`cur.execute(f"SELECT * FROM b WHERE k = '{form.cleaned_data['title']}'")`, `cur.execute("SELECT * FROM b WHERE k = '%s'" % data.get("title"))`]);
    assert.equal(engine.scanText(PATH, 'python', text.replace(TYPED.trimEnd(), TEXT.trimEnd()), settings).findings.length, 6);
  });

  it('retyping the field in the form class re-analyses the views that read it, in the open document', () => {
    const text = file(6);
    const uri = `forms:${PATH}`;
    engine.open(uri, PATH, 'python', text, 1);
    try {
      assert.equal(engine.analyze(uri, settings).findings.length, 2);
      const line = text.split('\n').findIndex((l) => l.includes('IntegerField'));
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: TEXT }], 2);
      assert.equal(engine.analyze(uri, settings).findings.length, 6);
      engine.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: TYPED }], 3);
      assert.equal(engine.analyze(uri, settings).findings.length, 2);
    } finally {
      engine.close(uri);
    }
  });

  it('random edits (typed and text fields, characters, lines deleted) equal a fresh scan (property)', () => {
    assertRandomEditsEqualFreshScan(engine, { path: PATH, lang: 'python', base: file(5), inserts: { typed: TYPED, text: TEXT }, settings, runs: 40 });
  });
});
