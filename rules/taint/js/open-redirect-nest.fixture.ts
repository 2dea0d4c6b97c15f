// NestJS: a handler decorated @Redirect() redirects to the URL of the object it returns, when it returns one
// (https://docs.nestjs.com/controllers#redirection).
import { Controller, Get, Query, Redirect } from '@nestjs/common';

const ALLOWED = new Set(['/home', '/settings']);

@Controller('auth')
export class AuthController {
  @Get('return')
  @Redirect('/home', 302)
  back(@Query('returnTo') returnTo?: string) {
    if (returnTo) {
      // ruleid: js.open-redirect.redirect
      return { url: returnTo };
    }
  }

  @Get('docs')
  @Redirect('https://docs.nestjs.com', 302)
  // A comment between the decorators and the method.
  docs(@Query('version') version: string) {
    // ruleid: js.open-redirect.redirect
    return { url: `https://${version}`, statusCode: 301 };
  }

  // ---- negatives ----

  @Get('safe')
  @Redirect('/home')
  safe(@Query('to') to: string) {
    if (ALLOWED.has(to)) {
      // ok: js.open-redirect.redirect
      return { url: to };
    }
  }

  @Get('version')
  @Redirect('https://docs.nestjs.com', 302)
  version(@Query('v') v: string) {
    if (v === '5') {
      // ok: js.open-redirect.redirect
      return { url: 'https://docs.nestjs.com/v5/' };
    }
  }

  @Get('data')
  data(@Query('q') q: string) {
    // Not a redirecting handler: a JSON body.
    // ok: js.open-redirect.redirect
    return { url: q };
  }
}
