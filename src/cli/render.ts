import { UserError } from '../errors';
import { CliIo } from './io';

/** `cdk8s-crossplane render`: not built yet. */
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UserError('render is not available in this build');
}
