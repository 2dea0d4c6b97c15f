// NestJS's Logger (an instance per class, or the static methods), and pino-http's per-request logger in Express.
import { Body, Controller, Headers, Logger, Post, Query } from '@nestjs/common';
import express from 'express';
import pinoHttp from 'pino-http';

@Controller('payments')
export class PaymentsController {
  private readonly logger = new Logger(PaymentsController.name);

  @Post()
  create(@Body() dto: { payee: string; memo: string; amount: number }) {
    // ruleid: js.log-injection.logger
    this.logger.log(`payment to ${dto.payee}: ${dto.memo}`);
    // A number cannot hold a line break.
    // ok: js.log-injection.logger
    this.logger.log('payment amount ' + dto.amount.toFixed(2));
    return { queued: true };
  }

  @Post('refund')
  refund(@Query('reason') reason: string, @Headers('x-request-id') requestId: string) {
    // ruleid: js.log-injection.logger
    Logger.warn('refund requested: ' + reason, 'Payments');
    // ok: js.log-injection.logger
    Logger.warn('refund requested: ' + JSON.stringify(reason), 'Payments');
    // ruleid: js.log-injection.logger
    this.logger.debug(`request id ${requestId}`);
    return { queued: true };
  }
}

const app = express();
app.use(pinoHttp());
app.get('/items', (req, res) => {
  // ruleid: js.log-injection.logger
  req.log.info('listing items for tag ' + req.query.tag);
  // ok: js.log-injection.logger
  req.log.info('listing items');
  res.json([]);
});
