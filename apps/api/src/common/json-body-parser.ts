import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import secureJson from 'secure-json-parse';
import { DomainException } from './domain.exception.js';
import { ErrorCode } from './error-code.js';
import { findUnstorableJson } from './storable-json.js';

/**
 * The API's one JSON body parser, in place of Fastify's default. The same
 * secure-json-parse Fastify uses (a `__proto__` or `constructor.prototype` key is
 * refused), then one walk that refuses what would otherwise fail deep inside a
 * service as a 500: NUL characters, numbers past a double, hostile nesting.
 * An empty body is no body: clients send DELETE and POST with this content
 * type and nothing after it.
 */
export function registerJsonBodyParser(app: NestFastifyApplication): void {
  app.useBodyParser('application/json', {}, (_request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    let value: unknown;
    try {
      value = secureJson.parse(body, null, { protoAction: 'error', constructorAction: 'error' });
    } catch (error) {
      return done(malformedJson(error as Error), undefined);
    }
    const problem = findUnstorableJson(value);
    if (problem) return done(DomainException.invalidRequest([problem]), undefined);
    done(null, value);
  });
  // JSON sent as text/plain (a form posted by hand, a fetch without headers)
  // would reach a route as a string; an empty one is react-admin's DELETE.
  app.useBodyParser('text/plain', {}, (_request, body, done) => {
    if (body.length === 0) return done(null, undefined);
    done(
      new DomainException(
        ErrorCode.UnsupportedMediaType,
        'this API reads request bodies as JSON: send the body with Content-Type: application/json',
      ),
      undefined,
    );
  });
}

function malformedJson(error: Error): DomainException {
  const detail = /prototype/.test(error.message)
    ? 'the body has a __proto__ or constructor.prototype field, which is not accepted'
    : `the body is not valid JSON: ${error.message}`;
  return new DomainException(ErrorCode.MalformedJson, detail);
}
