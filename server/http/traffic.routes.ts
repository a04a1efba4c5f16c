import { z } from 'zod';
import type { Traffic } from '../traffic/index.js';
import { trafficWindowSchema } from '../shared/index.js';
import { actorOf } from './request-context.js';
import type { Route } from './route.js';
import { validateInput } from './validate-input.js';

const MAX_WINDOWS = 100;
const windowBatch = z.strictObject({ windows: z.array(trafficWindowSchema).min(1).max(MAX_WINDOWS) });

export function trafficRoutes(traffic: Traffic): Route[] {
  return [
    {
      method: 'post',
      access: 'traffic.write',
      path: '/traffic/windows',
      accepts: 'windows',
      handler: async (req, res) => {
        const batch = typeof req.body === 'object' && req.body !== null && 'windows' in req.body;
        const windows = batch ? validateInput(windowBatch, req.body).windows : [validateInput(trafficWindowSchema, req.body)];
        const results = await traffic.ingest(windows, actorOf(res), (i) => (batch ? `/windows/${i}` : ''));
        const accepted = results.some((r) => r.status === 'accepted');
        // 202: counted, while the objectives it may breach are evaluated; 200: nothing new was counted.
        res.status(accepted ? 202 : 200);
        if (batch) res.json({ status: accepted ? 'accepted' : 'duplicate', windows: results.map((r) => ({ id: r.id, status: r.status })) });
        else res.json({ id: results[0]!.id, status: results[0]!.status });
      },
    },
  ];
}
