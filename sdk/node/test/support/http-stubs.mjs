// Small real HTTP servers on loopback for the outage cases: a front that answers 503 (a load balancer whose backend is
// gone), one that never answers (a hung backend), and a webhook receiver that hands requests to a handler.
import { createServer } from 'node:http';

export async function listen(handler) {
  const server = createServer(handler);
  const sockets = new Set();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(resolve);
    }),
  };
}

export const answering503 = () => {
  const calls = { count: 0 };
  return listen((req, res) => {
    calls.count++;
    req.resume();
    res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '5' }).end('Service Unavailable');
  }).then((server) => ({ ...server, calls }));
};

export const neverAnswering = () => listen((req) => req.resume());
