// NestJS HttpService (@nestjs/axios) injected into a controller.
import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';

const PARTNER = 'https://partner.example.net/v1/cards';

@Controller('cards')
export class CardsController {
  constructor(private readonly http: HttpService) {}

  @Post('preview')
  async preview(@Body('url') url: string) {
    // ruleid: js.ssrf.http-client
    const res = await firstValueFrom(this.http.get(url, { timeout: 3000 }));
    return res.data;
  }

  @Get('raw')
  async raw(@Query('url') url: string) {
    // ruleid: js.ssrf.http-client
    const res = await this.http.axiosRef.get(url);
    return res.data;
  }

  @Get('partner')
  async partner(@Query('id') id: string) {
    // ok: js.ssrf.http-client
    const res = await firstValueFrom(this.http.get(PARTNER, { params: { id } }));
    return res.data;
  }
}
