// Template injection through the view engines' own compilers: hbs and express-handlebars hold a Handlebars
// instance; AdonisJS's Edge renders a template given as a string.
import express from 'express';
import hbs from 'hbs';
import edge from 'edge.js';
import type { HttpContext } from '@adonisjs/core/http';

const router = express.Router();

router.post('/cards/preview', (req, res) => {
  const { layout, card } = req.body;
  // ruleid: js.ssti.template-compile
  const render = hbs.handlebars.compile(layout);
  res.type('text').send(render(card));
});

router.post('/cards/fixed', (req, res) => {
  // ok: js.ssti.template-compile
  const render = hbs.handlebars.compile('{{title}}: {{body}}');
  res.type('text').send(render(req.body.card));
});

export default class GreetingsController {
  async preview({ request }: HttpContext) {
    // ruleid: js.ssti.template-compile
    return edge.renderRaw(request.input('source'), { name: request.input('name') });
  }

  async show({ request, view }: HttpContext) {
    // ok: js.ssti.template-compile
    return edge.renderRaw('<p>Hello {{ name }}</p>', { name: request.input('name') });
  }
}

export { router };
