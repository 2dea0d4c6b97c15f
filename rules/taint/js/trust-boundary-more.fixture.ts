// Trust boundary in NestJS controllers: the Express request through @Req(), and @Session().
import { Body, Controller, Get, Post, Query, Req, Session } from '@nestjs/common';
import type { Request } from 'express';
import { AuthService } from './auth.service';

const PLANS = new Set(['free', 'team']);

@Controller('account')
export class AccountController {
  constructor(private readonly auth: AuthService) {}

  @Post('switch')
  switchAccount(@Req() req: Request & { session: Record<string, unknown> }, @Body('accountId') accountId: string) {
    // ruleid: js.trust-boundary.session-from-request
    req.session.accountId = accountId;
    // ruleid: js.trust-boundary.session-from-request
    req.session['flags'] = req.body.flags;
    return { switched: true };
  }

  @Post('login')
  async login(@Req() req: Request & { session: Record<string, unknown> }, @Body() dto: { email: string; password: string }) {
    const user = await this.auth.validate(dto.email, dto.password);
    // ok: js.trust-boundary.session-from-request
    req.session.userId = user.id;
    return { id: user.id };
  }

  @Get('plan')
  plan(@Req() req: Request & { session: Record<string, unknown> }, @Query('plan') plan: string) {
    if (PLANS.has(plan)) {
      // ok: js.trust-boundary.session-from-request
      req.session.plan = plan;
    }
    return { plan };
  }

  @Post('theme')
  theme(@Session() session: Record<string, unknown>, @Body('theme') theme: string) {
    // A @Session() parameter is the session.
    // ruleid: js.trust-boundary.session-from-request
    session.theme = theme;
    return {};
  }

  @Post('visits')
  visits(@Session() session: Record<string, number>, @Body('theme') theme: string) {
    // ok: js.trust-boundary.session-from-request
    session.visits = (session.visits ?? 0) + 1;
    // ok: js.trust-boundary.session-from-request
    session.theme = theme === 'dark' ? 'dark' : 'light';
    return {};
  }
}
