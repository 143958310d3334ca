import { Body, Controller, Get, Headers, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange, etagOf, parseIfMatch } from '../common/http-headers.js';
import { ApiRaList } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { ETAG_HEADER, LOCATION_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { assertCustomerId } from './customer-id.js';
import { CUSTOMER_SORT_FIELDS, MAX_PAGE, parseCustomerListQuery } from './customer-list-query.js';
import { CustomersService } from './customers.service.js';
import type { CustomerDto } from './dto/customer.dto.js';
import { parseUpsertCustomer } from './dto/upsert-customer.input.js';

@ApiTags('customers')
@Controller(`${API_V1}/customers`)
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @ApiOperation({ summary: 'Customers with their tier, paged, sorted and filtered' })
  @ApiRaList({
    item: 'Customer',
    resource: 'customers',
    sortFields: CUSTOMER_SORT_FIELDS,
    defaultSort: '["name","ASC"]',
    filterExample: { q: 'acme', tier: ['A', 'B'], overridden: false },
    filterDescription:
      'q: text anywhere in the id, name or phone number, ignoring case (an empty q matches everyone); tier: one tier or a list; id: customer ids (getMany); overridden: true for customers kept in a tier by hand.',
    maxPage: MAX_PAGE,
  })
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  @Get()
  @Roles(...READERS)
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto[]> {
    const parsed = parseCustomerListQuery(query);
    const page = await this.customers.list(parsed);
    void reply.header('content-range', contentRange('customers', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  @ApiOperation({ summary: 'One customer, with its facts and tier' })
  @ApiOkResponse({ description: 'The customer', schema: schemaRef('Customer'), headers: { ETag: ETAG_HEADER } })
  @ApiProblems({ 400: 'invalid-request (not a customer id)', 404: 'customer-not-found' })
  @Get(':id')
  @Roles(...READERS)
  async get(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto> {
    const customer = await this.customers.get(assertCustomerId(id));
    void reply.header('etag', etagOf(customer.version));
    return customer;
  }

  /** Create or replace. 201 when created; If-Match: "<version>" makes the replace conditional. */
  @ApiOperation({ summary: 'Create or replace a customer; it is graded under the policy in force in the same transaction' })
  @ApiBody({ schema: schemaRef('UpsertCustomerRequest') })
  @ApiOkResponse({ description: 'Replaced', schema: schemaRef('Customer'), headers: { ETag: ETAG_HEADER } })
  @ApiCreatedResponse({
    description: 'Created',
    schema: schemaRef('Customer'),
    headers: { ETag: ETAG_HEADER, Location: LOCATION_HEADER },
  })
  @ApiProblems({
    400: 'invalid-request',
    412: 'version-conflict (If-Match names an older version)',
    422: 'invalid-facts',
    503: 'no-active-policy',
  })
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
