// A NestJS controller with TypeORM and Mongoose both injected: a field named as a model or collection (the
// `@InjectModel(Cat.name) private catModel: Model<Cat>` of Nest's documentation) is MongoDB's.
import { Body, Controller, Post } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { InjectRepository } from '@nestjs/typeorm';
import { Model } from 'mongoose';
import { Repository } from 'typeorm';
import { Account } from './account.entity';
import { Cat, CatDocument } from './cat.schema';

@Controller('cats')
export class CatsController {
  constructor(
    @InjectModel(Cat.name) private readonly catModel: Model<CatDocument>,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    @InjectModel('Owner') private readonly owners: Model<unknown>,
  ) {}

  @Post('find')
  find(@Body() body: any) {
    // ruleid: js.nosqli.query-object
    return this.catModel.find({ name: body.name, active: true }).lean();
  }

  @Post('owners')
  owner(@Body() body: any) {
    // A model field named otherwise: its type is not read.
    // todoruleid: js.nosqli.query-object
    return this.owners.findOne({ email: body.email });
  }

  @Post('accounts')
  account(@Body() body: any) {
    // ok: js.nosqli.query-object
    return this.accounts.findOne({ where: { email: body.email } });
  }

  @Post('cast')
  cast(@Body() body: any) {
    // ok: js.nosqli.query-object
    return this.catModel.find({ name: String(body.name) });
  }
}
