import { Body, Controller, Get, Headers, Param, Put, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange, etagOf, parseIfMatch } from '../common/http-headers.js';
import { assertCustomerId } from './customer-id.js';
import { parseCustomerListQuery } from './customer-list-query.js';
import { CustomersService } from './customers.service.js';
import type { CustomerDto } from './dto/customer.dto.js';
import { parseUpsertCustomer } from './dto/upsert-customer.input.js';

@Controller(`${API_V1}/customers`)
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @Roles(...READERS)
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto[]> {
    const parsed = parseCustomerListQuery(query);
    const page = await this.customers.list(parsed);
    void reply.header('content-range', contentRange('customers', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @Get(':id')
  @Roles(...READERS)
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto> {
    const customer = await this.customers.get(assertCustomerId(id));
    void reply.header('etag', etagOf(customer.version));
    return customer;
  }

  /** Create or replace. 201 when created; If-Match: "<version>" makes the replace conditional. */
  @Put(':id')
  @Roles('admin')
  async upsert(
    @Param('id') id: string,
    @Body() body: unknown,
    @Headers('if-match') ifMatch: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CustomerDto> {
    const customerId = assertCustomerId(id);
    const input = parseUpsertCustomer(body, customerId);
    const { customer, created } = await this.customers.upsert(customerId, input, {
      actor: actorOf(request),
      requestId: request.id,
      expectedVersion: parseIfMatch(ifMatch),
    });
    void reply.status(created ? 201 : 200).header('etag', etagOf(customer.version));
    if (created) void reply.header('location', `/${API_V1}/customers/${encodeURIComponent(customerId)}`);
    return customer;
  }
}
