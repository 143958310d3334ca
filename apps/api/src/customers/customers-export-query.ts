import { parseCustomerListQuery, type CustomerListQuery } from './customer-list-query.js';

export type CustomersExportQuery = Pick<CustomerListQuery, 'sort' | 'filter'>;

/** The list's sort and filter, read and refused (400) as the list reads them; the export is every customer they select, so no range. */
export function parseCustomersExportQuery(query: Record<string, unknown>): CustomersExportQuery {
  const { sort, filter } = parseCustomerListQuery({ ...query, range: undefined });
  return { sort, filter };
}
