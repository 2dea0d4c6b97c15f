// NestJS DTOs checked by class-validator (ValidationPipe): a field decorated @IsInt(), @IsIn([...]), @IsUUID() or
// matched against an anchored pattern holds no free text; an @IsString() field is any text the client chose.
import { Body, Controller, Get, Injectable, Query } from '@nestjs/common';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { Type } from 'class-transformer';
import { DataSource } from 'typeorm';

export class ListUsersDto {
  @IsIn(['admin', 'staff', 'guest'])
  role: string;

  @Type(() => Number)
  @IsInt()
  page: number;

  @IsUUID()
  team: string;

  @Matches(/^[a-z0-9_]+$/)
  sort: string;

  @IsOptional()
  @IsString()
  @MaxLength(40)
  search?: string;
}

@Injectable()
export class UsersService {
  constructor(private readonly db: DataSource) {}

  list(dto: ListUsersDto) {
    // ok: js.sqli.string-query
    return this.db.query(`SELECT * FROM users WHERE role = '${dto.role}' AND team = '${dto.team}' ORDER BY ${dto.sort} OFFSET ${dto.page * 20}`);
  }

  search(dto: ListUsersDto) {
    // ruleid: js.sqli.string-query
    return this.db.query(`SELECT * FROM users WHERE name ILIKE '%${dto.search}%'`);
  }
}

@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService, private readonly db: DataSource) {}

  @Get()
  list(@Query() dto: ListUsersDto) {
    return this.users.list(dto);
  }

  @Get('search')
  search(@Query() dto: ListUsersDto) {
    return this.users.search(dto);
  }

  @Get('count')
  count(@Query() dto: ListUsersDto) {
    // ok: js.sqli.string-query
    const byRole = this.db.query(`SELECT count(*) FROM users WHERE role = '${dto.role}'`);
    // ruleid: js.sqli.string-query
    const byName = this.db.query(`SELECT count(*) FROM users WHERE name = '${dto.search}'`);
    return [byRole, byName];
  }

  // The DTO destructured in the parameter list: its typed fields still hold no text, its strings do.
  @Get('names')
  names(@Query() { search, page, role }: ListUsersDto) {
    // ruleid: js.sqli.string-query
    const byName = this.db.query(`SELECT * FROM users WHERE name ILIKE '%${search}%'`);
    // ok: js.sqli.string-query
    const paged = this.db.query(`SELECT * FROM users WHERE role = '${role}' OFFSET ${page * 20}`);
    return [byName, paged];
  }
}
