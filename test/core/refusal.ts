import { InvalidValue } from '../../src/core/grammar.js';

/** What `parse()` throws when it refuses a value (an {@link InvalidValue}), or undefined when it takes it. */
export function refusal(parse: () => unknown): InvalidValue | undefined {
  try {
    parse();
  } catch (err) {
    if (err instanceof InvalidValue) return err;
    throw err;
  }
  return undefined;
}
