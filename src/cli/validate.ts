import { UserError } from '../errors';
import { CliIo } from './io';

/** `cdk8s-crossplane validate`: not built yet. */
export async function run(_args: string[], _io: CliIo): Promise<number> {
  throw new UserError('validate is not available in this build');
}
