// ldapts (promise API) in a NestJS controller and a Next.js route handler.
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { Client, EqualityFilter, AndFilter } from 'ldapts';

const BASE_DN = 'ou=staff,dc=example,dc=org';

@Controller('people')
export class PeopleController {
  private readonly client = new Client({ url: 'ldaps://ldap.example.org' });

  @Get()
  async search(@Query('name') name: string) {
    // ruleid: js.ldapi.search-filter
    const { searchEntries } = await this.client.search(BASE_DN, { scope: 'sub', filter: `(displayName=*${name}*)` });
    return searchEntries;
  }

  @Post('login')
  async login(@Body() body: { user: string; password: string }) {
    const filter = '(&(objectClass=person)(uid=' + body.user + '))';
    // ruleid: js.ldapi.search-filter
    const { searchEntries } = await this.client.search(BASE_DN, { filter });
    return searchEntries.length === 1;
  }

  @Get('unit')
  async unit(@Query('ou') ou: string) {
    // The base DN picks the subtree.
    // ruleid: js.ldapi.search-filter
    return this.client.search(`ou=${ou},${BASE_DN}`, { filter: '(objectClass=person)' });
  }

  @Get('safe')
  async safe(@Query('name') name: string, @Query('limit') limit: number) {
    // ldapts filter objects escape their values.
    // ok: js.ldapi.search-filter
    const a = await this.client.search(BASE_DN, { filter: new EqualityFilter({ attribute: 'uid', value: name }) });
    // ok: js.ldapi.search-filter
    const b = await this.client.search(BASE_DN, {
      filter: new AndFilter({ filters: [new EqualityFilter({ attribute: 'objectClass', value: 'person' }), new EqualityFilter({ attribute: 'cn', value: name })] }),
    });
    // A number-typed query parameter only sets the size limit.
    // ok: js.ldapi.search-filter
    const c = await this.client.search(BASE_DN, { filter: '(objectClass=person)', sizeLimit: limit });
    return [a, b, c];
  }
}

export async function GET(request: Request) {
  const mail = new URL(request.url).searchParams.get('mail');
  const client = new Client({ url: 'ldaps://ldap.example.org' });
  // ruleid: js.ldapi.search-filter
  const res = await client.search(BASE_DN, { filter: `(mail=${mail})` });
  return Response.json(res.searchEntries);
}
