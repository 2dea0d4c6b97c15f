// NestJS's built-in pipes convert a route's value or refuse the request
// (https://docs.nestjs.com/pipes#built-in-pipes): after ParseUUIDPipe, ParseIntPipe or ParseEnumPipe the parameter
// holds a UUID, a number or an enum's member, whatever type it is declared with. A pipe of the application's own,
// or none, leaves the client's text.
import { Controller, Get, Param, ParseEnumPipe, ParseIntPipe, ParseUUIDPipe, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TrimPipe } from './trim.pipe';

enum Currency {
  EUR = 'EUR',
  USD = 'USD',
}

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly ds: DataSource) {}

  @Get(':id')
  byId(@Param('id', ParseUUIDPipe) id: string) {
    // ok: js.sqli.string-query
    return this.ds.query("SELECT * FROM invoices WHERE id = '" + id + "'");
  }

  @Get('page/:n')
  page(@Param('n', new ParseIntPipe({ optional: true })) n: string) {
    // ok: js.sqli.string-query
    return this.ds.query('SELECT * FROM invoices LIMIT 20 OFFSET ' + n);
  }

  @Get('currency/:c')
  byCurrency(@Param('c', new ParseEnumPipe(Currency)) c: string) {
    // ok: js.sqli.string-query
    return this.ds.query("SELECT * FROM invoices WHERE currency = '" + c + "'");
  }

  @Get('customer/:name')
  byCustomer(@Param('name', TrimPipe) name: string) {
    // ruleid: js.sqli.string-query
    return this.ds.query("SELECT * FROM invoices WHERE customer = '" + name + "'");
  }

  @Get()
  search(@Query('q') q: string) {
    // ruleid: js.sqli.string-query
    return this.ds.query("SELECT * FROM invoices WHERE memo LIKE '%" + q + "%'");
  }
}
