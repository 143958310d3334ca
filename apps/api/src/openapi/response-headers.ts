import type { HeaderObject } from '@nestjs/swagger';

// The response headers clients act on, described once and referenced by every operation that sends them.

export const CONTENT_RANGE_HEADER: HeaderObject = {
  description: 'The page and the total, as react-admin reads it: `customers 0-24/319`, or `customers */0` for an empty page.',
  required: true,
  schema: { type: 'string', example: 'customers 0-24/319' },
};

export const ETAG_HEADER: HeaderObject = {
  description: 'The version of the record (a strong tag, e.g. "3"); send it back in If-Match to make a change conditional.',
  required: true,
  schema: { type: 'string', example: '"3"' },
};

export const LOCATION_HEADER: HeaderObject = {
  description: 'Where the record just created can be read.',
  required: true,
  schema: { type: 'string', format: 'uri-reference' },
};

export const RETRY_AFTER_HEADER: HeaderObject = {
  description: 'Seconds to wait before trying again.',
  required: true,
  schema: { type: 'integer', minimum: 0 },
};
