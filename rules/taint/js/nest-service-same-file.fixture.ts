// A controller delegating to a service of the same file whose method has the controller's method's name:
// `this.orders.byStatus(s)` is the other class's byStatus, not a call of itself.
import { Controller, Get, Injectable, Param, Query } from '@nestjs/common';
import { Sequelize } from 'sequelize-typescript';
import { Connection } from 'mongoose';

@Injectable()
export class OrdersService {
  constructor(private readonly sequelize: Sequelize, private readonly mongo: Connection) {}

  async byStatus(status: string) {
    const sql = `SELECT id, total FROM orders WHERE status = '${status}' ORDER BY created_at DESC`;
    // ruleid: js.sqli.string-query
    return this.sequelize.query(sql);
  }

  async byOwner(owner: string) {
    const orders = this.mongo.collection('orders');
    // ruleid: js.code-injection.mongodb-js
    return orders.find({ $where: `this.owner === '${owner}'` }).limit(100).toArray();
  }

  async byCustomer(customerId: string) {
    // ok: js.sqli.string-query
    return this.sequelize.query('SELECT id FROM orders WHERE customer_id = :customerId', { replacements: { customerId } });
  }
}

@Controller('orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get('status/:status')
  byStatus(@Param('status') status: string) {
    return this.orders.byStatus(status);
  }

  @Get('by-owner')
  byOwner(@Query('owner') owner: string) {
    return this.orders.byOwner(owner);
  }

  @Get('customer/:id')
  byCustomer(@Param('id') id: string) {
    return this.orders.byCustomer(id);
  }
}
