import { Body, Controller, Get, Headers, Param, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { READERS } from '../auth/role.js';
import { Roles } from '../auth/roles.decorator.js';
import { actorOf } from '../common/actor.js';
import { API_V1 } from '../common/api-prefix.js';
import { contentRange, etagOf, parseIfMatch } from '../common/http-headers.js';
import { ApiCsvExport } from '../openapi/csv-export-openapi.js';
import { ApiRaList, type RaListDescription } from '../openapi/list-openapi.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { ETAG_HEADER, LOCATION_HEADER } from '../openapi/response-headers.js';
import { schemaRef } from '../openapi/schema-ref.js';
import { assertCustomerId } from './customer-id.js';
import { CUSTOMER_SORT_FIELDS, MAX_PAGE, parseCustomerListQuery } from './customer-list-query.js';
import { CUSTOMERS_CSV_COLUMNS } from './customers-csv.js';
import { parseCustomersExportQuery } from './customers-export-query.js';
import { CustomersExportService } from './customers-export.service.js';
import { CustomersService } from './customers.service.js';
import type { CustomerDto } from './dto/customer.dto.js';
import { parseUpsertCustomer } from './dto/upsert-customer.input.js';

const CUSTOMER_LIST: RaListDescription = {
  item: 'Customer',
  resource: 'customers',
  sortFields: CUSTOMER_SORT_FIELDS,
  defaultSort: '["name","ASC"]',
  filterExample: { q: 'acme', tier: ['A', 'B'], overridden: false },
  filterDescription:
    'q: text anywhere in the id, name or phone number, ignoring case (an empty q matches everyone); tier: one tier or a list; id: customer ids (getMany); overridden: true for customers kept in a tier by hand.',
  maxPage: MAX_PAGE,
};

@ApiTags('customers')
@Controller(`${API_V1}/customers`)
export class CustomersController {
  constructor(
    private readonly customers: CustomersService,
    private readonly exporter: CustomersExportService,
  ) {}

  @ApiOperation({ summary: 'Customers with their tier, paged, sorted and filtered' })
  @ApiRaList(CUSTOMER_LIST)
  @ApiProblems({ 400: 'invalid-request (a sort, range or filter that does not fit)' })
  @Get()
  @Roles(...READERS)
  async list(@Query() query: Record<string, unknown>, @Res({ passthrough: true }) reply: FastifyReply): Promise<CustomerDto[]> {
    const parsed = parseCustomerListQuery(query);
    const page = await this.customers.list(parsed);
    void reply.header('content-range', contentRange('customers', parsed.range.start, page.items.length, page.total));
    return page.items;
  }

  /**
   * The list's filter and sort, every selected customer with its grading, streamed page by page as
   * the client reads. Fastify matches this static path before :id (so a customer whose id is
   * `export.csv` is read through the list's id filter).
   */
  @ApiOperation({
    summary: "Every customer the filter selects as CSV, with tier, score and treatments, in the list's order",
    description:
      "treatments: the decision's treatments as `type: param=value, param=value; type: ...` (text holding a separator or reading as a number, true or nothing is a JSON string; lists and objects are JSON). tierOverride, tierOverrideReason: the tier set by hand and why. Columns of a customer not graded yet are empty.",
  })
  @ApiCsvExport({
    row: 'customer',
    filename: 'customers',
    columns: CUSTOMERS_CSV_COLUMNS,
    sortFields: CUSTOMER_LIST.sortFields,
    defaultSort: CUSTOMER_LIST.defaultSort,
    filterExample: CUSTOMER_LIST.filterExample,
    filterDescription: CUSTOMER_LIST.filterDescription,
  })
  @ApiProblems({ 400: 'invalid-request (a sort or filter that does not fit)' })
  @Get('export.csv')
  @Roles(...READERS)
  async exportCsv(@Query() query: Record<string, unknown>): Promise<StreamableFile> {
    const csv = await this.exporter.exportCsv(parseCustomersExportQuery(query));
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="customers-${stamp}.csv"`,
    });
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
