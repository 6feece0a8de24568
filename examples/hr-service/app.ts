// The HTTP side: Hono routes over the service. Every answer is JSON; a body that is not
// JSON, or is too large, is a 400 or 413 naming the problem; nothing leaks a stack trace.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { invalid, type Reply, type Service } from './service.js';

const json = (reply: Reply | { status: number; body: unknown }): Response =>
  new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'content-type': 'application/json; charset=utf-8' } });

export function createApp(service: Service): Hono {
  const app = new Hono();
  app.onError((error) => {
    console.error(error);
    return json({ status: 500, body: { error: 'internal', message: 'The service failed; the check-in was not stored.' } });
  });
  app.notFound(() => json({ status: 404, body: { error: 'not_found', message: 'No such route.' } }));
  app.post(
    '/tenants/:tenant/check-ins',
    bodyLimit({ maxSize: 64 * 1024, onError: () => json({ status: 413, body: { error: 'too_large', message: 'A check-in is at most 64 KiB.' } }) }),
    async (c) => {
      // JSON only: a form or text/plain POST is one a page on another site can send without a
      // CORS preflight, so accepting it would let any page create check-ins (CSRF).
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        return json({ status: 415, body: { error: 'unsupported_media_type', message: 'Send the check-in as JSON, with content-type: application/json.' } });
      }
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return json(invalid([{ path: [], code: 'invalid_json', message: 'The body is not JSON.' }]));
      }
      return json(await service.postCheckIn(c.req.param('tenant'), body));
    },
  );
  app.get('/tenants/:tenant/objectives/:id', async (c) => json(await service.getObjective(c.req.param('tenant'), c.req.param('id'))));
  return app;
}
