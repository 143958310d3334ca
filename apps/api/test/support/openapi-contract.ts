import SwaggerParser from '@apidevtools/swagger-parser';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Ajv, type ValidateFunction } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { OpenAPIV3 } from 'openapi-types';
import { expect } from 'vitest';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
const METHODS: readonly Method[] = ['get', 'put', 'post', 'delete', 'patch'];

/** The headers the document must declare wherever an answer sends them. */
const DOCUMENTED_HEADERS = ['content-range', 'etag', 'location', 'retry-after'];

export interface ContractCall {
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as is, with `contentType`. */
  payload?: unknown;
  contentType?: string;
}

interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json<T>(): T;
}

/**
 * Sends requests to the real app and holds every answer to the OpenAPI document:
 * the status must be one the operation declares, the content type one it lists
 * for that status, the body valid against its schema, every header it declares
 * as required present, and every Content-Range, ETag, Location or Retry-After sent
 * declared. It records which operations answered a success and which an error.
 */
export class OpenApiContract {
  private readonly validators = new Map<object, ValidateFunction>();
  private readonly ajv = new Ajv({
    allErrors: true,
    strict: false,
    formats: { ...fullFormats, password: true, binary: true },
  });
  readonly exercised = new Map<string, Set<'success' | 'error'>>();

  private constructor(
    private readonly app: NestFastifyApplication,
    readonly document: OpenAPIV3.Document,
  ) {}

  /** `raw` is the document as served; it is validated against the OpenAPI 3.0 schema, then dereferenced. */
  static async load(app: NestFastifyApplication, raw: unknown): Promise<OpenApiContract> {
    await SwaggerParser.validate(structuredClone(raw) as OpenAPIV3.Document);
    const document = (await SwaggerParser.dereference(structuredClone(raw) as OpenAPIV3.Document)) as OpenAPIV3.Document;
    return new OpenApiContract(app, document);
  }

  /** Every operation of the document as `METHOD /path/{template}`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => item?.[method]).map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  has(operation: string): boolean {
    return this.operations().includes(operation);
  }

  /** Calls `url` as `operation` (e.g. `GET /api/v1/customers/{id}`) and checks the answer against the document. */
  async call(operation: string, url: string, init: ContractCall = {}): Promise<Answer> {
    const definition = this.operation(operation);
    const [method] = operation.split(' ') as [string];
    const headers: Record<string, string> = { ...init.headers };
    let payload: string | undefined;
    if (init.payload !== undefined) {
      payload = typeof init.payload === 'string' ? init.payload : JSON.stringify(init.payload);
      headers['content-type'] = init.contentType ?? 'application/json';
    }
    const answer = (await this.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    })) as unknown as Answer;
    this.check(operation, definition, answer);
    if (answer.statusCode < 300 && typeof init.payload === 'object' && init.payload !== null) {
      this.checkRequestBody(operation, definition, init.payload);
    }
    const kind = answer.statusCode < 400 ? 'success' : 'error';
    const seen = this.exercised.get(operation) ?? new Set();
    seen.add(kind);
    this.exercised.set(operation, seen);
    return answer;
  }

  /** Operations of the document that no call answered with a success, or with an error (`exempt` excused). */
  missing(exempt: Readonly<Record<string, string>> = {}): string[] {
    const missing: string[] = [];
    for (const operation of this.operations()) {
      const seen = this.exercised.get(operation) ?? new Set();
      if (!seen.has('success')) missing.push(`${operation}: no success exercised`);
      if (!seen.has('error') && !(operation in exempt)) missing.push(`${operation}: no error exercised`);
    }
    return missing;
  }

  private operation(operation: string): OpenAPIV3.OperationObject {
    const [method, path] = operation.split(' ') as [string, string];
    const found = this.document.paths[path]?.[method.toLowerCase() as Method];
    if (!found) throw new Error(`the OpenAPI document has no operation ${operation}`);
    return found;
  }

  private check(operation: string, definition: OpenAPIV3.OperationObject, answer: Answer): void {
    const where = `${operation} answered ${answer.statusCode} ${answer.body.slice(0, 300)}`;
    const response = definition.responses[String(answer.statusCode)] as OpenAPIV3.ResponseObject | undefined;
    expect(response, `${where}: that status is not in the document`).toBeDefined();
    for (const [name, header] of Object.entries(response!.headers ?? {})) {
      if ((header as OpenAPIV3.HeaderObject).required) {
        expect(answer.headers[name.toLowerCase()], `${where}: header ${name} is declared but was not sent`).toBeDefined();
      }
    }
    const declared = Object.keys(response!.headers ?? {}).map((name) => name.toLowerCase());
    for (const name of DOCUMENTED_HEADERS) {
      if (answer.headers[name] !== undefined) expect(declared, `${where}: header ${name} is sent but not declared`).toContain(name);
    }
    if (answer.body === '') {
      expect(response!.content, `${where}: an empty body, but the document promises content`).toBeUndefined();
      return;
    }
    const mediaType = String(answer.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim();
    const content = response!.content?.[mediaType];
    expect(
      content,
      `${where}: content type ${mediaType} is not in the document (${Object.keys(response!.content ?? {}).join(', ')})`,
    ).toBeDefined();
    const schema = content!.schema;
    if (!schema) return;
    const body: unknown = mediaType.endsWith('json') ? JSON.parse(answer.body) : answer.body;
    const validate = this.validator(schema);
    expect(validate(body), `${where}: body does not fit the schema: ${this.ajv.errorsText(validate.errors)}`).toBe(true);
  }

  private checkRequestBody(operation: string, definition: OpenAPIV3.OperationObject, payload: unknown): void {
    const body = definition.requestBody as OpenAPIV3.RequestBodyObject | undefined;
    expect(body?.content['application/json'], `${operation} took a JSON body the document does not declare`).toBeDefined();
    const validate = this.validator(body!.content['application/json']!.schema as object);
    expect(
      validate(payload),
      `${operation}: an accepted request does not fit the request schema: ${this.ajv.errorsText(validate.errors)}`,
    ).toBe(true);
  }

  private validator(schema: object): ValidateFunction {
    let validate = this.validators.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(schema, validate);
    }
    return validate;
  }
}
