import Fastify from 'fastify';
import pg from 'pg';

// The limit the API is measured against: plain Fastify answering the same
// decision JSON for the same customers, from a Map filled once at start. No
// Nest, no database on the request path, no logging.
const url = process.env['DATABASE_URL'];
const port = Number(process.env['PORT']);
if (!url || !Number.isInteger(port)) throw new Error('bare-server needs DATABASE_URL and PORT');

const client = new pg.Client({ connectionString: url });
await client.connect();
// The body as the API builds it (src/decisions/tier-assignment.repository.ts): decision is json, its
// text kept in the contract's key order, so id leads and gradedAt and cause are spliced in as text
// (json has no || operator). If the two drift, sameAnswers stops the bench before anything is timed.
const { rows } = await client.query<{ customer_id: string; body: string }>(
  `SELECT customer_id,
          '{"id":' || to_json(customer_id)::text || ',' || substr(left(decision::text, -1), 2)
            || ',"gradedAt":' || to_json(to_char(graded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text
            || ',"cause":' || to_json(cause)::text || '}' AS body
     FROM tier_assignments`,
);
await client.end();
const decisions = new Map(rows.map((row) => [row.customer_id, row.body]));

const app = Fastify({ logger: false });
app.get<{ Params: { customerId: string } }>('/api/v1/decisions/:customerId', async (request, reply) => {
  const body = decisions.get(request.params.customerId);
  if (body === undefined) return reply.code(404).send({ status: 404 });
  return reply.type('application/json; charset=utf-8').send(body);
});
await app.listen({ port, host: '127.0.0.1' });
process.stdout.write(`ready ${decisions.size}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
