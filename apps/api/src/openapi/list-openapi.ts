import { applyDecorators } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { CONTENT_RANGE_HEADER } from './response-headers.js';
import { arrayOf } from './schema-ref.js';

export interface RaListDescription {
  /** The named schema of one item. */
  item: string;
  /** The resource name Content-Range carries: `customers 0-24/319`. */
  resource: string;
  sortFields: readonly string[];
  /** The sort used when none is sent, as ra-data-simple-rest writes one. */
  defaultSort: string;
  /** The filter keys this list reads, and how, as an example object. */
  filterExample: Record<string, unknown>;
  filterDescription: string;
  /** The range used when none is sent. */
  defaultRange?: string;
  maxPage?: number;
}

/**
 * A list in the ra-data-simple-rest dialect: `sort`, `range` and `filter` are
 * JSON in the query string, and the answer is an array with Content-Range.
 */
export function ApiRaList(list: RaListDescription): MethodDecorator {
  return applyDecorators(
    ApiQuery({
      name: 'sort',
      required: false,
      description: `["field","ASC"|"DESC"] as JSON; field is one of ${list.sortFields.join(', ')}. Default ${list.defaultSort}.`,
      schema: { type: 'string', example: list.defaultSort },
    }),
    ApiQuery({
      name: 'range',
      required: false,
      description: `[first,last] as JSON, zero-based and inclusive${list.maxPage ? `, at most ${list.maxPage} items` : ''}. Default ${list.defaultRange ?? '[0,24]'}.`,
      schema: { type: 'string', example: list.defaultRange ?? '[0,24]' },
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      description: `An object as JSON. ${list.filterDescription}`,
      schema: { type: 'string', example: JSON.stringify(list.filterExample) },
    }),
    ApiOkResponse({
      description: `A page of ${list.resource}; the page and the total in Content-Range`,
      schema: arrayOf(list.item),
      headers: { 'Content-Range': CONTENT_RANGE_HEADER },
    }),
  );
}
