import type { z } from 'zod';
import type { Channel, ResponseOf } from '../contract/DossierApi';
import type { requestSchemas } from '../contract/requestSchemas';
import type { CaseSession } from './CaseSession';

/** A channel's handler gets the already-validated request and the window's session. */
export type Handler<C extends Channel> = (
  request: z.output<(typeof requestSchemas)[C]>,
  session: CaseSession,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type HandlerMap<C extends Channel = Channel> = { [K in C]: Handler<K> };
