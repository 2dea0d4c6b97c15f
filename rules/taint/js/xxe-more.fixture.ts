// XXE in TypeScript services: ES imports of libxmljs / libxmljs2, NestJS bodies, Next.js route handlers.
import { Body, Controller, Headers, Post } from '@nestjs/common';
import { NextRequest, NextResponse } from 'next/server';
import * as libxml from 'libxmljs';
import { parseXml as parse } from 'libxmljs2';

const ENTITY_OPTIONS = { noent: true, nonet: false };
const SAFE_OPTIONS = { nonet: true };
let CHANGING = { noent: true };
CHANGING = { nonet: true };

@Controller('catalog')
export class CatalogController {
  @Post('import')
  importCatalog(@Body('xml') body: string, @Headers('x-batch') batch: string) {
    // ruleid: js.xxe.libxmljs-noent
    const doc = libxml.parseXmlString(body, { noent: true });
    // ruleid: js.xxe.libxmljs-noent
    const manifest = parse(`<batch id="${batch}"/>`, { noent: true });
    return { items: doc.find('//item').length, batch: manifest.root().name() };
  }

  @Post('options')
  withOptions(@Body() payload: { xml: string }) {
    // The options object is a module constant: it matches as if written in place.
    // ruleid: js.xxe.libxmljs-noent
    return libxml.parseXml(payload.xml, ENTITY_OPTIONS).root().name();
  }

  @Post('options-ok')
  withSafeOptions(@Body() payload: { xml: string }, ENTITY_OPTIONS: object) {
    // ok: js.xxe.libxmljs-noent
    libxml.parseXml(payload.xml, SAFE_OPTIONS);
    // A name assigned twice at the top level is no constant.
    // ok: js.xxe.libxmljs-noent
    libxml.parseXml(payload.xml, CHANGING);
    // A parameter hides the module's name.
    // ok: js.xxe.libxmljs-noent
    return libxml.parseXml(payload.xml, ENTITY_OPTIONS).root().name();
  }

  @Post('safe')
  safe(@Body('xml') body: string) {
    // ok: js.xxe.libxmljs-noent
    return libxml.parseXmlString(body, { nonet: true }).root().name();
  }
}

// app/api/xml/route.ts
export async function POST(request: NextRequest) {
  const text = await request.text();
  // ruleid: js.xxe.libxmljs-noent
  const doc = parse(text, { noent: true, dtdload: true });
  // ok: js.xxe.libxmljs-noent
  const plain = parse(text);
  return NextResponse.json({ root: doc.root().name(), plain: plain.root().name() });
}
