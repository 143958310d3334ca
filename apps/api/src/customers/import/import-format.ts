import { DomainException } from '../../common/domain.exception.js';
import { ErrorCode } from '../../common/error-code.js';

export type ImportFormat = 'jsonl' | 'csv';

/** The media types an import is sent as; any charset parameter must be UTF-8. */
export const IMPORT_MEDIA_TYPES: Readonly<Record<string, ImportFormat>> = {
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'text/csv': 'csv',
};

export function importFormatOf(contentType: string | undefined): ImportFormat {
  const [mediaType = '', ...parameters] = (contentType ?? '').split(';').map((part) => part.trim().toLowerCase());
  const format = IMPORT_MEDIA_TYPES[mediaType];
  const charset = parameters
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (format && (charset === undefined || charset === 'utf-8' || charset === 'utf8')) return format;
  const sent = contentType ? `'${contentType.slice(0, 100)}'` : 'no Content-Type';
  throw new DomainException(
    ErrorCode.UnsupportedMediaType,
    `customers are imported as JSON lines (application/x-ndjson) or CSV (text/csv), in UTF-8; the request has ${sent}`,
  );
}
