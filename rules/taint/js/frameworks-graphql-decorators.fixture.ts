// Class-based GraphQL resolvers: NestJS (`@Args()`, https://docs.nestjs.com/graphql/resolvers) and TypeGraphQL
// (`@Arg()`, https://typegraphql.com/docs/resolvers.html): the decorated parameters are the operation's arguments.
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { exec } from 'child_process';
import { DataSource } from 'typeorm';

@Resolver()
export class ToolsResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => String)
  async user(@Args('name') name: string) {
    // ruleid: js.sqli.string-query
    return this.db.query(`SELECT * FROM users WHERE name = '${name}'`);
  }

  @Mutation(() => Boolean)
  ping(@Args('host') host: string) {
    // ruleid: js.cmdi.child-process
    exec('ping -c 1 ' + host);
    return true;
  }

  @Query(() => [String])
  async page(@Args('n', { type: () => Int }) n: number) {
    // ok: js.sqli.string-query
    return this.db.query('SELECT * FROM users LIMIT 10 OFFSET ' + n);
  }
}
