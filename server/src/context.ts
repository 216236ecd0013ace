import type { Gateway } from './db/gateway.ts';

/** What every resolver receives: the gateway to the graph. */
export interface Context {
  gateway: Gateway;
}
